package org.gn4j.pinn.geometry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.gn4j.linalg.ArgumentChecks;

/**
 * A solid in {@code ℝⁿ} for physics-informed networks: a primitive ({@link Box}, {@link Ball}, {@link Polygon}) or a
 * {@link #union union}, {@link #intersection intersection} or {@link #difference difference} of shapes of the same
 * dimension. Every shape offers
 * <ul>
 *   <li>interior collocation points by rejection from its bounding box ({@link #sampleInterior});</li>
 *   <li>boundary points with outward unit normals and piece labels, spread over the pieces in proportion to their
 *       measure ({@link #sampleBoundary(PointSampler, int, int, Predicate)});</li>
 *   <li>a distance function D for hard constraints {@code u = g + D·N} with its exact gradient and weighted
 *       Laplacian ({@link #distanceJet}).</li>
 * </ul>
 *
 * <p><b>Distance functions.</b> Each shape has a signed field φ: positive inside, zero exactly on the boundary,
 * negative outside, normalised to first order on smooth boundary parts ({@code |∇φ| = 1} there). Set operations
 * compose the fields of their operands with Rvachev's R0 functions
 * <pre>
 *   φ_A ∧ φ_B = φ_A + φ_B − √(φ_A² + φ_B²)   (intersection),
 *   φ_A ∨ φ_B = φ_A + φ_B + √(φ_A² + φ_B²)   (union),
 *   A − B = φ_A ∧ (−φ_B)                    (difference),
 * </pre>
 * evaluated without cancellation, with the chain rule carried through the gradient and the per-coordinate second
 * derivatives: {@code ∂ᵢᵢR = R₁₁(∂ᵢφ_A)² + 2R₁₂ ∂ᵢφ_A ∂ᵢφ_B + R₂₂(∂ᵢφ_B)² + R₁ ∂ᵢᵢφ_A + R₂ ∂ᵢᵢφ_B}.
 * R0 is C^∞ except where both arguments vanish: the composed D is not differentiable at the curves (points in 2D)
 * where the operands' boundaries meet, which lie on the result's boundary, and it inherits the non-smooth points of
 * its operands (box edges and corners, polygon vertices) wherever those lie inside the result, as they can in a union.
 * At such a point the returned derivatives are finite but arbitrary.
 *
 * <p><b>Boundaries.</b> A primitive's boundary is made of pieces: box faces, the circle or sphere of a ball, polygon
 * edges. A set operation keeps the parts of its operands' pieces on the result's boundary (union: outside the other
 * operand; intersection: inside it; difference A − B: A's boundary outside B and B's boundary inside A, with B's
 * normal reversed). Where two operands' boundaries coincide, a piece counts once if the outward normals agree and not
 * at all (union, intersection) or from A only (difference) if they are opposite. Labels are the primitives' piece
 * names ("left", "circle", "edge 3", …); a name that occurs more than once in a shape gets the occurrence number
 * appended ("circle 0", "circle 1", …) in operand order.
 *
 * <p>Point tests use a tolerance of {@code 1e-12} times the largest side of the bounding box: {@link #contains} is
 * {@code φ(x) ≥ −tol} (boxes test their bounds exactly), and a point within tol of another operand's boundary counts as
 * on it.
 *
 * <p>Shapes are immutable and safe to share between threads.
 */
public abstract class Shape implements Domain {
    /** Points within this fraction of the bounding-box size of a boundary count as on it. */
    static final double RELATIVE_TOLERANCE = 1e-12;
    /** Sobol points behind the acceptance estimates of clipped pieces and interiors. */
    static final int PILOT = 1 << 14;

    final int n;
    final double[] lo;
    final double[] hi;
    /** The absolute point-test tolerance. */
    final double tolerance;
    private volatile double interiorAcceptance = Double.NaN;
    private volatile double[] pieceAcceptance;
    private volatile List<String> labels;

    Shape(double[] lo, double[] hi) {
        this.n = lo.length;
        this.lo = lo.clone();
        this.hi = hi.clone();
        double size = 0;
        for (int i = 0; i < n; i++) {
            if (!(hi[i] > lo[i])) {
                throw new IllegalArgumentException("bounding box side " + i + " is [" + lo[i] + ", " + hi[i]
                        + "], expected lower < upper");
            }
            size = Math.max(size, hi[i] - lo[i]);
        }
        this.tolerance = RELATIVE_TOLERANCE * size;
    }

    /**
     * The signed field φ at x with its per-coordinate jet {@code [φ, ∂φ/∂x_1..n, ∂²φ/∂x_1²..∂²φ/∂x_n²]} written to
     * {@code out[off..off+2n+1)}.
     */
    abstract void field(double[] x, int xOff, double[] out, int off);

