package org.gn4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.StepSolver;
import org.gn4j.gn.StoppingCriteria;
import org.gn4j.gn.expr.CompiledModel;
import org.gn4j.gn.fit.CurveFit;
import org.gn4j.gn.nist.NistDatasets;
import org.gn4j.gn.nist.NistProblem;

/**
 * The experiment behind the stopping tolerances of {@link DistributedFitTest}: one-JVM Levenberg-Marquardt
 * (normal-equation path) on the same rows in different orders (as given, reversed, three seeded shuffles) and the
 * distributed fit on 1 to 4 partitions (or as many as the argument says), at the default tolerances and at the test's. Prints one line per problem,
 * start and tolerance set: iterations and evaluations of every run, the reasons, and the largest relative parameter
 * difference from the run on the rows as given. Run with {@code -Dgn4j.threads=1} and {@code 2} to compare thread
 * counts (the generated 10⁵-row problem is above the Gram product's multi-threading threshold).
 *
 * <p>Arguments: the largest partition count (default 4; 0 for the one-JVM runs only), then optionally a
 * comma-separated list of problems ({@code Misra1a}, …, {@code generated} for the 3000-row one). Output: standard output (a test-scope tool, not part of the library).
 */
public final class SummationOrderExperiment {
    private SummationOrderExperiment() {
    }

    /** A problem's rows: inputs, targets, the model, its text form for the executors, and starting points. */
    record Rows(String name, double[][] x, double[] y, CompiledModel model, ExpressionRowModel rowModel,
            List<double[]> starts) {
    }

    static LevenbergMarquardt lm(StoppingCriteria stop) {
        return new LevenbergMarquardt().withStepSolver(StepSolver.CHOLESKY).withGeodesicAcceleration(false)
                .withStopping(stop);
    }

    /** Row orders: as given, reversed, and shuffles with seeds 1 to 3. */
    static List<int[]> orders(int m) {
        List<int[]> out = new ArrayList<>();
        int[] id = new int[m];
        int[] rev = new int[m];
        for (int i = 0; i < m; i++) {
            id[i] = i;
            rev[i] = m - 1 - i;
        }
        out.add(id);
        out.add(rev);
        for (long seed = 1; seed <= 3; seed++) {
            int[] p = id.clone();
            Random r = new Random(seed);
            for (int i = m - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            out.add(p);
        }
        return out;
    }

    static LeastSquaresProblem problem(Rows rows, int[] order) {
        double[][] x = new double[order.length][];
        double[] y = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            x[i] = rows.x()[order[i]];
            y[i] = rows.y()[order[i]];
        }
        return CurveFit.problem(rows.model(), x, y);
    }

    static double maxRelDiff(double[] a, double[] b) {
        double d = 0;
        for (int j = 0; j < a.length; j++) {
            d = Math.max(d, Math.abs(a[j] - b[j]) / Math.abs(a[j]));
        }
        return d;
    }

    static Rows nist(String name) {
        NistProblem p = NistDatasets.load(name);
        return new Rows(name, p.x(), p.targets(), p.compiledModel(),
                ExpressionRowModel.of(p.modelText(), p.variableNames(), p.parameterNames()),
                List.of(p.start1(), p.start2()));
    }

    static Rows generated(int m) {
        double[][] local = SyntheticRows.local(m, 4, 7);
        double[][] x = new double[m][];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = Arrays.copyOf(local[i], 3);
            y[i] = local[i][3];
        }
        return new Rows("generated " + m, x, y, SyntheticRows.model().compiled(), SyntheticRows.model(),
                List.of(SyntheticRows.START));
    }

    /** Runs the experiment and prints the table (see the class documentation). */
    public static void main(String[] args) {
        int partitions = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        List<String> only = args.length > 1 ? List.of(args[1].split(",")) : List.of();
        List<Rows> problems = new ArrayList<>();
        for (String name : List.of("Misra1a", "Misra1c", "Chwirut2", "DanWood", "Gauss1")) {
            if (only.isEmpty() || only.contains(name)) {
                problems.add(nist(name));
            }
        }
        if (only.isEmpty() || only.contains("generated")) {
            problems.add(generated(3000));
        }
        if (only.isEmpty()) {
            problems.add(generated(100_000));
        }
        System.out.printf(Locale.ROOT, "threads %s, java %s%n", System.getProperty("gn4j.threads", "default"),
                System.getProperty("java.version"));
        System.out.println("| problem | start | tolerances | one JVM, rows as given / reversed / shuffled 1-3: "
                + "iterations (evaluations) | max rel. parameter difference | Spark, 1-4 partitions: iterations "
                + "| max rel. parameter difference | reasons |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Rows rows : problems) {
            int s = 0;
            for (double[] start : rows.starts()) {
                s++;
                for (String tol : List.of("default", "test")) {
                    StoppingCriteria stop = tol.equals("default") ? StoppingCriteria.defaults()
                            : DistributedFitTest.STOP;
                    Optimum ref = null;
                    List<String> its = new ArrayList<>();
                    List<String> reasons = new ArrayList<>();
                    double diff = 0;
                    for (int[] order : orders(rows.y().length)) {
                        Optimum o = lm(stop).optimize(problem(rows, order), start);
                        if (ref == null) {
                            ref = o;
                        }
                        diff = Math.max(diff, maxRelDiff(ref.parameters(), o.parameters()));
                        its.add(o.iterations() + " (" + (o.residualEvaluations() + o.jacobianEvaluations()) + ")");
                        reasons.add(String.valueOf(o.reason()));
                    }
                    List<String> dits = new ArrayList<>();
                    double ddiff = partitions > 0 ? 0 : Double.NaN;
                    for (int p = 1; p <= partitions; p++) {
                        SparkOptimum d = SparkLeastSquares.of(DistributedFitTest.rows(rows.x(), rows.y(), p),
                                rows.rowModel()).fit(lm(stop), start);
                        ddiff = Math.max(ddiff, maxRelDiff(ref.parameters(), d.parameters()));
                        dits.add(String.valueOf(d.iterations()));
                        reasons.add(String.valueOf(d.reason()));
                    }
                    System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %.1e | %s | %.1e | %s |%n", rows.name(), s,
                            tol, String.join(" / ", its), diff, String.join(" / ", dits), ddiff,
                            String.join(",", reasons.stream().distinct().toList()));
                }
            }
        }
        System.exit(0);
    }
}
