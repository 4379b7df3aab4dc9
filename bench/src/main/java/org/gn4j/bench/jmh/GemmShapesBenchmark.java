package org.gn4j.bench.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.gn4j.linalg.ComputePool;
import org.gn4j.linalg.blas.Blas;
import org.gn4j.linalg.blas.CpuBlas;
import org.gn4j.linalg.blas.Transpose;
import org.gn4j.linalg.blas.VectorBlas;
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
 * The GEMM shapes the SGN-paper networks produce at mini-batch 1000, through the {@link Blas} seam, for the Vector
 * API kernel and EJML, each multi- and single-threaded. A shape is {@code "m,n,k,opA,opB"} with op N or T, as the
 * layers call it: dense forward {@code Y = X·Wᵀ} (NT), dense weight gradient {@code Ȳᵀ·X} (TN), dense input
 * cotangent {@code Ȳ·W} (NN), and the per-sample im2col products {@code W·cols} (NN) of the LeNet and CIFAR CNNs.
 * GFLOP/s = {@code 2mnk / time}.
 *
 * <pre>java --add-modules jdk.incubator.vector -jar bench/target/gn4j.jar jmh GemmShapesBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GemmShapesBenchmark {
    /** The product shape {@code "m,n,k,opA,opB"}: C is m×n, the inner dimension k, opA and opB N or T. */
    @Param({"1000,20,784,N,T", "1000,1024,784,N,T", "1000,1024,1024,N,T", "1024,784,1000,T,N", "1000,784,1024,N,N",
        "6,784,25,N,N", "16,100,150,N,N", "32,1024,27,N,N", "64,256,288,N,N", "64,64,576,N,N"})
    public String shape;

    private int m;
    private int n;
    private int k;
    private Transpose ta;
    private Transpose tb;
    private double[] a;
    private double[] b;
    private double[] c;
    private Blas vectorMt;
    private Blas vectorSt;
    private Blas ejmlMt;
    private Blas ejmlSt;

    /** Parses the shape, fills A and B with seeded N(0, 1) entries and builds the four BLAS instances. */
    @Setup
    public void setUp() {
        String[] p = shape.split(",");
        m = Integer.parseInt(p[0]);
        n = Integer.parseInt(p[1]);
        k = Integer.parseInt(p[2]);
        ta = p[3].equals("T") ? Transpose.YES : Transpose.NO;
        tb = p[4].equals("T") ? Transpose.YES : Transpose.NO;
        Random r = new Random(1);
        a = new double[m * k];
        b = new double[k * n];
        c = new double[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextGaussian();
        }
        ComputePool.parallelism();
        vectorMt = new VectorBlas();
        vectorSt = VectorBlas.singleThreaded();
        ejmlMt = new CpuBlas(true);
        ejmlSt = new CpuBlas(false);
    }

    private double[] run(Blas blas) {
        int lda = ta == Transpose.YES ? m : k;
        int ldb = tb == Transpose.YES ? k : n;
        blas.dgemm(ta, tb, m, n, k, 1.0, a, 0, lda, b, 0, ldb, 0.0, c, 0, n);
        return c;
    }

    /**
     * Vector API kernel on the compute pool.
     *
     * @return C (m×n, row-major), returned so that JMH sinks it
     */
    @Benchmark
    public double[] vectorMt() {
        return run(vectorMt);
    }

    /**
     * Vector API kernel on one thread.
     *
     * @return C (m×n, row-major), returned so that JMH sinks it
     */
    @Benchmark
    public double[] vectorSt() {
        return run(vectorSt);
    }

    /**
     * EJML's multi-threaded kernel ({@code CpuBlas(true)}).
     *
     * @return C (m×n, row-major), returned so that JMH sinks it
     */
    @Benchmark
    public double[] ejmlMt() {
        return run(ejmlMt);
    }

    /**
     * EJML's single-threaded kernel ({@code CpuBlas(false)}).
     *
     * @return C (m×n, row-major), returned so that JMH sinks it
     */
    @Benchmark
    public double[] ejmlSt() {
        return run(ejmlSt);
    }
}
