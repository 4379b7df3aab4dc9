package org.gn4j.solvers.sparse;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;

/**
 * LSMR (Fong &amp; Saunders, "LSMR: an iterative algorithm for sparse least-squares problems", SIAM J. Sci. Comput.
 * 2011) for the damped, column-scaled problem {@code min ‖Jx − b‖² + ‖Ex‖²} with a diagonal damping {@code E}
 * (for a Levenberg-Marquardt step {@code E = √λ·D}), matrix-free over J. The iteration runs on
 * {@code y = S⁻¹x} with a diagonal right preconditioner S (Jacobi: {@code S = diag(JᵀJ + E²)^{-1/2}}), i.e. on the
 * augmented operator {@code B = [JS; ES]}; the normal-equation residual {@code ‖Bᵀ(b̃ − By)‖} decreases
 * monotonically and is the stopping test. Work vectors are owned and reused: nothing is allocated per iteration.
 */
public final class Lsmr {
    private final int m;
    private final int n;
    private final double[] u1;
    private final double[] u2;
    private final double[] v;
    private final double[] h;
    private final double[] hbar;
    private final double[] y;
    private final double[] tn;
    private final double[] tm;

    /**
     * Work space for m×n operators.
     *
     * @param m rows of the operators J to be solved with, ≥ 0
     * @param n columns of J (length of x), ≥ 0
     */
    public Lsmr(int m, int n) {
        ArgumentChecks.requireNonNegative("m", m);
        ArgumentChecks.requireNonNegative("n", n);
        this.m = m;
        this.n = n;
        u1 = new double[m];
        u2 = new double[n];
        v = new double[n];
        h = new double[n];
        hbar = new double[n];
        y = new double[n];
        tn = new double[n];
        tm = new double[m];
    }

