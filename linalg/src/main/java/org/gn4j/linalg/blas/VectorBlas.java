package org.gn4j.linalg.blas;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.ComputePool;

/**
 * A pure-Java {@link Blas} whose DGEMM is a packed, cache-blocked, register-blocked kernel on the incubating Vector
 * API ({@code jdk.incubator.vector}, {@link DoubleVector#SPECIES_PREFERRED}); the JVM needs
 * {@code --add-modules jdk.incubator.vector}. This is the only class (with its nested helpers) that references the
 * incubator module, so {@link BlasProvider} can fall back to {@link CpuBlas} when the module is absent.
 *
 * <p>DGEMM follows the Goto/BLIS scheme: for each {@link #NC}-column block of {@code op(B)} and each {@link #KC}-deep
 * slice of k, the slice of {@code op(B)} is packed into {@code NR}-column slivers (zero-padded), then for each
 * {@link #MC}-row block of {@code op(A)} the block is packed, pre-multiplied by α, into {@link #MR}-row slivers
 * (zero-padded); the micro-kernel multiplies one A sliver by one B sliver into {@code MR×NR} accumulators held in
 * vector registers ({@code MR} rows × 2 vectors: 4 × 8 with AVX2, 8 × 16 with AVX-512), parks them in a small tile
 * array and adds that to C, scaled by β on the first k slice only (β = 0 never reads C). The packed panels start on
 * a 64-byte cache line ({@link CacheLines}), so that no vector load of a sliver straddles two lines. Transposes are
 * handled once, in packing. Partial tiles at the edges run
 * the same kernel on the padded panels and write back only the valid part. Rows (or, when there are too few row
 * slivers to share, columns) are split across {@link ComputePool#parallelFor} (one chunk per thread, each thread
 * packing its own panels into reused per-thread buffers: once they have grown, a call allocates only the loop's
 * lambda and fork-join tasks). Products with {@code m·n·k} below
 * {@link #SMALL_WORK} use a plain triple loop.
 *
 * <p>The blocking loops and the thread split are {@link GemmBlocking}'s, shared with the float32 sibling of this
 * kernel ({@code VectorSgemm}, with {@code FloatVector}) that {@code sgemm} and {@code dgemmF32} run; on double
 * storage the sibling rounds every operand to float, so it packs what this kernel reads in place; {@code dgemmF32}
 * leaves the products where that costs more than float arithmetic saves to this kernel (see {@code float64Faster}).
 *
 * <p>{@code dgemv} delegates to {@link CpuBlas}, {@code ddot} and {@code daxpy} are {@link Blas}'s host defaults;
 * {@code dsyrk} runs this DGEMM over the full square and mirrors the upper triangle (twice the necessary work, but
 * exactly symmetric).
 */
