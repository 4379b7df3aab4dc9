package org.gn4j.pinn.problems;

import org.gn4j.pinn.pde.JetField;

/**
 * The Stokes corner solutions of the lid-driven cavity {@code [0, 1]²} with lid velocity {@code u = 4x(1 − x)} at
 * y = 1: the singular part a smooth network cannot represent.
 *
 * <p>At the top corners the lid's {@code u_x = ±4} meets no slip on the side walls ({@code v_y = 0}), so no smooth
 * divergence-free field takes the boundary data there. Near a corner the flow is Stokes flow to leading order; in the
 * corner's coordinates s (along the lid, away from the corner) and t (down the wall) the streamfunction with lid
 * velocity 4s and no slip on the wall is the homogeneous biharmonic function
 * <pre>
 *   ψ = r²F(φ) = 2st − πt² + 2(s² + t²)·φ,   φ = atan2(t, s),   F(φ) = (π/2)(cos 2φ − 1) + sin 2φ + 2φ,
 * </pre>
 * (ψ = ψ_s = 0 on the wall φ = π/2, ψ = 0 and ψ_t = 4s on the lid φ = 0) with the pressure {@code 8ν·ln r}: the
 * velocity is continuous, its gradient depends on the direction of approach, the pressure has a logarithmic
 * singularity. The lift is the sum over both corners of {@code w·ψ} and {@code w·p} with the cutoff
 * {@code w = h(s)h(t)}, {@code h(z) = (1 − z/R)⁴} for z &lt; R and 0 beyond (three times continuously
 * differentiable); the velocity {@code (Ψ_y, −Ψ_x)} of the global streamfunction Ψ is divergence-free everywhere, zero
 * on the side and bottom walls and {@code 4x·h(x)} (near the left corner) on the lid. What the networks then learn,
 * the cavity's solution less this lift, has a velocity gradient continuous at the corners.
 *
 * <p>All derivatives are closed forms (the jets up to third order of ψ and second order of p, combined with the cutoff
 * by the Leibniz rule); at a corner itself (r = 0) the lift's jet is set to zero.
 */
final class CavityCorners {
    /** Jet layout of a function of two variables up to third order. */
    private static final int F = 0;
    private static final int FS = 1;
    private static final int FT = 2;
    private static final int FSS = 3;
    private static final int FST = 4;
    private static final int FTT = 5;
    private static final int FSSS = 6;
    private static final int FSST = 7;
    private static final int FSTT = 8;
    private static final int FTTT = 9;
    /** Number of x- (a) and y-derivatives (b) of each jet entry. */
    private static final int[] XS = {0, 1, 0, 2, 1, 0, 3, 2, 1, 0};
    private static final int[] YS = {0, 0, 1, 0, 1, 2, 0, 1, 2, 3};

    private final double radius;
    private final double nu;

    /**
     * The lift with cutoff radius R and viscosity ν.
     *
     * @param radius the cutoff's half-width R, in (0, 1] (the two corners' supports do not overlap for R ≤ 1/2),
     *               or infinity for no cutoff
     * @param nu the viscosity ν (scales the pressure)
     * @throws IllegalArgumentException if the radius is outside (0, 1] and not infinite
     */
    CavityCorners(double radius, double nu) {
        if (!(radius > 0 && (radius <= 1 || radius == Double.POSITIVE_INFINITY))) {
            throw new IllegalArgumentException("found cutoff radius " + radius + ", expected one in (0, 1] or "
                    + "infinity");
        }
        this.radius = radius;
        this.nu = nu;
    }

    /** The lift of the x-velocity u = Ψ_y. */
    JetField u() {
        return (x, off, kappa, out, o) -> {
            double[] psi = streamfunction(x[off], x[off + 1]);
            out[o] = psi[FT];
            out[o + 1] = psi[FST];
            out[o + 2] = psi[FTT];
            out[o + 3] = kappa[0] * psi[FSST] + kappa[1] * psi[FTTT];
        };
    }

    /** The lift of the y-velocity v = −Ψ_x. */
    JetField v() {
        return (x, off, kappa, out, o) -> {
            double[] psi = streamfunction(x[off], x[off + 1]);
            out[o] = -psi[FS];
            out[o + 1] = -psi[FSS];
            out[o + 2] = -psi[FST];
            out[o + 3] = -(kappa[0] * psi[FSSS] + kappa[1] * psi[FSTT]);
        };
    }

    /** The lift of the pressure. */
    JetField p() {
        return (x, off, kappa, out, o) -> {
            double[] p = pressure(x[off], x[off + 1]);
            out[o] = p[F];
            out[o + 1] = p[FS];
            out[o + 2] = p[FT];
            out[o + 3] = kappa[0] * p[FSS] + kappa[1] * p[FTT];
        };
    }

    /**
     * The global streamfunction Ψ(x, y) with its jet to third order, in the layout of {@link #F}.. {@link #FTTT}
     * with s, t read as x, y.
     */
    double[] streamfunction(double x, double y) {
        double[] sum = new double[10];
        // left corner: s = x, t = 1 − y, Ψ = −(wψ)(s, t); right corner: s = 1 − x, Ψ = −(wψ)(1 − x, 1 − y)
        addCorner(sum, x, 1 - y, false, true);
        addCorner(sum, 1 - x, 1 - y, true, true);
        return sum;
    }

