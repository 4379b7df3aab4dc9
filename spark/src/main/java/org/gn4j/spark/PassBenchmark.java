package org.gn4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.gn4j.gn.LevenbergMarquardt;

/**
 * Command-line entry point that measures the aggregation passes of a distributed fit of the 10-parameter model of
 * {@link SyntheticRows} on rows generated on the executors: for each master, the time of a linearization pass and of
 * a cost pass (medians), an empty pass (the same job and accumulator over the same partitions without rows: the
 * scheduling, broadcast and tree overhead), and a Levenberg-Marquardt fit (iterations, passes per iteration, total
 * time), with the bytes of a linearization and a cost pass as Spark's task metrics count them (serialized results
 * into the driver, shuffle writes of the tree level). Prints one table row per master.
 *
 * <p>With {@code repeats} 0 the pass times are the medians of the fit's own passes (no warm-up, no extra passes).
 *
 * <p>Arguments: {@code rows partitions repeats master...}, e.g. {@code 2000000 4 5 local[1] local[2] jvm}; the
 * master {@code jvm} is the same fit on this JVM without Spark (rows held in memory).
 */
public final class PassBenchmark {
    private PassBenchmark() {
    }

    /**
     * Runs the measurement (see the class documentation) and prints the table to standard output.
     *
     * @param args {@code rows partitions repeats master...}, all optional (defaults 1000000, 4, 5, {@code local[1]
     *             local[2]})
     */
    public static void main(String[] args) {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<String> masters = args.length > 3 ? Arrays.asList(args).subList(3, args.length)
                : List.of("local[1]", "local[2]");
        System.out.printf(Locale.ROOT, "rows %d, partitions %d, parameters 10, repeats %d, java %s, cores %d%n",
                rows, partitions, repeats, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| master | linearization pass s | cost pass s | empty pass s | LM iterations | passes "
                + "| passes/iteration | fit s | aggregation s | cost | linearization B into driver / shuffled "
                + "| cost pass B into driver / shuffled |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (String master : masters) {
            if (master.equals("jvm")) {
                singleJvm(rows, partitions);
                continue;
            }
            SparkConf conf = new SparkConf().setMaster(master).setAppName("gn4j-pass-benchmark")
                    .setIfMissing("spark.ui.enabled", "false");
            try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
                jsc.setLogLevel("WARN");
                TaskBytes bytes = TaskBytes.attach(jsc);
                long[] linBytes = null;
                long[] costBytes = null;
                SparkLeastSquares<double[]> objective = SparkLeastSquares.of(
                        SyntheticRows.generate(jsc, rows, partitions, 42), SyntheticRows.model());
                List<Double> lin = new ArrayList<>();
                List<Double> cost = new ArrayList<>();
                List<Double> empty = new ArrayList<>();
                if (repeats > 0) {
                    objective.start(SyntheticRows.START); // warm-up: class loading, JIT
                    objective.linearize(SyntheticRows.START);
                }
                for (int k = 0; k < repeats; k++) {
                    bytes.reset();
                    long t0 = System.nanoTime();
                    objective.linearize(SyntheticRows.TRUE_PARAMETERS);
                    lin.add((System.nanoTime() - t0) * 1e-9);
                    linBytes = bytes.read();
                    bytes.reset();
                    t0 = System.nanoTime();
                    objective.trialCost(SyntheticRows.TRUE_PARAMETERS);
                    cost.add((System.nanoTime() - t0) * 1e-9);
                    costBytes = bytes.read();
                }
                for (int k = 0; k < Math.max(repeats, 3); k++) {
                    empty.add(emptyPass(jsc, partitions, 10));
                }
                SparkOptimum fit = objective.fit(new LevenbergMarquardt(), SyntheticRows.START);
                if (repeats == 0) {
                    // no separate measurement: the fit's own passes
                    for (SparkLeastSquares.Pass p : objective.passes()) {
                        (p.linearization() ? lin : cost).add(p.seconds());
                    }
                }
                System.out.printf(Locale.ROOT,
                        "| %s | %.4f | %.4f | %.4f | %d | %d | %.2f | %.3f | %.3f | %.6e | %s | %s |%n",
                        master, median(lin), median(cost), median(empty), fit.iterations(), fit.passes(),
                        fit.passes() / (double) fit.iterations(), fit.seconds(), fit.aggregationSeconds(),
                        fit.cost(), bytesCell(linBytes), bytesCell(costBytes));
            }
        }
    }

    /**
     * The same fit on this JVM without Spark: the rows generated here, LM with the normal-equation step and no
     * geodesic acceleration (the path the distributed fit takes); a row with the fit's figures (no pass columns).
     */
    static void singleJvm(long rows, int partitions) {
        double[][] local = SyntheticRows.local(rows, partitions, 42);
        double[][] x = new double[local.length][];
        double[] y = new double[local.length];
        for (int i = 0; i < local.length; i++) {
            x[i] = java.util.Arrays.copyOf(local[i], 3);
            y[i] = local[i][3];
            local[i] = null;
        }
        org.gn4j.gn.LeastSquaresProblem problem = org.gn4j.gn.fit.CurveFit.problem(SyntheticRows.model().compiled(),
                x, y);
        long t0 = System.nanoTime();
        org.gn4j.gn.Optimum fit = new LevenbergMarquardt().withStepSolver(org.gn4j.gn.StepSolver.CHOLESKY)
                .withGeodesicAcceleration(false).optimize(problem, SyntheticRows.START);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        int passes = fit.residualEvaluations() + fit.jacobianEvaluations();
        System.out.printf(Locale.ROOT,
                "| one JVM (no Spark) | - | - | - | %d | %d | %.2f | %.3f | - | %.6e | - | - |%n",
                fit.iterations(), passes, passes / (double) fit.iterations(), seconds, fit.cost());
    }

    /**
     * One pass of the linearization job without rows: θ broadcast, one task per partition returning a zero
     * accumulator of the linearization's size, the tree aggregation; its wall-clock seconds.
     */
    static double emptyPass(JavaSparkContext jsc, int partitions, int n) {
        long t0 = System.nanoTime();
        Broadcast<double[]> theta = jsc.broadcast(new double[n]);
        int len = NormalEquations.linearizationLength(n);
        List<Integer> ids = IntStream.range(0, partitions).boxed().toList();
        OrderedSums.sum(jsc.parallelize(ids, partitions).mapPartitions(it -> {
            double[] acc = new double[len];
            acc[0] = theta.value().length;
            return Collections.singletonList(acc).iterator();
        }), len, SparkLeastSquares.DEFAULT_DEPTH);
        theta.destroy();
        return (System.nanoTime() - t0) * 1e-9;
    }

    private static String bytesCell(long[] b) {
        return b == null ? "-" : b[0] + " / " + b[2];
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int k = s.size();
        return k % 2 == 1 ? s.get(k / 2) : 0.5 * (s.get(k / 2 - 1) + s.get(k / 2));
    }
}
