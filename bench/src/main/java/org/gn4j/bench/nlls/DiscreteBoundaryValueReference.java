package org.gn4j.bench.nlls;

import org.gn4j.gn.sparse.ScalableMgh;

/**
 * The discrete solution of the MGH discrete boundary value problem ({@link ScalableMgh#DISCRETE_BOUNDARY_VALUE},
 * {@code f_i = 2x_i − x_{i−1} − x_{i+1} + h²(x_i + t_i + 1)³/2}, {@code h = 1/(n+1)}, {@code t_i = ih},
 * {@code x_0 = x_{n+1} = 0}), the reference the {@code sparse-mgh} suite scores solvers against: Newton's method
 * from the MGH start with each step from the tridiagonal Jacobian {@code tridiag(−1, 2 + 3h²(x_i + t_i + 1)²/2, −1)}
 * solved by the Thomas algorithm (no pivoting: the matrix is diagonally dominant). The residual's second difference
 * is summed with its rounding errors carried (Knuth's two-sum), so the residual is accurate relative to its own
 * size rather than to {@code ‖x‖∞}, and the iteration converges to the discrete solution of the formula as written
 * in double (h and {@code t_i} rounded as the problem rounds them) to about ε relative, not to the
 * {@code (n+1)²ε/4} that a plain double residual allows. A reference, not a solver under test.
 */
public final class DiscreteBoundaryValueReference {
    /** Newton steps at most (it takes about six from the MGH start). */
    private static final int MAX_STEPS = 50;

    private DiscreteBoundaryValueReference() {
    }

    /**
     * The discrete solution for n unknowns.
     *
     * @param n the number of unknowns, ≥ 2
     * @return the solution, length n
     * @throws IllegalArgumentException if n &lt; 2
     * @throws IllegalStateException if Newton's method does not settle within 50 steps
     */
    public static double[] solve(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("n is " + n + ", expected >= 2");
        }
        double h = 1.0 / (n + 1);
        double[] x = ScalableMgh.DISCRETE_BOUNDARY_VALUE.start(n);
        double[] f = new double[n];
        double[] diag = new double[n];
        double[] cp = new double[n];
        double[] dx = new double[n];
        double previous = Double.POSITIVE_INFINITY;
        for (int step = 0; step < MAX_STEPS; step++) {
            for (int i = 0; i < n; i++) {
                double t = (i + 1) * h;
                double s = x[i] + t + 1;
                double xl = i > 0 ? x[i - 1] : 0;
                double xr = i < n - 1 ? x[i + 1] : 0;
                // (2x_i − x_{i−1}) − x_{i+1} with the rounding error of each sum kept (two-sum)
                double a = 2 * x[i];
                double s1 = a - xl;
                double e1 = twoSumError(a, -xl, s1);
                double s2 = s1 - xr;
                double e2 = twoSumError(s1, -xr, s2);
                f[i] = s2 + (e1 + e2 + h * h * s * s * s / 2);
                diag[i] = 2 + 1.5 * h * h * s * s;
            }
            // Thomas: forward elimination of tridiag(−1, diag, −1) dx = −f, then back substitution
            cp[0] = -1 / diag[0];
            dx[0] = -f[0] / diag[0];
            for (int i = 1; i < n; i++) {
                double m = diag[i] + cp[i - 1];
                cp[i] = -1 / m;
                dx[i] = (-f[i] + dx[i - 1]) / m;
            }
            for (int i = n - 2; i >= 0; i--) {
                dx[i] -= cp[i] * dx[i + 1];
            }
            double stepNorm = 0;
            double xNorm = 0;
            for (int i = 0; i < n; i++) {
                x[i] += dx[i];
                stepNorm = Math.max(stepNorm, Math.abs(dx[i]));
                xNorm = Math.max(xNorm, Math.abs(x[i]));
            }
            // quadratic convergence down to the rounding level, where the steps stop shrinking
            if (stepNorm <= 4 * Math.ulp(xNorm) || stepNorm >= previous && stepNorm <= 1e-12 * xNorm) {
                return x;
            }
            previous = stepNorm;
        }
        throw new IllegalStateException("Newton's method for the discrete boundary value problem at n = " + n
                + " did not settle within " + MAX_STEPS + " steps");
    }

    /** The rounding error of {@code s = fl(a + b)}: {@code a + b − s} exactly. */
    private static double twoSumError(double a, double b, double s) {
        double bv = s - a;
        return (a - (s - bv)) + (b - bv);
    }

    /**
     * {@code ‖x − ref‖∞ / ‖ref‖∞}.
     *
     * @param x   a point, length of ref
     * @param ref the reference, not all zero
     * @return the relative max-norm distance
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double relativeError(double[] x, double[] ref) {
        if (x.length != ref.length) {
            throw new IllegalArgumentException("x has length " + x.length + ", expected the reference's "
                    + ref.length);
        }
        double err = 0;
        double norm = 0;
        for (int i = 0; i < ref.length; i++) {
            err = Math.max(err, Math.abs(x[i] - ref[i]));
            norm = Math.max(norm, Math.abs(ref[i]));
        }
        return err / norm;
    }

    /**
     * The distance at which a solution counts as the discrete one: {@code min(1e-6, (n+1)²ε/4)} relative in the max
     * norm. The residual's second difference is computed in double with a rounding error up to about
     * {@code 2ε‖x‖∞} per component and {@code ‖J⁻¹‖∞ <= (n+1)²/8}, so a double residual pins the solution down only
     * to {@code (n+1)²ε/4} relative in the worst case (5.6e-9 at n = 10⁴, 5.6e-7 at 10⁵, 5.6e-5 at 10⁶); the bound is
     * that, capped at 1e-6.
     *
     * @param n the number of unknowns
     * @return the largest relative max-norm distance to the reference that counts as solved
     */
    public static double tolerance(int n) {
        double np1 = n + 1.0;
        return Math.min(1e-6, np1 * np1 * Math.ulp(1.0) / 4);
    }
}
