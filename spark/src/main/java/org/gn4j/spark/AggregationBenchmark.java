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

/**
 * Command-line entry point that checks the bytes-per-aggregation model of docs/SCALING.md against Spark's task
 * metrics: for each parameter count n and partition count P, passes of the linearization job without rows (θ
 * broadcast, one partial of {@code L = n(n+1)/2 + n + 4} doubles per partition, filled with non-zero values so that
 * shuffle compression does not hide them, the {@link OrderedSums} tree of depth 2). Prints per (n, P): the tree's
 * levels, the predicted and measured bytes shuffled and received by the driver, and the median seconds per pass.
 *
 * <p>Arguments: {@code master repeats n-list P-list}, e.g. {@code local[2] 5 10,100,1000 4,8,100}.
 */
public final class AggregationBenchmark {
    private AggregationBenchmark() {
    }

    /**
     * Runs the measurement (see the class documentation) and prints the table to standard output.
     *
     * @param args {@code master repeats n-list P-list}; each may be left out from the end (defaults {@code local[2]},
     *        5, {@code 10,100,1000}, {@code 4,8,100})
     */
    public static void main(String[] args) {
        String master = args.length > 0 ? args[0] : "local[2]";
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int[] ns = args.length > 2 ? parse(args[2]) : new int[] {10, 100, 1000};
        int[] ps = args.length > 3 ? parse(args[3]) : new int[] {4, 8, 100};
        int depth = SparkLeastSquares.DEFAULT_DEPTH;
        SparkConf conf = new SparkConf().setMaster(master).setAppName("gn4j-aggregation-benchmark")
                .setIfMissing("spark.ui.enabled", "false");
        try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
            jsc.setLogLevel("WARN");
            TaskBytes bytes = TaskBytes.attach(jsc);
            System.out.printf(Locale.ROOT, "master %s, depth %d, repeats %d, java %s, cores %d%n", master, depth,
                    repeats, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            System.out.println("| n | P | L doubles | partial 8L B | levels | shuffled B predicted | shuffled B measured "
                    + "| into driver B predicted | into driver B measured | driver tasks | s per pass |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            for (int n : ns) {
                for (int p : ps) {
                    int len = NormalEquations.linearizationLength(n);
                    pass(jsc, p, len, depth); // warm-up
                    List<Double> seconds = new ArrayList<>();
                    long[] measured = null;
                    for (int k = 0; k < repeats; k++) {
                        bytes.reset();
                        long t0 = System.nanoTime();
                        pass(jsc, p, len, depth);
                        seconds.add((System.nanoTime() - t0) * 1e-9);
                        measured = bytes.read();
                    }
                    int fanIn = Math.max(2, (int) Math.ceil(Math.pow(p, 1.0 / depth)));
                    int remaining = p;
                    int levels = 0;
                    long shuffled = 0;
                    while (remaining > fanIn + (remaining + fanIn - 1) / fanIn) {
                        shuffled += (long) remaining * 8 * len;
                        remaining = (remaining + fanIn - 1) / fanIn;
                        levels++;
                    }
                    Collections.sort(seconds);
                    System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %.3f |%n", n, p,
                            len, 8L * len, levels, shuffled, measured[2], (long) remaining * 8 * len, measured[0],
                            measured[1], seconds.get(seconds.size() / 2));
                }
            }
        }
    }

    /** One linearization-sized pass without rows: non-zero partials, the ordered tree. */
    static void pass(JavaSparkContext jsc, int partitions, int len, int depth) {
        Broadcast<double[]> theta = jsc.broadcast(new double[10]);
        List<Integer> ids = IntStream.range(0, partitions).boxed().toList();
        OrderedSums.sum(jsc.parallelize(ids, partitions).mapPartitionsWithIndex((index, it) -> {
            double[] acc = new double[len];
            double seed = theta.value().length + index;
            for (int i = 0; i < len; i++) {
                acc[i] = Math.sqrt(seed + i) * 1.000000123; // incompressible, unlike zeros
            }
            return Collections.singletonList(acc).iterator();
        }, true), len, depth);
        theta.destroy();
    }

    private static int[] parse(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
