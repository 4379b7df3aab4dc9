package org.gn4j.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gn4j.bench.nlls.NllsBenchmark;
import org.gn4j.bench.nlls.NllsProblem;
import org.gn4j.bench.nlls.NllsReport;
import org.gn4j.bench.nlls.NllsSolver;
import org.gn4j.bench.nlls.NllsSuites;
import org.gn4j.bench.nlls.RunResult;
import org.gn4j.bench.nlls.ScipyBridge;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gn4j bench nlls}: runs solver configurations over a least-squares suite and compares them.
 *
 * <p>Suites ({@link NllsSuites}): {@code nist}, the 27 NIST StRD data sets × 2 starts, solved when every parameter
 * agrees with the certified value to 6 digits (LRE ≥ 6); {@code mgh}, the Moré-Garbow-Hillstrom functions from x0,
 * 10·x0 and 100·x0, solved when the final cost is an acceptable one; {@code bounded}, the 25 bound-constrained problems of
 * {@code BoundedSuite}, solved at a KKT point (projected gradient at most 1e-8 of the start's gradient) that reaches
 * the best known cost; {@code sparse-mgh}, the scalable MGH functions at {@code --sizes} parameters against SciPy
 * {@code trf} + {@code lsmr} with {@code jac_sparsity} ({@link SparseMghRun}).
 *
 * <p>Solvers: gn4j {@code lm} (trust-region damping), {@code lm-plain} (no geodesic acceleration), {@code lm-nielsen}
 * and {@code lm-nielsen-plain} (Nielsen's damping, with and without geodesic acceleration), {@code lm-cholesky}, {@code lm-cg},
 * {@code dogleg}, {@code gn}, each with its defaults (tolerances 1e-14); SciPy {@code scipy-lm}
 * ({@code least_squares(method='lm')}, MINPACK lmder), {@code scipy-trf} ({@code method='trf'}, with bounds where the
 * suite has them) and {@code scipy-trf-jac} ({@code 'trf'}, {@code x_scale='jac'}), with SciPy's default tolerances
 * {@code ftol = xtol = gtol = 1e-8}. SciPy runs in one {@code python3} child process per command whose residuals and
 * Jacobians are evaluated by gn4j ({@link ScipyBridge}), so each problem is defined once and both sides' evaluations
 * are counted the same way. Without python3 or SciPy the SciPy solvers are reported unavailable and the gn4j ones
 * still run.
 *
 * <p>Output: a CSV with one row per problem × solver (cost, counts, termination, time, solved), a table on stdout
 * (per solver: runs solved; median evaluations and time over the runs every listed solver solves) and a PNG of two
 * Dolan-Moré performance profiles, residual + Jacobian evaluations and time (unsolved runs count as ∞).
 */
@Command(name = "nlls", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Compare least-squares solvers (gn4j and SciPy least_squares) on the NIST StRD, "
                + "Moré-Garbow-Hillstrom or bound-constrained suite: CSV, summary table and Dolan-Moré performance profiles.",
            "gn4j solvers run with their defaults (tolerances 1e-14); SciPy with its defaults "
                + "(ftol = xtol = gtol = 1e-8), through one python3 child whose residuals and Jacobians gn4j "
                + "evaluates, so the evaluation counts are exact on both sides.",
            "Solved: NIST every parameter LRE >= 6 against the certified values; MGH the final cost is an "
                + "acceptable one; bounded a KKT point (projected gradient <= 1e-8 of the start's gradient) at the "
                + "best known cost. Profiles count unsolved runs as infinity.",
            "  gn4j bench nlls --suite nist --solvers lm,dogleg,scipy-lm,scipy-trf --csv nist.csv --plot nist.png",
            "  gn4j bench nlls --suite mgh --solvers lm,lm-plain,scipy-lm --csv mgh.csv --plot mgh.png",
            "  gn4j bench nlls --suite bounded --solvers lm,dogleg,scipy-trf --csv bounded.csv",
            "  gn4j bench nlls --suite nist --solvers lm,dogleg --problems Misra1a,DanWood",
            "  gn4j bench nlls --suite sparse-mgh --sizes 10000,100000,1000000 --csv sparse.csv"})
public final class NllsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--suite", defaultValue = "nist", paramLabel = "NAME",
            description = "nist, mgh, bounded or sparse-mgh (default: ${DEFAULT-VALUE}).")
    String suite;

    @Option(names = "--sizes", split = ",", paramLabel = "N",
            description = "sparse-mgh: the numbers of parameters (default: 10000,100000,1000000).")
    List<Integer> sizes;

    @Option(names = "--scipy-max-size", defaultValue = "100000", paramLabel = "N",
            description = "sparse-mgh: run SciPy only up to this size (default: ${DEFAULT-VALUE}).")
    int scipyMaxSize;

    @Option(names = "--solvers", defaultValue = "lm,dogleg,gn,scipy-lm,scipy-trf", split = ",", paramLabel = "NAME",
            description = "lm, lm-plain, lm-nielsen, lm-nielsen-plain, lm-cholesky, lm-cg, dogleg, gn, scipy-lm, scipy-trf, scipy-trf-jac "
                    + "(default: ${DEFAULT-VALUE}); for sparse-mgh: lm, lm-cholesky, lm-qr, lm-fd, scipy-trf-lsmr, "
                    + "scipy-trf-lsmr-gtol-off (default there: lm,lm-qr,lm-fd,scipy-trf-lsmr).")
    List<String> solverNames;

    @Option(names = "--problems", split = ",", paramLabel = "NAME",
            description = "Only these data sets / functions (or run names, e.g. 'Rosenbrock x10'); default: all.")
    List<String> problemNames;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write one row per problem x solver here (default: none).")
    Path csv;

    @Option(names = "--plot", paramLabel = "FILE", description = "Write the two performance profiles here (PNG) (default: none).")
    Path plot;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
            description = "Runs per problem x solver; the smallest time is kept (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--python", defaultValue = "python3", paramLabel = "CMD",
            description = "Python interpreter for the SciPy solvers (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--no-progress", description = "No line per run on stderr.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (repeats < 1) {
            throw new ParameterException(spec.commandLine(), "--repeats is " + repeats + ", expected >= 1");
        }
        new CommandPaths(spec.commandLine()).outputFile("--csv", csv).outputFile("--plot", plot).check();
        if ("sparse-mgh".equals(suite.trim().toLowerCase(Locale.ROOT))) {
            return new SparseMghRun(spec, out, err, sizes, scipyMaxSize, python, csv, problemNames, repeats,
                    spec.commandLine().getParseResult().hasMatchedOption("--solvers") ? solverNames : null).call();
        }
        List<String> names = new ArrayList<>();
        for (String s : solverNames) {
            String name = s.trim().toLowerCase(Locale.ROOT);
            if (!NllsSolver.GN4J.contains(name) && !NllsSolver.SCIPY.contains(name)) {
                throw new ParameterException(spec.commandLine(), "--solvers: '" + s.trim() + "', expected one of "
                        + NllsSolver.GN4J + " or " + NllsSolver.SCIPY);
            }
            if (names.contains(name)) {
                throw new ParameterException(spec.commandLine(), "--solvers: '" + name + "' is listed twice");
            }
            names.add(name);
        }
        List<NllsProblem> problems;
        try {
            problems = NllsSuites.suite(suite.trim().toLowerCase(Locale.ROOT));
            if (problemNames != null) {
                problems = NllsSuites.select(problems, problemNames);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ScipyBridge bridge = null;
        if (names.stream().anyMatch(NllsSolver.SCIPY::contains)) {
            try {
                bridge = ScipyBridge.start(python);
                out.println("SciPy: " + bridge.versions() + " (ftol = xtol = gtol = 1e-8, SciPy's defaults)");
            } catch (ScipyBridge.Unavailable e) {
                List<String> dropped = names.stream().filter(NllsSolver.SCIPY::contains).toList();
                names.removeAll(dropped);
                err.println("gn4j bench nlls: " + String.join(", ", dropped) + " unavailable: " + e.getMessage());
                err.flush();
                if (names.isEmpty()) {
                    err.println("gn4j bench nlls: no solver left to run");
                    return 1;
                }
            }
        }
        try {
            List<NllsSolver> solvers = new ArrayList<>();
            for (String name : names) {
                solvers.add(NllsSolver.GN4J.contains(name) ? NllsSolver.gn4j(name) : NllsSolver.scipy(name, bridge));
            }
            out.printf(Locale.ROOT, "suite %s: %d runs x %d solvers (%s); gn4j solvers with their defaults; "
                    + "time = smallest of %d repeats%n", suite, problems.size(), names.size(), String.join(", ",
                    names), repeats);
            out.flush();
            int total = problems.size() * solvers.size();
            int[] done = {0};
            long started = System.nanoTime();
            List<RunResult> results = NllsBenchmark.run(problems, solvers, repeats, r -> {
                done[0]++;
                if (!noProgress) {
                    // one line per run (a log of the suite), led by the overall counter and the time left
                    err.printf(Locale.ROOT, "  [%s] %-28s %-14s %-3s cost %-12.6g evals %4d + %-4d %-16s %.3f ms%n",
                            ProgressLine.eta(done[0] - 1, total, (System.nanoTime() - started) / 1e9), r.problem(),
                            r.solver(), r.solved() ? "yes" : "no", r.cost(), r.residualEvaluations(),
                            r.jacobianEvaluations(), r.status(), 1e3 * r.seconds());
                    err.flush();
                }
            });
            NllsReport report = new NllsReport(suite, names, results);
            out.print(report.table());
            if (csv != null) {
                report.writeCsv(csv);
                out.println("wrote " + csv);
            }
            if (plot != null) {
                report.writePlot(plot);
                out.println("wrote " + plot);
            }
            out.flush();
            return 0;
        } finally {
            if (bridge != null) {
                bridge.close();
            }
        }
    }
}