    /**
     * Solves {@code min ‖Jx − b‖² + ‖Ex‖²} from x = 0.
     *
     * @param j             J (m×n)
     * @param b             right-hand side (length m)
     * @param damping       the diagonal of E (length n), or null for none
     * @param scale         the diagonal of the preconditioner S (length n, positive), or null for none
     * @param relTolerance  stop when {@code ‖Bᵀ(b̃ − By)‖ <= relTolerance·‖Bᵀb̃‖}
     * @param maxIterations iteration cap
     * @param x             the solution (length n)
     * @return CONVERGED when the tolerance was met (or b or Jᵀb is zero, x = 0), MAX_ITERATIONS at the cap (x
     *         usable), NON_FINITE on a non-finite iterate; with the iteration count and the final and initial {@code
     *         ‖Bᵀr‖}
     * @throws IllegalArgumentException on wrong lengths
     */
    public SolveResult solve(LinearOperator j, double[] b, double[] damping, double[] scale, double relTolerance,
            int maxIterations, double[] x) {
        ArgumentChecks.requireDimension("J rows", j.rows(), m);
        ArgumentChecks.requireDimension("J cols", j.cols(), n);
        ArgumentChecks.requireLength("b", b, m);
        ArgumentChecks.requireLength("x", x, n);
        if (damping != null) {
            ArgumentChecks.requireLength("damping", damping, n);
        }
        if (scale != null) {
            ArgumentChecks.requireLength("scale", scale, n);
        }
        java.util.Arrays.fill(y, 0);
        java.util.Arrays.fill(hbar, 0);
        // β₁u₁ = b̃ = [b; 0]
        System.arraycopy(b, 0, u1, 0, m);
        java.util.Arrays.fill(u2, 0);
        double beta = norm(u1, m);
        if (beta == 0) {
            java.util.Arrays.fill(x, 0);
            return new SolveResult(SolveStatus.CONVERGED, 0, 0, 0, "LSMR: zero right-hand side");
        }
        scaleBy(u1, m, 1 / beta);
        // α₁v₁ = Bᵀu₁
        transposeProduct(j, damping, scale, v);
        double alpha = norm(v, n);
        if (alpha > 0) {
            scaleBy(v, n, 1 / alpha);
        }
        double normArhs = alpha * beta;
        if (normArhs == 0) {
            java.util.Arrays.fill(x, 0);
            return new SolveResult(SolveStatus.CONVERGED, 0, 0, 0, "LSMR: Jᵀb = 0");
        }
        System.arraycopy(v, 0, h, 0, n);
        double zetabar = alpha * beta;
        double alphabar = alpha;
        double rho = 1;
        double rhobar = 1;
        double cbar = 1;
        double sbar = 0;
        double normAr = normArhs;
        int it = 0;
        SolveStatus status = SolveStatus.MAX_ITERATIONS;
        while (it < maxIterations) {
            it++;
            // βu = Bv − αu
            product(j, damping, scale, v);
            for (int i = 0; i < m; i++) {
                u1[i] = tm[i] - alpha * u1[i];
            }
            for (int i = 0; i < n; i++) {
                u2[i] = tn[i] - alpha * u2[i];
            }
            beta = Math.sqrt(dot(u1, m) + dot(u2, n));
            if (beta > 0) {
                scaleBy(u1, m, 1 / beta);
                scaleBy(u2, n, 1 / beta);
            }
            // αv = Bᵀu − βv
            transposeProduct(j, damping, scale, tn);
            for (int i = 0; i < n; i++) {
                v[i] = tn[i] - beta * v[i];
            }
            alpha = norm(v, n);
            if (alpha > 0) {
                scaleBy(v, n, 1 / alpha);
            }
            // the rotations of LSMR's bidiagonal QR and its second QR
            double rhoold = rho;
            rho = Math.hypot(alphabar, beta);
            double c = alphabar / rho;
            double s = beta / rho;
            double thetanew = s * alpha;
            alphabar = c * alpha;
            double rhobarold = rhobar;
            double thetabar = sbar * rho;
            double rhotemp = cbar * rho;
            rhobar = Math.hypot(rhotemp, thetanew);
            cbar = rhotemp / rhobar;
            sbar = thetanew / rhobar;
            double zeta = cbar * zetabar;
            zetabar = -sbar * zetabar;
            double fh = thetabar * rho / (rhoold * rhobarold);
            double fy = zeta / (rho * rhobar);
            double fv = thetanew / rho;
            for (int i = 0; i < n; i++) {
                double hb = h[i] - fh * hbar[i];
                hbar[i] = hb;
                y[i] += fy * hb;
                h[i] = v[i] - fv * h[i];
            }
            normAr = Math.abs(zetabar);
            if (!Double.isFinite(normAr)) {
                return SolveResult.failed(SolveStatus.NON_FINITE, "LSMR: non-finite iterate at iteration " + it);
            }
            if (normAr <= relTolerance * normArhs) {
                status = SolveStatus.CONVERGED;
                break;
            }
            if (alpha == 0 || beta == 0) {
                status = SolveStatus.CONVERGED;
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            x[i] = scale == null ? y[i] : scale[i] * y[i];
        }
        return new SolveResult(status, it, normAr, normArhs, "LSMR " + it + " iterations, ‖Bᵀr‖/‖Bᵀb‖ = "
                + normAr / normArhs);
    }

    /** [tm; tn] = B v = [J S v; E S v]. */
    private void product(LinearOperator j, double[] e, double[] s, double[] w) {
        for (int i = 0; i < n; i++) {
            tn[i] = s == null ? w[i] : s[i] * w[i];
        }
        j.apply(tn, tm);
        for (int i = 0; i < n; i++) {
            tn[i] = e == null ? 0 : e[i] * tn[i];
        }
    }

    /** out = Bᵀu = S(Jᵀu₁ + E u₂). */
    private void transposeProduct(LinearOperator j, double[] e, double[] s, double[] out) {
        j.applyTranspose(u1, out);
        for (int i = 0; i < n; i++) {
            double t = out[i] + (e == null ? 0 : e[i] * u2[i]);
            out[i] = s == null ? t : s[i] * t;
        }
    }

    private static double dot(double[] a, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += a[i] * a[i];
        }
        return s;
    }

    private static double norm(double[] a, int len) {
        return Math.sqrt(dot(a, len));
    }

    private static void scaleBy(double[] a, int len, double f) {
        for (int i = 0; i < len; i++) {
            a[i] *= f;
        }
    }
}
