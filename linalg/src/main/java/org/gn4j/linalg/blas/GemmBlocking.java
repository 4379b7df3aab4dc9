package org.gn4j.linalg.blas;

import org.gn4j.linalg.ComputePool;

/**
 * The Goto/BLIS blocking that the float64 GEMM ({@link VectorBlas}) and the float32 one ({@code VectorSgemm}) share:
 * the split of C across the compute pool, then per part the loops over {@link #NC}-column panels of {@code op(B)},
 * {@link #KC}-deep slices of k, {@link #MC}-row blocks of {@code op(A)}, {@code NR}-column B slivers and
 * {@code MR}-row A slivers, with partial slivers at the edges. What depends on the precision (packing into
 * {@code double[]} or {@code float[]}, reading an operand in place, the {@code DoubleVector} or {@code FloatVector}
 * register kernel and the update of C) sits behind {@link Tiles}, which each precision implements as a per-thread
 * object that also holds its packing buffers, so that running the loops allocates nothing.
 *
 * <p>The interface calls cost nothing measurable: one {@link Tiles#tile} call runs a whole {@code MR × NR × kc}
 * kernel, and each call site sees at most the two implementations (C2 inlines both behind a type check).
 */
final class GemmBlocking {
    /** Rows of a packed A block (kept in L2). */
    static final int MC = 96;
    /** Depth of a packed slice (A sliver and B sliver in L1). */
    static final int KC = 256;
    /** Columns of a packed B panel. */
    static final int NC = 1024;

    private GemmBlocking() {
    }

    /** The precision-specific half of a blocked GEMM, driven by {@link #blocks}. */
    interface Tiles {
        /** Packs {@code op(B)[pc:pc+kc, jc:jc+nc]} into slivers (or nothing, where B is read in place). */
        void packB(int pc, int kc, int jc, int nc);

        /** Packs {@code α·op(A)[ic:ic+mc, pc:pc+kc]} into slivers (or only what cannot be read in place). */
        void packA(int ic, int mc, int pc, int kc);

        /** Chooses the B sliver of columns {@code jc+jr … jc+jr+nr} for the tiles that follow. */
        void sliverB(int pc, int kc, int jc, int jr, int nr);

        /**
         * Adds the {@code mr × nr} tile of rows {@code ic+ir…} and columns {@code jc+jr…} of this slice's product
         * to C, which is scaled by β first (β = 0: C not read).
         */
        void tile(int ic, int ir, int mr, int pc, int kc, int jc, int jr, int nr, double beta);
    }

    /**
     * What the two precisions' {@link Tiles} share: the operands of the product under way (A and B are
     * {@code double[]} or {@code float[]}), the per-thread packed panels {@code P} ({@code double[]} or
     * {@code float[]}, each starting on a cache line) and the choice of B sliver, packed or read in place. A
     * subclass adds C, packing and the register kernel.
     *
     * @param <P> the panels' array type
     */
    abstract static class Panels<P> implements Tiles {
        private final int mr;
        private final int nr;
        private final int lineElements;
        P ap;
        P bp;
        int ao;
        int bo;
        boolean ta;
        boolean tb;
        /** B ({@code op(B) = B}, of type {@code P}) read in place: only its last, partial sliver is packed. */
        boolean directB;
        double alpha;
        Object a;
        int aOff;
        int lda;
        Object b;
        int bOff;
        int ldb;
        int cOff;
        int ldc;
        /** The B sliver of the tiles under way: packed ({@code nr} per step of k) or B in place ({@code ldb} apart). */
        P bs;
        int bIdx;
        int bStep;

        /**
         * @param mr rows of the register tile
         * @param nr columns of the register tile
         * @param lineElements elements of {@code P} per cache line
         */
        Panels(int mr, int nr, int lineElements) {
            this.mr = mr;
            this.nr = nr;
            this.lineElements = lineElements;
        }

        /** Holds the operands and grows the panels for a part of {@code rows × cols} of C. */
        final void start(boolean ta, boolean tb, double alpha, Object a, int aOff, int lda, Object b, int bOff,
                int ldb, int cOff, int ldc, int rows, int cols, int k) {
            this.ta = ta;
            this.tb = tb;
            this.alpha = alpha;
            this.a = a;
            this.aOff = aOff;
            this.lda = lda;
            this.b = b;
            this.bOff = bOff;
            this.ldb = ldb;
            this.cOff = cOff;
            this.ldc = ldc;
            // a cache line of slack, so that the panels can start on a cache line (vector loads within one line)
            ap = grow(ap, panelLength(rows, MC, mr, k) + lineElements);
            bp = grow(bp, panelLength(cols, NC, nr, k) + lineElements);
            ao = alignedStart(ap);
            bo = alignedStart(bp);
        }

        /**
         * Runs {@link #blocks} over rows {@code [r0, r1)} and columns {@code [c0, c1)} of C, then lets go of the
         * operands.
         */
        final void run(int r0, int r1, int c0, int c1, int k, double beta) {
            try {
                blocks(this, mr, nr, r0, r1, c0, c1, k, beta);
            } finally {
                finish();
            }
        }

