package org.gn4j.bench.nlls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of a benchmark run: one {@link RunResult} per problem × solver, its CSV, the summary table and the two
 * performance profiles (residual + Jacobian evaluations, and seconds).
 */
public final class NllsReport {
    /** CSV header. */
    public static final String CSV_HEADER = "suite,problem,family,start,solver,solved,cost,residual_evals,"
            + "jacobian_evals,evals,reported_residual_evals,reported_jacobian_evals,status,seconds,message";

    private final String suite;
    private final List<String> solvers;
    private final List<String> problems;
    private final RunResult[][] table;

    /**
     * @param suite   suite name
     * @param solvers solver names (columns)
     * @param results every problem × solver result; problems in first-seen order
     * @throws IllegalArgumentException if a problem lacks a solver's result
     */
    public NllsReport(String suite, List<String> solvers, List<RunResult> results) {
        this.suite = suite;
        this.solvers = List.copyOf(solvers);
        Map<String, RunResult[]> rows = new LinkedHashMap<>();
        for (RunResult r : results) {
            int s = this.solvers.indexOf(r.solver());
            if (s < 0) {
                throw new IllegalArgumentException("result of solver '" + r.solver() + "', expected one of " + solvers);
            }
            rows.computeIfAbsent(r.problem(), k -> new RunResult[solvers.size()])[s] = r;
        }
        problems = new ArrayList<>(rows.keySet());
        table = rows.values().toArray(new RunResult[0][]);
        for (int p = 0; p < table.length; p++) {
            for (int s = 0; s < solvers.size(); s++) {
                if (table[p][s] == null) {
                    throw new IllegalArgumentException("problem '" + problems.get(p) + "' has no result of solver '"
                            + solvers.get(s) + "', expected one per solver");
                }
            }
        }
    }

    /**
     * The result of solver s on problem p.
     *
     * @param p problem index in [0, {@link #problems()}), in first-seen order
     * @param s solver index in [0, number of solvers), in the constructor's order
     * @return the result (never null)
     */
    public RunResult result(int p, int s) {
        return table[p][s];
    }

    /**
     * Number of problems.
     *
     * @return the number of distinct problems (rows of the table)
     */
    public int problems() {
        return problems.size();
    }

    /**
     * Number of problems solver s solves.
     *
     * @param s solver index, in the constructor's order
     * @return the number of problems whose result of solver s is solved, in [0, {@link #problems()}]
     */
    public int solved(int s) {
        int k = 0;
        for (RunResult[] row : table) {
            k += row[s].solved() ? 1 : 0;
        }
        return k;
    }

    /**
     * Indices of the problems every solver solves.
     *
     * @return a new array of problem indices, increasing
     */
    public int[] solvedByAll() {
        return java.util.stream.IntStream.range(0, table.length)
                .filter(p -> Arrays.stream(table[p]).allMatch(RunResult::solved)).toArray();
    }

    /**
     * The profile of residual + Jacobian evaluations (unsolved: ∞).
     *
     * @return a profile over problems × solvers of the evaluation counts (floored at 1)
     */
    public PerformanceProfile evaluationProfile() {
        double[][] c = new double[table.length][solvers.size()];
        for (int p = 0; p < table.length; p++) {
            for (int s = 0; s < solvers.size(); s++) {
                RunResult r = table[p][s];
                c[p][s] = r.solved() ? Math.max(1, r.evaluations()) : Double.POSITIVE_INFINITY;
            }
        }
        return new PerformanceProfile(c);
    }

    /**
     * The profile of solver seconds (unsolved: ∞; times are floored at 1 ns).
     *
     * @return a profile over problems × solvers of the solver times in seconds
     */
    public PerformanceProfile timeProfile() {
        double[][] c = new double[table.length][solvers.size()];
        for (int p = 0; p < table.length; p++) {
            for (int s = 0; s < solvers.size(); s++) {
                RunResult r = table[p][s];
                c[p][s] = r.solved() ? Math.max(1e-9, r.seconds()) : Double.POSITIVE_INFINITY;
            }
        }
        return new PerformanceProfile(c);
    }

