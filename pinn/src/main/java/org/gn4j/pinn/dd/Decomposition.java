package org.gn4j.pinn.dd;

import java.util.Arrays;

import org.gn4j.linalg.ArgumentChecks;

/**
 * Overlapping subdomains on a regular grid over a box in 1-3 dimensions, with cosine-squared windows normalized to a
 * partition of unity.
 *
 * <p>With {@code K_d} subdomains along dimension d of {@code [a_d, b_d]} the centres are {@code a_d + (k + ½)h_d},
 * {@code h_d = (b_d − a_d)/K_d}, and the half width is {@code ½h_d(1 + overlap)}, so neighbours overlap by the
 * fraction {@code overlap} of a cell and the outer subdomains reach past the box. The raw window of subdomain j is
 * {@code φ_j(x) = Π_d cos²(π(x_d − c_jd)/(2ρ_d))} on its support {@code |x_d − c_jd| < ρ_d}, zero outside; the window
 * used is {@code w_j = φ_j / Σ_k φ_k}, whose value, first derivatives and weighted Laplacian are analytic (quotient
 * rule). Subdomains are numbered row-major (last dimension fastest), which makes the Gauss-Newton matrix block-banded
 * with block bandwidth {@link #blockBandwidth()}.
 */
public final class Decomposition {
    private final int n;
    private final double[] lower;
    private final double[] upper;
    private final int[] counts;
    private final double overlap;
    private final double[] h;
    private final double[] rho;
    private final int total;

    private Decomposition(double[] lower, double[] upper, int[] counts, double overlap) {
        this.n = lower.length;
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.counts = counts.clone();
        this.overlap = overlap;
        h = new double[n];
        rho = new double[n];
        int t = 1;
        for (int d = 0; d < n; d++) {
            h[d] = (upper[d] - lower[d]) / counts[d];
            rho[d] = 0.5 * h[d] * (1 + overlap);
            t *= counts[d];
        }
        total = t;
    }

    /**
     * A grid of subdomains over {@code [lower, upper]}.
     *
     * @param lower lower corner of the box (length n = 1, 2 or 3)
     * @param upper upper corner of the box (length n, each entry above the matching lower entry)
     * @param counts  subdomains per dimension (each ≥ 1)
     * @param overlap overlap as a fraction of a cell, in (0, 1]
     * @return the decomposition; the arrays are copied
     * @throws IllegalArgumentException on mismatched lengths, dimension outside 1-3, or bad values
     */
    public static Decomposition grid(double[] lower, double[] upper, int[] counts, double overlap) {
        if (lower.length != upper.length || lower.length != counts.length) {
            throw new IllegalArgumentException("found lengths " + lower.length + ", " + upper.length + ", "
                    + counts.length + ", expected equal lengths for lower, upper and counts");
        }
        if (lower.length < 1 || lower.length > 3) {
            throw new IllegalArgumentException("found dimension " + lower.length + ", expected 1, 2 or 3");
        }
        for (int d = 0; d < lower.length; d++) {
            ArgumentChecks.requirePositive("counts[" + d + "]", counts[d]);
            if (!(upper[d] > lower[d])) {
                throw new IllegalArgumentException("found upper[" + d + "] = " + upper[d] + ", expected > "
                        + lower[d]);
            }
        }
        if (!(overlap > 0 && overlap <= 1)) {
            throw new IllegalArgumentException("found overlap " + overlap + ", expected in (0, 1]");
        }
        return new Decomposition(lower, upper, counts, overlap);
    }

    /**
     * Dimension n of the box (1, 2 or 3).
     *
     * @return the dimension n
     */
    public int dimension() {
        return n;
    }

    /**
     * Number of subdomains.
     *
     * @return the number of subdomains, the product of {@link #counts()}
     */
    public int size() {
        return total;
    }

    /**
     * Overlap of neighbouring subdomains as a fraction of a cell.
     *
     * @return the overlap, in (0, 1]
     */
    public double overlap() {
        return overlap;
    }

