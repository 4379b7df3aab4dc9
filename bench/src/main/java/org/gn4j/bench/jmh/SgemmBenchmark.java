package org.gn4j.bench.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.gn4j.linalg.ComputePool;
import org.gn4j.linalg.blas.Blas;
import org.gn4j.linalg.blas.BlasProvider;
import org.gn4j.linalg.blas.Transpose;
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
 * Square float32 GEMM {@code C = A·B} ({@code n×n}, seeded N(0, 1) entries, β = 0) through the {@code Blas} seam:
 * {@code sgemm} on {@code float[]} storage, {@code dgemmF32} (float32 products on {@code double[]} storage, what a
 * {@code Precision.F32} network runs) and float64 {@code dgemm} for reference. GFLOP/s is {@code 2n³ / time}
 * (n = 1024: 2147.5 / ms). Multi-threaded on the compute pool ({@code -jvmArgs -Dgn4j.threads=N}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SgemmBenchmark {
    /** Matrix size. */
    @Param({"1024"})
    public int n;

    private Blas blas;
    private float[] af;
    private float[] bf;
    private float[] cf;
    private double[] ad;
    private double[] bd;
    private double[] cd;

    /** Seeded inputs, allocated once per trial. */
    @Setup
    public void setUp() {
        ComputePool.parallelism();
        blas = BlasProvider.cpu();
        Random r = new Random(1);
        af = new float[n * n];
        bf = new float[n * n];
        cf = new float[n * n];
        ad = new double[n * n];
        bd = new double[n * n];
        cd = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            af[i] = (float) r.nextGaussian();
            bf[i] = (float) r.nextGaussian();
            ad[i] = af[i];
            bd[i] = bf[i];
        }
    }

    /**
     * SGEMM on float storage.
     *
     * @return C (n×n, row-major float32), returned so that JMH sinks it
     */
    @Benchmark
    public float[] sgemm() {
        blas.sgemm(Transpose.NO, Transpose.NO, n, n, n, 1f, af, 0, n, bf, 0, n, 0f, cf, 0, n);
        return cf;
    }

    /**
     * Float32 products on double storage (operands rounded while packing).
     *
     * @return C (n×n, row-major), returned so that JMH sinks it
     */
    @Benchmark
    public double[] dgemmF32() {
        blas.dgemmF32(Transpose.NO, Transpose.NO, n, n, n, 1.0, ad, 0, n, bd, 0, n, 0.0, cd, 0, n);
        return cd;
    }

    /**
     * Float64 DGEMM, the reference.
     *
     * @return C (n×n, row-major), returned so that JMH sinks it
     */
    @Benchmark
    public double[] dgemm() {
        blas.dgemm(Transpose.NO, Transpose.NO, n, n, n, 1.0, ad, 0, n, bd, 0, n, 0.0, cd, 0, n);
        return cd;
    }
}
