package org.gn4j.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.gn4j.bench.nlls.SparseMghBenchmark;
import org.gn4j.gn.sparse.ScalableMgh;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code gn4j bench nlls --suite sparse-mgh}: each scalable MGH function at each size, by gn4j ({@code lm}: exact
 * sparse Jacobian, the automatic choice of damped solver, sparse Cholesky switching to sparse QR where the Cholesky
 * would lose the step's digits; {@code lm-cholesky}: exact sparse Jacobian, sparse Cholesky alone; {@code lm-qr}:
 * exact sparse Jacobian, sparse QR alone; {@code lm-fd}: grouped forward differences, the automatic choice) and
 * SciPy ({@code scipy-trf-lsmr} with its defaults, {@code scipy-trf-lsmr-gtol-off} with its gradient test off, not
 * run unless listed; up to {@code --scipy-max-size}); a table with time, iterations, evaluations, final cost, peak
 * memory, the damped solver that ran and, for the discrete boundary value function, the distance to its discrete
 * solution, and the ratio SciPy / gn4j per function and size. Before timing, each gn4j configuration solves
 * every function once at n = 1000 (JIT warm-up); each time is the smallest of {@code --repeats} runs, SciPy's as
 * gn4j's, the repeats taken in turns over the solvers.
 */
final class SparseMghRun {
    private static final List<String> SOLVERS = List.of("lm", "lm-cholesky", "lm-qr", "lm-fd", "scipy-trf-lsmr",
            "scipy-trf-lsmr-gtol-off");
    private static final List<String> DEFAULT_SOLVERS = List.of("lm", "lm-qr", "lm-fd", "scipy-trf-lsmr");

    private final CommandSpec spec;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<Integer> sizes;
    private final int scipyMaxSize;
    private final String python;
    private final Path csv;
    private final List<String> functions;
    private final List<String> solvers;
    private final int repeats;

    SparseMghRun(CommandSpec spec, PrintWriter out, PrintWriter err, List<Integer> sizes, int scipyMaxSize,
            String python, Path csv, List<String> functions, int repeats, List<String> solvers) {
        this.repeats = repeats;
        this.spec = spec;
        this.out = out;
        this.err = err;
        this.sizes = sizes == null ? List.of(10_000, 100_000, 1_000_000) : sizes;
        this.scipyMaxSize = scipyMaxSize;
        this.python = python;
        this.csv = csv;
        this.functions = functions;
        this.solvers = solvers == null ? DEFAULT_SOLVERS : solvers.stream().map(s -> s.trim().toLowerCase(Locale.ROOT))
                .toList();
    }

    private static SparseMghBenchmark.Gn4jSolver gn4jSolver(String name) {
        switch (name) {
            case "lm-qr":
                return SparseMghBenchmark.Gn4jSolver.LM_QR;
            case "lm-cholesky":
                return SparseMghBenchmark.Gn4jSolver.LM_CHOLESKY;
            case "lm-fd":
                return SparseMghBenchmark.Gn4jSolver.LM_FD;
            default:
                return SparseMghBenchmark.Gn4jSolver.LM;
        }
    }

