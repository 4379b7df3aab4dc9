package org.gn4j.gn.sparse;

import org.gn4j.solvers.sparse.CsrMatrix;
import org.gn4j.solvers.sparse.SparseCholesky;
import org.gn4j.solvers.sparse.SparseNormalMatrix;

/**
 * The symbolic analysis the sparse damped solvers share: the pattern of {@code JᵀJ} in the natural column order, or
 * in a minimum-degree order where the natural order's Cholesky factor would hold more than
 * {@value SparseCholeskySolver#ORDERING_FILL_RATIO} times {@code JᵀJ}'s entries, and the symbolic Cholesky
 * factorization of that pattern (the pattern of L, which is also the pattern of Rᵀ in a QR of J).
 *
 * @param normal the upper triangle of {@code JᵀJ} in the chosen order (values not yet assembled)
 * @param symbolic the symbolic Cholesky factorization of {@code normal}'s pattern
 * @param natural whether the chosen order is the natural one
 */
record SparseAnalysis(SparseNormalMatrix normal, SparseCholesky symbolic, boolean natural) {

    /**
     * Analyses the pattern of J.
     *
     * @param j the Jacobian whose pattern is analysed (its values are not read)
     * @param ordered whether a minimum-degree ordering may replace the natural order
     * @return the analysis
     */
    static SparseAnalysis of(CsrMatrix j, boolean ordered) {
        // the natural order first (its symbolic analysis is cheap); the ordering only where its fill is large
        SparseNormalMatrix normal = new SparseNormalMatrix(j, false);
        SparseCholesky symbolic = new SparseCholesky(normal.size(), normal.colStart(), normal.rowIndex());
        if (ordered && symbolic.factorNonZeros() > SparseCholeskySolver.ORDERING_FILL_RATIO * normal.nonZeros()) {
            normal = new SparseNormalMatrix(j, true);
            symbolic = new SparseCholesky(normal.size(), normal.colStart(), normal.rowIndex());
        }
        int[] perm = normal.permutation();
        boolean natural = true;
        for (int q = 0; q < perm.length && natural; q++) {
            natural = perm[q] == q;
        }
        return new SparseAnalysis(normal, symbolic, natural);
    }
}
