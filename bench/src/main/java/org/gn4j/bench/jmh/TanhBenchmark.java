package org.gn4j.bench.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.gn4j.linalg.blas.BlasProvider;
import org.gn4j.linalg.blas.Elementwise;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * tanh and its derivative over one hidden layer's pre-activations of the wide tanh MLP at mini-batch 1000
 * (1000 × 1024 entries, N(0, 4) arguments), on the calling thread: {@code math} is one {@link Math#tanh} per entry
 * (the code before the {@link Elementwise} seam), {@code elementwise} the implementation
 * {@link BlasProvider#elementwise()} picks (the Vector API one when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}), {@code scalar} its fallback.
 *
 * <pre>java --add-modules jdk.incubator.vector -jar bench/target/gn4j.jar jmh TanhBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TanhBenchmark {
    /** The implementation: {@code math}, {@code elementwise} or {@code scalar} (see the class documentation). */
    @Param({"math", "elementwise", "scalar"})
    public String implementation;

    private static final int N = 1000 * 1024;
    private double[] x;
    private double[] y;
    private double[] dy;
    private Elementwise elementwise;

    /** Draws the N(0, 4) arguments (seeded) and picks the implementation. */
    @Setup
    public void setUp() {
        Random r = new Random(1);
        x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = 2 * r.nextGaussian();
        }
        y = new double[N];
        dy = new double[N];
        elementwise = implementation.equals("scalar") ? new Elementwise.Scalar() : BlasProvider.elementwise();
    }

    /**
     * tanh and its derivative of every entry, by the chosen implementation.
     *
     * @return the derivatives {@code 1 − tanh²} (length 1000·1024), returned so that JMH sinks them
     */
    @Benchmark
    public double[] tanhLayer() {
        if (implementation.equals("math")) {
            for (int i = 0; i < N; i++) {
                double t = Math.tanh(x[i]);
                y[i] = t;
                dy[i] = 1 - t * t;
            }
        } else {
            elementwise.tanh(N, x, 0, y, 0, dy, 0);
        }
        return dy;
    }
}