    /** The pressure with its jet to second order (entries above second order zero). */
    double[] pressure(double x, double y) {
        double[] sum = new double[10];
        // left corner: p = +8ν ln r (fluid drawn away from the corner); right corner: −8ν ln r
        addCorner(sum, x, 1 - y, false, false);
        addCorner(sum, 1 - x, 1 - y, true, false);
        return sum;
    }

    /**
     * Adds one corner's term at local coordinates (s, t), converting its derivatives to x and y: a local jet entry
     * with a s- and b t-derivatives changes sign with every t (t = 1 − y) and, for the right corner (s = 1 − x), with
     * every s; the streamfunction enters with an overall minus sign (Ψ = −ψ), the right corner's pressure too.
     */
    private void addCorner(double[] sum, double s, double t, boolean right, boolean stream) {
        double rho = s * s + t * t;
        if (rho == 0 || s >= radius || t >= radius) {
            return;
        }
        double[] local = stream ? psi(s, t, rho) : logPressure(s, t, rho);
        double[] w = product(cutoff(s), cutoffT(t), new double[10]);
        double[] term = product(w, local, new double[10]);
        double overall = stream ? -1 : right ? -1 : 1;
        for (int k = 0; k < 10; k++) {
            int flips = YS[k] + (right ? XS[k] : 0);
            sum[k] += ((flips & 1) == 0 ? overall : -overall) * term[k];
        }
    }

    /** ψ = 2st − πt² + 2ρφ and its derivatives to third order (ρ = s² + t², φ = atan2(t, s)). */
    private static double[] psi(double s, double t, double rho) {
        double phi = Math.atan2(t, s);
        double rho2 = rho * rho;
        double[] j = new double[10];
        j[F] = 2 * s * t - Math.PI * t * t + 2 * rho * phi;
        j[FS] = 4 * s * phi;
        j[FT] = 4 * s - 2 * Math.PI * t + 4 * t * phi;
        j[FSS] = 4 * phi - 4 * s * t / rho;
        j[FST] = 4 * s * s / rho;
        j[FTT] = -2 * Math.PI + 4 * phi + 4 * s * t / rho;
        j[FSSS] = -8 * t * t * t / rho2;
        j[FSST] = 8 * s * t * t / rho2;
        j[FSTT] = -8 * s * s * t / rho2;
        j[FTTT] = 8 * s * s * s / rho2;
        return j;
    }

    /** p = 4ν·ln ρ (= 8ν ln r) and its derivatives to second order. */
    private double[] logPressure(double s, double t, double rho) {
        double rho2 = rho * rho;
        double[] j = new double[10];
        j[F] = 4 * nu * Math.log(rho);
        j[FS] = 8 * nu * s / rho;
        j[FT] = 8 * nu * t / rho;
        j[FSS] = 8 * nu * (t * t - s * s) / rho2;
        j[FST] = -16 * nu * s * t / rho2;
        j[FTT] = 8 * nu * (s * s - t * t) / rho2;
        return j;
    }

    /** h(z) and its first three derivatives. */
    private double[] h(double z) {
        if (Double.isInfinite(radius)) {
            return new double[] {1, 0, 0, 0};
        }
        double a = 1 - z / radius;
        double r = radius;
        return new double[] {a * a * a * a, -4 * a * a * a / r, 12 * a * a / (r * r), -24 * a / (r * r * r)};
    }

    /** The jet of h(s) as a function of (s, t). */
    private double[] cutoff(double s) {
        double[] h = h(s);
        double[] j = new double[10];
        j[F] = h[0];
        j[FS] = h[1];
        j[FSS] = h[2];
        j[FSSS] = h[3];
        return j;
    }

    /** The jet of h(t) as a function of (s, t). */
    private double[] cutoffT(double t) {
        double[] h = h(t);
        double[] j = new double[10];
        j[F] = h[0];
        j[FT] = h[1];
        j[FTT] = h[2];
        j[FTTT] = h[3];
        return j;
    }

    /** The jet of f·g to third order by the Leibniz rule, into out. */
    static double[] product(double[] f, double[] g, double[] out) {
        out[F] = f[F] * g[F];
        out[FS] = f[FS] * g[F] + f[F] * g[FS];
        out[FT] = f[FT] * g[F] + f[F] * g[FT];
        out[FSS] = f[FSS] * g[F] + 2 * f[FS] * g[FS] + f[F] * g[FSS];
        out[FST] = f[FST] * g[F] + f[FS] * g[FT] + f[FT] * g[FS] + f[F] * g[FST];
        out[FTT] = f[FTT] * g[F] + 2 * f[FT] * g[FT] + f[F] * g[FTT];
        out[FSSS] = f[FSSS] * g[F] + 3 * f[FSS] * g[FS] + 3 * f[FS] * g[FSS] + f[F] * g[FSSS];
        out[FSST] = f[FSST] * g[F] + f[FSS] * g[FT] + 2 * f[FST] * g[FS] + 2 * f[FS] * g[FST] + f[FT] * g[FSS]
                + f[F] * g[FSST];
        out[FSTT] = f[FSTT] * g[F] + f[FTT] * g[FS] + 2 * f[FST] * g[FT] + 2 * f[FT] * g[FST] + f[FS] * g[FTT]
                + f[F] * g[FSTT];
        out[FTTT] = f[FTTT] * g[F] + 3 * f[FTT] * g[FT] + 3 * f[FT] * g[FTT] + f[F] * g[FTTT];
        return out;
    }
}
