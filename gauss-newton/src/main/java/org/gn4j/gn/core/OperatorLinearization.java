package org.gn4j.gn.core;

import org.gn4j.linalg.VectorOps;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;

/**
 * A linearization with a matrix-free Jacobian (JVP/VJP operator, or a block-sparse one) and residuals r. Column
 * norms cost n products and are computed only for {@code n <= }{@value #COLUMN_NORMS_MAX_PARAMETERS}.
 */
public class OperatorLinearization implements Linearization {
    /** Largest n for which column norms are computed (n Jacobian-vector products). */
    public static final int COLUMN_NORMS_MAX_PARAMETERS = 256;

    private final LinearOperator jac;
    private final double[] r;
    private final double[] g;
    private final double cost;
    private double[] jd;
    private double[] norms;

    /**
     * @param jac  J as an operator
     * @param r    residuals (not copied)
     * @param g    {@code Jᵀr}, or null to compute it here (one VJP)
     * @param cost the cost
     */
    public OperatorLinearization(LinearOperator jac, double[] r, double[] g, double cost) {
        this.jac = jac;
        this.r = r;
        this.cost = cost;
        if (g == null) {
            g = new double[jac.cols()];
            jac.applyTranspose(r, g);
        }
        this.g = g;
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
    public LinearOperator gram() {
        return Operators.normal(jac);
    }

    @Override
    public double curvature(double[] s) {
        if (jd == null) {
            jd = new double[jac.rows()];
        }
        jac.apply(s, jd);
        return VectorOps.dot(jd, jd);
    }

    @Override
    public boolean columnNorms(double[] out) {
        int n = jac.cols();
        if (n > COLUMN_NORMS_MAX_PARAMETERS) {
            return false;
        }
        if (norms == null) {
            norms = new double[n];
            double[] e = new double[n];
            double[] col = new double[jac.rows()];
            for (int j = 0; j < n; j++) {
                e[j] = 1;
                jac.apply(e, col);
                e[j] = 0;
                double norm = VectorOps.norm2(col);
                norms[j] = norm > 0 ? norm : 1.0;
            }
        }
        System.arraycopy(norms, 0, out, 0, n);
        return true;
    }
}