    /**
     * Subdomains per dimension.
     *
     * @return a copy of the counts (length n)
     */
    public int[] counts() {
        return counts.clone();
    }

    /**
     * Lower corner of the box.
     *
     * @return a copy of the lower corner (length n)
     */
    public double[] lower() {
        return lower.clone();
    }

    /**
     * Upper corner of the box.
     *
     * @return a copy of the upper corner (length n)
     */
    public double[] upper() {
        return upper.clone();
    }

    /**
     * Grid index of subdomain j along dimension d.
     *
     * @param j subdomain number, in [0, size())
     * @param d dimension, in [0, n)
     * @return the grid index, in [0, counts[d])
     */
    public int gridIndex(int j, int d) {
        int stride = 1;
        for (int e = n - 1; e > d; e--) {
            stride *= counts[e];
        }
        return (j / stride) % counts[d];
    }

    /**
     * Centre of subdomain j along dimension d.
     *
     * @param j subdomain number, in [0, size())
     * @param d dimension, in [0, n)
     * @return the centre coordinate {@code a_d + (k + ½)h_d}
     */
    public double centre(int j, int d) {
        return lower[d] + (gridIndex(j, d) + 0.5) * h[d];
    }

    /**
     * Half width of every subdomain's support along dimension d.
     *
     * @param d dimension, in [0, n)
     * @return the half width {@code ½h_d(1 + overlap)}
     */
    public double halfWidth(int d) {
        return rho[d];
    }

    /**
     * Lower corner of subdomain j's support.
     *
     * @param j subdomain number, in [0, size())
     * @return a new array (length n) with the centre minus the half width; may lie outside the box
     */
    public double[] supportLower(int j) {
        double[] a = new double[n];
        for (int d = 0; d < n; d++) {
            a[d] = centre(j, d) - rho[d];
        }
        return a;
    }

    /**
     * Upper corner of subdomain j's support.
     *
     * @param j subdomain number, in [0, size())
     * @return a new array (length n) with the centre plus the half width; may lie outside the box
     */
    public double[] supportUpper(int j) {
        double[] b = new double[n];
        for (int d = 0; d < n; d++) {
            b[d] = centre(j, d) + rho[d];
        }
        return b;
    }

