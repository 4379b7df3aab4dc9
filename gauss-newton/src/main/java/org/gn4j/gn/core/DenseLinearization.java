package org.gn4j.gn.core;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.linalg.VectorOps;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;

/** A linearization with a dense Jacobian J (m×n, row-major) and residuals r; the objective owns the arrays. */
public final class DenseLinearization implements Linearization {
    private final DMatrixRMaj jac;
    private final double[] r;
    private final double[] g;
    private final double cost;
    private double[] jd;
    private LinearOperator op;

    /**
     * @param jac  J (not copied)
     * @param r    residuals (not copied)
     * @param g    {@code Jᵀr}, or null to compute it here
     * @param cost the cost
     */
    public DenseLinearization(DMatrixRMaj jac, double[] r, double[] g, double cost) {
        this.jac = jac;
        this.r = r;
        this.cost = cost;
        if (g == null) {
            int m = jac.numRows;
            int n = jac.numCols;
            g = new double[n];
            for (int i = 0; i < m; i++) {
                double ri = r[i];
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    g[j] += jac.data[row + j] * ri;
                }
            }
        }
        this.g = g;
    }

    @Override
    public int rows() {
        return jac.numRows;
    }

    @Override
    public int cols() {
        return jac.numCols;
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
        if (op == null) {
            op = Operators.dense(jac);
        }
        return op;
    }

    @Override
    public DMatrixRMaj denseJacobian() {
        return jac;
    }

    @Override
    public LinearOperator gram() {
        return Operators.normal(jacobian());
    }

    @Override
    public void jacobianTimes(double[] v, double[] out) {
        int m = jac.numRows;
        int n = jac.numCols;
        for (int i = 0; i < m; i++) {
            out[i] = VectorOps.dot(n, jac.data, i * n, v, 0);
        }
    }

    @Override
    public double curvature(double[] s) {
        if (jd == null) {
            jd = new double[jac.numRows];
        }
        jacobianTimes(s, jd);
        return VectorOps.dot(jd, jd);
    }

    @Override
    public boolean columnNorms(double[] out) {
        int m = jac.numRows;
        int n = jac.numCols;
        Arrays.fill(out, 0, n, 0.0);
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                double v = jac.data[row + j];
                out[j] += v * v;
            }
        }
        for (int j = 0; j < n; j++) {
            out[j] = out[j] > 0 ? Math.sqrt(out[j]) : 1.0;
        }
        return true;
    }
}
