package org.gn4j.pinn.geometry;

import java.util.ArrayList;
import java.util.List;

import org.gn4j.linalg.ArgumentChecks;

/**
 * A simple polygon in the plane (convex or not) from its vertices in either orientation. Edge i runs from vertex i to
 * vertex i + 1 (the last edge back to vertex 0) and is the boundary piece labelled "edge i".
 *
 * <p>Its field follows Sukumar and Srivastava, "Exact imposition of boundary conditions with distance functions in
 * physics-informed deep neural networks", CMAME 389 (2022): for edge i with line distance f_i (positive on the inner
 * side) and trimming function {@code t_i = ((L_i/2)² − |x − c_i|²)/L_i} (c_i the midpoint, L_i the length), the
 * segment function {@code φ_i = √(f_i² + ((√(t_i² + f_i⁴) − t_i)/2)²)} vanishes exactly on the segment, and
 * {@code 1/φ² = Σ_i 1/φ_i²} (R-equivalence of order m = 2) combines them into a function normalised to first order on
 * every edge. The field is that φ with the sign of the point (positive inside): with m = 2 the signed function is
 * smooth across the edges, so the field is C^∞ everywhere except at the vertices, where it is continuous and its
 * returned derivatives are zero (not defined there).
 */
public final class Polygon extends Shape {
    private final double[] xs;
    private final double[] ys;
    private final int k;
    /** Unit inner normals, lengths and midpoints of the edges. */
    private final double[] ax;
    private final double[] ay;
    private final double[] len;
    private final double[] cx;
    private final double[] cy;
    private final double area;
    private final double perimeter;
    private final List<Piece> pieces;

