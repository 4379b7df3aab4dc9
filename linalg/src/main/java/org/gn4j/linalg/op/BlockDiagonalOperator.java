package org.gn4j.linalg.op;

import java.util.EnumSet;
import java.util.List;

/**
 * {@code diag(A₁, …, A_k)}: blocks of any shapes placed along the diagonal (the Gauss-Newton matrix of independent
 * subproblems, a block-Jacobi preconditioner). Each block reads and writes its slice through owned buffers.
 */
public final class BlockDiagonalOperator extends AbstractOperator {
    private final LinearOperator[] blocks;
    private final int[] rowStart;
    private final int[] colStart;
    private final double[][] inBuf;
    private final double[][] outBuf;
    private final double[][] inBufT;
    private final double[][] outBufT;

    /**
     * @param blocks the diagonal blocks in order; copied into an array, the blocks themselves referenced
     * @throws IllegalArgumentException if the list is empty
     */
    public BlockDiagonalOperator(List<? extends LinearOperator> blocks) {
        super(sum(blocks, true), sum(blocks, false), tags(blocks));
        int k = blocks.size();
        this.blocks = blocks.toArray(new LinearOperator[0]);
        rowStart = new int[k + 1];
        colStart = new int[k + 1];
        inBuf = new double[k][];
        outBuf = new double[k][];
        inBufT = new double[k][];
        outBufT = new double[k][];
        for (int i = 0; i < k; i++) {
            LinearOperator b = this.blocks[i];
            rowStart[i + 1] = rowStart[i] + b.rows();
            colStart[i + 1] = colStart[i] + b.cols();
            inBuf[i] = new double[b.cols()];
            outBuf[i] = new double[b.rows()];
            inBufT[i] = new double[b.rows()];
            outBufT[i] = new double[b.cols()];
        }
    }

    private static int sum(List<? extends LinearOperator> blocks, boolean rows) {
        if (blocks == null || blocks.isEmpty()) {
            throw new IllegalArgumentException("blocks is empty, expected at least one block");
        }
        long s = 0;
        for (LinearOperator b : blocks) {
            s += rows ? b.rows() : b.cols();
        }
        if (s > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("block-diagonal size " + s + " exceeds " + Integer.MAX_VALUE);
        }
        return (int) s;
    }

    private static EnumSet<Structure> tags(List<? extends LinearOperator> blocks) {
        EnumSet<Structure> s = EnumSet.allOf(Structure.class);
        for (LinearOperator b : blocks) {
            for (Structure t : Structure.values()) {
                if (!b.is(t)) {
                    s.remove(t);
                }
            }
        }
        return s;
    }

    /**
     * Number of blocks.
     *
     * @return the number of diagonal blocks, {@code >= 1}
     */
    public int blockCount() {
        return blocks.length;
    }

    /**
     * Block {@code i}.
     *
     * @param i the block index, {@code 0 <= i < blockCount()}
     * @return the block itself (not a copy)
     */
    public LinearOperator block(int i) {
        return blocks[i];
    }

    @Override
    protected void applyUnchecked(double[] x, double[] y) {
        for (int i = 0; i < blocks.length; i++) {
            System.arraycopy(x, colStart[i], inBuf[i], 0, inBuf[i].length);
            blocks[i].apply(inBuf[i], outBuf[i]);
            System.arraycopy(outBuf[i], 0, y, rowStart[i], outBuf[i].length);
        }
    }

    @Override
    protected void applyTransposeUnchecked(double[] x, double[] y) {
        for (int i = 0; i < blocks.length; i++) {
            System.arraycopy(x, rowStart[i], inBufT[i], 0, inBufT[i].length);
            blocks[i].applyTranspose(inBufT[i], outBufT[i]);
            System.arraycopy(outBufT[i], 0, y, colStart[i], outBufT[i].length);
        }
    }

    @Override
    protected boolean diagonalUnchecked(double[] out) {
        // only meaningful when every block is square, so the block diagonals line up with the global one
        // gather into a temporary first: on false, out must be left untouched
        double[] all = new double[out.length];
        int pos = 0;
        for (LinearOperator b : blocks) {
            if (!b.isSquare()) {
                return false;
            }
            double[] d = new double[b.rows()];
            if (!b.diagonal(d)) {
                return false;
            }
            System.arraycopy(d, 0, all, pos, d.length);
            pos += d.length;
        }
        System.arraycopy(all, 0, out, 0, out.length);
        return true;
    }
}