    Integer call() throws IOException {
        for (String s : solvers) {
            if (!SOLVERS.contains(s)) {
                throw new ParameterException(spec.commandLine(), "--solvers: '" + s + "', expected one of " + SOLVERS
                        + " for the sparse-mgh suite");
            }
        }
        for (int n : sizes) {
            if (n < 2 || n % 2 != 0) {
                throw new ParameterException(spec.commandLine(), "--sizes: " + n + ", expected even sizes >= 2");
            }
        }
        List<ScalableMgh> fs = new ArrayList<>();
        try {
            if (functions == null) {
                fs.addAll(List.of(ScalableMgh.values()));
            } else {
                for (String name : functions) {
                    fs.add(ScalableMgh.byLabel(name.trim()));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--problems: " + e.getMessage());
        }
        out.printf(Locale.ROOT, "suite sparse-mgh: %s at n = %s; solvers %s; time = smallest of %d repeats; max heap "
                + "%.0f MiB; %d processors%n", fs.stream().map(ScalableMgh::label).toList(), sizes, solvers, repeats,
                Runtime.getRuntime().maxMemory() / 1048576.0, Runtime.getRuntime().availableProcessors());
        out.flush();
        for (String s : solvers) { // JIT warm-up
            if (!s.startsWith("scipy")) {
                for (ScalableMgh f : fs) {
                    SparseMghBenchmark.gn4j(f, 1000, gn4jSolver(s));
                }
            }
        }
        List<SparseMghBenchmark.Row> rows = new ArrayList<>();
        for (int n : sizes) {
            for (ScalableMgh f : fs) {
                // the repeats go round the solvers (each solver's k-th run after every solver's (k-1)-th), so no
                // solver pays alone for the first run at a size (heap growth, page faults) in its fastest time
                Map<String, SparseMghBenchmark.Row> best = new LinkedHashMap<>();
                Set<String> unavailable = new HashSet<>();
                for (int k = 0; k < repeats; k++) {
                    for (String s : solvers) {
                        if (s.startsWith("scipy") && (n > scipyMaxSize || unavailable.contains(s))) {
                            continue;
                        }
                        SparseMghBenchmark.Row t;
                        if (s.startsWith("scipy")) {
                            try {
                                t = SparseMghBenchmark.scipy(python, f, n, !s.endsWith("gtol-off"), 3600);
                            } catch (IOException e) {
                                err.println("gn4j bench nlls: SciPy unavailable for " + f.label() + " at n = " + n
                                        + ": " + e.getMessage());
                                err.flush();
                                unavailable.add(s);
                                continue;
                            }
                        } else {
                            t = SparseMghBenchmark.gn4j(f, n, gn4jSolver(s));
                        }
                        SparseMghBenchmark.Row r = best.get(s);
                        if (r == null || t.seconds() < r.seconds()) {
                            best.put(s, t);
                        }
                    }
                }
                for (SparseMghBenchmark.Row r : best.values()) {
                    rows.add(r);
                    err.printf(Locale.ROOT, "  %-24s n = %-8d %-15s %8.3f s  cost %.3e%n", f.label(), n, r.solver(),
                            r.seconds(), r.cost());
                    err.flush();
                }
            }
        }
        if (SparseMghBenchmark.scipyVersions() != null) {
            out.println("SciPy: " + SparseMghBenchmark.scipyVersions()
                    + " (least_squares trf, tr_solver='lsmr', jac_sparsity; scipy-trf-lsmr: default tolerances, "
                    + "scipy-trf-lsmr-gtol-off: gtol=None)");
        }
        out.printf(Locale.ROOT, "%-24s %9s %-23s %-23s %9s %6s %7s %6s %12s %12s %-18s %9s %10s %s%n", "function",
                "n", "solver", "damped solver", "time [s]", "iter", "r evals", "J evals", "start cost", "final cost",
                "status", "peak MiB", "x error", "solved");
        for (SparseMghBenchmark.Row r : rows) {
            out.printf(Locale.ROOT, "%-24s %9d %-23s %-23s %9.3f %6s %7d %6d %12.3e %12.3e %-18s %9.1f %10s %s%n",
                    r.function(), r.n(), r.solver(), r.linearSolver(), r.seconds(),
                    r.iterations() < 0 ? "-" : Integer.toString(r.iterations()), r.residualEvaluations(),
                    r.jacobianEvaluations(), r.initialCost(), r.cost(), r.status(), r.peakMiB(),
                    Double.isNaN(r.error()) ? "-" : String.format(Locale.ROOT, "%.2e", r.error()),
                    r.solved() ? "yes" : "no");
        }
        if (rows.stream().anyMatch(r -> !Double.isNaN(r.error()))) {
            out.println("x error: max-norm distance to the discrete solution relative to its max norm (discrete "
                    + "boundary value; solved when at most min(1e-6, (n+1)^2 eps/4)); the others are solved at a "
                    + "final cost <= " + SparseMghBenchmark.SOLVED_COST);
        }
        // SciPy (default tolerances) time / gn4j time per function and size
        Map<String, Double> scipy = new LinkedHashMap<>();
        for (SparseMghBenchmark.Row r : rows) {
            if (r.solver().equals("scipy-trf-lsmr")) {
                scipy.put(r.function() + "@" + r.n(), r.seconds());
            }
        }
        if (!scipy.isEmpty()) {
            out.println("time ratio SciPy (scipy-trf-lsmr) / gn4j (end to end, same command):");
            for (SparseMghBenchmark.Row r : rows) {
                Double s = scipy.get(r.function() + "@" + r.n());
                if (s != null && !r.solver().startsWith("scipy")) {
                    out.printf(Locale.ROOT, "  %-24s n = %-8d %-12s %6.1fx%n", r.function(), r.n(), r.solver(),
                            s / r.seconds());
                }
            }
        }
        if (csv != null) {
            List<String> lines = new ArrayList<>();
            lines.add(SparseMghBenchmark.CSV_HEADER);
            for (SparseMghBenchmark.Row r : rows) {
                lines.add(SparseMghBenchmark.csv(r));
            }
            Files.write(csv, lines);
            out.println("wrote " + csv);
        }
        out.flush();
        return 0;
    }
}