public final class VectorBlas implements Blas {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Doubles per vector register. */
    static final int VL = S.length();
    /**
     * Rows of the register tile: 8 (16 accumulators) where vectors are 512 bits wide (AVX-512 has 32 vector
     * registers), 4 (8 accumulators) otherwise (AVX2 has 16, which 8 rows overflow: slower under
     * {@code -XX:UseAVX=2}). On an AVX-512 Xeon 8 rows with aligned panels run DGEMM at n = 1024 about 1.2× faster
     * than 4 (CHANGELOG.md). The kernels write their accumulators to a tile array and leave adding it to C to
     * {@link #storeTile}: with the C update inside, a kernel of more than 8 accumulators grew past what C2 (JDK 17)
     * inlines and its vectors were boxed (a 6-row tile with the update inside ran 2.4× slower on Zen 4).
     * MC 48..192, KC 128..256, NC 512..1024 measured within noise; KC ≥ 320 was slower.
     */
    static final int MR = VL >= 8 ? 8 : 4;
    /** Columns of the register tile: two vectors. */
    static final int NR = 2 * VL;
    /** Rows of a packed A block (kept in L2): {@link GemmBlocking#MC}. */
    static final int MC = GemmBlocking.MC;
    /** Depth of a packed slice (A sliver and B sliver in L1): {@link GemmBlocking#KC}. */
    static final int KC = GemmBlocking.KC;
    /** Columns of a packed B panel: {@link GemmBlocking#NC}. */
    static final int NC = GemmBlocking.NC;
    /** Work ({@code m·n·k}) below which a plain loop is used. */
    static final long SMALL_WORK = 32L * 32 * 32;
    /**
     * Rows of C up to which B is read in place instead of packed ({@code op(B) = B} only): with so few row slivers
     * per B panel, packing costs about as much as the products it would speed up (convolutions' short, wide GEMMs).
     */
    static final int DIRECT_B_ROWS = 32;
    /**
     * Columns of C up to which {@code op(A) = Aᵀ} is read in place instead of packed (α = 1 only): each packed A
     * sliver would serve at most {@code DIRECT_A_COLUMNS / NR} B slivers, too few to repay the strided packing
     * (convolutions' input cotangents {@code Wᵀ·Ȳ} with few output pixels). A sliver of Aᵀ is MR contiguous doubles per
     * step of k, {@code lda} apart, which the kernel reads as it reads a packed sliver.
     */
    static final int DIRECT_A_COLUMNS = 128;
    /**
     * Depth up to which {@link #dgemmF32} runs the float64 kernel ({@link #float64Faster}): on the CIFAR CNN's
     * Winograd convolutions (depths 32 and 64) the float kernel's forward pass took about 1.3 times as long.
     */
    static final int FLOAT64_MAX_DEPTH = 64;
    /**
     * Work ({@code m·n·k}) per thread from which a product is split across the compute pool. Waking a pool worker
     * from outside the pool costs tens of microseconds, as much as a product of about 128³ takes on one core: with
     * a 64³ threshold, products of 1–4 million multiply-adds (the convolutions' per-sample products) run 1.6–2.7×
     * slower on two threads than on one (GemmShapesBenchmark, docs/BENCHMARKS.md).
     */
    static final long PARALLEL_WORK = 128L * 128 * 128;

    private final boolean vector;
    private final boolean multiThreaded;
    private final CpuBlas cpu;

    /** Vector kernel, multi-threaded when the compute pool has more than one thread. */
    public VectorBlas() {
        this(true, ComputePool.parallelism() > 1);
    }

    /**
     * Vector kernel on the calling thread only (benchmarks, callers that parallelize themselves).
     *
     * @return a new single-threaded vector BLAS
     */
    public static VectorBlas singleThreaded() {
        return new VectorBlas(true, false);
    }

    /**
     * @param vector false runs the same packed algorithm with a scalar micro-kernel (tests the fallback path)
     * @param multiThreaded false keeps every product on the calling thread
     */
    VectorBlas(boolean vector, boolean multiThreaded) {
        this.vector = vector;
        this.multiThreaded = multiThreaded;
        this.cpu = new CpuBlas(multiThreaded);
        // touch the species so a missing incubator module fails here, in the constructor
        if (S.length() <= 0) {
            throw new IllegalStateException("no vector species");
        }
    }

    /** What the probe reports: the module and the vector width. */
    static String description() {
        return "jdk.incubator.vector, " + VL + " doubles per vector";
    }

    @Override
    public String name() {
        return "cpu-vector";
    }

    @Override
    public String toString() {
        return name() + (vector ? "" : " (scalar kernel)") + (multiThreaded ? "" : " (single-threaded)");
    }