    /**
     * Whether the supports of subdomains i and j intersect (an open set), i.e. their Jacobian columns interact.
     *
     * @param i subdomain number, in [0, size())
     * @param j subdomain number, in [0, size())
     * @return true if the supports intersect (true for i == j)
     */
    public boolean overlaps(int i, int j) {
        for (int d = 0; d < n; d++) {
            if (Math.abs(gridIndex(i, d) - gridIndex(j, d)) * h[d] >= 2 * rho[d]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The largest |i − j| over overlapping pairs in the row-major numbering.
     *
     * @return the block bandwidth, ≥ 0 (0 for a single subdomain)
     */
    public int blockBandwidth() {
        int b = 0;
        for (int i = 0; i < total; i++) {
            for (int j = 0; j < i; j++) {
                if (overlaps(i, j)) {
                    b = Math.max(b, i - j);
                }
            }
        }
        return b;
    }

    /**
     * Most subdomains whose support can contain one point.
     *
     * @return an upper bound on the number of windows {@link #windows} can return for one point
     */
    public int maxActive() {
        int m = 1;
        for (int d = 0; d < n; d++) {
            m *= Math.min(counts[d], (int) Math.ceil(2 * rho[d] / h[d]) + 1);
        }
        return m;
    }

    /**
     * The normalized windows active at the point {@code x[xOff..xOff+n)}: their subdomain numbers into
     * {@code index} (ascending) and their jets {@code [w, ∂w/∂x_1..n, Σ_i κ_i ∂²w/∂x_i²]} into {@code jets}, n + 2 per
     * window.
     *
     * @param x point coordinates; the point is {@code x[xOff..xOff+n)}
     * @param xOff offset of the point in {@code x}
     * @param kappa Laplacian weights (length n), or null for all ones
     * @param index output of the active subdomain numbers, length at least {@link #maxActive()}
     * @param jets output of the window jets, n + 2 per active window, length at least {@code maxActive() * (n + 2)}
     * @return the number of active windows (0 only for points outside every support)
     */
    public int windows(double[] x, int xOff, double[] kappa, int[] index, double[] jets) {
        int jet = n + 2;
        // per dimension: the cells whose 1D window is non-zero, with g, g', g''
        int[] first = new int[n];
        int[] cnt = new int[n];
        int maxPer = 0;
        for (int d = 0; d < n; d++) {
            maxPer = Math.max(maxPer, counts[d]);
        }
        double[][] g = new double[n][];
        double[][] g1 = new double[n][];
        double[][] g2 = new double[n][];
        for (int d = 0; d < n; d++) {
            double xd = x[xOff + d];
            int lo = Math.max(0, (int) Math.floor((xd - lower[d] - rho[d]) / h[d] - 0.5));
            int hi = Math.min(counts[d] - 1, (int) Math.ceil((xd - lower[d] + rho[d]) / h[d] - 0.5));
            g[d] = new double[Math.max(0, hi - lo + 1)];
            g1[d] = new double[g[d].length];
            g2[d] = new double[g[d].length];
            int c = 0;
            first[d] = -1;
            for (int k = lo; k <= hi; k++) {
                double t = (xd - (lower[d] + (k + 0.5) * h[d])) / rho[d];
                if (Math.abs(t) >= 1) {
                    continue;
                }
                if (first[d] < 0) {
                    first[d] = k;
                }
                double th = 0.5 * Math.PI * t;
                double dth = 0.5 * Math.PI / rho[d];
                double cs = Math.cos(th);
                g[d][c] = cs * cs;
                g1[d][c] = -Math.sin(2 * th) * dth;
                g2[d][c] = -2 * Math.cos(2 * th) * dth * dth;
                c++;
            }
            cnt[d] = c;
            if (c == 0) {
                return 0;
            }
        }
        // tensor product of the active 1D windows
        int count = 1;
        for (int d = 0; d < n; d++) {
            count *= cnt[d];
        }
        double[] phi = new double[count * jet];
        int[] sub = new int[n];
        double sum = 0;
        double[] dsum = new double[n];
        double[] d2sum = new double[n];
        double[] phi2 = new double[count * n];
        for (int a = 0; a < count; a++) {
            int rem = a;
            for (int d = n - 1; d >= 0; d--) {
                sub[d] = rem % cnt[d];
                rem /= cnt[d];
            }
            int j = 0;
            double v = 1;
            for (int d = 0; d < n; d++) {
                j = j * counts[d] + first[d] + sub[d];
                v *= g[d][sub[d]];
            }
            index[a] = j;
            phi[a * jet] = v;
            sum += v;
            for (int i = 0; i < n; i++) {
                double di = g1[i][sub[i]];
                double dii = g2[i][sub[i]];
                for (int d = 0; d < n; d++) {
                    if (d != i) {
                        di *= g[d][sub[d]];
                        dii *= g[d][sub[d]];
                    }
                }
                phi[a * jet + 1 + i] = di;
                phi2[a * n + i] = dii;
                dsum[i] += di;
                d2sum[i] += dii;
            }
        }
        if (!(sum > 0)) {
            return 0;
        }
        for (int a = 0; a < count; a++) {
            double w = phi[a * jet] / sum;
            double lap = 0;
            jets[a * jet] = w;
            for (int i = 0; i < n; i++) {
                double wi = (phi[a * jet + 1 + i] - w * dsum[i]) / sum;
                double wii = (phi2[a * n + i] - 2 * wi * dsum[i] - w * d2sum[i]) / sum;
                jets[a * jet + 1 + i] = wi;
                lap += (kappa == null ? 1.0 : kappa[i]) * wii;
            }
            jets[a * jet + n + 1] = lap;
        }
        // row-major numbering with ascending sub-indices is already ascending in j
        return count;
    }

    @Override
    public String toString() {
        return "Decomposition" + Arrays.toString(counts) + " overlap " + overlap;
    }
}
