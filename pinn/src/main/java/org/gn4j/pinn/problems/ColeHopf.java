package org.gn4j.pinn.problems;

import org.gn4j.linalg.ArgumentChecks;

/**
 * The exact solution of the viscous Burgers equation {@code u_t + u·u_x = ν·u_xx} on the real line with
 * {@code u(x, 0) = −sin(πx)} (hence 2-periodic, and zero at x = ±1 for all t), by the Cole–Hopf transformation:
 * <pre>
 *   u(x, t) = −∫ sin(π(x − η)) f(x − η) e^{−η²/(4νt)} dη / ∫ f(x − η) e^{−η²/(4νt)} dη,
 *   f(y) = exp(−cos(πy)/(2πν)).
 * </pre>
 * With {@code η = 2√(νt)·z} both integrals are over {@code e^{−z² − cos(π(x − 2√(νt)z))/(2πν)}}; the exponent is
 * shifted by its maximum over the quadrature nodes, so nothing overflows for small ν, and the integrals are taken
 * by composite 8-point Gauss–Legendre quadrature over {@code z ∈ [−L, L]} with {@code L = √(1/(πν) + 40)} (the
 * tails are below {@code e^{−40}} of the peak) on panels of width at most 0.2, which resolves the narrowest peaks
 * (about 0.4 wide in z at t = 1) to double precision (checked in the tests against the PDE residual by finite
 * differences and against panels ten times narrower).
 */
public final class ColeHopf {
    private static final double[] NODES = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290,
        -0.1834346424956498, 0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
    private static final double[] WEIGHTS = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873,
        0.3626837833783620, 0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};

    /** Panels between exact evaluations of the cosine and sine in the rotation recurrence. */
    private static final int RESEED = 32;

    private final double nu;
    private final int panels;
    private final double range;

    /**
     * The solution for viscosity ν.
     *
     * @param nu viscosity ν, positive
     * @throws IllegalArgumentException if ν is not positive
     */
    public ColeHopf(double nu) {
        this(nu, 0.2);
    }

    ColeHopf(double nu, double panelWidth) {
        ArgumentChecks.requirePositive("nu", nu);
        this.nu = nu;
        this.range = Math.sqrt(1 / (Math.PI * nu) + 40);
        this.panels = (int) Math.ceil(2 * range / panelWidth);
    }

    /**
     * {@code u(x, t)}; the initial profile at {@code t ≤ 0}.
     *
     * @param x position, in [−1, 1]
     * @param t time
     * @return the solution value {@code u(x, t)} by Gauss-Legendre quadrature of the Cole–Hopf integrals;
     *         {@code −sin(πx)} for {@code t ≤ 0}
     */
    public double value(double x, double t) {
        if (t <= 0) {
            return -Math.sin(Math.PI * x);
        }
        double a = 2 * Math.sqrt(nu * t);
        double c = 1 / (2 * Math.PI * nu);
        // the largest exponent over the nodes is subtracted, so no term overflows and the largest is exp(0) = 1
        double shift = sweep(x, a, c, Double.NaN, null);
        double[] sums = new double[2];
        sweep(x, a, c, shift, sums);
        return -sums[0] / sums[1];
    }

    /**
     * One pass over the quadrature nodes with exponents {@code e = −z² − c·cos(πy)}. Along one Gauss node the angle
     * {@code πy = π(x − a·z)} falls by {@code π·a·h} per panel, so its cosine and sine advance by a rotation,
     * re-seeded every {@link #RESEED} panels to keep the recurrence's rounding at a few ulps. With {@code sums} null
     * it returns the largest exponent; otherwise it adds the numerator {@code Σ w·sin(πy)} and the denominator
     * {@code Σ w} (weights {@code w = W_q·e^{e − shift}}) into {@code sums[0]} and {@code sums[1]}, skipping terms
     * below {@code e^−60} of the largest (weights ≥ 0.1: below the last bit of the denominator).
     */
    private double sweep(double x, double a, double c, double shift, double[] sums) {
        double h = 2 * range / panels;
        double delta = Math.PI * a * h;
        double cd = Math.cos(delta);
        double sd = Math.sin(delta);
        double largest = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < NODES.length; q++) {
            double z0 = -range + 0.5 * h + 0.5 * h * NODES[q];
            double cosY = 0;
            double sinY = 0;
            for (int k = 0; k < panels; k++) {
                double z = z0 + k * h;
                if (k % RESEED == 0) {
                    double angle = Math.PI * (x - a * z);
                    cosY = Math.cos(angle);
                    sinY = Math.sin(angle);
                } else {
                    double cn = cosY * cd + sinY * sd;
                    sinY = sinY * cd - cosY * sd;
                    cosY = cn;
                }
                double e = -z * z - c * cosY;
                if (sums == null) {
                    largest = Math.max(largest, e);
                } else if (e - shift > -60) {
                    double w = WEIGHTS[q] * Math.exp(e - shift);
                    sums[0] += w * sinY;
                    sums[1] += w;
                }
            }
        }
        return largest;
    }
}
