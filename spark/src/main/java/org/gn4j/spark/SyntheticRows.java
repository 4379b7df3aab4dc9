package org.gn4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.gn4j.gn.expr.CompiledModel;
import org.gn4j.gn.expr.ModelExpression;

/**
 * Observations generated on the executors, never held on the driver: partition i of P makes its
 * {@code ⌊rows/P⌋} (+1 for the first {@code rows mod P}) rows from its own seeded stream, so a pass that reads the
 * RDD again regenerates the same rows, and {@link #local} makes the same rows on one JVM for comparison. A row is
 * {@code [x1, x2, x3, y]} with {@code x ~ U(0, 1)³} and {@code y = f(x; θ*) + σ·N(0, 1)} for the 10-parameter model
 * {@link #TEN_PARAMETER_MODEL}.
 */
public final class SyntheticRows {
    /**
     * A 10-parameter nonlinear model in three variables: a linear part, an exponential, a phase-shifted sine and an
     * interaction; well conditioned on the unit cube at {@link #TRUE_PARAMETERS}.
     */
    public static final String TEN_PARAMETER_MODEL =
            "b0 + b1*x1 + b2*x2 + b3*x3 + b4*exp(b5*x1) + b6*sin(b7*x2 + b8) + b9*x1*x3";

    /** The parameter names of {@link #TEN_PARAMETER_MODEL}. */
    public static final List<String> PARAMETERS = List.of("b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8",
            "b9");

    /** The variable names of {@link #TEN_PARAMETER_MODEL}. */
    public static final List<String> VARIABLES = List.of("x1", "x2", "x3");

    /** θ* the rows are generated from. */
    public static final double[] TRUE_PARAMETERS = {0.5, -1.0, 2.0, 0.7, 1.5, -2.0, 1.2, 3.0, 0.4, -0.8};

    /** A start point some way from θ*. */
    public static final double[] START = {0, 0, 0, 0, 1, -1, 1, 2.5, 0, 0};

    /** The noise σ. */
    public static final double NOISE = 0.05;

    private SyntheticRows() {
    }

    /**
     * The expression model the rows fit ({@link #TEN_PARAMETER_MODEL}).
     *
     * @return an unweighted model of {@link #TEN_PARAMETER_MODEL} in {@link #VARIABLES} and {@link #PARAMETERS}
     */
    public static ExpressionRowModel model() {
        return ExpressionRowModel.of(TEN_PARAMETER_MODEL, VARIABLES, PARAMETERS);
    }

    /**
     * The rows as an RDD of P partitions generated on the executors.
     *
     * @param jsc the Spark context
     * @param rows total number of rows, ≥ 0
     * @param partitions number of partitions P, ≥ 1
     * @param seed base seed; the same seed, rows and P give the same rows
     * @return a lazy RDD of rows {@code [x1, x2, x3, y]}, regenerated on every pass unless persisted
     * @throws IllegalArgumentException if rows is negative or partitions is not positive
     */
    public static JavaRDD<double[]> generate(JavaSparkContext jsc, long rows, int partitions, long seed) {
        check(rows, partitions);
        List<Integer> ids = IntStream.range(0, partitions).boxed().toList();
        return jsc.parallelize(ids, partitions).mapPartitions(it -> {
            List<double[]> none = new ArrayList<>();
            if (!it.hasNext()) {
                return none.iterator();
            }
            return partition(it.next(), rows, partitions, seed);
        });
    }

    /**
     * The same rows on this JVM, partition after partition (for comparisons on small sizes).
     *
     * @param rows total number of rows, in [0, {@code Integer.MAX_VALUE}]
     * @param partitions number of partitions P the rows are generated as, ≥ 1
     * @param seed base seed, as for {@link #generate}
     * @return a new array of {@code rows} rows {@code [x1, x2, x3, y]}, equal to the RDD's rows in order
     * @throws IllegalArgumentException if rows is negative or too large, or partitions is not positive
     */
    public static double[][] local(long rows, int partitions, long seed) {
        check(rows, partitions);
        if (rows > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rows is " + rows + ", expected at most " + Integer.MAX_VALUE
                    + " on one JVM");
        }
        double[][] out = new double[(int) rows][];
        int k = 0;
        for (int p = 0; p < partitions; p++) {
            java.util.Iterator<double[]> it = partition(p, rows, partitions, seed);
            while (it.hasNext()) {
                out[k++] = it.next();
            }
        }
        return out;
    }

    private static void check(long rows, int partitions) {
        if (rows < 0 || partitions < 1) {
            throw new IllegalArgumentException("rows " + rows + " in " + partitions
                    + " partitions, expected rows >= 0 and at least one partition");
        }
    }

    /** The rows of partition p, generated lazily (one row held at a time by the consumer). */
    static java.util.Iterator<double[]> partition(int p, long rows, int partitions, long seed) {
        long count = rows / partitions + (p < rows % partitions ? 1 : 0);
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + p);
        CompiledModel f = ModelExpression.parse(TEN_PARAMETER_MODEL, VARIABLES, PARAMETERS);
        double[] x = new double[3];
        return new java.util.Iterator<>() {
            long made;

            @Override
            public boolean hasNext() {
                return made < count;
            }

            @Override
            public double[] next() {
                if (made >= count) {
                    throw new java.util.NoSuchElementException();
                }
                made++;
                x[0] = rnd.nextDouble();
                x[1] = rnd.nextDouble();
                x[2] = rnd.nextDouble();
                double y = f.value(x, TRUE_PARAMETERS) + NOISE * gaussian(rnd);
                return new double[] {x[0], x[1], x[2], y};
            }
        };
    }

    /** A standard normal deviate (Marsaglia's polar method). */
    private static double gaussian(SplittableRandom rnd) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rnd.nextDouble() - 1;
            v = 2 * rnd.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
