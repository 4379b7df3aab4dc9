package org.gn4j.gn.testproblems;

import org.gn4j.gn.suites.MoreGarbowHillstrom;
import org.gn4j.gn.suites.TestProblem;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * A deliberately plain Levenberg-Marquardt, used only to show that the test problems are solvable as defined
 * (right data, right minima) independently of the library's solvers.
 *
 * <p>Each trial step solves the Marquardt (1963) system {@code (JᵀJ + λD) δ = −Jᵀf} by dense Cholesky, where
 * {@code D} is the diagonal of {@code JᵀJ}, kept as a running maximum over iterations as in MINPACK so that a
 * column that is momentarily zero does not make the system singular. A step that lowers
 * {@code F = ½‖f‖²} is taken and {@code λ ← λ/10}; otherwise {@code λ ← 10λ}. No line search, no trust region,
 * no geodesic acceleration: failures here are expected on the hardest problems.
 */
public final class ReferenceLm {

    /** Iteration cap; each trial step, accepted or not, counts as one iteration. */
    public static final int MAX_ITERATIONS = 2000;

    private ReferenceLm() {
    }

    /**
     * The outcome of a solve.
     *
     * @param x          final point
     * @param cost       {@code F(x) = ½‖f(x)‖²}
     * @param iterations trial steps taken
     */
    public record Result(double[] x, double cost, int iterations) {
    }

    /**
     * Minimises {@code ½‖f(x)‖²} from {@code problem.start()}.
     *
     * @param problem the problem
     * @return the best point found
     */
    public static Result solve(TestProblem problem) {
        return solve(problem, problem.start());
    }

    /**
     * Minimises {@code ½‖f(x)‖²} from {@code x0}.
     *
     * @param problem the problem
     * @param x0      starting point, length {@code n}
     * @return the best point found
     */
    public static Result solve(TestProblem problem, double[] x0) {
        int n = problem.n();
        int m = problem.m();
        double[] x = x0.clone();
        double[] trial = new double[n];
        double[] f = new double[m];
        double[] fTrial = new double[m];
        DMatrixRMaj jac = new DMatrixRMaj(m, n);
        DMatrixRMaj jtj = new DMatrixRMaj(n, n);
        DMatrixRMaj lhs = new DMatrixRMaj(n, n);
        DMatrixRMaj grad = new DMatrixRMaj(n, 1);
        DMatrixRMaj step = new DMatrixRMaj(n, 1);
        double[] scale = new double[n];
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);

        problem.residuals().evaluate(x, f);
        double cost = halfSquaredNorm(f);
        double lambda = 1e-3;
        boolean refresh = true;
        int it = 0;
        while (it < MAX_ITERATIONS && cost > 0) {
            if (refresh) {
                // g = Jᵀf and the Gauss-Newton matrix JᵀJ at the current point
                problem.jacobian().evaluate(x, jac.data);
                CommonOps_DDRM.multTransA(jac, jac, jtj);
                CommonOps_DDRM.multTransA(jac, DMatrixRMaj.wrap(m, 1, f), grad);
                for (int j = 0; j < n; j++) {
                    scale[j] = Math.max(scale[j], jtj.get(j, j));
                }
                if (CommonOps_DDRM.elementMaxAbs(grad) == 0) {
                    break; // stationary point
                }
                refresh = false;
            }
            it++;
            lhs.setTo(jtj);
            for (int j = 0; j < n; j++) {
                lhs.add(j, j, lambda * Math.max(scale[j], Double.MIN_NORMAL));
            }
            if (!chol.setA(lhs)) {
                lambda *= 10;
                if (lambda > 1e20) {
                    break;
                }
                continue;
            }
            chol.solve(grad, step); // step = (JᵀJ + λD)⁻¹ Jᵀf, so δ = −step
            double stepNorm = 0;
            double xNorm = 0;
            for (int j = 0; j < n; j++) {
                trial[j] = x[j] - step.get(j);
                stepNorm += step.get(j) * step.get(j);
                xNorm += x[j] * x[j];
            }
            if (Math.sqrt(stepNorm) <= 1e-15 * (Math.sqrt(xNorm) + 1e-15)) {
                break; // no representable progress left
            }
            problem.residuals().evaluate(trial, fTrial);
            double trialCost = halfSquaredNorm(fTrial);
            if (trialCost < cost) {
                System.arraycopy(trial, 0, x, 0, n);
                System.arraycopy(fTrial, 0, f, 0, m);
                cost = trialCost;
                lambda = Math.max(lambda / 10, 1e-20);
                refresh = true;
            } else {
                lambda *= 10;
                if (lambda > 1e20) {
                    break; // no descent even along a tiny scaled-gradient step
                }
            }
        }
        return new Result(x, cost, it);
    }

    private static double halfSquaredNorm(double[] f) {
        double s = 0;
        for (double v : f) {
            s += v * v;
        }
        // NaN or overflow counts as no improvement
        return Double.isFinite(s) ? 0.5 * s : Double.POSITIVE_INFINITY;
    }
}