    /** The boundary pieces, with their primitive labels (before numbering repeated names). */
    abstract List<Piece> pieces();

    // ---------------------------------------------------------------------------------------------- set operations

    /**
     * The union {@code a ∪ b ∪ more…}.
     *
     * @param a first operand, not null
     * @param b second operand, not null, of the same dimension
     * @param more further operands, of the same dimension
     * @return the union shape; its boundary pieces are the operands' pieces, clipped
     * @throws IllegalArgumentException on a null operand or operands of different dimensions
     */
    public static Shape union(Shape a, Shape b, Shape... more) {
        return fold(Csg.Op.UNION, a, b, more);
    }

    /**
     * The intersection {@code a ∩ b ∩ more…}.
     *
     * @param a first operand, not null
     * @param b second operand, not null, of the same dimension
     * @param more further operands, of the same dimension
     * @return the intersection shape
     * @throws IllegalArgumentException on a null operand, operands of different dimensions, or bounding boxes that do
     *                                  not overlap
     */
    public static Shape intersection(Shape a, Shape b, Shape... more) {
        return fold(Csg.Op.INTERSECTION, a, b, more);
    }

    /**
     * The difference {@code a − b − more…} ({@code a} without the interiors of the others; closed).
     *
     * @param a the shape to subtract from, not null
     * @param b first shape to remove, not null, of the same dimension
     * @param more further shapes to remove, of the same dimension
     * @return the difference shape
     * @throws IllegalArgumentException on a null operand or operands of different dimensions
     */
    public static Shape difference(Shape a, Shape b, Shape... more) {
        return fold(Csg.Op.DIFFERENCE, a, b, more);
    }

    private static Shape fold(Csg.Op op, Shape a, Shape b, Shape... more) {
        ArgumentChecks.requireNonNull("a", a);
        ArgumentChecks.requireNonNull("more", more);
        Shape s = Csg.of(op, a, b, "b");
        for (int k = 0; k < more.length; k++) {
            s = Csg.of(op, s, more[k], "more[" + k + "]");
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------- Domain

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double[] lower() {
        return lo.clone();
    }

    @Override
    public double[] upper() {
        return hi.clone();
    }

    /**
     * Whether x lies in the closed shape: {@code φ(x) ≥ −tol}.
     *
     * @throws IllegalArgumentException if x has the wrong length or a NaN coordinate
     */
    @Override
    public boolean contains(double[] x) {
        requirePoint(x);
        double[] jet = new double[2 * n + 1];
        field(x, 0, jet, 0);
        return jet[0] >= -tolerance;
    }

    void requirePoint(double[] x) {
        ArgumentChecks.requireLength("x", x, n);
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(x[i])) {
                throw new IllegalArgumentException("x[" + i + "] is NaN, expected a number");
            }
        }
    }

    /**
     * {@code count} points strictly inside ({@code φ > 0}), by rejection: the sampler's points for this round are
     * mapped onto the bounding box and kept in order while inside; if too few are kept, a longer run of the same
     * round is drawn, so the result is a pure function of (sampler, count, round). A grid sampler instead returns all
     * points of one grid of about {@code count / (inside fraction)} points that fall inside, so about {@code count}.
     *
     * @throws IllegalArgumentException if count is negative, or too few points are found inside within a draw of
     *                                  {@code max(2²², 64·count)} points (an empty or very thin shape)
     */
    @Override
    public double[] sampleInterior(PointSampler sampler, int count, int round) {
        ArgumentChecks.requireNonNull("sampler", sampler);
        ArgumentChecks.requireNonNegative("count", count);
        ArgumentChecks.requireNonNegative("round", round);
        if (count == 0) {
            return new double[0];
        }
        double acc = Math.max(interiorAcceptance(), 1.0 / PILOT);
        double[] jet = new double[2 * n + 1];
        if (sampler.isGrid()) {
            long c = Math.max(1, Math.round(count / acc));
            double[] u = sampler.sample(checkedCount(c, count), n, round);
            return keepInside(u, u.length / n, Integer.MAX_VALUE, jet);
        }
        // draw about count/acc points plus three standard deviations, so one draw nearly always suffices
        long c = (long) Math.ceil(count / acc + 3 * Math.sqrt(count * (1 - acc)) / acc) + 8;
        for (int attempt = 0; attempt < 30; attempt++) {
            double[] u = sampler.sample(checkedCount(c, count), n, round);
            double[] x = keepInside(u, u.length / n, count, jet);
            int kept = x.length / n;
            if (kept == count) {
                return x;
            }
            c = (long) Math.ceil(c * 1.2 * count / Math.max(kept, 1)) + 8;
        }
        throw new IllegalArgumentException("found too few points inside " + this + ", expected " + count
                + " (is the shape empty or very thin?)");
    }

