package org.gn4j.pinn.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.gn4j.linalg.ArgumentChecks;

/**
 * An axis-aligned box {@code [lower, upper] ⊂ ℝⁿ}: an interval (n = 1), a rectangle (n = 2) or an n-dimensional box.
 * Its boundary pieces are the 2n faces, labelled by {@link #faceLabel}: "left", "right" (n = 1); "left", "right",
 * "bottom", "top" (n = 2); "left", "right", "front", "back", "bottom", "top" (n = 3, x then y then z); "lower i",
 * "upper i" for axis i when n ≥ 4.
 *
 * <p>{@link #distanceJet} is the smooth product {@code Π_i 4(x_i − lo_i)(hi_i − x_i)/(hi_i − lo_i)²}. That product is
 * positive again where an even number of coordinates are out of bounds, so as an operand of a union, intersection
 * or difference the box enters through the sign-correct field {@code σ_1 ∧ … ∧ σ_n} (R0 conjunction) of its slabs
 * {@code σ_i = (x_i − lo_i)(hi_i − x_i)/(hi_i − lo_i)}, normalised on the faces and not differentiable on the edges
 * and corners.
 */
public final class Box extends Shape {
    private final List<Piece> pieces;

    private Box(double[] lo, double[] hi) {
        super(lo, hi);
        int n = lo.length;
        List<Piece> ps = new ArrayList<>(2 * n);
        for (int f = 0; f < 2 * n; f++) {
            ps.add(Piece.of(new Face(f), faceLabel(n, f)));
        }
        this.pieces = List.copyOf(ps);
    }

    /**
     * The label of face f of an n-dimensional box: face 2i is the lower face of axis i, face 2i + 1 the upper one.
     *
     * @param n dimension of the box, ≥ 1
     * @param f face index, in [0, 2n)
     * @return the face's label, e.g. "left" or, for n ≥ 4, "lower 3"
     * @throws IllegalArgumentException unless {@code 0 <= f < 2n}
     */
    public static String faceLabel(int n, int f) {
        ArgumentChecks.requirePositive("n", n);
        if (f < 0 || f >= 2 * n) {
            throw new IllegalArgumentException("face is " + f + ", expected in [0, " + 2 * n + ")");
        }
        if (n <= 3) {
            String[] names = n == 3 ? new String[] {"left", "right", "front", "back", "bottom", "top"}
                    : new String[] {"left", "right", "bottom", "top"};
            return names[f];
        }
        return (f % 2 == 0 ? "lower " : "upper ") + f / 2;
    }

    /**
     * The box {@code [lower, upper]}.
     *
     * @param lower lower corner (length n ≥ 1, finite); copied
     * @param upper upper corner (length n, finite, each entry above the matching lower entry); copied
     * @return the box
     * @throws IllegalArgumentException on different lengths, an empty box or non-finite bounds
     */
    public static Box of(double[] lower, double[] upper) {
        if (lower == null || lower.length == 0) {
            throw new IllegalArgumentException("lower must have at least one coordinate");
        }
        ArgumentChecks.requireLength("upper", upper, lower.length);
        ArgumentChecks.requireFinite("lower", lower);
        ArgumentChecks.requireFinite("upper", upper);
        for (int i = 0; i < lower.length; i++) {
            if (!(upper[i] > lower[i])) {
                throw new IllegalArgumentException("upper[" + i + "] is " + upper[i] + ", expected > lower[" + i
                        + "] = " + lower[i]);
            }
        }
        return new Box(lower.clone(), upper.clone());
    }

    /**
     * The interval {@code [a, b]}.
     *
     * @param a left end, finite
     * @param b right end, finite and greater than a
     * @return the one-dimensional box
     * @throws IllegalArgumentException unless {@code a < b} and both are finite
     */
    public static Box interval(double a, double b) {
        return of(new double[] {a}, new double[] {b});
    }

    /**
     * The rectangle {@code [x0, x1] × [y0, y1]}.
     *
     * @param x0 lower x bound
     * @param x1 upper x bound, greater than x0
     * @param y0 lower y bound
     * @param y1 upper y bound, greater than y0
     * @return the two-dimensional box
     * @throws IllegalArgumentException on an empty rectangle or non-finite bounds
     */
    public static Box rectangle(double x0, double x1, double y0, double y1) {
        return of(new double[] {x0, y0}, new double[] {x1, y1});
    }

    /**
     * The unit cube {@code [0, 1]ⁿ}.
     *
     * @param n dimension, ≥ 1
     * @return the n-dimensional unit cube
     * @throws IllegalArgumentException if n is not positive
     */
    public static Box unitCube(int n) {
        ArgumentChecks.requirePositive("n", n);
        double[] h = new double[n];
        java.util.Arrays.fill(h, 1.0);
        return of(new double[n], h);
    }

