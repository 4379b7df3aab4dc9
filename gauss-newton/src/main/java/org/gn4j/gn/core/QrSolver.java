package org.gn4j.gn.core;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.solvers.dense.DenseQrSolver;
import org.gn4j.solvers.dense.DenseSvdSolver;

/**
 * Householder QR of the augmented Jacobian {@code [J; √λ·D]} against {@code [−r; 0]}: it never squares the condition
 * number, the default for dense problems. With λ = 0 the plain QR of J (column-pivoted where rank-deficient), or the
 * minimum-norm SVD solution when there are fewer residuals than parameters. The factorization depends on λ, so each
 * λ costs {@code O((m + n)n²)}.
 */
public final class QrSolver implements DampedSolver {
    private DenseQrSolver qr;
    private DenseSvdSolver svd;
    private DMatrixRMaj jac;
    private DMatrixRMaj augmented;
    private double[] rhs;
    private double[] neg;

    @Override
    public String name() {
        return "qr";
    }

    @Override
    public DampedSolver fresh() {
        return new QrSolver();
    }

    @Override
    public boolean supports(Linearization lin) {
        return lin.residuals() != null && lin.denseJacobian() != null;
    }

    @Override
    public SolveResult prepare(Linearization lin) {
        jac = lin.denseJacobian();
        if (jac == null || lin.residuals() == null) {
            return SolveResult.failed(SolveStatus.BREAKDOWN, "QR needs a dense Jacobian and residuals");
        }
        return SolveResult.ok("dense Jacobian " + jac.numRows + "x" + jac.numCols);
    }

    @Override
    public SolveResult solve(double lambda, double[] d, double[] residual, double[] gradient, double[] out) {
        int m = jac.numRows;
        int n = jac.numCols;
        if (neg == null || neg.length != m) {
            neg = new double[m];
        }
        if (lambda == 0) {
            for (int i = 0; i < m; i++) {
                neg[i] = -residual[i];
            }
            if (m < n) {
                if (svd == null) {
                    svd = new DenseSvdSolver();
                }
                SolveResult f = svd.factor(jac);
                return f.hasSolution() ? svd.solve(neg, out) : f;
            }
            if (qr == null) {
                qr = new DenseQrSolver();
            }
            SolveResult f = qr.factor(jac);
            return f.hasSolution() ? qr.solve(neg, out) : f;
        }
        // least squares on [J; √λ·D] x = [−r; 0]
        if (augmented == null || augmented.numRows != m + n || augmented.numCols != n) {
            augmented = new DMatrixRMaj(m + n, n);
            rhs = new double[m + n];
        }
        System.arraycopy(jac.data, 0, augmented.data, 0, m * n);
        Arrays.fill(augmented.data, m * n, (m + n) * n, 0.0);
        double sl = Math.sqrt(lambda);
        for (int j = 0; j < n; j++) {
            augmented.data[(m + j) * n + j] = sl * (d == null ? 1 : d[j]);
        }
        for (int i = 0; i < m; i++) {
            rhs[i] = -residual[i];
        }
        Arrays.fill(rhs, m, m + n, 0.0);
        if (qr == null) {
            qr = new DenseQrSolver();
        }
        SolveResult f = qr.factor(augmented);
        return f.hasSolution() ? qr.solve(rhs, out) : f;
    }
}
