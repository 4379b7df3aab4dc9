package org.gn4j.gn.suites;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * A plain projected Levenberg-Marquardt for bound-constrained least squares, used only to compute and check the
 * best known costs of {@link BoundedSuite}, independently of the library's solvers.
 *
 * <p>Each iteration splits the unknowns into the fixed set (at a bound with the gradient {@code g = Jᵀf} pointing
 * out of the box) and the free set, solves the Marquardt system {@code (JᵀJ + λD)δ = −g} on the free set
 * ({@code D} the running maximum of {@code diag(JᵀJ)}, as in MINPACK), and takes the projected trial point
 * {@code P(x + δ)} if it lowers {@code F}; {@code λ} is divided by 3 after a success and multiplied by 4 after a
 * failure. When {@code λ} has grown past 1e16 without a decrease it tries projected-gradient steps
 * {@code P(x − t·g)}, halving t. It stops when {@code ‖x − P(x − g)‖∞ ≤ tol}, when no step lowers F, or after
 * {@code maxIterations} trial steps.
 */
final class ProjectedReferenceLm {

    private ProjectedReferenceLm() {
    }

    /**
     * The outcome.
     *
     * @param x                 final point, feasible
     * @param cost              {@code F(x)}
     * @param projectedGradient {@code ‖x − P(x − g)‖∞} at {@code x}
     * @param iterations        trial steps taken
     */
    record Result(double[] x, double cost, double projectedGradient, int iterations) {
    }

    static Result solve(BoundedTestProblem p, double[] x0, double tol, int maxIterations) {
        int n = p.n();
        int m = p.m();
        double[] lo = p.lower();
        double[] hi = p.upper();
        TestProblem base = p.unconstrained();
        double[] x = project(x0, lo, hi);
        double[] f = new double[m];
        double[] fTrial = new double[m];
        double[] trial = new double[n];
        DMatrixRMaj jac = new DMatrixRMaj(m, n);
        DMatrixRMaj jtj = new DMatrixRMaj(n, n);
        double[] g = new double[n];
        double[] scale = new double[n];
        base.residuals().evaluate(x, f);
        double cost = half(f);
        double lambda = 1e-3;
        int it = 0;
        double pg = Double.POSITIVE_INFINITY;
        while (it < maxIterations) {
            base.jacobian().evaluate(x, jac.data);
            CommonOps_DDRM.multTransA(jac, jac, jtj);
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    s += jac.get(i, j) * f[i];
                }
                g[j] = s;
                scale[j] = Math.max(scale[j], jtj.get(j, j));
            }
            pg = projectedGradient(x, g, lo, hi);
            if (pg <= tol) {
                break;
            }
            // free set: not at a bound that the gradient pushes against
            int[] free = new int[n];
            int nf = 0;
            for (int j = 0; j < n; j++) {
                boolean atLower = x[j] <= lo[j] && g[j] > 0;
                boolean atUpper = x[j] >= hi[j] && g[j] < 0;
                if (!atLower && !atUpper) {
                    free[nf++] = j;
                }
            }
            boolean accepted = false;
            while (!accepted && it < maxIterations) {
                it++;
                if (lambda > 1e16) {
                    break;
                }
                DMatrixRMaj a = new DMatrixRMaj(nf, nf);
                DMatrixRMaj b = new DMatrixRMaj(nf, 1);
                for (int r = 0; r < nf; r++) {
                    for (int c = 0; c < nf; c++) {
                        a.set(r, c, jtj.get(free[r], free[c]));
                    }
                    a.add(r, r, lambda * Math.max(scale[free[r]], Double.MIN_NORMAL));
                    b.set(r, 0, -g[free[r]]);
                }
                LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(nf);
                DMatrixRMaj d = new DMatrixRMaj(nf, 1);
                if (nf == 0 || !chol.setA(a)) {
                    lambda *= 4;
                    continue;
                }
                chol.solve(b, d);
                System.arraycopy(x, 0, trial, 0, n);
                for (int r = 0; r < nf; r++) {
                    trial[free[r]] += d.get(r, 0);
                }
                clip(trial, lo, hi);
                base.residuals().evaluate(trial, fTrial);
                double c = half(fTrial);
                if (c < cost) {
                    accepted = true;
                    lambda = Math.max(lambda / 3, 1e-15);
                    System.arraycopy(trial, 0, x, 0, n);
                    System.arraycopy(fTrial, 0, f, 0, m);
                    cost = c;
                } else {
                    lambda *= 4;
                }
            }
            if (!accepted) {
                // projected-gradient fallback: P(x − t·g), t halving from 1/‖g‖∞
                double gMax = 0;
                for (double v : g) {
                    gMax = Math.max(gMax, Math.abs(v));
                }
                double t = 1 / Math.max(gMax, Double.MIN_NORMAL);
                for (int k = 0; k < 80 && !accepted; k++, t /= 2) {
                    for (int j = 0; j < n; j++) {
                        trial[j] = x[j] - t * g[j];
                    }
                    clip(trial, lo, hi);
                    base.residuals().evaluate(trial, fTrial);
                    double c = half(fTrial);
                    if (c < cost) {
                        accepted = true;
                        System.arraycopy(trial, 0, x, 0, n);
                        System.arraycopy(fTrial, 0, f, 0, m);
                        cost = c;
                        lambda = 1e-3;
                    }
                }
                if (!accepted) {
                    break;
                }
            }
        }
        return new Result(x, cost, p.projectedGradientNorm(x), it);
    }

    static double projectedGradient(double[] x, double[] g, double[] lo, double[] hi) {
        double worst = 0;
        for (int j = 0; j < x.length; j++) {
            double q = Math.min(Math.max(x[j] - g[j], lo[j]), hi[j]);
            worst = Math.max(worst, Math.abs(x[j] - q));
        }
        return worst;
    }

    static double[] project(double[] x, double[] lo, double[] hi) {
        double[] y = x.clone();
        clip(y, lo, hi);
        return y;
    }

    private static void clip(double[] x, double[] lo, double[] hi) {
        for (int j = 0; j < x.length; j++) {
            x[j] = Math.min(Math.max(x[j], lo[j]), hi[j]);
        }
    }

    private static double half(double[] f) {
        double s = 0;
        for (double v : f) {
            s += v * v;
        }
        return Double.isFinite(s) ? 0.5 * s : Double.POSITIVE_INFINITY;
    }
}
