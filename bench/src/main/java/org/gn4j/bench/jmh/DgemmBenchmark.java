package org.gn4j.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.gn4j.bench.Flops;
import org.gn4j.linalg.DenseMatrices;
import org.gn4j.linalg.ComputePool;
import org.gn4j.linalg.blas.CpuBlas;
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
 * Square DGEMM {@code C = A·B} ({@code n×n}, seeded N(0, 1) entries, β = 0): gn4j's {@link CpuBlas} multi- and
 * single-threaded against the EJML kernels it wraps, to show what the {@code Blas} seam costs, and the Vector API
 * {@link VectorBlas}, the faster kernel.
 *
 * <p>Mode is average time per product in milliseconds; GFLOP/s is {@code 2n³ / time}, i.e.
 * {@link #gflops(int, double) gflops(n, ms)} = {@code 2n³ / (ms·10⁶)} (n = 256: 33.55 / ms; n = 1024: 2147.5 / ms).
 * Each method returns C so JMH sinks it. Multi-threaded variants use as many threads as {@code gn4j.threads}
 * (default all cores): pass {@code -jvmArgs -Dgn4j.threads=N} to change it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DgemmBenchmark {
    /** Matrix size. */
    @Param({"256", "512", "1024", "2048"})
    public int n;

    private DMatrixRMaj a;
    private DMatrixRMaj b;
    private DMatrixRMaj c;
    private CpuBlas gn4jMt;
    private CpuBlas gn4jSt;
    private VectorBlas vector;
    private VectorBlas vectorSt;

    /** Seeded inputs, allocated once per trial so no run measures allocation. */
    @Setup
    public void setUp() {
        a = DenseMatrices.gaussian(n, n, 1L);
        b = DenseMatrices.gaussian(n, n, 2L);
        c = new DMatrixRMaj(n, n);
        // initializes ComputePool, which caps EJML's threads too: both multi-threaded variants get the same count
        ComputePool.parallelism();
        gn4jMt = new CpuBlas(true);
        gn4jSt = new CpuBlas(false);
        vector = new VectorBlas();
        vectorSt = VectorBlas.singleThreaded();
    }

    /**
     * gn4j {@code CpuBlas(true)}: EJML's multi-threaded kernel above the work threshold, on the compute pool's cap.
     *
     * @return C = A·B (n×n, the benchmark's own output matrix), returned so that JMH sinks it
     */
    @Benchmark
    public DMatrixRMaj gn4jCpuBlasMt() {
        gn4jMt.gemm(false, false, 1.0, a, b, 0.0, c);
        return c;
    }

    /**
     * gn4j {@code CpuBlas(false)}: single-threaded.
     *
     * @return C = A·B (n×n, the benchmark's own output matrix), returned so that JMH sinks it
     */
    @Benchmark
    public DMatrixRMaj gn4jCpuBlasSt() {
        gn4jSt.gemm(false, false, 1.0, a, b, 0.0, c);
        return c;
    }

    /**
     * gn4j {@code VectorBlas}: packed, cache-blocked Vector API kernel on the compute pool (needs
     * {@code --add-modules jdk.incubator.vector}, which the fork inherits from the launching JVM).
     *
     * @return C = A·B (n×n, the benchmark's own output matrix), returned so that JMH sinks it
     */
    @Benchmark
    public DMatrixRMaj gn4jVectorBlas() {
        vector.gemm(false, false, 1.0, a, b, 0.0, c);
        return c;
    }

    /**
     * gn4j {@code VectorBlas} on one thread.
     *
     * @return C = A·B (n×n, the benchmark's own output matrix), returned so that JMH sinks it
     */
    @Benchmark
    public DMatrixRMaj gn4jVectorBlasSt() {
        vectorSt.gemm(false, false, 1.0, a, b, 0.0, c);
        return c;
    }

    /**
     * EJML {@code CommonOps_DDRM.mult}, the single-threaded baseline.
     *
     * @return C = A·B (n×n, the benchmark's own output matrix), returned so that JMH sinks it
     */
    @Benchmark
    public DMatrixRMaj ejmlMult() {
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }

    /**
     * EJML {@code CommonOps_MT_DDRM.mult}, the multi-threaded baseline.
     *
     * @return C = A·B (n×n, the benchmark's own output matrix), returned so that JMH sinks it
     */
    @Benchmark
    public DMatrixRMaj ejmlMultMt() {
        CommonOps_MT_DDRM.mult(a, b, c);
        return c;
    }

    /**
     * GFLOP/s of one {@code n×n} product that takes {@code msPerOp} ms (the score of this benchmark).
     *
     * @param n the matrix order
     * @param msPerOp the measured time of one product, in milliseconds
     * @return {@code 2n³ / (msPerOp·10⁶)}, in GFLOP/s
     */
    public static double gflops(int n, double msPerOp) {
        return Flops.gemmGflops(n, msPerOp);
    }
}
