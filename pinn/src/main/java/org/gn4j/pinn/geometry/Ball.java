package org.gn4j.pinn.geometry;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.special.Erf;
import org.gn4j.linalg.ArgumentChecks;

/**
 * The closed n-ball {@code |x − c| ≤ r}, n ≥ 2: a disk (n = 2), a ball (n = 3) or higher. Its boundary is one piece,
 * labelled "circle" (n = 2) or "sphere" (n ≥ 3). Its field {@code φ = (r² − |x − c|²)/(2r)} is smooth everywhere, with
 * {@code ∇φ = −(x − c)/r} (unit on the sphere) and {@code ∂ᵢᵢφ = −1/r}.
 */
public final class Ball extends Shape {
    private final double[] center;
    private final double radius;
    private final List<Piece> pieces;

    private Ball(double[] center, double radius) {
        super(corner(center, -radius), corner(center, radius));
        this.center = center;
        this.radius = radius;
        this.pieces = List.of(Piece.of(new Sphere(), center.length == 2 ? "circle" : "sphere"));
    }

    private static double[] corner(double[] c, double d) {
        double[] x = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            x[i] = c[i] + d;
        }
        return x;
    }

    /**
     * The ball with the given center (at least 2 coordinates) and radius.
     *
     * @param center center coordinates (length n ≥ 2, finite); copied
     * @param radius radius, positive and finite
     * @return the n-ball
     * @throws IllegalArgumentException on fewer than 2 or non-finite coordinates, or a radius that is not finite and
     *                                  positive
     */
    public static Ball of(double[] center, double radius) {
        if (center == null || center.length < 2) {
            throw new IllegalArgumentException("center has " + (center == null ? "no" : center.length)
                    + " coordinates, expected at least 2 (use Box.interval in one dimension)");
        }
        ArgumentChecks.requireFinite("center", center);
        ArgumentChecks.requirePositive("radius", radius);
        return new Ball(center.clone(), radius);
    }

    /**
     * The disk with center {@code (cx, cy)} and radius r.
     *
     * @param cx x coordinate of the center
     * @param cy y coordinate of the center
     * @param r radius, positive
     * @return the two-dimensional ball
     * @throws IllegalArgumentException on non-finite coordinates or a radius that is not positive and finite
     */
    public static Ball disk(double cx, double cy, double r) {
        return of(new double[] {cx, cy}, r);
    }

    /**
     * The 3-ball with center {@code (cx, cy, cz)} and radius r.
     *
     * @param cx x coordinate of the center
     * @param cy y coordinate of the center
     * @param cz z coordinate of the center
     * @param r radius, positive
     * @return the three-dimensional ball
     * @throws IllegalArgumentException on non-finite coordinates or a radius that is not positive and finite
     */
    public static Ball sphere(double cx, double cy, double cz, double r) {
        return of(new double[] {cx, cy, cz}, r);
    }

    /**
     * The center (a copy).
     *
     * @return a new array of length n
     */
    public double[] center() {
        return center.clone();
    }

    /**
     * The radius.
     *
     * @return the radius, positive
     */
    public double radius() {
        return radius;
    }

    @Override
    void field(double[] x, int xOff, double[] out, int off) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = x[xOff + i] - center[i];
            s += d * d;
            out[off + 1 + i] = -d / radius;
            out[off + 1 + n + i] = -1 / radius;
        }
        out[off] = (radius * radius - s) / (2 * radius);
    }

    @Override
    List<Piece> pieces() {
        return pieces;
    }

    /** Volume of the unit n-ball by {@code V_n = 2π/n·V_{n−2}}, {@code V_0 = 1}, {@code V_1 = 2}. */
    private static double unitVolume(int n) {
        double v = n % 2 == 0 ? 1 : 2;
        for (int k = n % 2 == 0 ? 2 : 3; k <= n; k += 2) {
            v *= 2 * Math.PI / k;
        }
        return v;
    }

    /** Exact: {@code V_n rⁿ} (πr² for a disk). */
    @Override
    public double volume() {
        return unitVolume(n) * Math.pow(radius, n);
    }

    /** Exact: {@code n V_n r^{n−1}} (2πr for a circle, 4πr² for a sphere). */
    @Override
    public double boundaryMeasure() {
        return n * unitVolume(n) * Math.pow(radius, n - 1);
    }

    @Override
    public String toString() {
        return "Ball" + Arrays.toString(center) + "r" + radius;
    }

    /**
     * The sphere, parameterised area-preservingly: angle 2πu (n = 2); height 1 − 2u₁ and angle 2πu₂ (n = 3,
     * Archimedes); for n ≥ 4, n parameters through the inverse normal distribution function, normalised.
     */
    private final class Sphere implements Surface {
        @Override
        public int parameterDimension() {
            return n == 2 ? 1 : n == 3 ? 2 : n;
        }

        @Override
        public double measure() {
            return boundaryMeasure();
        }

        @Override
        public void map(double[] u, int uOff, double[] x, int xOff, double[] nrm, int nOff) {
            if (n == 2) {
                double t = 2 * Math.PI * u[uOff];
                nrm[nOff] = Math.cos(t);
                nrm[nOff + 1] = Math.sin(t);
            } else if (n == 3) {
                double z = 1 - 2 * u[uOff];
                double t = 2 * Math.PI * u[uOff + 1];
                double s = Math.sqrt(Math.max(0, 1 - z * z));
                nrm[nOff] = s * Math.cos(t);
                nrm[nOff + 1] = s * Math.sin(t);
                nrm[nOff + 2] = z;
            } else {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    double q = Math.min(Math.max(2 * u[uOff + i] - 1, -1 + 0x1p-52), 1 - 0x1p-52);
                    double g = Math.sqrt(2) * Erf.erfInv(q);
                    nrm[nOff + i] = g;
                    s += g * g;
                }
                s = Math.sqrt(s);
                for (int i = 0; i < n; i++) {
                    nrm[nOff + i] = s == 0 ? (i == 0 ? 1 : 0) : nrm[nOff + i] / s;
                }
            }
            for (int i = 0; i < n; i++) {
                x[xOff + i] = center[i] + radius * nrm[nOff + i];
            }
        }
    }
}
