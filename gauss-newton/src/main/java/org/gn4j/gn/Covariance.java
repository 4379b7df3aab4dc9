package org.gn4j.gn;

import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.gn4j.linalg.VectorOps;

/**
 * The covariance {@code σ²(JᵀJ)⁻¹} at a solution, {@code σ² = 2F/(m − n)}, computed on first request from the SVD of
 * J (which never forms {@code JᵀJ} and detects rank deficiency): from the dense Jacobian the solver already holds at
 * the final point, or a Jacobian evaluated for it (robust losses, whose solver held the rescaled one); a
 * matrix-free Jacobian is formed from n products only while its dense form takes at most
 * {@value StepSolver#DENSE_LIMIT_BYTES} bytes, and is otherwise reported unavailable with the reason.
 */
final class Covariance {
    /** Largest dense form (bytes) of a matrix-free Jacobian that the covariance builds. */

    private final LeastSquaresProblem problem;
    private final double[] x;
    private final DMatrixRMaj heldJacobian;
    private final boolean matrixFree;
    private boolean done;
    private DMatrixRMaj covariance;
    private String note;

    /**
     * @param heldJacobian the weighted (not robust-rescaled) dense Jacobian at x if the solver holds it, else null
     */
    Covariance(LeastSquaresProblem problem, double[] x, DMatrixRMaj heldJacobian, boolean matrixFree) {
        this(problem, x, heldJacobian, matrixFree, new boolean[x.length]);
    }

    /**
     * @param atBound parameters on a bound: left out of the covariance (their rows and columns are NaN), which is
     *                {@code σ²(J_FᵀJ_F)⁻¹} over the free columns F with {@code σ² = 2F/(m − |F|)}
     */
    Covariance(LeastSquaresProblem problem, double[] x, DMatrixRMaj heldJacobian, boolean matrixFree,
            boolean[] atBound) {
        this.problem = problem;
        this.x = x.clone();
        this.heldJacobian = heldJacobian;
        this.matrixFree = matrixFree;
        this.atBound = atBound.clone();
    }

    private final boolean[] atBound;

    synchronized DMatrixRMaj matrix() {
        compute();
        return covariance;
    }

    synchronized String note() {
        compute();
        return note;
    }

    private void compute() {
        if (done) {
            return;
        }
        done = true;
        int m = problem.residualCount();
        int n = problem.parameterCount();
        if (m <= n) {
            note = "needs more residuals than parameters (m = " + m + ", n = " + n + ")";
            return;
        }
        try {
            double[] rr = new double[m];
            problem.residuals(x, rr);
            DMatrixRMaj j = heldJacobian;
            if (j == null) {
                long bytes = 8L * m * n;
                if (matrixFree && bytes > StepSolver.DENSE_LIMIT_BYTES) {
                    note = String.format(Locale.ROOT, "unavailable for a matrix-free Jacobian of %d x %d: its dense "
                            + "form (%.0f MiB) exceeds %d MiB, and (JᵀJ)⁻¹ would need %d operator solves", m, n,
                            bytes / 1048576.0, StepSolver.DENSE_LIMIT_BYTES >> 20, n);
                    return;
                }
                j = new DMatrixRMaj(m, n);
                problem.jacobian(x, rr, j);
            }
            if (!VectorOps.allFinite(m * n, j.data, 0)) {
                note = "the Jacobian at the solution is not finite";
                return;
            }
            int[] free = new int[n];
            int nf = 0;
            for (int c = 0; c < n; c++) {
                if (!atBound[c]) {
                    free[nf++] = c;
                }
            }
            if (nf == 0) {
                note = "every parameter is on a bound";
                return;
            }
            if (m <= nf) {
                note = "needs more residuals than free parameters (m = " + m + ", free n = " + nf + ")";
                return;
            }
            DMatrixRMaj jf = new DMatrixRMaj(m, nf);
            for (int i = 0; i < m; i++) {
                for (int c = 0; c < nf; c++) {
                    jf.data[i * nf + c] = j.data[i * n + free[c]];
                }
            }
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, nf, false, true, true);
            if (!svd.decompose(jf)) {
                note = "SVD of the Jacobian failed";
                return;
            }
            double[] sv = svd.getSingularValues();
            double smax = 0;
            double smin = Double.POSITIVE_INFINITY;
            for (double s : sv) {
                smax = Math.max(smax, s);
                smin = Math.min(smin, s);
            }
            if (!(smin > Math.max(m, nf) * Math.ulp(1.0) * smax)) {
                note = String.format(Locale.ROOT, "the Jacobian is rank-deficient (singular values %.3e .. %.3e)",
                        smin, smax);
                return;
            }
            // (JᵀJ)⁻¹ = V Σ⁻² Vᵀ
            DMatrixRMaj v = svd.getV(null, false);
            double sigma2 = 2 * problem.cost(rr) / (m - nf);
            DMatrixRMaj cov = new DMatrixRMaj(n, n);
            java.util.Arrays.fill(cov.data, Double.NaN);
            for (int a = 0; a < nf; a++) {
                for (int b = 0; b < nf; b++) {
                    double s = 0;
                    for (int k = 0; k < sv.length; k++) {
                        s += v.get(a, k) * v.get(b, k) / (sv[k] * sv[k]);
                    }
                    cov.set(free[a], free[b], sigma2 * s);
                }
            }
            covariance = cov;
            note = String.format(Locale.ROOT, "sigma^2 (J'J)^-1 with sigma^2 = RSS/(m-n) = %.6e, cond(J) = %.3e",
                    sigma2, smax / smin) + (nf < n ? "; over the " + nf + " parameters off their bounds (those on a "
                    + "bound have none)" : "");
        } catch (RuntimeException e) {
            note = "covariance failed: " + e.getMessage();
        }
    }
}
