package org.gn4j.pinn.geometry;

import org.gn4j.linalg.ArgumentChecks;

/** An axis-aligned box {@code [lower, upper] ⊂ ℝⁿ}: an interval (n = 1), a rectangle (n = 2) or an n-dimensional box. */
public final class Box implements Domain {
    private final double[] lo;
    private final double[] hi;

    private Box(double[] lo, double[] hi) {
        this.lo = lo;
        this.hi = hi;
    }

    /**
     * The box {@code [lower, upper]}.
     *
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

    /** The interval {@code [a, b]}. */
    public static Box interval(double a, double b) {
        return of(new double[] {a}, new double[] {b});
    }

    /** The rectangle {@code [x0, x1] × [y0, y1]}. */
    public static Box rectangle(double x0, double x1, double y0, double y1) {
        return of(new double[] {x0, y0}, new double[] {x1, y1});
    }

    /** The unit cube {@code [0, 1]ⁿ}. */
    public static Box unitCube(int n) {
        ArgumentChecks.requirePositive("n", n);
        double[] h = new double[n];
        java.util.Arrays.fill(h, 1.0);
        return of(new double[n], h);
    }

    @Override
    public int dimension() {
        return lo.length;
    }

    @Override
    public double[] lower() {
        return lo.clone();
    }

    @Override
    public double[] upper() {
        return hi.clone();
    }

    /** Lower bound of coordinate i. */
    public double lower(int i) {
        return lo[i];
    }

    /** Upper bound of coordinate i. */
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
     * Like {@link #sampleBoundary} but only on the faces with {@code include[2i]} (lower face of axis i) and
     * {@code include[2i+1]} (upper face) set.
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
            at += c;
        }
        return new BoundarySample(points, normals, all);
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

    @Override
    public String toString() {
        return "Box" + java.util.Arrays.toString(lo) + "x" + java.util.Arrays.toString(hi);
    }
}