    /** Caps a draw at {@code max(2²², 64·count)} points (and the array size), so an empty shape fails quickly. */
    private int checkedCount(long c, int count) {
        long cap = Math.min(Math.max(1L << 22, 64L * count), (Integer.MAX_VALUE - 8) / n);
        if (c > cap) {
            throw new IllegalArgumentException("found too few points inside " + this + ": a draw of " + c
                    + " points would be needed for " + count + ", expected at most " + cap
                    + " (is the shape empty or very thin?)");
        }
        return (int) c;
    }

    /** Maps unit points onto the bounding box and keeps, in order, at most {@code limit} with φ > 0. */
    private double[] keepInside(double[] u, int m, int limit, double[] jet) {
        double[] x = new double[Math.min(m, limit) * n];
        int kept = 0;
        for (int p = 0; p < m && kept < limit; p++) {
            int at = kept * n;
            for (int i = 0; i < n; i++) {
                x[at + i] = lo[i] + (hi[i] - lo[i]) * u[p * n + i];
            }
            field(x, at, jet, 0);
            if (jet[0] > 0) {
                kept++;
            }
        }
        return kept * n == x.length ? x : java.util.Arrays.copyOf(x, kept * n);
    }

    /** Fraction of the bounding box inside the shape, from {@link #PILOT} Sobol points (cached). */
    double interiorAcceptance() {
        double a = interiorAcceptance;
        if (Double.isNaN(a)) {
            double[] u = pilot(n);
            int m = u.length / n;
            double[] x = new double[n];
            double[] jet = new double[2 * n + 1];
            int in = 0;
            for (int p = 0; p < m; p++) {
                for (int i = 0; i < n; i++) {
                    x[i] = lo[i] + (hi[i] - lo[i]) * u[p * n + i];
                }
                field(x, 0, jet, 0);
                if (jet[0] > 0) {
                    in++;
                }
            }
            a = (double) in / m;
            interiorAcceptance = a;
        }
        return a;
    }

    /** {@link #PILOT} deterministic, well spread points in {@code [0, 1]^d} (a single point for d = 0). */
    static double[] pilot(int d) {
        if (d == 0) {
            return new double[0];
        }
        return d <= 1000 ? PointSampler.sobol().sample(PILOT, d, 0) : PointSampler.halton().sample(PILOT, d, 0);
    }

    /**
     * The n-dimensional measure (area in 2D, volume in 3D): exact for primitives; for set operations estimated as the
     * inside fraction of {@link #PILOT} Sobol points times the bounding-box volume (relative error of order 1e-3).
     *
     * @return the measure, positive
     */
    public double volume() {
        double v = interiorAcceptance();
        for (int i = 0; i < n; i++) {
            v *= hi[i] - lo[i];
        }
        return v;
    }

    // ---------------------------------------------------------------------------------------------- boundary

    /**
     * The labels of the boundary pieces, in operand order; repeated primitive names are numbered ("circle 0",
     * "circle 1", …).
     *
     * @return an unmodifiable list of the labels, one per boundary piece
     */
    public List<String> pieceLabels() {
        List<String> l = labels;
        if (l == null) {
            List<Piece> ps = pieces();
            Map<String, Integer> total = new HashMap<>();
            for (Piece p : ps) {
                total.merge(p.label, 1, Integer::sum);
            }
            Map<String, Integer> seen = new HashMap<>();
            List<String> out = new ArrayList<>(ps.size());
            for (Piece p : ps) {
                if (total.get(p.label) > 1) {
                    int k = seen.merge(p.label, 1, Integer::sum) - 1;
                    out.add(p.label + " " + k);
                } else {
                    out.add(p.label);
                }
            }
            l = List.copyOf(out);
            labels = l;
        }
        return l;
    }

    /** About {@code count} points on the whole boundary; see {@link #sampleBoundary(PointSampler, int, int, Predicate)}. */
    @Override
    public BoundarySample sampleBoundary(PointSampler sampler, int count, int round) {
        return sampleBoundary(sampler, count, round, label -> true);
    }

