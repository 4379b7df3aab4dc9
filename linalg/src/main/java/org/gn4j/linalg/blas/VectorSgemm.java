package org.gn4j.linalg.blas;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import org.gn4j.linalg.ComputePool;

/**
 * Single-precision GEMM on the incubating Vector API ({@link FloatVector#SPECIES_PREFERRED}: 16 lanes on AVX-512, 8
 * on AVX2), the float32 sibling of {@link VectorBlas}'s DGEMM and the same Goto/BLIS scheme: {@link #NC}-column
 * panels of {@code op(B)} and {@link #KC}-deep slices packed into {@link #NR}-column slivers, {@link #MC}-row blocks
 * of {@code α·op(A)} packed into {@link #MR}-row slivers, an {@code MR × NR} register tile of float accumulators
 * (8 × 32 on AVX-512, 4 × 16 on AVX2), panels on 64-byte cache lines, transposes handled in packing, rows (or
 * columns) split across the compute pool.
 *
 * <p>The operands may be stored as {@code float[]} (SGEMM proper) or as {@code double[]} (products in float32 on
 * float64 storage, what {@link Blas#dgemmF32} promises): packing rounds each entry of {@code α·op(A)} and
 * {@code op(B)} to float, the kernel multiplies and accumulates in float over one {@link #KC}-deep slice, and each
 * slice's tile is added to C in C's own precision. So a float64 C accumulates the slices in float64, and the relative
 * error of an entry is about {@code min(k, KC)·2⁻²⁴} of {@code Σ|a_ip·b_pj|} instead of {@code k·2⁻²⁴}. Products
 * with {@code m·n·k} below {@link VectorBlas#SMALL_WORK} use a plain loop with the same roundings (operands rounded to
 * float, sums in float).
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
    /** Rows of a packed A block. */
    static final int MC = 96;
    /** Depth of a packed slice. */
    static final int KC = 256;
    /** Columns of a packed B panel. */
    static final int NC = 1024;
    /** Rows of C up to which a {@code float[]} B ({@code op(B) = B}) is read in place instead of packed. */
    static final int DIRECT_B_ROWS = 32;

    private VectorSgemm() {
    }

    /**
     * {@code C = α·op(A)·op(B) + β·C} in float32 arithmetic. {@code a}, {@code b} are {@code float[]} or
     * {@code double[]}, {@code c} is {@code float[]} or {@code double[]}; arguments already checked, m, n, k > 0.
     */
    static void gemm(boolean ta, boolean tb, int m, int n, int k, double alpha, Object a, int aOff, int lda,
            Object b, int bOff, int ldb, double beta, Object c, int cOff, int ldc, boolean multiThreaded) {
        long work = (long) m * n * k;
        if (work < VectorBlas.SMALL_WORK) {
            naive(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        int rowSlivers = (m + MR - 1) / MR;
        int colSlivers = (n + NR - 1) / NR;
        int threads = multiThreaded ? ComputePool.parallelism() : 1;
        // a float multiply-add costs half a double one: twice the work before a product is worth splitting
        threads = (int) Math.min(threads, Math.max(1, work / (2 * VectorBlas.PARALLEL_WORK)));
        boolean byRows = rowSlivers >= 2 * threads || rowSlivers >= colSlivers;
        int parts = Math.min(threads, byRows ? rowSlivers : colSlivers);
        if (parts <= 1) {
            blocked(ta, tb, 0, m, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        final int t = parts;
        final int slivers = byRows ? rowSlivers : colSlivers;
        final int unit = byRows ? MR : NR;
        ComputePool.parallelFor(t, 1, (from, to) -> {
            for (int part = from; part < to; part++) {
                int lo = (int) ((long) slivers * part / t) * unit;
                int hi = (int) ((long) slivers * (part + 1) / t) * unit;
                if (byRows) {
                    hi = Math.min(m, hi);
                    if (hi > lo) {
                        blocked(ta, tb, lo, hi, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
                    }
                } else {
                    hi = Math.min(n, hi);
                    if (hi > lo) {
                        blocked(ta, tb, 0, m, lo, hi, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
                    }
                }
            }
        });
    }

    /** Per-thread packing buffers, grown on demand and reused. */
    private static final class Buffers {
        float[] ap = new float[0];
        float[] bp = new float[0];
        final float[] tile = new float[MR * NR];
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** Rows {@code [r0, r1)} and columns {@code [c0, c1)} of C, the whole depth. */
    private static void blocked(boolean ta, boolean tb, int r0, int r1, int c0, int c1, int k, double alpha,
            Object a, int aOff, int lda, Object b, int bOff, int ldb, double beta, Object c, int cOff, int ldc) {
        Buffers buf = BUFFERS.get();
        int mcMax = Math.min(MC, r1 - r0);
        int apNeed = ((mcMax + MR - 1) / MR) * MR * Math.min(KC, k);
        int bpNeed = ((Math.min(NC, c1 - c0) + NR - 1) / NR) * NR * Math.min(KC, k);
        if (buf.ap.length < apNeed + CacheLines.FLOATS) {
            buf.ap = new float[apNeed + CacheLines.FLOATS];
        }
        if (buf.bp.length < bpNeed + CacheLines.FLOATS) {
            buf.bp = new float[bpNeed + CacheLines.FLOATS];
        }
        float[] ap = buf.ap;
        float[] bp = buf.bp;
        int ao = CacheLines.alignedStart(ap);
        int bo = CacheLines.alignedStart(bp);
        boolean directB = !tb && b instanceof float[] && r1 - r0 <= DIRECT_B_ROWS;
        for (int jc = c0; jc < c1; jc += NC) {
            int nc = Math.min(NC, c1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                double betaEff = pc == 0 ? beta : 1.0;
                if (!directB) {
                    packB(tb, b, bOff, ldb, pc, kc, jc, nc, bp, bo);
                }
                for (int ic = r0; ic < r1; ic += MC) {
                    int mc = Math.min(MC, r1 - ic);
                    packA(ta, a, aOff, lda, ic, mc, pc, kc, alpha, ap, ao);
                    for (int jr = 0; jr < nc; jr += NR) {
                        int nr = Math.min(NR, nc - jr);
                        float[] bs = bp;
                        int bIdx = bo + jr * kc;
                        int bStep = NR;
                        if (directB) {
                            if (nr == NR) {
                                bs = (float[]) b;
                                bIdx = bOff + pc * ldb + jc + jr;
                                bStep = ldb;
                            } else {
                                packB(false, b, bOff, ldb, pc, kc, jc + jr, nr, bp, bo);
                                bIdx = bo;
                            }
                        }
                        for (int ir = 0; ir < mc; ir += MR) {
                            int mr = Math.min(MR, mc - ir);
                            if (MR == 8) {
                                kernel8(kc, ap, ao + ir * kc, bs, bIdx, bStep, buf.tile);
                            } else {
                                kernel4(kc, ap, ao + ir * kc, bs, bIdx, bStep, buf.tile);
                            }
                            int cIdx = cOff + (ic + ir) * ldc + jc + jr;
                            if (c instanceof float[]) {
                                storeTile(buf.tile, (float[]) c, cIdx, ldc, mr, nr, (float) betaEff);
                            } else {
                                storeTile(buf.tile, (double[]) c, cIdx, ldc, mr, nr, betaEff);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Packs {@code α·op(A)[ic:ic+mc, pc:pc+kc]} rounded to float into MR-row slivers. */
    private static void packA(boolean ta, Object a, int aOff, int lda, int ic, int mc, int pc, int kc, double alpha,
            float[] ap, int ao) {
        if (a instanceof float[]) {
            packA(ta, (float[]) a, aOff, lda, ic, mc, pc, kc, (float) alpha, ap, ao);
        } else {
            packA(ta, (double[]) a, aOff, lda, ic, mc, pc, kc, alpha, ap, ao);
        }
    }

    private static void packA(boolean ta, float[] a, int aOff, int lda, int ic, int mc, int pc, int kc, float alpha,
            float[] ap, int ao) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int base = ao + ir * kc;
            if (!ta) {
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
            zeroRows(ap, base, kc, mr);
        }
    }

    private static void packA(boolean ta, double[] a, int aOff, int lda, int ic, int mc, int pc, int kc,
            double alpha, float[] ap, int ao) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int base = ao + ir * kc;
            if (!ta) {
                for (int r = 0; r < mr; r++) {
                    int src = aOff + (ic + ir + r) * lda + pc;
                    for (int p = 0; p < kc; p++) {
                        ap[base + p * MR + r] = (float) (alpha * a[src + p]);
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (pc + p) * lda + ic + ir;
                    int dst = base + p * MR;
                    for (int r = 0; r < mr; r++) {
                        ap[dst + r] = (float) (alpha * a[src + r]);
                    }
                }
            }
            zeroRows(ap, base, kc, mr);
        }
    }

    private static void zeroRows(float[] ap, int base, int kc, int mr) {
        if (mr < MR) {
            for (int p = 0; p < kc; p++) {
                for (int r = mr; r < MR; r++) {
                    ap[base + p * MR + r] = 0;
                }
            }
        }
    }

    /** Packs {@code op(B)[pc:pc+kc, jc:jc+nc]} rounded to float into NR-column slivers. */
    private static void packB(boolean tb, Object b, int bOff, int ldb, int pc, int kc, int jc, int nc, float[] bp,
            int bo) {
        if (b instanceof float[]) {
            packB(tb, (float[]) b, bOff, ldb, pc, kc, jc, nc, bp, bo);
        } else {
            packB(tb, (double[]) b, bOff, ldb, pc, kc, jc, nc, bp, bo);
        }
    }

    private static void packB(boolean tb, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, float[] bp,
            int bo) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int base = bo + jr * kc;
            if (!tb) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, bOff + (pc + p) * ldb + jc + jr, bp, base + p * NR, nr);
                }
            } else {
                for (int j = 0; j < nr; j++) {
                    int src = bOff + (jc + jr + j) * ldb + pc;
                    for (int p = 0; p < kc; p++) {
                        bp[base + p * NR + j] = b[src + p];
                    }
                }
            }
            zeroColumns(bp, base, kc, nr);
        }
    }

    private static void packB(boolean tb, double[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, float[] bp,
            int bo) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int base = bo + jr * kc;
            if (!tb) {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (pc + p) * ldb + jc + jr;
                    int dst = base + p * NR;
                    for (int j = 0; j < nr; j++) {
                        bp[dst + j] = (float) b[src + j];
                    }
                }
            } else {
                for (int j = 0; j < nr; j++) {
                    int src = bOff + (jc + jr + j) * ldb + pc;
                    for (int p = 0; p < kc; p++) {
                        bp[base + p * NR + j] = (float) b[src + p];
                    }
                }
            }
            zeroColumns(bp, base, kc, nr);
        }
    }

    private static void zeroColumns(float[] bp, int base, int kc, int nr) {
        if (nr < NR) {
            for (int p = 0; p < kc; p++) {
                for (int j = nr; j < NR; j++) {
                    bp[base + p * NR + j] = 0;
                }
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

    /** The 4-row register tile (16 vector registers), written out like {@link #kernel8}. */
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
