package org.gn4j.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;
import org.gn4j.linalg.op.Structure;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.iterative.ConjugateGradient;
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
 * Conjugate gradient on a matrix-free SPD operator of size n = 10^5 (the 1D stencil {@code 4x_i − x_{i−1} −
 * x_{i+1}}), run for a fixed number of iterations ({@code relTol = 0}, so every solve stops on the cap).
 *
 * <p>Allocation per iteration is read from {@code -prof gc}: {@code gc.alloc.rate.norm} (bytes per solve) is the same
 * for 10 and 100 iterations when the loop allocates nothing; the difference divided by 90 is the per-iteration
 * figure. Time per iteration is {@code (t(100) − t(10)) / 90}.
 *
 * <pre>java -jar bench/target/gn4j.jar jmh CgIterationBenchmark -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CgIterationBenchmark {
    /** The operator size n. */
    @Param({"100000"})
    public int n;

    /** CG iterations per solve (the cap; the tolerance is 0). */
    @Param({"10", "100"})
    public int iterations;

    private ConjugateGradient cg;
    private double[] b;
    private double[] x;

    /**
     * Builds the stencil operator, prepares CG with the iteration cap, and draws a seeded N(0, 1) right-hand side.
     */
    @Setup
    public void setUp() {
        int size = n;
        LinearOperator stencil = Operators.of(size, size, (u, v) -> {
            v[0] = 4 * u[0] - u[1];
            for (int i = 1; i < size - 1; i++) {
                v[i] = 4 * u[i] - u[i - 1] - u[i + 1];
            }
            v[size - 1] = 4 * u[size - 1] - u[size - 2];
        }, null, Structure.SYMMETRIC, Structure.POSITIVE_DEFINITE);
        cg = new ConjugateGradient().withRelativeTolerance(0).withMaxIterations(iterations)
                .withResidualRecomputeInterval(50).prepare(stencil);
        b = new double[size];
        java.util.Random r = new java.util.Random(20261123L);
        for (int i = 0; i < size; i++) {
            b[i] = r.nextGaussian();
        }
        x = new double[size];
    }

    /**
     * One solve of {@code iterations} CG iterations.
     *
     * @return the solve's result (status MAX_ITERATIONS), returned so that JMH sinks it
     */
    @Benchmark
    public SolveResult solve() {
        return cg.solve(b, x);
    }
}
