package org.gn4j.solvers.schur;

import org.gn4j.linalg.ArgumentChecks;

/**
 * The sparsity of a two-block Jacobian: {@code m = rowsPerResidual · residualBlocks} rows, columns ordered as
 * {@code reducedBlocks} reduced blocks of {@code reducedSize} columns (bundle adjustment's cameras, 9 each) followed by
 * {@code eliminatedBlocks} eliminated blocks of {@code eliminatedSize} columns (points, 3 each). Residual block k
 * (an observation, 2 rows) depends on exactly one reduced block {@code reducedOf[k]} and one eliminated block
 * {@code eliminatedOf[k]}. The residual blocks are also indexed by reduced block and by eliminated block (compressed
 * lists) so that per-camera and per-point sums can run in parallel without sharing output. Immutable.
 */
public final class SchurLayout {
    private final int reducedBlocks;
    private final int reducedSize;
    private final int eliminatedBlocks;
    private final int eliminatedSize;
    private final int rowsPerResidual;
    private final int[] reducedOf;
    private final int[] eliminatedOf;
    private final int[] byReducedStart;
    private final int[] byReduced;
    private final int[] byEliminatedStart;
    private final int[] byEliminated;

    /**
     * @param reducedBlocks    number of reduced blocks (cameras), ≥ 0
     * @param reducedSize      columns per reduced block, ≥ 1
     * @param eliminatedBlocks number of eliminated blocks (points), ≥ 0
     * @param eliminatedSize   columns per eliminated block, ≥ 1
     * @param rowsPerResidual  rows per residual block, ≥ 1
     * @param reducedOf        the reduced block of each residual block (copied)
     * @param eliminatedOf     the eliminated block of each residual block (copied), same length
     * @throws IllegalArgumentException if a size is out of range, the arrays differ in length or an index is outside
     *                                  its block range
     */
    public SchurLayout(int reducedBlocks, int reducedSize, int eliminatedBlocks, int eliminatedSize,
            int rowsPerResidual, int[] reducedOf, int[] eliminatedOf) {
        ArgumentChecks.requireNonNegative("reducedBlocks", reducedBlocks);
        ArgumentChecks.requirePositive("reducedSize", reducedSize);
        ArgumentChecks.requireNonNegative("eliminatedBlocks", eliminatedBlocks);
        ArgumentChecks.requirePositive("eliminatedSize", eliminatedSize);
        ArgumentChecks.requirePositive("rowsPerResidual", rowsPerResidual);
        ArgumentChecks.requireNonNull("reducedOf", reducedOf);
        ArgumentChecks.requireNonNull("eliminatedOf", eliminatedOf);
        if (reducedOf.length != eliminatedOf.length) {
            throw new IllegalArgumentException("eliminatedOf has length " + eliminatedOf.length
                    + ", expected the length of reducedOf (" + reducedOf.length + ")");
        }
        for (int k = 0; k < reducedOf.length; k++) {
            if (reducedOf[k] < 0 || reducedOf[k] >= reducedBlocks) {
                throw new IllegalArgumentException("reducedOf[" + k + "] is " + reducedOf[k] + ", expected a block in [0, "
                        + reducedBlocks + ")");
            }
            if (eliminatedOf[k] < 0 || eliminatedOf[k] >= eliminatedBlocks) {
                throw new IllegalArgumentException("eliminatedOf[" + k + "] is " + eliminatedOf[k]
                        + ", expected a block in [0, " + eliminatedBlocks + ")");
            }
        }
        this.reducedBlocks = reducedBlocks;
        this.reducedSize = reducedSize;
        this.eliminatedBlocks = eliminatedBlocks;
        this.eliminatedSize = eliminatedSize;
        this.rowsPerResidual = rowsPerResidual;
        this.reducedOf = reducedOf.clone();
        this.eliminatedOf = eliminatedOf.clone();
        this.byReducedStart = new int[reducedBlocks + 1];
        this.byReduced = group(this.reducedOf, reducedBlocks, byReducedStart);
        this.byEliminatedStart = new int[eliminatedBlocks + 1];
        this.byEliminated = group(this.eliminatedOf, eliminatedBlocks, byEliminatedStart);
    }

    /** Counting sort of the residual blocks by their block index: start[b]..start[b+1] in the returned list. */
    private static int[] group(int[] of, int blocks, int[] start) {
        for (int b : of) {
            start[b + 1]++;
        }
        for (int b = 0; b < blocks; b++) {
            start[b + 1] += start[b];
        }
        int[] next = java.util.Arrays.copyOf(start, blocks);
        int[] list = new int[of.length];
        for (int k = 0; k < of.length; k++) {
            list[next[of[k]]++] = k;
        }
        return list;
    }

