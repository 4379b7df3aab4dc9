package org.gn4j.gn.core;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.linalg.op.LinearOperator;

/**
 * A linearization with some parameters held fixed: their Jacobian columns and gradient entries read as zero, so
 * every damped solver leaves them where they are ({@code δ_j = 0}). The bounded loop holds a parameter fixed when
 * it sits on a bound and the gradient pushes it outward (the active set of the box constraints).
 */
final class MaskedLinearization implements Linearization {
    private final Linearization inner;
    private final boolean[] fixed;
    private final double[] gradient;
    private final double[] work;
    private DMatrixRMaj dense;
    private DMatrixRMaj denseGram;
    private org.gn4j.solvers.sparse.CsrMatrix sparse;
    private LinearOperator op;
    private LinearOperator gram;

    MaskedLinearization(Linearization inner, boolean[] fixed) {
        this.inner = inner;
        this.fixed = fixed.clone();
        this.gradient = inner.gradient().clone();
        for (int j = 0; j < gradient.length; j++) {
            if (fixed[j]) {
                gradient[j] = 0;
            }
        }
        this.work = new double[gradient.length];
    }

    /** The linearization without the mask. */
    Linearization inner() {
        return inner;
    }

    private double[] masked(double[] v) {
        for (int j = 0; j < work.length; j++) {
            work[j] = fixed[j] ? 0 : v[j];
        }
        return work;
    }

    private void zeroFixed(double[] v) {
        for (int j = 0; j < fixed.length; j++) {
            if (fixed[j]) {
                v[j] = 0;
            }
        }
    }

    @Override
    public int rows() {
        return inner.rows();
    }

    @Override
    public int cols() {
        return inner.cols();
    }

    @Override
    public double cost() {
        return inner.cost();
    }

    @Override
    public double[] residuals() {
        return inner.residuals();
    }

    @Override
    public double residualNorm() {
        return inner.residualNorm();
    }

    @Override
    public double[] gradient() {
        return gradient;
    }

    @Override
    public DMatrixRMaj denseGram() {
        DMatrixRMaj g = inner.denseGram();
        if (g == null) {
            return null;
        }
        if (denseGram == null) {
            // the Gram matrix of the masked J: rows and columns of the fixed parameters zero
            denseGram = g.copy();
            int n = g.numCols;
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < n; c++) {
                    if (fixed[i] || fixed[c]) {
                        denseGram.data[i * n + c] = 0;
                    }
                }
            }
        }
        return denseGram;
    }

    @Override
    public LinearOperator jacobian() {
        LinearOperator j = inner.jacobian();
        if (j == null) {
            return null;
        }
        if (op == null) {
            op = new LinearOperator() {
                @Override
                public int rows() {
                    return j.rows();
                }

                @Override
                public int cols() {
                    return j.cols();
                }

                @Override
                public void apply(double[] x, double[] y) {
                    j.apply(masked(x), y);
                }

                @Override
                public void applyTranspose(double[] x, double[] y) {
                    j.applyTranspose(x, y);
                    zeroFixed(y);
                }
            };
        }
        return op;
    }

    @Override
    public DMatrixRMaj denseJacobian() {
        DMatrixRMaj j = inner.denseJacobian();
        if (j == null) {
            return null;
        }
        if (dense == null) {
            dense = j.copy();
            int n = j.numCols;
            for (int i = 0; i < j.numRows; i++) {
                for (int c = 0; c < n; c++) {
                    if (fixed[c]) {
                        dense.data[i * n + c] = 0;
                    }
                }
            }
        }
        return dense;
    }

    @Override
    public org.gn4j.solvers.sparse.CsrMatrix sparseJacobian() {
        org.gn4j.solvers.sparse.CsrMatrix j = inner.sparseJacobian();
        if (j == null) {
            return null;
        }
        if (sparse == null) {
            // the same pattern (a sparse solver's analysis stays valid) with the fixed columns' values zero
            double[] v = java.util.Arrays.copyOf(j.values(), j.nonZeros());
            int[] col = j.colIndex();
            for (int k = 0; k < v.length; k++) {
                if (fixed[col[k]]) {
                    v[k] = 0;
                }
            }
            sparse = j.withPattern(v);
        }
        return sparse;
    }

    @Override
    public LinearOperator gram() {
        LinearOperator g = inner.gram();
        if (gram == null) {
            gram = new LinearOperator() {
                @Override
                public int rows() {
                    return g.rows();
                }

                @Override
                public int cols() {
                    return g.cols();
                }

                @Override
                public void apply(double[] x, double[] y) {
                    g.apply(masked(x), y);
                    zeroFixed(y);
                }

                @Override
                public void applyTranspose(double[] x, double[] y) {
                    apply(x, y);
                }
            };
        }
        return gram;
    }

    @Override
    public double curvature(double[] s) {
        return inner.curvature(masked(s).clone());
    }

    @Override
    public boolean columnNorms(double[] out) {
        if (!inner.columnNorms(out)) {
            return false;
        }
        for (int j = 0; j < fixed.length; j++) {
            if (fixed[j]) {
                out[j] = 1.0; // a zero column
            }
        }
        return true;
    }
}
