package org.gn4j.gn.core;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.op.DenseOperator;
import org.gn4j.linalg.op.LinearOperator;

/**
 * A linearization held as the normal equations alone: the dense Gram matrix {@code G = J̃ᵀJ̃} (n×n), the gradient
 * {@code g = J̃ᵀr̃}, the cost and {@code ‖r̃‖²}, summed over rows that are never held together (partitions of a
 * distributed data set, chunks of a stream). Everything the deterministic loop reads follows from them: the column
 * norms of J̃ are {@code √G_jj} (Moré's scaling and the gradient cosine), the curvature is {@code sᵀGs}, and
 * {@link GramCholeskySolver} factors {@code G + λD²}. There are no residual rows, so geodesic acceleration (which
 * needs {@code J̃v} row by row) is not available.
 */
public final class DenseGramLinearization implements Linearization {
    private final DMatrixRMaj gram;
    private final double[] g;
    private final double cost;
    private final double residualNorm;
    private final long rows;
    private final DenseOperator gramOperator;

    /**
     * @param gram          G (n×n, symmetric: both triangles filled; not copied)
     * @param g             the gradient {@code J̃ᵀr̃} (length n; not copied)
     * @param cost          the cost at the point
     * @param residualSumSq {@code ‖r̃‖²} of the (scaled) residuals
     * @param rows          the number of residual rows summed (reported, may exceed {@code int})
     * @throws IllegalArgumentException if G is not square or g does not have its size
     */
    public DenseGramLinearization(DMatrixRMaj gram, double[] g, double cost, double residualSumSq, long rows) {
        ArgumentChecks.requireNonNull("gram", gram);
        ArgumentChecks.requireNonNull("g", g);
        if (gram.numRows != gram.numCols || g.length != gram.numCols) {
            throw new IllegalArgumentException("gram is " + gram.numRows + "x" + gram.numCols + " and g has length "
                    + g.length + ", expected an n×n Gram matrix and a gradient of length n");
        }
        this.gram = gram;
        this.g = g;
        this.cost = cost;
        this.residualNorm = Math.sqrt(residualSumSq);
        this.rows = rows;
        this.gramOperator = DenseOperator.symmetric(gram, false);
    }

    /**
     * The number of residual rows summed into this linearization.
     *
     * @return the number m of residual rows, ≥ 0
     */
    public long residualRows() {
        return rows;
    }

    /** 0: the residual rows are not held (see {@link #residualRows()}). */
    @Override
    public int rows() {
        return 0;
    }

    @Override
    public int cols() {
        return gram.numCols;
    }

    @Override
    public double cost() {
        return cost;
    }

    @Override
    public double[] residuals() {
        return null;
    }

    @Override
    public double residualNorm() {
        return residualNorm;
    }

    @Override
    public double[] gradient() {
        return g;
    }

    @Override
    public LinearOperator jacobian() {
        return null;
    }

    @Override
    public DMatrixRMaj denseGram() {
        return gram;
    }

    @Override
    public LinearOperator gram() {
        return gramOperator;
    }

    /** {@code sᵀGs}, clipped at 0 against round-off (G is positive semidefinite). */
    @Override
    public double curvature(double[] s) {
        int n = gram.numCols;
        double q = 0;
        for (int i = 0; i < n; i++) {
            double t = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                t += gram.data[row + j] * s[j];
            }
            q += s[i] * t;
        }
        return Math.max(q, 0);
    }

    /** {@code √G_jj}, the Euclidean column norms of J̃ (zero columns give 1). */
    @Override
    public boolean columnNorms(double[] out) {
        int n = gram.numCols;
        for (int j = 0; j < n; j++) {
            double d = gram.data[j * n + j];
            out[j] = d > 0 ? Math.sqrt(d) : 1.0;
        }
        return true;
    }
}
