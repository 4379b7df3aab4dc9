package org.gn4j.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gn4j.bench.plot.HeatMapPng;
import org.gn4j.gn.StepSolver;
import org.gn4j.gn.TerminationReason;
import org.gn4j.gn.stochastic.Damping;
import org.gn4j.pinn.pde.PinnProblem;
import org.gn4j.pinn.problems.Benchmarks;
import org.gn4j.pinn.train.AdamTrainer;
import org.gn4j.pinn.train.GaussNewtonTrainer;
import org.gn4j.pinn.train.HistoryPoint;
import org.gn4j.pinn.train.LbfgsTrainer;
import org.gn4j.pinn.train.LevenbergMarquardtTrainer;
import org.gn4j.pinn.train.PinnOptimizer;
import org.gn4j.pinn.train.TrainingListener;
import org.gn4j.pinn.train.TrainingOptions;
import org.gn4j.pinn.train.TrainingResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gn4j pinn}: trains a physics-informed network on one of the benchmark problems (2D Poisson, 5D Poisson,
 * 1+1D heat) with one or more optimizers at the same wall-clock budget each, shows a progress line on stderr, prints
 * the error table (relative L2 and max error on an independent evaluation grid), and with {@code --out} writes the
 * loss / error history CSV and a PNG of solution, exact solution and pointwise error per optimizer.
 *
 * <p>Exit codes: 0 every optimizer ended with finite numbers (a budget or iteration cap is a normal ending), 3 one
 * ended {@code NON_FINITE} or with a non-finite loss or error (its row is printed), 1 bad input, 2 bad usage.
 */
@Command(name = "pinn", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Train a PINN on a benchmark PDE and report its error against the exact solution.",
            "  gn4j pinn --problem poisson2d --optimizer lm,adam --budget 300 --out results/pinn",
            "  gn4j pinn --problem heat1d --optimizer gn --budget 60",
            "  gn4j pinn --problem burgers1d-c --optimizer lm,adam --budget 600 --out results/burgers"})