    @Override
    public void dgemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha, double[] a, int aOff,
            int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        BlasArguments.checkGemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0) {
            CpuBlas.scaleMatrix(m, n, beta, c, cOff, ldc);
            return;
        }
        boolean ta = transA == Transpose.YES;
        boolean tb = transB == Transpose.YES;
        long work = (long) m * n * k;
        if (work < SMALL_WORK) {
            naive(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        if (vector && !ta && tb && m <= DIRECT_B_ROWS && k >= Math.max(n, 64)) {
            // A·Bᵀ, few rows, a depth of at least n (weight gradients of convolutions: channels × fan-in, summed
            // over pixels): each entry is a dot product of two contiguous rows; packing the transposed B would cost
            // as much as the products
            dotProducts(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        int threads = GemmBlocking.threads(work, PARALLEL_WORK, multiThreaded);
        if (threads <= 1) {
            blocked(ta, tb, 0, m, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        GemmBlocking.split(m, n, MR, NR, threads, (r0, r1, c0, c1) -> blocked(ta, tb, r0, r1, c0, c1, k, alpha, a,
                aOff, lda, b, bOff, ldb, beta, c, cOff, ldc));
    }

    private static final ThreadLocal<Panels> PANELS = ThreadLocal.withInitial(Panels::new);

    /** Rows {@code [r0, r1)} and columns {@code [c0, c1)} of C, the whole depth. */
    private void blocked(boolean ta, boolean tb, int r0, int r1, int c0, int c1, int k, double alpha, double[] a,
            int aOff, int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        Panels p = PANELS.get();
        p.start(ta, tb, alpha, a, aOff, lda, b, bOff, ldb, cOff, ldc, r1 - r0, c1 - c0, k);
        p.vector = vector;
        p.c = c;
        p.directB = vector && !tb && r1 - r0 <= DIRECT_B_ROWS;
        p.directA = vector && ta && alpha == 1.0 && c1 - c0 <= DIRECT_A_COLUMNS;
        p.run(r0, r1, c0, c1, k, beta);
    }

    /** The float64 side of {@link GemmBlocking}: C, packing into {@code double[]} and the DoubleVector kernels. */
    private static final class Panels extends GemmBlocking.Panels<double[]> {
        final double[] tile = new double[MR * NR];
        boolean vector;
        /** {@code op(A) = Aᵀ} read in place: only the last, partial sliver of each block is packed. */
        boolean directA;
        double[] c;

        Panels() {
            super(MR, NR, CacheLines.DOUBLES);
        }

        @Override
        void finish() {
            super.finish();
            c = null;
        }

        @Override
        double[] grow(double[] panel, int length) {
            return panel != null && panel.length >= length ? panel : new double[length];
        }

        @Override
        int alignedStart(double[] panel) {
            return CacheLines.alignedStart(panel);
        }

        @Override
        void packPanelB(boolean transposed, int pc, int kc, int jc, int nc) {
            VectorBlas.packB(transposed, (double[]) b, bOff, ldb, pc, kc, jc, nc, bp, bo);
        }

        @Override
        public void packA(int ic, int mc, int pc, int kc) {
            if (!directA) {
                VectorBlas.packA(ta, (double[]) a, aOff, lda, ic, mc, pc, kc, alpha, ap, ao);
            } else if (mc % MR != 0) {
                // the last, partial sliver: pack it (zero padded) once for all B slivers
                int last = mc - mc % MR;
                VectorBlas.packA(true, (double[]) a, aOff, lda, ic + last, mc - last, pc, kc, 1.0, ap, ao);
            }
        }

        @Override
        public void tile(int ic, int ir, int mr, int pc, int kc, int jc, int jr, int nr, double beta) {
            int cIdx = cOff + (ic + ir) * ldc + jc + jr;
            // the A sliver: packed (MR doubles per step of k) or Aᵀ in place (lda apart)
            double[] as = ap;
            int aIdx = ao + ir * kc;
            int aStep = MR;
            if (directA) {
                if (mr == MR) {
                    as = (double[]) a;
                    aIdx = aOff + pc * lda + ic + ir;
                    aStep = lda;
                } else {
                    aIdx = ao;
                }
            }
            if (vector) {
                kernelVector(kc, as, aIdx, aStep, bs, bIdx, bStep, c, cIdx, ldc, mr, nr, beta, tile);
            } else {
                kernelScalar(kc, ap, aIdx, bp, bIdx, c, cIdx, ldc, mr, nr, beta, tile);
            }
        }
    }

    /**
     * {@code C = α·A·Bᵀ + βC} entry by entry as dot products of rows, in 4×4 register blocks (8 loads per 16 FMAs),
     * then 2×4 blocks and single rows for the last rows.
     */
    private static void dotProducts(int m, int n, int k, double alpha, double[] a, int aOff, int lda, double[] b,
            int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        int kv = k - k % VL;
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                dot4x4(a, aOff + i * lda, lda, b, bOff + j * ldb, ldb, kv, k, alpha, beta, c, cOff + i * ldc + j,
                        ldc);
            }
            for (; j < n; j++) {
                int bj = bOff + j * ldb;
                for (int r = 0; r < 4; r++) {
                    putDot(c, cOff + (i + r) * ldc + j, alpha, beta, dot(a, aOff + (i + r) * lda, b, bj, kv, k));
                }
            }
        }
        for (; i + 2 <= m; i += 2) {
            int a0 = aOff + i * lda;
            int a1 = a0 + lda;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                int b0 = bOff + j * ldb;
                int b1 = b0 + ldb;
                int b2 = b1 + ldb;
                int b3 = b2 + ldb;
                DoubleVector s00 = DoubleVector.zero(S);
                DoubleVector s01 = s00;
                DoubleVector s02 = s00;
                DoubleVector s03 = s00;
                DoubleVector s10 = s00;
                DoubleVector s11 = s00;
                DoubleVector s12 = s00;
                DoubleVector s13 = s00;
                for (int p = 0; p < kv; p += VL) {
                    DoubleVector x0 = DoubleVector.fromArray(S, a, a0 + p);
                    DoubleVector x1 = DoubleVector.fromArray(S, a, a1 + p);
                    DoubleVector y = DoubleVector.fromArray(S, b, b0 + p);
                    s00 = x0.fma(y, s00);
                    s10 = x1.fma(y, s10);
                    y = DoubleVector.fromArray(S, b, b1 + p);
                    s01 = x0.fma(y, s01);
                    s11 = x1.fma(y, s11);
                    y = DoubleVector.fromArray(S, b, b2 + p);
                    s02 = x0.fma(y, s02);
                    s12 = x1.fma(y, s12);
                    y = DoubleVector.fromArray(S, b, b3 + p);
                    s03 = x0.fma(y, s03);
                    s13 = x1.fma(y, s13);
                }
                int r0 = cOff + i * ldc + j;
                int r1 = r0 + ldc;
                putDot(c, r0, alpha, beta, s00.reduceLanes(VectorOperators.ADD) + tail(a, a0, b, b0, kv, k));
                putDot(c, r0 + 1, alpha, beta, s01.reduceLanes(VectorOperators.ADD) + tail(a, a0, b, b1, kv, k));
                putDot(c, r0 + 2, alpha, beta, s02.reduceLanes(VectorOperators.ADD) + tail(a, a0, b, b2, kv, k));
                putDot(c, r0 + 3, alpha, beta, s03.reduceLanes(VectorOperators.ADD) + tail(a, a0, b, b3, kv, k));
                putDot(c, r1, alpha, beta, s10.reduceLanes(VectorOperators.ADD) + tail(a, a1, b, b0, kv, k));
                putDot(c, r1 + 1, alpha, beta, s11.reduceLanes(VectorOperators.ADD) + tail(a, a1, b, b1, kv, k));
                putDot(c, r1 + 2, alpha, beta, s12.reduceLanes(VectorOperators.ADD) + tail(a, a1, b, b2, kv, k));
                putDot(c, r1 + 3, alpha, beta, s13.reduceLanes(VectorOperators.ADD) + tail(a, a1, b, b3, kv, k));
            }
            for (; j < n; j++) {
                int bj = bOff + j * ldb;
                putDot(c, cOff + i * ldc + j, alpha, beta, dot(a, a0, b, bj, kv, k));
                putDot(c, cOff + (i + 1) * ldc + j, alpha, beta, dot(a, a1, b, bj, kv, k));
            }
        }
        for (; i < m; i++) {
            int ai = aOff + i * lda;
            for (int j = 0; j < n; j++) {
                putDot(c, cOff + i * ldc + j, alpha, beta, dot(a, ai, b, bOff + j * ldb, kv, k));
            }
        }
    }

    /** The 4×4 block of {@code A·Bᵀ} from rows {@code a0 … a0+3·lda} of A and {@code b0 … b0+3·ldb} of B. */
    private static void dot4x4(double[] a, int a0, int lda, double[] b, int b0, int ldb, int kv, int k, double alpha,
            double beta, double[] c, int c0, int ldc) {
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        int b1 = b0 + ldb;
        int b2 = b1 + ldb;
        int b3 = b2 + ldb;
        DoubleVector s00 = DoubleVector.zero(S);
        DoubleVector s01 = s00;
        DoubleVector s02 = s00;
        DoubleVector s03 = s00;
        DoubleVector s10 = s00;
        DoubleVector s11 = s00;
        DoubleVector s12 = s00;
        DoubleVector s13 = s00;
        DoubleVector s20 = s00;
        DoubleVector s21 = s00;
        DoubleVector s22 = s00;
        DoubleVector s23 = s00;
        DoubleVector s30 = s00;
        DoubleVector s31 = s00;
        DoubleVector s32 = s00;
        DoubleVector s33 = s00;
        for (int p = 0; p < kv; p += VL) {
            DoubleVector x0 = DoubleVector.fromArray(S, a, a0 + p);
            DoubleVector x1 = DoubleVector.fromArray(S, a, a1 + p);
            DoubleVector x2 = DoubleVector.fromArray(S, a, a2 + p);
            DoubleVector x3 = DoubleVector.fromArray(S, a, a3 + p);
            DoubleVector y = DoubleVector.fromArray(S, b, b0 + p);
            s00 = x0.fma(y, s00);
            s10 = x1.fma(y, s10);
            s20 = x2.fma(y, s20);
            s30 = x3.fma(y, s30);
            y = DoubleVector.fromArray(S, b, b1 + p);
            s01 = x0.fma(y, s01);
            s11 = x1.fma(y, s11);
            s21 = x2.fma(y, s21);
            s31 = x3.fma(y, s31);
            y = DoubleVector.fromArray(S, b, b2 + p);
            s02 = x0.fma(y, s02);
            s12 = x1.fma(y, s12);
            s22 = x2.fma(y, s22);
            s32 = x3.fma(y, s32);
            y = DoubleVector.fromArray(S, b, b3 + p);
            s03 = x0.fma(y, s03);
            s13 = x1.fma(y, s13);
            s23 = x2.fma(y, s23);
            s33 = x3.fma(y, s33);
        }
        putDot(c, c0, alpha, beta, s00.reduceLanes(VectorOperators.ADD) + tail(a, a0, b, b0, kv, k));
        putDot(c, c0 + 1, alpha, beta, s01.reduceLanes(VectorOperators.ADD) + tail(a, a0, b, b1, kv, k));
        putDot(c, c0 + 2, alpha, beta, s02.reduceLanes(VectorOperators.ADD) + tail(a, a0, b, b2, kv, k));
        putDot(c, c0 + 3, alpha, beta, s03.reduceLanes(VectorOperators.ADD) + tail(a, a0, b, b3, kv, k));
        putDot(c, c0 + ldc, alpha, beta, s10.reduceLanes(VectorOperators.ADD) + tail(a, a1, b, b0, kv, k));
        putDot(c, c0 + ldc + 1, alpha, beta, s11.reduceLanes(VectorOperators.ADD) + tail(a, a1, b, b1, kv, k));
        putDot(c, c0 + ldc + 2, alpha, beta, s12.reduceLanes(VectorOperators.ADD) + tail(a, a1, b, b2, kv, k));
        putDot(c, c0 + ldc + 3, alpha, beta, s13.reduceLanes(VectorOperators.ADD) + tail(a, a1, b, b3, kv, k));
        putDot(c, c0 + 2 * ldc, alpha, beta, s20.reduceLanes(VectorOperators.ADD) + tail(a, a2, b, b0, kv, k));
        putDot(c, c0 + 2 * ldc + 1, alpha, beta, s21.reduceLanes(VectorOperators.ADD) + tail(a, a2, b, b1, kv, k));
        putDot(c, c0 + 2 * ldc + 2, alpha, beta, s22.reduceLanes(VectorOperators.ADD) + tail(a, a2, b, b2, kv, k));
        putDot(c, c0 + 2 * ldc + 3, alpha, beta, s23.reduceLanes(VectorOperators.ADD) + tail(a, a2, b, b3, kv, k));
        putDot(c, c0 + 3 * ldc, alpha, beta, s30.reduceLanes(VectorOperators.ADD) + tail(a, a3, b, b0, kv, k));
        putDot(c, c0 + 3 * ldc + 1, alpha, beta, s31.reduceLanes(VectorOperators.ADD) + tail(a, a3, b, b1, kv, k));
        putDot(c, c0 + 3 * ldc + 2, alpha, beta, s32.reduceLanes(VectorOperators.ADD) + tail(a, a3, b, b2, kv, k));
        putDot(c, c0 + 3 * ldc + 3, alpha, beta, s33.reduceLanes(VectorOperators.ADD) + tail(a, a3, b, b3, kv, k));
    }

    private static double dot(double[] a, int ai, double[] b, int bi, int kv, int k) {
        DoubleVector s = DoubleVector.zero(S);
        for (int p = 0; p < kv; p += VL) {
            s = DoubleVector.fromArray(S, a, ai + p).fma(DoubleVector.fromArray(S, b, bi + p), s);
        }
        return s.reduceLanes(VectorOperators.ADD) + tail(a, ai, b, bi, kv, k);
    }

    private static double tail(double[] a, int ai, double[] b, int bi, int from, int k) {
        double s = 0;
        for (int p = from; p < k; p++) {
            s += a[ai + p] * b[bi + p];
        }
        return s;
    }

    private static void putDot(double[] c, int at, double alpha, double beta, double dot) {
        c[at] = beta == 0 ? alpha * dot : alpha * dot + beta * c[at];
    }

    /** Packs {@code α·op(A)[ic:ic+mc, pc:pc+kc]} into MR-row slivers: {@code ap[s·MR·kc + p·MR + r]}. */
    private static void packA(boolean ta, double[] a, int aOff, int lda, int ic, int mc, int pc, int kc, double alpha,
            double[] ap, int ao) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int base = ao + ir * kc;
            if (!ta && mr == MR) {
                // the MR row streams read in step, the sliver written in order
                int s0 = aOff + (ic + ir) * lda + pc;
                for (int p = 0, dst = base; p < kc; p++, dst += MR) {
                    int q = s0 + p;
                    for (int r = 0; r < MR; r++, q += lda) {
                        ap[dst + r] = alpha * a[q];
                    }
                }
            } else if (!ta) {
                for (int r = 0; r < mr; r++) {
                    int src = aOff + (ic + ir + r) * lda + pc;
                    for (int p = 0; p < kc; p++) {
                        ap[base + p * MR + r] = alpha * a[src + p];
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (pc + p) * lda + ic + ir;
                    int dst = base + p * MR;
                    for (int r = 0; r < mr; r++) {
                        ap[dst + r] = alpha * a[src + r];
                    }
                }
            }
            if (mr < MR) {
                for (int p = 0; p < kc; p++) {
                    for (int r = mr; r < MR; r++) {
                        ap[base + p * MR + r] = 0;
                    }
                }
            }
        }
    }

    /** Packs {@code op(B)[pc:pc+kc, jc:jc+nc]} into NR-column slivers: {@code bp[s·NR·kc + p·NR + j]}. */
    private static void packB(boolean tb, double[] b, int bOff, int ldb, int pc, int kc, int jc, int nc,
            double[] bp, int bo) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int base = bo + jr * kc;
            if (!tb) {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (pc + p) * ldb + jc + jr;
                    int dst = base + p * NR;
                    System.arraycopy(b, src, bp, dst, nr);
                    for (int j = nr; j < NR; j++) {
                        bp[dst + j] = 0;
                    }
                }
            } else {
                for (int j = 0; j < nr; j++) {
                    int src = bOff + (jc + jr + j) * ldb + pc;
                    for (int p = 0; p < kc; p++) {
                        bp[base + p * NR + j] = b[src + p];
                    }
                }
                for (int p = 0; p < kc; p++) {
                    for (int j = nr; j < NR; j++) {
                        bp[base + p * NR + j] = 0;
                    }
                }
            }
        }
    }

    /**
     * MR×NR tile: {@code C = acc + βC} (β = 0: C not read), acc = Σ_p ap·b over kc, where step p of the A sliver is
     * the MR doubles at {@code aIdx + p·aStep} (packed: {@code aStep = MR}; Aᵀ in place: {@code aStep = lda}) and row
     * p of the B sliver the NR doubles at {@code bIdx + p·ldb}: a packed sliver ({@code ldb = NR}) or B itself read in
     * place.
     */
    private static void kernelVector(int kc, double[] ap, int aIdx, int aStep, double[] bp, int bIdx, int ldb,
            double[] c, int cIdx, int ldc, int mr, int nr, double beta, double[] tile) {
        if (MR == 8) {
            kernel8(kc, ap, aIdx, aStep, bp, bIdx, ldb, tile);
        } else {
            kernel4(kc, ap, aIdx, aStep, bp, bIdx, ldb, tile);
        }
        if (mr == MR && nr == NR) {
            storeTile(tile, c, cIdx, ldc, beta);
        } else {
            writeTile(tile, c, cIdx, ldc, mr, nr, beta);
        }
    }

    /** The 8-row register tile over kc steps, parked in {@code tile} (row r at {@code r·NR}). */
    private static void kernel8(int kc, double[] ap, int aIdx, int aStep, double[] bp, int bIdx, int ldb,
            double[] tile) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c40 = c00;
        DoubleVector c41 = c00;
        DoubleVector c50 = c00;
        DoubleVector c51 = c00;
        DoubleVector c60 = c00;
        DoubleVector c61 = c00;
        DoubleVector c70 = c00;
        DoubleVector c71 = c00;
        int ai = aIdx;
        int bi = bIdx;
        for (int p = 0; p < kc; p++, ai += aStep, bi += ldb) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bi + VL);
            DoubleVector a0 = DoubleVector.broadcast(S, ap[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, ap[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, ap[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, ap[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(S, ap[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(S, ap[ai + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            DoubleVector a6 = DoubleVector.broadcast(S, ap[ai + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            DoubleVector a7 = DoubleVector.broadcast(S, ap[ai + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, VL);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + VL);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + VL);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + VL);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + VL);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + VL);
        c60.intoArray(tile, 6 * NR);
        c61.intoArray(tile, 6 * NR + VL);
        c70.intoArray(tile, 7 * NR);
        c71.intoArray(tile, 7 * NR + VL);
    }

    /**
     * The 4-row register tile over kc steps, parked in {@code tile} (row r at {@code r·NR}): {@link #kernel8} for 16
     * vector registers. The two are written out row by row on purpose: accumulators stay in registers only as separate
     * local variables, so a loop over rows (or one kernel for both heights) would put them in memory.
     */
    private static void kernel4(int kc, double[] ap, int aIdx, int aStep, double[] bp, int bIdx, int ldb,
            double[] tile) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        int ai = aIdx;
        int bi = bIdx;
        for (int p = 0; p < kc; p++, ai += aStep, bi += ldb) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bi + VL);
            DoubleVector a0 = DoubleVector.broadcast(S, ap[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, ap[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, ap[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, ap[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, VL);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + VL);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + VL);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + VL);
    }

    /** Adds a whole register tile (parked in {@code tile}) to C, scaled by β. */
    private static void storeTile(double[] tile, double[] c, int cIdx, int ldc, double beta) {
        for (int r = 0; r < MR; r++) {
            int at = cIdx + r * ldc;
            for (int j = 0; j < NR; j += VL) {
                DoubleVector v = DoubleVector.fromArray(S, tile, r * NR + j);
                if (beta == 0) {
                    v.intoArray(c, at + j);
                } else if (beta == 1) {
                    v.add(DoubleVector.fromArray(S, c, at + j)).intoArray(c, at + j);
                } else {
                    DoubleVector.fromArray(S, c, at + j).lanewise(VectorOperators.FMA, beta, v).intoArray(c, at + j);
                }
            }
        }
    }

    /** The same tile with scalar arithmetic: the fallback path, and the reference for the vector kernel. */
    private static void kernelScalar(int kc, double[] ap, int aIdx, double[] bp, int bIdx, double[] c, int cIdx,
            int ldc, int mr, int nr, double beta, double[] tile) {
        java.util.Arrays.fill(tile, 0);
        int ai = aIdx;
        int bi = bIdx;
        for (int p = 0; p < kc; p++, ai += MR, bi += NR) {
            for (int r = 0; r < MR; r++) {
                double av = ap[ai + r];
                int t = r * NR;
                for (int j = 0; j < NR; j++) {
                    tile[t + j] = Math.fma(av, bp[bi + j], tile[t + j]);
                }
            }
        }
        writeTile(tile, c, cIdx, ldc, mr, nr, beta);
    }

    private static void writeTile(double[] tile, double[] c, int cIdx, int ldc, int mr, int nr, double beta) {
        for (int r = 0; r < mr; r++) {
            int row = cIdx + r * ldc;
            for (int j = 0; j < nr; j++) {
                double v = tile[r * NR + j];
                c[row + j] = beta == 0 ? v : v + beta * c[row + j];
            }
        }
    }

    /** Plain triple loop for small products (i-p-j order, C row scaled first). */
    private static void naive(boolean ta, boolean tb, int m, int n, int k, double alpha, double[] a, int aOff,
            int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double bv = tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += av * bv;
                }
                c[row + j] = beta == 0 ? alpha * s : alpha * s + beta * c[row + j];
            }
        }
    }

    /** SGEMM with the packed {@code FloatVector} kernel ({@code VectorSgemm}). */
    @Override
    public void sgemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha, float[] a, int aOff,
            int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        BlasArguments.checkGemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        VectorSgemm.gemm(transA == Transpose.YES, transB == Transpose.YES, m, n, k, alpha, a, aOff, lda, b, bOff, ldb,
                beta, c, cOff, ldc, multiThreaded);
    }

    /**
     * Float32 products on float64 storage: the {@code FloatVector} kernel rounds the operands while packing, except
     * for the products it cannot speed up, which run this float64 DGEMM ({@link #float64Faster}); both stay within
     * the float32 bound.
     */
    @Override
    public void dgemmF32(Transpose transA, Transpose transB, int m, int n, int k, double alpha, double[] a,
            int aOff, int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        BlasArguments.checkGemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        boolean ta = transA == Transpose.YES;
        boolean tb = transB == Transpose.YES;
        if (vector && float64Faster(ta, tb, m, n, k)) {
            dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        VectorSgemm.gemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, multiThreaded);
    }

    /**
     * Whether a float32 product on double storage runs faster in this float64 kernel: the float kernel converts
     * every entry of B it packs and widens every entry of its float tile into C once per slice of k, and gains half
     * the multiply-add work. That does not pay
     * <ul>
     *   <li>where the float64 kernel reads its operands in place: B of short, wide products (at most
     *       {@link #DIRECT_B_ROWS} rows, {@code op(B) = B}: the convolutions' im2col products) and {@code A·Bᵀ} with
     *       few rows and a depth of at least {@code max(n, 64)} (their weight gradients, dot products of rows);</li>
     *   <li>for a depth of at most {@link #FLOAT64_MAX_DEPTH}, where the widening of C costs as much as the
     *       products (the Winograd convolutions' 16 products of depth C or K, input cotangents of depth K).</li>
     * </ul>
     */
    static boolean float64Faster(boolean ta, boolean tb, int m, int n, int k) {
        if (k <= FLOAT64_MAX_DEPTH) {
            return true;
        }
        return m <= DIRECT_B_ROWS && (!tb || !ta && k >= Math.max(n, 64));
    }

    @Override
    public void dgemv(Transpose trans, int m, int n, double alpha, double[] a, int aOff, int lda, double[] x,
            int xOff, double beta, double[] y, int yOff) {
        cpu.dgemv(trans, m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
    }

    @Override
    public void dsyrk(Transpose trans, int n, int k, double alpha, double[] a, int aOff, int lda, double beta,
            double[] c, int cOff, int ldc) {
        boolean t = trans == Transpose.YES;
        BlasArguments.checkSyrk(trans, n, k, a, aOff, lda, c, cOff, ldc);
        if (n == 0) {
            return;
        }
        // C symmetric on entry, so the upper triangle of α·op(A)·op(A)ᵀ + βC is the answer; mirror it down
        if (t) {
            dgemm(Transpose.YES, Transpose.NO, n, n, k, alpha, a, aOff, lda, a, aOff, lda, beta, c, cOff, ldc);
        } else {
            dgemm(Transpose.NO, Transpose.YES, n, n, k, alpha, a, aOff, lda, a, aOff, lda, beta, c, cOff, ldc);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                c[cOff + j * ldc + i] = c[cOff + i * ldc + j];
            }
        }
    }
}
