package org.gn4j.linalg.op;

import java.util.EnumSet;

import org.ejml.data.DMatrixRMaj;

/**
 * {@code AᵀQA} for an {@code m×n} operator A and an optional {@code m×m} weight Q (the generalized Gauss-Newton
 * matrix {@code JᵀQJ}); without Q it is the normal matrix {@code AᵀA}. Each product costs one {@code A} and one
 * {@code Aᵀ} product (plus one {@code Q} product) and no allocation. Symmetric; positive semidefinite when Q is
 * (or absent).
 */
public final class NormalOperator extends AbstractOperator {
    private final LinearOperator a;
    private final LinearOperator q;
    private final double[] ax;
    private final double[] qax;

    /**
     * {@code AᵀA}.
     *
     * @param a the {@code m×n} operator A, referenced; the result is {@code n×n}
     */
    public NormalOperator(LinearOperator a) {
        this(a, null);
    }

    /**
     * {@code AᵀQA}.
     *
     * @param a the {@code m×n} operator A, referenced; the result is {@code n×n}
     * @param q symmetric {@code m×m} weight, or null for the identity
     * @throws IllegalArgumentException if Q's shape is not {@code a.rows() × a.rows()} or Q is not tagged symmetric
     */
    public NormalOperator(LinearOperator a, LinearOperator q) {
        super(a.cols(), a.cols(), tags(a, q));
        this.a = a;
        this.q = q;
        this.ax = new double[a.rows()];
        this.qax = q == null ? null : new double[a.rows()];
    }

    private static EnumSet<Structure> tags(LinearOperator a, LinearOperator q) {
        EnumSet<Structure> s = EnumSet.of(Structure.SYMMETRIC);
        if (q == null) {
            s.add(Structure.POSITIVE_SEMIDEFINITE);
            return s;
        }
        if (q.rows() != a.rows() || q.cols() != a.rows()) {
            throw new IllegalArgumentException("q is " + q.rows() + "x" + q.cols() + ", expected " + a.rows() + "x"
                    + a.rows() + " (rows of a)");
        }
        if (!q.is(Structure.SYMMETRIC)) {
            throw new IllegalArgumentException("q is not tagged SYMMETRIC, expected a symmetric weight");
        }
        if (q.is(Structure.POSITIVE_SEMIDEFINITE)) {
            s.add(Structure.POSITIVE_SEMIDEFINITE);
        }
        return s;
    }

    @Override
    protected void applyUnchecked(double[] x, double[] y) {
        a.apply(x, ax);
        if (q == null) {
            a.applyTranspose(ax, y);
        } else {
            q.apply(ax, qax);
            a.applyTranspose(qax, y);
        }
    }

    @Override
    protected void applyTransposeUnchecked(double[] x, double[] y) {
        applyUnchecked(x, y);
    }

    @Override
    protected boolean diagonalUnchecked(double[] out) {
        // (AᵀQA)_jj = Σ_ik A_ij Q_ik A_kj; available cheaply for a dense A with diagonal (or absent) Q
        if (!(a instanceof DenseOperator)) {
            return false;
        }
        double[] qd = null;
        if (q != null) {
            if (!q.is(Structure.DIAGONAL)) {
                return false;
            }
            qd = new double[q.rows()];
            if (!q.diagonal(qd)) {
                return false;
            }
        }
        DMatrixRMaj m = ((DenseOperator) a).matrix();
        int n = m.numCols;
        java.util.Arrays.fill(out, 0.0);
        for (int i = 0; i < m.numRows; i++) {
            double w = qd == null ? 1.0 : qd[i];
            int row = i * n;
            for (int j = 0; j < n; j++) {
                double v = m.data[row + j];
                out[j] += w * v * v;
            }
        }
        return true;
    }
}