    /**
     * About {@code count} points on the boundary pieces whose labels pass the predicate, with outward unit normals and
     * their piece labels. Each selected piece's surface gets {@code count·M/S} of the sampler's points for this round
     * (M the measure of the primitive surface, S the estimated measure of the selected boundary), and keeps those on
     * the shape's boundary; so with a uniform sampler the expected number of points on a piece is proportional to the
     * piece's measure. An unclipped piece gets at least one point.
     *
     * @throws IllegalArgumentException if count is negative or no label passes
     */
    @Override
    public BoundarySample sampleBoundary(PointSampler sampler, int count, int round, Predicate<String> pieces) {
        ArgumentChecks.requireNonNull("sampler", sampler);
        ArgumentChecks.requireNonNegative("count", count);
        ArgumentChecks.requireNonNull("pieces", pieces);
        List<Piece> ps = pieces();
        boolean[] use = select(pieces);
        double[] acc = pieceAcceptance();
        double s = 0;
        double all = 0;
        for (int j = 0; j < ps.size(); j++) {
            if (use[j]) {
                s += ps.get(j).surface.measure() * acc[j];
                all += ps.get(j).surface.measure();
            }
        }
        if (s == 0) {
            s = all;
        }
        List<String> names = pieceLabels();
        double[][] pts = new double[ps.size()][];
        double[][] nrms = new double[ps.size()][];
        int[] kept = new int[ps.size()];
        int total = 0;
        double[] jet = new double[2 * n + 1];
        for (int j = 0; j < ps.size(); j++) {
            if (!use[j]) {
                continue;
            }
            Piece piece = ps.get(j);
            int p = piece.surface.parameterDimension();
            int c = (int) Math.round(count * piece.surface.measure() / s);
            if (piece.unclipped()) {
                c = Math.max(1, c);
            }
            double[] u = p == 0 ? null : sampler.sample(c, p, round);
            if (u != null) {
                c = u.length / p;
            }
            double[] x = new double[c * n];
            double[] nr = new double[c * n];
            int k = 0;
            for (int q = 0; q < c; q++) {
                piece.surface.map(u, q * p, x, k * n, nr, k * n);
                if (piece.keeps(x, k * n, nr, k * n, n, jet)) {
                    if (piece.flipped) {
                        for (int i = 0; i < n; i++) {
                            nr[k * n + i] = -nr[k * n + i];
                        }
                    }
                    k++;
                }
            }
            pts[j] = x;
            nrms[j] = nr;
            kept[j] = k;
            total += k;
        }
        double[] points = new double[total * n];
        double[] normals = new double[total * n];
        String[] lab = new String[total];
        int at = 0;
        for (int j = 0; j < ps.size(); j++) {
            if (kept[j] == 0) {
                continue;
            }
            System.arraycopy(pts[j], 0, points, at * n, kept[j] * n);
            System.arraycopy(nrms[j], 0, normals, at * n, kept[j] * n);
            java.util.Arrays.fill(lab, at, at + kept[j], names.get(j));
            at += kept[j];
        }
        return new BoundarySample(points, normals, total, lab);
    }

    /** Which pieces pass the predicate. */
    boolean[] select(Predicate<String> pieces) {
        List<String> names = pieceLabels();
        boolean[] use = new boolean[names.size()];
        boolean any = false;
        for (int j = 0; j < use.length; j++) {
            use[j] = pieces.test(names.get(j));
            any |= use[j];
        }
        if (!any) {
            throw new IllegalArgumentException("found no boundary piece of " + this
                    + " selected by the predicate, expected at least one of " + names);
        }
        return use;
    }

    /** The fraction of each piece's surface that lies on the boundary: 1 for unclipped pieces, else estimated. */
    private double[] pieceAcceptance() {
        double[] a = pieceAcceptance;
        if (a == null) {
            List<Piece> ps = pieces();
            a = new double[ps.size()];
            double[] x = new double[n];
            double[] nr = new double[n];
            double[] jet = new double[2 * n + 1];
            for (int j = 0; j < a.length; j++) {
                Piece piece = ps.get(j);
                if (piece.unclipped()) {
                    a[j] = 1;
                    continue;
                }
                int p = piece.surface.parameterDimension();
                double[] u = pilot(p);
                int m = p == 0 ? 1 : u.length / p;
                int in = 0;
                for (int q = 0; q < m; q++) {
                    piece.surface.map(u, q * p, x, 0, nr, 0);
                    if (piece.keeps(x, 0, nr, 0, n, jet)) {
                        in++;
                    }
                }
                a[j] = (double) in / m;
            }
            pieceAcceptance = a;
        }
        return a;
    }