public final class PinnCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--problem", defaultValue = "poisson2d", paramLabel = "NAME",
            description = "poisson2d, poisson5d, heat1d, fbpinn1d, fbpinn2d, heat2d-ms-dd (Heat2d-MS as an FBPINN), "
                    + "or a PINNacle problem: burgers1d-c, "
                    + "wave1d-c, heat2d-ms, pinv (σ = 0.1), pinv-exact (σ = 0), ns2d-c, ns2d-c-corners "
                    + "(NS2d-C with the Stokes corner solutions added to its networks) (default: ${DEFAULT-VALUE}).")
    String problem;

    @Option(names = "--subdomains", defaultValue = "0", paramLabel = "K",
            description = "FBPINN subdomains (per dimension in 2D, along x for heat2d-ms-dd; 0: the default, 30 in 1D, "
                    + "4 in 2D, 10 for heat2d-ms-dd).")
    int subdomains;

    @Option(names = "--overlap", paramLabel = "RATIO", defaultValue = "0.5", description = "FBPINN overlap ratio (default: ${DEFAULT-VALUE}).")
    double overlap;

    @Option(names = "--points", defaultValue = "0", paramLabel = "N",
            description = "FBPINN collocation points (1D: total; 2D: per axis and per side; heat2d-ms-dd: along x, "
                    + "16 along y and t; 0: the default, 3000 in 1D, 60 in 2D, 160 for heat2d-ms-dd).")
    int points;

    @Option(names = "--single-hidden", split = ",", paramLabel = "W",
            description = "Hidden widths of the single-network baseline (single-lm) of FBPINN problems (default: the --hidden widths).")
    int[] singleHidden;

    @Option(names = "--optimizer", defaultValue = "lm,adam", split = ",", paramLabel = "NAME",
            description = "Comma-separated: lm (gauss-newton Levenberg-Marquardt), gn (damped GN, Cholesky), "
                    + "gn-woodbury, gn-cg, engd (fixed damping + grid line search), adam, lbfgs "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> optimizers;

    @Option(names = "--budget", defaultValue = "60", paramLabel = "SECONDS",
            description = "Wall-clock budget per optimizer in seconds (Infinity: no limit; default: "
                    + "${DEFAULT-VALUE}).")
    double budget;

    @Option(names = "--max-iterations", paramLabel = "N", description = "Iteration cap per optimizer (default: none: the budget decides).")
    Integer maxIterations;

    @Option(names = "--target", defaultValue = "0", paramLabel = "REL_L2",
            description = "Stop an optimizer once its relative L2 error reaches this (0: use the whole budget) (default: ${DEFAULT-VALUE}).")
    double target;

    @Option(names = "--hidden", split = ",", paramLabel = "W", description = "Hidden widths, e.g. 14,14 (default: the problem's network).")
    int[] hidden;

    @Option(names = "--interior", defaultValue = "0", paramLabel = "N",
            description = "Interior points (0: the problem's default).")
    int interior;

    @Option(names = "--boundary", defaultValue = "0", paramLabel = "N",
            description = "Points per condition (0: the problem's default).")
    int boundary;

    @Option(names = "--constraint", paramLabel = "hard|soft",
            description = "Boundary/initial data as a distance-function ansatz (hard) or as residuals (soft); "
                    + "default hard for poisson2d, heat1d and poisson2d-c, soft for poisson5d and the other "
                    + "PINNacle problems; of those, ns2d-c can also be hard.")
    String constraint;

    @Option(names = "--resample", defaultValue = "0", paramLabel = "K",
            description = "Fresh collocation points every K iterations (0: never) (default: ${DEFAULT-VALUE}).")
    int resample;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "1e-3", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--lr-final", paramLabel = "RATE", defaultValue = "1e-4",
            description = "Adam rate reached by geometric decay over the run's expected steps "
                    + "(default: ${DEFAULT-VALUE}; equal to --lr for a constant rate).")
    double lrFinal;

    @Option(names = "--damping", paramLabel = "MU", defaultValue = "1e-10", description = "ENGD's fixed damping (default: ${DEFAULT-VALUE}).")
    double damping;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Initialization seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Write history CSVs, PNG plots and the table here (default: none: only the table is printed).")
    Path out;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Write the results (per optimizer: ending, errors, history) as JSON (default: none).")
    Path json;

    @Option(names = "--no-progress", description = "No progress line on stderr.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Boolean hard = null;
        if (constraint != null) {
            switch (constraint.toLowerCase(Locale.ROOT)) {
                case "hard":
                    hard = true;
                    break;
                case "soft":
                    hard = false;
                    break;
                default:
                    throw new ParameterException(spec.commandLine(),
                            "--constraint is '" + constraint + "', expected hard or soft");
            }
        }
        String problemName = problem.toLowerCase(Locale.ROOT);
        if (!problems().contains(problemName)) {
            throw new ParameterException(spec.commandLine(), "--problem is '" + problem + "', expected one of "
                    + String.join(", ", problems()));
        }
        Duration limit = BudgetOption.duration(spec.commandLine(), "--budget", budget);
        Duration wallClock = limit == null ? TrainingOptions.MAX_BUDGET : limit;
        checkCounts();
        new CommandPaths(spec.commandLine()).outputFolder("--out", out).outputFile("--json", json).check();
        if (out != null) {
            Files.createDirectories(out);
        }
        List<TrainingResult> results = new ArrayList<>();
        if (PinnacleRunner.handles(problemName)) {
            int code = PinnacleRunner.run(spec.commandLine(), o, err, !noProgress, problemName, optimizers, budget,
                    wallClock, maxIterations, target, hidden, interior, hard, resample, lr, seed, out, results);
            return writeJson(o, problemName, results, code);
        }
        if (FbpinnRunner.PROBLEMS.contains(problemName)) {
            int code = FbpinnRunner.run(o, problemName, optimizers, budget, wallClock,
                    maxIterations == null ? 0 : maxIterations, target, subdomains, overlap, hidden, singleHidden,
                    points, lr, lrFinal, seed, out, results);
            return writeJson(o, problemName, results, code);
        }
        Benchmarks.Setup setup = Benchmarks.setup(problemName, hidden, interior, boundary, hard);
        PinnProblem p = setup.problem();
        o.printf(Locale.ROOT, "problem %s: %s, %d residuals (%s), network %s, %s constraints, %d evaluation points%n",
                setup.name(), p.spec().domain(), p.residualCount(), groupSummary(p), p.network(),
                p.hardConstraint() == null ? "soft" : "hard", setup.evaluationPoints().length
                        / p.network().inputDimension());
        o.flush();
        double[] start = p.network().initialParameters(seed);
        TrainingOptions options = TrainingOptions.defaults().withBudget(wallClock)
                .withEvaluationPoints(setup.evaluationPoints()).withEvaluateEvery(Math.min(60, Math.max(0.25, budget / 200)))
                .withResampleEvery(resample).withTargetRelativeL2(target);
        if (maxIterations != null) {
            options = options.withMaxIterations(maxIterations);
        }
        for (String name : optimizers) {
            PinnOptimizer opt = optimizer(name.trim());
            Progress progress = new Progress(err, !noProgress, opt.name(), budget);
            TrainingResult r = opt.train(p, start, options, progress);
            progress.clear();
            results.add(r);
            o.printf(Locale.ROOT, "  %-44s rel L2 %.3e  max %.3e  %6d it  %6.1f s  %s%n", r.optimizer(),
                    r.last().relativeL2(), r.last().maxAbs(), r.iterations(), r.seconds(), r.status());
            o.flush();
            if (out != null) {
                String stem = setup.name() + "-" + slug(name);
                r.writeCsv(out.resolve(stem + "-history.csv"));
                plot(setup, r.parameters(), out.resolve(stem + "-solution.png"), r.optimizer());
            }
        }
        String table = table(setup, results, budget);
        o.println();
        o.print(table);
        o.flush();
        if (out != null) {
            Files.writeString(out.resolve(setup.name() + "-table.md"), table);
            o.printf(Locale.ROOT, "wrote %s%n", out.toAbsolutePath());
        }
        return writeJson(o, setup.name(), results, exitCode(results));
    }

    /** Writes the {@code --json} file when asked for, and passes the exit code on. */
    private int writeJson(PrintWriter o, String problemName, List<TrainingResult> results, int code)
            throws IOException {
        if (json != null) {
            ResultJson.writeFile(json, ResultJson.pinn(problemName, budget, results));
            o.println("wrote " + json);
            o.flush();
        }
        return code;
    }

    /** Exit code of a run that produced results but failed numerically (a result is printed for each optimizer). */
    static final int FAILED_RUN = 3;

    /**
     * {@value #FAILED_RUN} when an optimizer ended {@code NON_FINITE} or reports a non-finite loss or error, else 0:
     * a budget or iteration cap is a normal ending of a PINN run.
     */
    static int exitCode(List<TrainingResult> results) {
        for (TrainingResult r : results) {
            HistoryPoint h = r.last();
            if (r.status() == TerminationReason.NON_FINITE || !Double.isFinite(h.loss())
                    || !Double.isFinite(h.relativeL2()) || !Double.isFinite(h.maxAbs())) {
                return FAILED_RUN;
            }
        }
        return 0;
    }

    /** Every {@code --problem} choice: the single-network benchmarks, then the FBPINN problems. */
    static List<String> problems() {
        List<String> all = new ArrayList<>(List.of(Benchmarks.NAMES));
        all.addAll(FbpinnRunner.PROBLEMS);
        all.addAll(List.of(org.gn4j.pinn.problems.Pinnacle.NAMES));
        return all;
    }

    /** Point and subdomain counts are at least 0 (0: the default), the iteration cap at least 1. */
    private void checkCounts() {
        String[] names = {"--interior", "--boundary", "--points", "--subdomains", "--resample"};
        int[] values = {interior, boundary, points, subdomains, resample};
        for (int k = 0; k < names.length; k++) {
            if (values[k] < 0) {
                throw new ParameterException(spec.commandLine(), names[k] + " must be 0 (the default) or a positive "
                        + "count, found " + values[k]);
            }
        }
        if (maxIterations != null && maxIterations < 1) {
            throw new ParameterException(spec.commandLine(), "--max-iterations must be at least 1, found "
                    + maxIterations);
        }
        if (!(damping >= 0 && damping <= Damping.CEILING)) {
            throw new ParameterException(spec.commandLine(), "--damping must be between 0 and "
                    + String.format(Locale.ROOT, "%.0e", Damping.CEILING) + ", found " + damping);
        }
    }

    private static String groupSummary(PinnProblem p) {
        StringBuilder sb = new StringBuilder();
        for (var g : p.groups()) {
            if (sb.length() > 0) {
                sb.append(" + ");
            }
            sb.append(g.residual().size()).append(' ').append(g.name());
        }
        return sb.toString();
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
    }

    /** The Markdown error table. */
    static String table(Benchmarks.Setup setup, List<TrainingResult> results, double budget) {
        StringBuilder sb = new StringBuilder();
        sb.append("| problem | optimizer | params | budget (s) | rel L2 | max err | iterations | time (s) | status |\n");
        sb.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (TrainingResult r : results) {
            HistoryPoint h = r.last();
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.2e | %.2e | %d | %.1f | %s |%n",
                    setup.name(), r.optimizer(), setup.problem().parameterCount(), budget, h.relativeL2(), h.maxAbs(),
                    r.iterations(), r.seconds(), r.status().name().toLowerCase(Locale.ROOT)));
        }
        return sb.toString();
    }

    private PinnOptimizer optimizer(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "lm":
                return new LevenbergMarquardtTrainer();
            case "lm-qr":
                return new LevenbergMarquardtTrainer().withStepSolver(StepSolver.QR);
            case "gn":
                return new GaussNewtonTrainer();
            case "gn-woodbury":
                return new GaussNewtonTrainer().withInnerSolve(GaussNewtonTrainer.InnerSolve.WOODBURY);
            case "gn-cg":
                return new GaussNewtonTrainer().withInnerSolve(GaussNewtonTrainer.InnerSolve.CG);
            case "engd":
                return GaussNewtonTrainer.engd(damping, 10);
            case "adam": {
                // decay over the steps the budget allows at about 2 ms per step (a guess; the rate then holds)
                long steps = Math.max(1000, (long) (budget * 500));
                AdamTrainer a = new AdamTrainer(lr);
                return lrFinal == lr ? a : a.withDecay(lrFinal, steps);
            }
            case "lbfgs":
                return new LbfgsTrainer();
            default:
                throw new ParameterException(spec.commandLine(), "optimizer '" + name
                        + "' unknown, expected lm, lm-qr, gn, gn-woodbury, gn-cg, engd, adam or lbfgs");
        }
    }

    /** Solution, exact solution and |error| on the setup's plotting plane (161×161). */
    static void plot(Benchmarks.Setup setup, double[] theta, Path file, String title) throws IOException {
        int k = 161;
        PinnProblem p = setup.problem();
        int n = p.network().inputDimension();
        double[] pts = new double[k * k * n];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double[] x = setup.plane().point((double) j / (k - 1), (double) i / (k - 1));
                System.arraycopy(x, 0, pts, (i * k + j) * n, n);
            }
        }
        double[] u = new double[k * k];
        p.solution(theta, pts, k * k, u);
        double[] e = p.exactValues(pts);
        double[] err = new double[k * k];
        for (int q = 0; q < err.length; q++) {
            err[q] = Math.abs(u[q] - e[q]);
        }
        HeatMapPng.write(file, List.of(new HeatMapPng.Panel("PINN, " + title, u, k),
                new HeatMapPng.Panel("exact", e, k), new HeatMapPng.Panel("|error|", err, k, true)), setup.axes()[0],
                setup.axes()[1], PinnacleRunner.range(setup.plane()));
    }

    /** The progress of one optimizer on stderr: a bar redrawn on a terminal, a line every 10 s in a log. */
    private static final class Progress implements TrainingListener {
        private final ProgressLine line;
        private final String name;
        private final double budget;

        Progress(PrintWriter err, boolean show, String name, double budget) {
            this.line = new ProgressLine(err, show);
            this.name = name;
            this.budget = budget;
        }

        @Override
        public void progress(HistoryPoint h) {
            line.show(String.format(Locale.ROOT, "%-30.30s %s %5.1f s it %6d loss %.2e rel L2 %.2e", name,
                    ProgressLine.bar(h.seconds() / budget, 30), h.seconds(), h.iteration(), h.loss(),
                    h.relativeL2()), false);
        }

        void clear() {
            line.clear();
        }
    }
}