    private Polygon(double[] xs, double[] ys, double signedArea) {
        super(bound(xs, ys, false), bound(xs, ys, true));
        this.xs = xs;
        this.ys = ys;
        this.k = xs.length;
        this.area = Math.abs(signedArea);
        double orient = Math.signum(signedArea);
        ax = new double[k];
        ay = new double[k];
        len = new double[k];
        cx = new double[k];
        cy = new double[k];
        double per = 0;
        List<Piece> ps = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int j = (i + 1) % k;
            double dx = xs[j] - xs[i];
            double dy = ys[j] - ys[i];
            double l = Math.hypot(dx, dy);
            len[i] = l;
            // the inner side is the left of an edge of a counterclockwise polygon
            ax[i] = -orient * dy / l;
            ay[i] = orient * dx / l;
            cx[i] = 0.5 * (xs[i] + xs[j]);
            cy[i] = 0.5 * (ys[i] + ys[j]);
            per += l;
            ps.add(Piece.of(new Edge(i), "edge " + i));
        }
        this.perimeter = per;
        this.pieces = List.copyOf(ps);
    }

    private static double[] bound(double[] xs, double[] ys, boolean upper) {
        double bx = xs[0];
        double by = ys[0];
        for (int i = 1; i < xs.length; i++) {
            bx = upper ? Math.max(bx, xs[i]) : Math.min(bx, xs[i]);
            by = upper ? Math.max(by, ys[i]) : Math.min(by, ys[i]);
        }
        return new double[] {bx, by};
    }

    /**
     * The polygon with vertices {@code (xy[0], xy[1]), (xy[2], xy[3]), …}.
     *
     * @param xy the vertex coordinates, interleaved x, y (even length ≥ 6)
     * @return the polygon
     * @throws IllegalArgumentException see {@link #of(double[][])}
     */
    public static Polygon of(double... xy) {
        if (xy == null || xy.length % 2 != 0) {
            throw new IllegalArgumentException("xy has " + (xy == null ? "no" : xy.length)
                    + " coordinates, expected an even number (x0, y0, x1, y1, …)");
        }
        double[][] v = new double[xy.length / 2][];
        for (int i = 0; i < v.length; i++) {
            v[i] = new double[] {xy[2 * i], xy[2 * i + 1]};
        }
        return of(v);
    }

    /**
     * The polygon with the given vertices ({@code {x, y}} each), in either orientation.
     *
     * @param vertices the vertices, each a length-2 array {@code {x, y}}; copied
     * @return the polygon
     * @throws IllegalArgumentException on fewer than 3 vertices, a vertex without 2 finite coordinates, a repeated
     *                                  consecutive vertex, zero area, or edges that cross or touch (not simple)
     */
    public static Polygon of(double[][] vertices) {
        if (vertices == null || vertices.length < 3) {
            throw new IllegalArgumentException("found " + (vertices == null ? 0 : vertices.length)
                    + " polygon vertices, expected at least 3");
        }
        int k = vertices.length;
        double[] xs = new double[k];
        double[] ys = new double[k];
        for (int i = 0; i < k; i++) {
            ArgumentChecks.requireLength("vertices[" + i + "]", vertices[i], 2);
            ArgumentChecks.requireFinite("vertices[" + i + "]", vertices[i]);
            xs[i] = vertices[i][0];
            ys[i] = vertices[i][1];
        }
        for (int i = 0; i < k; i++) {
            int j = (i + 1) % k;
            if (xs[i] == xs[j] && ys[i] == ys[j]) {
                throw new IllegalArgumentException("vertex " + j + " repeats vertex " + i + " (edge " + i
                        + " has length 0), expected distinct consecutive vertices");
            }
        }
        requireSimple(xs, ys);
        double twice = 0;
        for (int i = 0; i < k; i++) {
            int j = (i + 1) % k;
            twice += xs[i] * ys[j] - xs[j] * ys[i];
        }
        if (twice == 0) {
            throw new IllegalArgumentException("polygon area is 0, expected a polygon with an interior");
        }
        return new Polygon(xs, ys, 0.5 * twice);
    }

    /** Throws unless no two edges meet other than adjacent edges at their common vertex (O(k²) segment tests). */
    private static void requireSimple(double[] xs, double[] ys) {
        int k = xs.length;
        for (int i = 0; i < k; i++) {
            int i2 = (i + 1) % k;
            for (int j = i + 1; j < k; j++) {
                int j2 = (j + 1) % k;
                boolean adjacent = j == i + 1 || (i == 0 && j == k - 1);
                if (adjacent) {
                    // adjacent edges share one vertex; they overlap when collinear and folding back
                    int s = j == i + 1 ? i2 : i;
                    int a = j == i + 1 ? i : i2;
                    int b = j == i + 1 ? j2 : j;
                    double ux = xs[a] - xs[s];
                    double uy = ys[a] - ys[s];
                    double vx = xs[b] - xs[s];
                    double vy = ys[b] - ys[s];
                    if (ux * vy - uy * vx == 0 && ux * vx + uy * vy > 0) {
                        throw new IllegalArgumentException("polygon is self-intersecting: edges " + i + " and " + j
                                + " overlap, expected a simple polygon");
                    }
                } else if (segmentsMeet(xs[i], ys[i], xs[i2], ys[i2], xs[j], ys[j], xs[j2], ys[j2])) {
                    throw new IllegalArgumentException("polygon is self-intersecting: edges " + i + " and " + j
                            + " meet, expected a simple polygon");
                }
            }
        }
    }

    private static double orient(double px, double py, double qx, double qy, double rx, double ry) {
        return Math.signum((qx - px) * (ry - py) - (qy - py) * (rx - px));
    }

    private static boolean between(double px, double py, double qx, double qy, double rx, double ry) {
        return Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);
    }

    private static boolean segmentsMeet(double p1x, double p1y, double p2x, double p2y, double p3x, double p3y,
            double p4x, double p4y) {
        double d1 = orient(p3x, p3y, p4x, p4y, p1x, p1y);
        double d2 = orient(p3x, p3y, p4x, p4y, p2x, p2y);
        double d3 = orient(p1x, p1y, p2x, p2y, p3x, p3y);
        double d4 = orient(p1x, p1y, p2x, p2y, p4x, p4y);
        if (d1 * d2 < 0 && d3 * d4 < 0) {
            return true;
        }
        return d1 == 0 && between(p3x, p3y, p4x, p4y, p1x, p1y) || d2 == 0 && between(p3x, p3y, p4x, p4y, p2x, p2y)
                || d3 == 0 && between(p1x, p1y, p2x, p2y, p3x, p3y)
                || d4 == 0 && between(p1x, p1y, p2x, p2y, p4x, p4y);
    }

    /**
     * Number of vertices.
     *
     * @return the number of vertices k, ≥ 3
     */
    public int vertexCount() {
        return k;
    }

    /**
     * The vertices as given, {@code {x, y}} each (a copy).
     *
     * @return a new k × 2 array
     */
    public double[][] vertices() {
        double[][] v = new double[k][];
        for (int i = 0; i < k; i++) {
            v[i] = new double[] {xs[i], ys[i]};
        }
        return v;
    }

    /** Even-odd crossing test for points off the boundary. */
    private boolean crossingInside(double px, double py) {
        boolean in = false;
        for (int i = 0, j = k - 1; i < k; j = i++) {
            if ((ys[i] > py) != (ys[j] > py)
                    && px < (xs[j] - xs[i]) * (py - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                in = !in;
            }
        }
        return in;
    }

    @Override
    void field(double[] x, int xOff, double[] out, int off) {
        double px = x[xOff];
        double py = x[xOff + 1];
        // per edge: the unsigned segment function φ_i with gradient and per-coordinate second derivatives
        double[] v = new double[k];
        double[] gx = new double[k];
        double[] gy = new double[k];
        double[] hx = new double[k];
        double[] hy = new double[k];
        boolean[] exact = new boolean[k];
        double[] fs = new double[k];
        double[] ts = new double[k];
        int m = 0;
        for (int i = 0; i < k; i++) {
            double a1 = ax[i];
            double a2 = ay[i];
            double l = len[i];
            double f = a1 * (px - xs[i]) + a2 * (py - ys[i]);
            double dx = px - cx[i];
            double dy = py - cy[i];
            double t = (0.25 * l * l - (dx * dx + dy * dy)) / l;
            fs[i] = f;
            ts[i] = t;
            double dtx = -2 * dx / l;
            double dty = -2 * dy / l;
            double ddt = -2 / l;
            double f2 = f * f;
            double f3 = f2 * f;
            double f4 = f2 * f2;
            double rho = Math.sqrt(t * t + f4);
            // g = (ρ − t)/2 written without cancellation for t > 0
            double g = t > 0 ? f4 / (2 * (rho + t)) : (rho - t) / 2;
            double phi = Math.sqrt(f2 + g * g);
            double phi3 = phi * phi * phi;
            if (rho == 0 || phi3 == 0) {
                // on the segment (t > 0): φ_i = |f|(1 + O(f⁶)), so the signed function is f with gradient a and
                // zero second derivatives; at an end point (t ≤ 0) the field is not differentiable
                if (!(t > 0)) {
                    vertexJet(out, off);
                    return;
                }
                exact[i] = true;
                v[i] = Math.abs(f);
                gx[i] = a1;
                gy[i] = a2;
            } else {
                double rho3 = rho * rho * rho;
                // A = t/ρ − 1 (= −f⁴/(ρ(ρ + t)) for t > 0)
                double A = t > 0 ? -f4 / (rho * (rho + t)) : t / rho - 1;
                double dgx = 0.5 * (A * dtx + 2 * f3 * a1 / rho);
                double dgy = 0.5 * (A * dty + 2 * f3 * a2 / rho);
                double ddgx = 0.5 * (A * ddt + dtx * dtx * f4 / rho3 - 4 * t * dtx * f3 * a1 / rho3
                        + 6 * f2 * a1 * a1 / rho - 4 * f4 * f2 * a1 * a1 / rho3);
                double ddgy = 0.5 * (A * ddt + dty * dty * f4 / rho3 - 4 * t * dty * f3 * a2 / rho3
                        + 6 * f2 * a2 * a2 / rho - 4 * f4 * f2 * a2 * a2 / rho3);
                v[i] = phi;
                gx[i] = (f * a1 + g * dgx) / phi;
                gy[i] = (f * a2 + g * dgy) / phi;
                // ∂ᵢᵢφ = ((a_i g − f ∂ᵢg)² + g φ² ∂ᵢᵢg)/φ³, the cancellation-free form of ∂ᵢ((f a_i + g ∂ᵢg)/φ)
                double ex = a1 * g - f * dgx;
                double ey = a2 * g - f * dgy;
                hx[i] = (ex * ex + g * phi * phi * ddgx) / phi3;
                hy[i] = (ey * ey + g * phi * phi * ddgy) / phi3;
            }
            if (v[i] < v[m]) {
                m = i;
            }
        }
        // the sign of the point: from the nearest edge's side when the point is very close to its interior (where
        // the crossing test is at the mercy of rounding), else from the crossing test
        double s;
        if (v[m] <= 1e-9 * tolerance / RELATIVE_TOLERANCE && ts[m] > 0) {
            s = fs[m] >= 0 ? 1 : -1;
        } else {
            s = crossingInside(px, py) ? 1 : -1;
        }
        // ψ_m: the signed function of the nearest edge
        double pm;
        double pmx;
        double pmy;
        double pmxx;
        double pmyy;
        if (exact[m]) {
            pm = fs[m];
            pmx = gx[m];
            pmy = gy[m];
            pmxx = 0;
            pmyy = 0;
        } else {
            pm = s * v[m];
            pmx = s * gx[m];
            pmy = s * gy[m];
            pmxx = s * hx[m];
            pmyy = s * hy[m];
        }
        // φ = ψ_m (1 + ψ_m² Q)^{-1/2}, Q = Σ_{j≠m} φ_j^{-2}: equal to s (Σ φ_j^{-2})^{-1/2}, finite on edge m
        double q = 0;
        double qx = 0;
        double qy = 0;
        double qxx = 0;
        double qyy = 0;
        for (int j = 0; j < k; j++) {
            if (j == m) {
                continue;
            }
            if (exact[j] || v[j] == 0) {
                vertexJet(out, off); // two edges vanish: a vertex
                return;
            }
            double p2 = v[j] * v[j];
            double p3 = p2 * v[j];
            double p4 = p2 * p2;
            q += 1 / p2;
            qx += -2 * gx[j] / p3;
            qy += -2 * gy[j] / p3;
            qxx += 6 * gx[j] * gx[j] / p4 - 2 * hx[j] / p3;
            qyy += 6 * gy[j] * gy[j] / p4 - 2 * hy[j] / p3;
        }
        double pp = pm * pm * q;
        double ppx = 2 * pm * pmx * q + pm * pm * qx;
        double ppy = 2 * pm * pmy * q + pm * pm * qy;
        double ppxx = 2 * pmx * pmx * q + 2 * pm * pmxx * q + 4 * pm * pmx * qx + pm * pm * qxx;
        double ppyy = 2 * pmy * pmy * q + 2 * pm * pmyy * q + 4 * pm * pmy * qy + pm * pm * qyy;
        double w = 1 / (1 + pp);
        double gg = Math.sqrt(w);
        double g1 = -0.5 * gg * w;
        double g2 = 0.75 * gg * w * w;
        double ggx = g1 * ppx;
        double ggy = g1 * ppy;
        double ggxx = g2 * ppx * ppx + g1 * ppxx;
        double ggyy = g2 * ppy * ppy + g1 * ppyy;
        out[off] = pm * gg;
        out[off + 1] = pmx * gg + pm * ggx;
        out[off + 2] = pmy * gg + pm * ggy;
        out[off + 3] = pmxx * gg + 2 * pmx * ggx + pm * ggxx;
        out[off + 4] = pmyy * gg + 2 * pmy * ggy + pm * ggyy;
    }

    private static void vertexJet(double[] out, int off) {
        java.util.Arrays.fill(out, off, off + 5, 0.0);
    }

    @Override
    List<Piece> pieces() {
        return pieces;
    }

    /** Exact (shoelace formula). */
    @Override
    public double volume() {
        return area;
    }

    /** Exact: the perimeter. */
    @Override
    public double boundaryMeasure() {
        return perimeter;
    }

    @Override
    public String toString() {
        return "Polygon[" + k + " vertices from (" + xs[0] + ", " + ys[0] + ")]";
    }

    /** Edge i: {@code x = P_i + u (P_{i+1} − P_i)} with the outward normal. */
    private final class Edge implements Surface {
        private final int i;

        Edge(int i) {
            this.i = i;
        }

        @Override
        public int parameterDimension() {
            return 1;
        }

        @Override
        public double measure() {
            return len[i];
        }

        @Override
        public void map(double[] u, int uOff, double[] x, int xOff, double[] nrm, int nOff) {
            int j = (i + 1) % k;
            double s = u[uOff];
            x[xOff] = xs[i] + s * (xs[j] - xs[i]);
            x[xOff + 1] = ys[i] + s * (ys[j] - ys[i]);
            nrm[nOff] = -ax[i];
            nrm[nOff + 1] = -ay[i];
        }
    }
}