    /**
     * Number of reduced blocks (cameras).
     *
     * @return the number of reduced blocks, ≥ 0
     */
    public int reducedBlocks() {
        return reducedBlocks;
    }

    /**
     * Columns per reduced block.
     *
     * @return the number of columns in each reduced block, ≥ 1
     */
    public int reducedSize() {
        return reducedSize;
    }

    /**
     * Number of eliminated blocks (points).
     *
     * @return the number of eliminated blocks, ≥ 0
     */
    public int eliminatedBlocks() {
        return eliminatedBlocks;
    }

    /**
     * Columns per eliminated block.
     *
     * @return the number of columns in each eliminated block, ≥ 1
     */
    public int eliminatedSize() {
        return eliminatedSize;
    }

    /**
     * Rows per residual block.
     *
     * @return the number of Jacobian rows in each residual block, ≥ 1
     */
    public int rowsPerResidual() {
        return rowsPerResidual;
    }

    /**
     * Number of residual blocks (observations).
     *
     * @return the number of residual blocks, the length of the {@code reducedOf} array given at construction
     */
    public int residualBlocks() {
        return reducedOf.length;
    }

    /**
     * Rows m of the Jacobian.
     *
     * @return {@code rowsPerResidual · residualBlocks}
     */
    public int rows() {
        return rowsPerResidual * reducedOf.length;
    }

    /**
     * Columns of the reduced part, {@code reducedBlocks · reducedSize}.
     *
     * @return {@code reducedBlocks · reducedSize}; the reduced columns come first, at indices [0, reducedColumns)
     */
    public int reducedColumns() {
        return reducedBlocks * reducedSize;
    }

    /**
     * Columns n of the Jacobian.
     *
     * @return {@code reducedBlocks · reducedSize + eliminatedBlocks · eliminatedSize}
     */
    public int cols() {
        return reducedBlocks * reducedSize + eliminatedBlocks * eliminatedSize;
    }

    /**
     * The reduced block of residual block k.
     *
     * @param k residual block index in [0, residualBlocks)
     * @return the reduced block index in [0, reducedBlocks)
     */
    public int reducedOf(int k) {
        return reducedOf[k];
    }

    /**
     * The eliminated block of residual block k.
     *
     * @param k residual block index in [0, residualBlocks)
     * @return the eliminated block index in [0, eliminatedBlocks)
     */
    public int eliminatedOf(int k) {
        return eliminatedOf[k];
    }

    /**
     * Number of residual blocks of reduced block c.
     *
     * @param c reduced block index in [0, reducedBlocks)
     * @return how many residual blocks depend on reduced block c (0 if none)
     */
    public int reducedCount(int c) {
        return byReducedStart[c + 1] - byReducedStart[c];
    }

    /**
     * The i-th residual block of reduced block c (in increasing order).
     *
     * @param c reduced block index in [0, reducedBlocks)
     * @param i position in [0, {@link #reducedCount(int) reducedCount(c)})
     * @return the residual block index in [0, residualBlocks)
     */
    public int reducedResidual(int c, int i) {
        return byReduced[byReducedStart[c] + i];
    }

    /**
     * Number of residual blocks of eliminated block p.
     *
     * @param p eliminated block index in [0, eliminatedBlocks)
     * @return how many residual blocks depend on eliminated block p (0 if none)
     */
    public int eliminatedCount(int p) {
        return byEliminatedStart[p + 1] - byEliminatedStart[p];
    }

    /**
     * The i-th residual block of eliminated block p (in increasing order).
     *
     * @param p eliminated block index in [0, eliminatedBlocks)
     * @param i position in [0, {@link #eliminatedCount(int) eliminatedCount(p)})
     * @return the residual block index in [0, residualBlocks)
     */
    public int eliminatedResidual(int p, int i) {
        return byEliminated[byEliminatedStart[p] + i];
    }

    /**
     * Whether the other layout has the same sizes and block indices.
     *
     * @param o the layout to compare with (null allowed: not the same)
     * @return true when o has equal block counts, block sizes, rows per residual and per-residual block indices
     */
    public boolean sameAs(SchurLayout o) {
        return o == this || (o != null && o.reducedBlocks == reducedBlocks && o.reducedSize == reducedSize
                && o.eliminatedBlocks == eliminatedBlocks && o.eliminatedSize == eliminatedSize
                && o.rowsPerResidual == rowsPerResidual && java.util.Arrays.equals(o.reducedOf, reducedOf)
                && java.util.Arrays.equals(o.eliminatedOf, eliminatedOf));
    }
}