        /** Lets go of the caller's arrays, so that the thread keeps none reachable. */
        void finish() {
            a = null;
            b = null;
            bs = null;
        }

        /** {@code panel} if it holds {@code length} elements, else a new panel that does. */
        abstract P grow(P panel, int length);

        /** The first index of {@code panel} on a cache line. */
        abstract int alignedStart(P panel);

        /** Packs {@code op(B)[pc:pc+kc, jc:jc+nc]} into NR-column slivers of {@link #bp} from {@link #bo}. */
        abstract void packPanelB(boolean transposed, int pc, int kc, int jc, int nc);

        @Override
        public final void packB(int pc, int kc, int jc, int nc) {
            if (!directB) {
                packPanelB(tb, pc, kc, jc, nc);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public final void sliverB(int pc, int kc, int jc, int jr, int nrValid) {
            if (!directB) {
                bs = bp;
                bIdx = bo + jr * kc;
                bStep = nr;
            } else if (nrValid == nr) {
                bs = (P) b;
                bIdx = bOff + pc * ldb + jc + jr;
                bStep = ldb;
            } else {
                // the last, partial sliver: pack it (zero padded) for the ordinary kernel
                packPanelB(false, pc, kc, jc + jr, nrValid);
                bs = bp;
                bIdx = bo;
                bStep = nr;
            }
        }
    }

    /** One part of C: rows {@code [r0, r1)}, columns {@code [c0, c1)}, the whole depth. */
    interface Part {
        void run(int r0, int r1, int c0, int c1);
    }

    /**
     * Threads worth using for a product of {@code work} multiply-adds: at least {@code workPerThread} each, at most
     * the compute pool's (1 unless {@code multiThreaded}). With 1 the caller runs the whole product itself, which
     * allocates nothing.
     */
    static int threads(long work, long workPerThread, boolean multiThreaded) {
        int threads = multiThreaded ? ComputePool.parallelism() : 1;
        return (int) Math.min(threads, Math.max(1, work / workPerThread));
    }

    /**
     * Runs {@code part} over all of an {@code m × n} C split into at most {@code threads} parts on the compute pool:
     * by rows (whole {@code mr}-row slivers) unless there are too few row slivers to share (short, wide products:
     * conv layers' output channels × batch·pixels), then by columns (whole {@code nr}-column slivers). Each part
     * packs its own panels.
     */
    static void split(int m, int n, int mr, int nr, int threads, Part part) {
        int rowSlivers = (m + mr - 1) / mr;
        int colSlivers = (n + nr - 1) / nr;
        boolean byRows = rowSlivers >= 2 * threads || rowSlivers >= colSlivers;
        int parts = Math.min(threads, byRows ? rowSlivers : colSlivers);
        if (parts <= 1) {
            part.run(0, m, 0, n);
            return;
        }
        final int t = parts;
        final int slivers = byRows ? rowSlivers : colSlivers;
        final int unit = byRows ? mr : nr;
        ComputePool.parallelFor(t, 1, (from, to) -> {
            for (int p = from; p < to; p++) {
                int lo = (int) ((long) slivers * p / t) * unit;
                int hi = (int) ((long) slivers * (p + 1) / t) * unit;
                if (byRows) {
                    hi = Math.min(m, hi);
                    if (hi > lo) {
                        part.run(lo, hi, 0, n);
                    }
                } else {
                    hi = Math.min(n, hi);
                    if (hi > lo) {
                        part.run(0, m, lo, hi);
                    }
                }
            }
        });
    }

    /**
     * Length of a packed panel of {@code extent} rows (or columns) cut to {@code block}, rounded up to whole
     * {@code sliver}s, over at most {@link #KC} of depth {@code k}.
     */
    static int panelLength(int extent, int block, int sliver, int k) {
        return ((Math.min(block, extent) + sliver - 1) / sliver) * sliver * Math.min(KC, k);
    }

    /**
     * The blocked loops over rows {@code [r0, r1)} and columns {@code [c0, c1)} of C with {@code mr × nr} register
     * tiles: β scales C on the first slice of k only.
     */
    static void blocks(Tiles tiles, int mr, int nr, int r0, int r1, int c0, int c1, int k, double beta) {
        for (int jc = c0; jc < c1; jc += NC) {
            int nc = Math.min(NC, c1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                double betaEff = pc == 0 ? beta : 1.0;
                tiles.packB(pc, kc, jc, nc);
                for (int ic = r0; ic < r1; ic += MC) {
                    int mc = Math.min(MC, r1 - ic);
                    tiles.packA(ic, mc, pc, kc);
                    for (int jr = 0; jr < nc; jr += nr) {
                        int nrValid = Math.min(nr, nc - jr);
                        tiles.sliverB(pc, kc, jc, jr, nrValid);
                        for (int ir = 0; ir < mc; ir += mr) {
                            tiles.tile(ic, ir, Math.min(mr, mc - ir), pc, kc, jc, jr, nrValid, betaEff);
                        }
                    }
                }
            }
        }
    }
}