    /**
     * Writes the CSV (one row per problem × solver).
     *
     * @param file the CSV file, UTF-8, replaced if it exists; columns as {@link #CSV_HEADER}
     * @throws IOException if the file cannot be written
     */
    public void writeCsv(Path file) throws IOException {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (RunResult[] row : table) {
            for (RunResult r : row) {
                b.append(String.join(",", quote(suite), quote(r.problem()), quote(r.family()),
                        Integer.toString(r.start()), quote(r.solver()), r.solved() ? "yes" : "no",
                        String.format(Locale.ROOT, "%.17g", r.cost()), Integer.toString(r.residualEvaluations()),
                        Integer.toString(r.jacobianEvaluations()), Integer.toString(r.evaluations()),
                        Integer.toString(r.reportedResiduals()), Integer.toString(r.reportedJacobians()),
                        quote(r.status()), String.format(Locale.ROOT, "%.6e", r.seconds()),
                        quote(r.message() == null ? "" : r.message()))).append('\n');
            }
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    /**
     * Writes both profiles as one two-panel PNG.
     *
     * @param file the PNG file, replaced if it exists
     * @throws IOException if the file cannot be written
     */
    public void writePlot(Path file) throws IOException {
        ProfilePlot.write(file, solvers, List.of(
                new ProfilePlot.Panel(suite + ": residual + Jacobian evaluations", evaluationProfile()),
                new ProfilePlot.Panel(suite + ": solver time", timeProfile())));
    }

    /**
     * The summary table: per solver the runs solved, and the median evaluations and time over the runs every solver
     * solves; then ρ_s(τ) at τ = 1, 2, 4, 16 for both measures.
     *
     * @return the table as text lines, each ending in a line separator
     */
    public String table() {
        int[] common = solvedByAll();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-14s %9s %14s %14s %14s%n", "solver", "solved", "median evals*",
                "median r+J*", "median time*"));
        for (int s = 0; s < solvers.size(); s++) {
            double[] ev = new double[common.length];
            double[] rj = new double[common.length];
            double[] jv = new double[common.length];
            double[] t = new double[common.length];
            for (int i = 0; i < common.length; i++) {
                RunResult r = table[common[i]][s];
                ev[i] = r.evaluations();
                rj[i] = r.residualEvaluations();
                jv[i] = r.jacobianEvaluations();
                t[i] = r.seconds();
            }
            b.append(String.format(Locale.ROOT, "%-14s %4d / %-3d %14s %14s %14s%n", solvers.get(s), solved(s),
                    problems(), common.length == 0 ? "-" : fmt(median(ev)),
                    common.length == 0 ? "-" : fmt(median(rj)) + " + " + fmt(median(jv)),
                    common.length == 0 ? "-" : String.format(Locale.ROOT, "%.3f ms", 1e3 * median(t))));
        }
        b.append(String.format(Locale.ROOT, "* over the %d of %d runs every listed solver solves (evals = residual "
                + "+ Jacobian evaluations, counted on the Java side)%n", common.length, problems()));
        b.append(profileRows("evaluations", evaluationProfile()));
        b.append(profileRows("time", timeProfile()));
        return b.toString();
    }

    private String profileRows(String what, PerformanceProfile prof) {
        double[] taus = {1, 2, 4, 16};
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "profile (%s) %-8s", what, ""));
        for (double tau : taus) {
            b.append(String.format(Locale.ROOT, " rho(%2.0f)", tau));
        }
        b.append('\n');
        for (int s = 0; s < solvers.size(); s++) {
            b.append(String.format(Locale.ROOT, "  %-24s", solvers.get(s)));
            for (double tau : taus) {
                b.append(String.format(Locale.ROOT, " %7.3f", prof.fraction(s, tau)));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"").replace('\n', ' ') + '"';
    }
}
