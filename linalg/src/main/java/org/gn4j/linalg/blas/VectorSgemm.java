package org.gn4j.linalg.blas;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision GEMM on the incubating Vector API ({@link FloatVector#SPECIES_PREFERRED}: 16 lanes on AVX-512, 8
 * on AVX2), the float32 sibling of {@link VectorBlas}'s DGEMM, running the same loops ({@link GemmBlocking}) with its
 * own packing and register kernel: {@link #NC}-column panels of {@code op(B)} and {@link #KC}-deep slices packed into
 * {@link #NR}-column slivers, {@link #MC}-row blocks of {@code α·op(A)} packed into {@link #MR}-row slivers, an
 * {@code MR × NR} register tile of float accumulators (8 × 32 on AVX-512, 4 × 16 on AVX2), panels on 64-byte cache
 * lines, transposes handled in packing, rows (or columns) split across the compute pool.
 *
 * <p>The operands may be stored as {@code float[]} (SGEMM proper) or as {@code double[]} (products in float32 on
 * float64 storage, what {@link Blas#dgemmF32} promises): packing rounds each entry of {@code α·op(A)} and
 * {@code op(B)} to float, the kernel multiplies and accumulates in float over one {@link #KC}-deep slice, and each
 * slice's tile is added to C in C's own precision. So a float64 C accumulates the slices in float64, and the relative
 * error of an entry is about {@code min(k, KC)·2⁻²⁴} of {@code Σ|a_ip·b_pj|} instead of {@code k·2⁻²⁴}. Products
 * with {@code m·n·k} below {@link VectorBlas#SMALL_WORK} use a plain loop with the same roundings (operands rounded to
 * float, sums in float). {@link VectorBlas#dgemmF32} runs the float64 kernel instead for the products on double
 * storage that this one cannot speed up ({@code VectorBlas.float64Faster}).
 *
 * <p>Package-private: reached through {@link VectorBlas}, the only other class that touches the incubator module.
 */
final class VectorSgemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector register. */
    static final int VL = S.length();
    /** Rows of the register tile: 8 where vectors are 512 bits wide (32 registers), else 4. */
    static final int MR = VL >= 16 ? 8 : 4;
    /** Columns of the register tile: two vectors. */
    static final int NR = 2 * VL;
    /** Rows of a packed A block: {@link GemmBlocking#MC}. */
    static final int MC = GemmBlocking.MC;
    /** Depth of a packed slice: {@link GemmBlocking#KC}. */
    static final int KC = GemmBlocking.KC;
    /** Columns of a packed B panel: {@link GemmBlocking#NC}. */
    static final int NC = GemmBlocking.NC;
    /** Rows of C up to which a {@code float[]} B ({@code op(B) = B}) is read in place instead of packed. */
    static final int DIRECT_B_ROWS = 32;

    private VectorSgemm() {
    }

    /**
     * {@code C = α·op(A)·op(B) + β·C} in float32 arithmetic. {@code a}, {@code b} are {@code float[]} or
     * {@code double[]}, {@code c} is {@code float[]} or {@code double[]}; arguments already checked.
     */
    static void gemm(boolean ta, boolean tb, int m, int n, int k, double alpha, Object a, int aOff, int lda,
            Object b, int bOff, int ldb, double beta, Object c, int cOff, int ldc, boolean multiThreaded) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0) {
            scale(m, n, beta, c, cOff, ldc);
            return;
        }
        long work = (long) m * n * k;
        if (work < VectorBlas.SMALL_WORK) {
            naive(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        // a float multiply-add costs half a double one: twice the work before a product is worth splitting
        int threads = GemmBlocking.threads(work, 2 * VectorBlas.PARALLEL_WORK, multiThreaded);
        if (threads <= 1) {
            blocked(ta, tb, 0, m, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        GemmBlocking.split(m, n, MR, NR, threads, (r0, r1, c0, c1) -> blocked(ta, tb, r0, r1, c0, c1, k, alpha, a,
                aOff, lda, b, bOff, ldb, beta, c, cOff, ldc));
    }

    /** {@code C = β·C} in C's precision (β = 0: C not read). */
    private static void scale(int m, int n, double beta, Object c, int cOff, int ldc) {
        if (c instanceof double[]) {
            CpuBlas.scaleMatrix(m, n, beta, (double[]) c, cOff, ldc);
            return;
        }
        float[] cf = (float[]) c;
        float betaF = (float) beta;
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                cf[row + j] = betaF == 0 ? 0f : betaF * cf[row + j];
            }
        }
    }

    private static final ThreadLocal<Panels> PANELS = ThreadLocal.withInitial(Panels::new);

    /** Rows {@code [r0, r1)} and columns {@code [c0, c1)} of C, the whole depth. */
    private static void blocked(boolean ta, boolean tb, int r0, int r1, int c0, int c1, int k, double alpha,
            Object a, int aOff, int lda, Object b, int bOff, int ldb, double beta, Object c, int cOff, int ldc) {
        Panels p = PANELS.get();
        p.start(ta, tb, alpha, a, aOff, lda, b, bOff, ldb, cOff, ldc, r1 - r0, c1 - c0, k);
        p.cf = c instanceof float[] ? (float[]) c : null;
        p.cd = c instanceof double[] ? (double[]) c : null;
        p.directB = !tb && b instanceof float[] && r1 - r0 <= DIRECT_B_ROWS;
        p.run(r0, r1, c0, c1, k, beta);
    }

    /**
     * The float32 side of {@link GemmBlocking}: C (float or double), packing into {@code float[]} with rounding, and
     * the FloatVector kernels.
     */
    private static final class Panels extends GemmBlocking.Panels<float[]> {
        final float[] tile = new float[MR * NR];
        float[] cf;
        double[] cd;

        Panels() {
            super(MR, NR, CacheLines.FLOATS);
        }

        @Override
        void finish() {
            super.finish();
            cf = null;
            cd = null;
        }

        @Override
        float[] grow(float[] panel, int length) {
            return panel != null && panel.length >= length ? panel : new float[length];
        }

        @Override
        int alignedStart(float[] panel) {
            return CacheLines.alignedStart(panel);
        }

        @Override
        void packPanelB(boolean transposed, int pc, int kc, int jc, int nc) {
            VectorSgemm.packB(transposed, b, bOff, ldb, pc, kc, jc, nc, bp, bo);
        }

        @Override
        public void packA(int ic, int mc, int pc, int kc) {
            VectorSgemm.packA(ta, a, aOff, lda, ic, mc, pc, kc, alpha, ap, ao);
        }

        @Override
        public void tile(int ic, int ir, int mr, int pc, int kc, int jc, int jr, int nr, double beta) {
            if (MR == 8) {
                kernel8(kc, ap, ao + ir * kc, bs, bIdx, bStep, tile);
            } else {
                kernel4(kc, ap, ao + ir * kc, bs, bIdx, bStep, tile);
            }
            int cIdx = cOff + (ic + ir) * ldc + jc + jr;
            if (cf != null) {
                storeTile(tile, cf, cIdx, ldc, mr, nr, (float) beta);
            } else {
                storeTile(tile, cd, cIdx, ldc, mr, nr, beta);
            }
        }
    }

    /**
     * Packs {@code α·op(A)[ic:ic+mc, pc:pc+kc]} rounded to float into MR-row slivers:
     * {@code ap[s·MR·kc + p·MR + r]}.
     */
    private static void packA(boolean ta, Object a, int aOff, int lda, int ic, int mc, int pc, int kc, double alpha,
            float[] ap, int ao) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int base = ao + ir * kc;
            if (!ta) {
                for (int r = 0; r < mr; r++) {
                    round(a, aOff + (ic + ir + r) * lda + pc, alpha, ap, base + r, MR, kc);
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    round(a, aOff + (pc + p) * lda + ic + ir, alpha, ap, base + p * MR, 1, mr);
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

    /**
     * Packs {@code op(B)[pc:pc+kc, jc:jc+nc]} rounded to float into NR-column slivers:
     * {@code bp[s·NR·kc + p·NR + j]}.
     */
    private static void packB(boolean tb, Object b, int bOff, int ldb, int pc, int kc, int jc, int nc, float[] bp,
            int bo) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int base = bo + jr * kc;
            if (!tb) {
                for (int p = 0; p < kc; p++) {
                    round(b, bOff + (pc + p) * ldb + jc + jr, 1.0, bp, base + p * NR, 1, nr);
                }
            } else {
                for (int j = 0; j < nr; j++) {
                    round(b, bOff + (jc + jr + j) * ldb + pc, 1.0, bp, base + j, NR, kc);
                }
            }
            if (nr < NR) {
                for (int p = 0; p < kc; p++) {
                    for (int j = nr; j < NR; j++) {
                        bp[base + p * NR + j] = 0;
                    }
                }
            }
        }
    }

    /**
     * {@code dst[d + i·step] = α·src[s + i]} rounded to float, {@code i < count}, from a {@code float[]} (the product
     * in float: exact before its one rounding, as α is a float there) or a {@code double[]}.
     */
    private static void round(Object src, int s, double alpha, float[] dst, int d, int step, int count) {
        if (src instanceof float[]) {
            float[] x = (float[]) src;
            if (alpha == 1 && step == 1) {
                System.arraycopy(x, s, dst, d, count);
                return;
            }
            float alphaF = (float) alpha;
            for (int i = 0; i < count; i++) {
                dst[d + i * step] = alphaF * x[s + i];
            }
        } else if (step == 1) {
            // unit stride written out, so that C2 vectorizes the conversion (rows of B, slivers of Aᵀ)
            double[] x = (double[]) src;
            for (int i = 0; i < count; i++) {
                dst[d + i] = (float) (alpha * x[s + i]);
            }
        } else {
            double[] x = (double[]) src;
            for (int i = 0; i < count; i++) {
                dst[d + i * step] = (float) (alpha * x[s + i]);
            }
        }
    }

    /** The 8-row register tile over kc steps, parked in {@code tile} (row r at {@code r·NR}). */
    private static void kernel8(int kc, float[] ap, int aIdx, float[] bp, int bIdx, int ldb, float[] tile) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        FloatVector c60 = c00;
        FloatVector c61 = c00;
        FloatVector c70 = c00;
        FloatVector c71 = c00;
        int ai = aIdx;
        int bi = bIdx;
        for (int p = 0; p < kc; p++, ai += MR, bi += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + VL);
            FloatVector a0 = FloatVector.broadcast(S, ap[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(S, ap[ai + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(S, ap[ai + 7]);
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
     * The 4-row register tile (16 vector registers), written out like {@link #kernel8}: accumulators stay in registers
     * only as separate local variables, so the two heights (and the float64 kernels, on {@code DoubleVector}) cannot
     * share one body.
     */
    private static void kernel4(int kc, float[] ap, int aIdx, float[] bp, int bIdx, int ldb, float[] tile) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        int ai = aIdx;
        int bi = bIdx;
        for (int p = 0; p < kc; p++, ai += MR, bi += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + VL);
            FloatVector a0 = FloatVector.broadcast(S, ap[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, ap[ai + 3]);
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

    /** Adds the valid {@code mr × nr} part of a tile to a float C, scaled by β (β = 0: C not read). */
    private static void storeTile(float[] tile, float[] c, int cIdx, int ldc, int mr, int nr, float beta) {
        if (nr == NR) {
            for (int r = 0; r < mr; r++) {
                int at = cIdx + r * ldc;
                for (int j = 0; j < NR; j += VL) {
                    FloatVector v = FloatVector.fromArray(S, tile, r * NR + j);
                    if (beta == 0) {
                        v.intoArray(c, at + j);
                    } else if (beta == 1) {
                        v.add(FloatVector.fromArray(S, c, at + j)).intoArray(c, at + j);
                    } else {
                        FloatVector.fromArray(S, c, at + j).fma(FloatVector.broadcast(S, beta), v).intoArray(c, at + j);
                    }
                }
            }
            return;
        }
        for (int r = 0; r < mr; r++) {
            int row = cIdx + r * ldc;
            for (int j = 0; j < nr; j++) {
                float v = tile[r * NR + j];
                c[row + j] = beta == 0 ? v : v + beta * c[row + j];
            }
        }
    }

    /** Adds the valid part of a tile to a double C (the slice sums meet in float64). */
    private static void storeTile(float[] tile, double[] c, int cIdx, int ldc, int mr, int nr, double beta) {
        for (int r = 0; r < mr; r++) {
            int row = cIdx + r * ldc;
            int t = r * NR;
            if (beta == 0) {
                for (int j = 0; j < nr; j++) {
                    c[row + j] = tile[t + j];
                }
            } else if (beta == 1) {
                for (int j = 0; j < nr; j++) {
                    c[row + j] += tile[t + j];
                }
            } else {
                for (int j = 0; j < nr; j++) {
                    c[row + j] = tile[t + j] + beta * c[row + j];
                }
            }
        }
    }

    /** Plain loop for small products: operands rounded to float, sums in float, C updated in its precision. */
    private static void naive(boolean ta, boolean tb, int m, int n, int k, double alpha, Object a, int aOff, int lda,
            Object b, int bOff, int ldb, double beta, Object c, int cOff, int ldc) {
        float[] af = a instanceof float[] ? (float[]) a : null;
        double[] ad = af == null ? (double[]) a : null;
        float[] bf = b instanceof float[] ? (float[]) b : null;
        double[] bd = bf == null ? (double[]) b : null;
        float[] cf = c instanceof float[] ? (float[]) c : null;
        double[] cd = cf == null ? (double[]) c : null;
        float alphaF = (float) alpha;
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                float s = 0;
                for (int p = 0; p < k; p++) {
                    int ai = ta ? aOff + p * lda + i : aOff + i * lda + p;
                    int bi = tb ? bOff + j * ldb + p : bOff + p * ldb + j;
                    float av = af != null ? alphaF * af[ai] : (float) (alpha * ad[ai]);
                    float bv = bf != null ? bf[bi] : (float) bd[bi];
                    s = Math.fma(av, bv, s);
                }
                if (cf != null) {
                    cf[row + j] = beta == 0 ? s : s + (float) beta * cf[row + j];
                } else {
                    cd[row + j] = beta == 0 ? s : s + beta * cd[row + j];
                }
            }
        }
    }
}