    /**
     * Lower bound of coordinate i.
     *
     * @param i coordinate index, in [0, n)
     * @return {@code lower[i]}
     */
    public double lower(int i) {
        return lo[i];
    }

    /**
     * Upper bound of coordinate i.
     *
     * @param i coordinate index, in [0, n)
     * @return {@code upper[i]}
     */
    public double upper(int i) {
        return hi[i];
    }

    @Override
    public boolean contains(double[] x) {
        ArgumentChecks.requireLength("x", x, lo.length);
        for (int i = 0; i < lo.length; i++) {
            if (x[i] < lo[i] || x[i] > hi[i]) {
                return false;
            }
        }
        return true;
    }

    /** Maps unit-cube points (point-major) onto the box in place. */
    void fromUnit(double[] x, int count) {
        int n = lo.length;
        for (int p = 0; p < count; p++) {
            for (int i = 0; i < n; i++) {
                x[p * n + i] = lo[i] + (hi[i] - lo[i]) * x[p * n + i];
            }
        }
    }

    @Override
    public double[] sampleInterior(PointSampler sampler, int count, int round) {
        double[] x = sampler.sample(count, lo.length, round);
        fromUnit(x, x.length / lo.length);
        return x;
    }

    /**
     * A uniform evaluation grid with {@code k} points per axis including the faces ({@code k^n} points).
     *
     * @param k points per axis, ≥ 2
     * @return a new point-major array of {@code k^n} points, length {@code n·k^n}
     * @throws IllegalArgumentException if {@code k < 2}
     */
    public double[] evaluationGrid(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k is " + k + ", expected >= 2");
        }
        int n = lo.length;
        double[] x = PointSampler.tensorGrid(k, n, 0);
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i] * k / (k - 1); // i/k → i/(k−1): include the upper face
        }
        fromUnit(x, x.length / n);
        return x;
    }

    /**
     * About {@code count} points on the boundary (at least one per face), spread over the 2n faces in proportion to
     * their (n−1)-dimensional measure, each face sampled by the sampler in its own coordinates; with the outward
     * normals. In one dimension the two end points are returned, each {@code max(1, count/2)} times.
     */
    public BoundarySample sampleBoundary(PointSampler sampler, int count, int round) {
        return sampleFaces(sampler, count, round, null);
    }

    /**
     * Like {@link #sampleBoundary(PointSampler, int, int)} but only on the faces whose labels pass the predicate.
     *
     * @throws IllegalArgumentException if count is negative or no face label passes
     */
    @Override
    public BoundarySample sampleBoundary(PointSampler sampler, int count, int round, Predicate<String> pieces) {
        ArgumentChecks.requireNonNull("sampler", sampler);
        ArgumentChecks.requireNonNull("pieces", pieces);
        return sampleFaces(sampler, count, round, select(pieces));
    }

    /**
     * Like {@link #sampleBoundary} but only on the faces with {@code include[2i]} (lower face of axis i) and
     * {@code include[2i+1]} (upper face) set.
     *
     * @param sampler the sampler of the unit parameters of each face
     * @param count about how many points in total, ≥ 0
     * @param round sampling round, passed to the sampler (resampling gives new points per round)
     * @param include length 2n flags of the faces to sample, or null for all faces
     * @return the points with their outward normals and face labels
     * @throws IllegalArgumentException if count is negative or {@code include} does not have length 2n
     */
    public BoundarySample sampleFaces(PointSampler sampler, int count, int round, boolean[] include) {
        ArgumentChecks.requireNonNegative("count", count);
        int n = lo.length;
        if (include != null && include.length != 2 * n) {
            throw new IllegalArgumentException("include has length " + include.length + ", expected " + 2 * n);
        }
        double[] measure = new double[2 * n];
        double total = 0;
        for (int f = 0; f < 2 * n; f++) {
            if (include != null && !include[f]) {
                continue;
            }
            double m = 1;
            for (int i = 0; i < n; i++) {
                if (i != f / 2) {
                    m *= hi[i] - lo[i];
                }
            }
            measure[f] = m;
            total += m;
        }
        double[][] pts = new double[2 * n][];
        int all = 0;
        for (int f = 0; f < 2 * n; f++) {
            if (measure[f] == 0) {
                continue;
            }
            int axis = f / 2;
            int want = Math.max(1, (int) Math.round(count * measure[f] / total));
            double[] face;
            int c;
            if (n == 1) {
                c = want;
                face = new double[c];
            } else {
                double[] u = sampler.sample(want, n - 1, round);
                c = u.length / (n - 1);
                face = new double[c * n];
                for (int p = 0; p < c; p++) {
                    int q = 0;
                    for (int i = 0; i < n; i++) {
                        if (i != axis) {
                            face[p * n + i] = lo[i] + (hi[i] - lo[i]) * u[p * (n - 1) + q++];
                        }
                    }
                }
            }
            double v = f % 2 == 0 ? lo[axis] : hi[axis];
            for (int p = 0; p < c; p++) {
                face[p * n + axis] = v;
            }
            pts[f] = face;
            all += c;
        }
        double[] points = new double[all * n];
        double[] normals = new double[all * n];
        String[] labels = new String[all];
        int at = 0;
        for (int f = 0; f < 2 * n; f++) {
            if (pts[f] == null) {
                continue;
            }
            int c = pts[f].length / n;
            System.arraycopy(pts[f], 0, points, at * n, c * n);
            for (int p = 0; p < c; p++) {
                normals[(at + p) * n + f / 2] = f % 2 == 0 ? -1 : 1;
            }
            java.util.Arrays.fill(labels, at, at + c, faceLabel(n, f));
            at += c;
        }
        return new BoundarySample(points, normals, all, labels);
    }

    /**
     * The jet {@code [D, ∂D/∂x_1..n, Σκ_i∂²D/∂x_i²]} of the boundary distance function
     * {@code D(x) = Π_i 4(x_i − lo_i)(hi_i − x_i)/(hi_i − lo_i)²}, which vanishes exactly on the boundary and is 1 at the
     * center: the factor of a hard Dirichlet constraint {@code u = g + D·N}.
     *
     * @param out at least {@code n + 2} entries from {@code off}
     */
    public void distanceJet(double[] x, int xOff, double[] kappa, double[] out, int off) {
        int n = lo.length;
        double[] q = new double[n];
        double[] dq = new double[n];
        double[] ddq = new double[n];
        for (int i = 0; i < n; i++) {
            double w2 = (hi[i] - lo[i]) * (hi[i] - lo[i]);
            double xi = x[xOff + i];
            q[i] = 4 * (xi - lo[i]) * (hi[i] - xi) / w2;
            dq[i] = 4 * (hi[i] + lo[i] - 2 * xi) / w2;
            ddq[i] = -8 / w2;
        }
        double all = 1;
        for (int i = 0; i < n; i++) {
            all *= q[i];
        }
        out[off] = all;
        double lap = 0;
        for (int i = 0; i < n; i++) {
            double others = 1; // Π_{j≠i} q_j without dividing (q_i may be 0)
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    others *= q[j];
                }
            }
            out[off + 1 + i] = dq[i] * others;
            lap += (kappa == null ? 1 : kappa[i]) * ddq[i] * others;
        }
        out[off + n + 1] = lap;
    }

    /** Exact: the product of the sides. */
    @Override
    public double volume() {
        double v = 1;
        for (int i = 0; i < lo.length; i++) {
            v *= hi[i] - lo[i];
        }
        return v;
    }

    /** The slab conjunction {@code σ_1 ∧ … ∧ σ_n} (see the class comment). */
    @Override
    void field(double[] x, int xOff, double[] out, int off) {
        int m = 2 * n + 1;
        double[] acc = new double[m];
        double[] slab = new double[m];
        for (int i = 0; i < n; i++) {
            double w = hi[i] - lo[i];
            double xi = x[xOff + i];
            double[] target = i == 0 ? acc : slab;
            java.util.Arrays.fill(target, 0.0);
            target[0] = (xi - lo[i]) * (hi[i] - xi) / w;
            target[1 + i] = (hi[i] + lo[i] - 2 * xi) / w;
            target[1 + n + i] = -2 / w;
            if (i > 0) {
                rfunction(acc, 0, slab, 0, n, false, i == n - 1 ? out : acc, i == n - 1 ? off : 0);
            }
        }
        if (n == 1) {
            System.arraycopy(acc, 0, out, off, m);
        }
    }

    @Override
    List<Piece> pieces() {
        return pieces;
    }

    /** Face f: the other coordinates from the unit parameter in increasing axis order, as {@link #sampleFaces}. */
    private final class Face implements Surface {
        private final int f;

        Face(int f) {
            this.f = f;
        }

        @Override
        public int parameterDimension() {
            return n - 1;
        }

        @Override
        public double measure() {
            double m = 1;
            for (int i = 0; i < n; i++) {
                if (i != f / 2) {
                    m *= hi[i] - lo[i];
                }
            }
            return m;
        }

        @Override
        public void map(double[] u, int uOff, double[] x, int xOff, double[] nrm, int nOff) {
            int axis = f / 2;
            int q = 0;
            for (int i = 0; i < n; i++) {
                if (i == axis) {
                    x[xOff + i] = f % 2 == 0 ? lo[i] : hi[i];
                    nrm[nOff + i] = f % 2 == 0 ? -1 : 1;
                } else {
                    x[xOff + i] = lo[i] + (hi[i] - lo[i]) * u[uOff + q++];
                    nrm[nOff + i] = 0;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Box" + java.util.Arrays.toString(lo) + "x" + java.util.Arrays.toString(hi);
    }
}
