package org.gn4j.gn.sparse;

import org.gn4j.gn.core.Linearization;
import org.gn4j.linalg.VectorOps;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;
import org.gn4j.solvers.sparse.CsrMatrix;

/**
 * A linearization with a sparse Jacobian in compressed rows: residuals r, gradient {@code Jᵀr}, J as an operator
 * (the CSR matrix itself), the Gram operator {@code JᵀJ} as two sparse products, column norms and curvature from the
 * stored entries. Nothing of size m×n or n×n is formed.
 */
public final class SparseLinearization implements Linearization {
    private final CsrMatrix jac;
    private final double[] r;
    private final double[] g;
    private final double cost;
    private double[] js;
    private double[] norms;

    /**
     * @param jac  J (m×n; not copied)
     * @param r    residuals (length m; not copied)
     * @param cost the cost
     * @throws IllegalArgumentException when r does not have J's row count
     */
    public SparseLinearization(CsrMatrix jac, double[] r, double cost) {
        if (jac == null) {
            throw new IllegalArgumentException("Jacobian must not be null");
        }
        if (r == null || r.length != jac.rows()) {
            throw new IllegalArgumentException("residuals have length " + (r == null ? "null" : r.length)
                    + ", expected the Jacobian's rows " + jac.rows());
        }
        this.jac = jac;
        this.r = r;
        this.cost = cost;
        this.g = new double[jac.cols()];
        jac.applyTranspose(r, g);
    }

    @Override
    public int rows() {
        return jac.rows();
    }

    @Override
    public int cols() {
        return jac.cols();
    }

    @Override
    public double cost() {
        return cost;
    }

    @Override
    public double[] residuals() {
        return r;
    }

    @Override
    public double[] gradient() {
        return g;
    }

    @Override
    public LinearOperator jacobian() {
        return jac;
    }

    @Override
    public CsrMatrix sparseJacobian() {
        return jac;
    }

    @Override
    public LinearOperator gram() {
        return Operators.normal(jac);
    }

    @Override
    public double curvature(double[] s) {
        if (js == null) {
            js = new double[jac.rows()];
        }
        jac.apply(s, js);
        return VectorOps.dot(js, js);
    }

    @Override
    public boolean columnNorms(double[] out) {
        int n = jac.cols();
        if (norms == null) {
            norms = new double[n];
            jac.columnSquares(norms);
            for (int j = 0; j < n; j++) {
                norms[j] = norms[j] > 0 ? Math.sqrt(norms[j]) : 1.0;
            }
        }
        System.arraycopy(norms, 0, out, 0, n);
        return true;
    }
}