    /**
     * The (n−1)-dimensional measure of the boundary (perimeter in 2D, surface area in 3D): exact for primitives; for
     * set operations each clipped piece's share is estimated from {@link #PILOT} Sobol points on it (relative error
     * of order 1e-4 for curves, 1e-3 for surfaces).
     *
     * @return the boundary measure, positive
     */
    public double boundaryMeasure() {
        return boundaryMeasure(label -> true);
    }

    /**
     * The measure of the pieces whose labels pass the predicate, exact or estimated as {@link #boundaryMeasure()}.
     *
     * @param pieces predicate on the piece labels (see {@link #pieceLabels()}), not null
     * @return the measure of the selected pieces
     * @throws IllegalArgumentException if no label passes
     */
    public double boundaryMeasure(Predicate<String> pieces) {
        ArgumentChecks.requireNonNull("pieces", pieces);
        boolean[] use = select(pieces);
        double[] acc = pieceAcceptance();
        List<Piece> ps = pieces();
        double m = 0;
        for (int j = 0; j < use.length; j++) {
            if (use[j]) {
                m += ps.get(j).surface.measure() * acc[j];
            }
        }
        return m;
    }

    // ---------------------------------------------------------------------------------------------- distance

    /**
     * The jet {@code [D, ∂D/∂x_1..n, Σκ_i∂²D/∂x_i²]} of the distance function D = φ (see the class comment): D &gt; 0
     * inside, D = 0 on the boundary, {@code |∇D| = 1} on smooth boundary parts; the factor of a hard constraint
     * {@code u = g + D·N} (pass {@code shape::distanceJet} as its distance). No argument checks: a NaN coordinate
     * gives NaN.
     *
     * @param x point coordinates; the point is {@code x[xOff..xOff+n)}
     * @param xOff offset of the point in {@code x}
     * @param kappa Laplacian weights (length n; null for all ones)
     * @param out   at least {@code n + 2} entries from {@code off}
     * @param off offset in {@code out} of the first jet entry
     */
    public void distanceJet(double[] x, int xOff, double[] kappa, double[] out, int off) {
        double[] jet = new double[2 * n + 1];
        field(x, xOff, jet, 0);
        out[off] = jet[0];
        double lap = 0;
        for (int i = 0; i < n; i++) {
            out[off + 1 + i] = jet[1 + i];
            lap += (kappa == null ? 1 : kappa[i]) * jet[1 + n + i];
        }
        out[off + n + 1] = lap;
    }

    /**
     * Writes the jet of {@code R0(a, b)} (disjunction: ∨, else ∧) from the operand jets {@code a}, {@code b}
     * ({@code [v, ∂v (n), ∂ᵢᵢv (n)]}) to {@code out[off..)}. R = a + b ± r, r = √(a² + b²), with
     * {@code R_a = 1 ± a/r}, {@code R_aa = ±b²/r³}, {@code R_bb = ±a²/r³}, {@code R_ab = ∓ab/r³}; where r = 0 the
     * value is 0 and the derivatives are finite but arbitrary. {@code out} may be {@code a} or {@code b}: each entry is
     * read before it is written.
     */
    static void rfunction(double[] a, int aOff, double[] b, int bOff, int n, boolean disjunction, double[] out,
            int off) {
        double x = a[aOff];
        double y = b[bOff];
        double s = disjunction ? 1 : -1;
        double r = Math.sqrt(x * x + y * y);
        double v;
        double rx;
        double ry;
        double rxx;
        double ryy;
        double rxy;
        if (r == 0) {
            v = 0;
            rx = 1 + s * Math.sqrt(0.5);
            ry = rx;
            rxx = 0;
            ryy = 0;
            rxy = 0;
        } else {
            // x + y ± r loses digits when the sum and ±r nearly cancel: then use 2xy / (x + y ∓ r)
            v = s * (x + y) >= 0 ? x + y + s * r : 2 * x * y / (x + y - s * r);
            rx = s * x < 0 ? y * y / (r * (r + Math.abs(x))) : 1 + s * x / r;
            ry = s * y < 0 ? x * x / (r * (r + Math.abs(y))) : 1 + s * y / r;
            double r3 = r * r * r;
            rxx = s * y * y / r3;
            ryy = s * x * x / r3;
            rxy = -s * x * y / r3;
        }
        out[off] = v;
        for (int i = 0; i < n; i++) {
            double ga = a[aOff + 1 + i];
            double gb = b[bOff + 1 + i];
            out[off + 1 + i] = rx * ga + ry * gb;
            out[off + 1 + n + i] = rxx * ga * ga + 2 * rxy * ga * gb + ryy * gb * gb + rx * a[aOff + 1 + n + i]
                    + ry * b[bOff + 1 + n + i];
        }
    }
}
