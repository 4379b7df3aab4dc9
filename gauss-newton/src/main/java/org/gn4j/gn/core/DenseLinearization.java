package org.gn4j.gn.core;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.linalg.VectorOps;
import org.gn4j.linalg.op.Operators;

/**
 * A linearization with a dense Jacobian J (m×n, row-major) and residuals r; the objective owns the arrays. Products,
 * curvature and column norms read J directly.
 */
public final class DenseLinearization extends OperatorLinearization {
    private final DMatrixRMaj jac;
    private double[] jd;

    /**
     * @param jac  J (not copied)
     * @param r    residuals (not copied)
     * @param g    {@code Jᵀr}, or null to compute it here
     * @param cost the cost
     */
    public DenseLinearization(DMatrixRMaj jac, double[] r, double[] g, double cost) {
        super(Operators.dense(jac), r, g == null ? gradient(jac, r) : g, cost);
        this.jac = jac;
    }

    private static double[] gradient(DMatrixRMaj jac, double[] r) {
        int m = jac.numRows;
        int n = jac.numCols;
        double[] g = new double[n];
        for (int i = 0; i < m; i++) {
            double ri = r[i];
            int row = i * n;
            for (int j = 0; j < n; j++) {
                g[j] += jac.data[row + j] * ri;
            }
        }
        return g;
    }

    @Override
    public DMatrixRMaj denseJacobian() {
        return jac;
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
