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
 * shifted by its maximum over the range, so nothing overflows for small ν, and the integrals are taken by composite
 * 8-point Gauss–Legendre quadrature over {@code z ∈ [−L, L]} with {@code L = √(1/(πν) + 40)} (the tails are below
 * {@code e^{−40}} of the peak) on panels of width at most 0.05, which resolves the narrow peaks near the shock to
 * double precision (checked in the tests against the PDE residual by finite differences and by halving the panels).
 */
public final class ColeHopf {
    private static final double[] NODES = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290,
        -0.1834346424956498, 0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
    private static final double[] WEIGHTS = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873,
        0.3626837833783620, 0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};

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
        this(nu, 0.05);
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
        // the largest exponent over the range bounds every term: −z² − c·cos(…) ≤ −min z² + c
        double h = 2 * range / panels;
        double shift = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= 4 * panels; k++) {
            double z = -range + k * h / 4;
            shift = Math.max(shift, -z * z - c * Math.cos(Math.PI * (x - a * z)));
        }
        double num = 0;
        double den = 0;
        for (int k = 0; k < panels; k++) {
            double mid = -range + (k + 0.5) * h;
            for (int q = 0; q < NODES.length; q++) {
                double z = mid + 0.5 * h * NODES[q];
                double y = x - a * z;
                double w = WEIGHTS[q] * Math.exp(-z * z - c * Math.cos(Math.PI * y) - shift);
                num += w * Math.sin(Math.PI * y);
                den += w;
            }
        }
        return -num / den;
    }
}
