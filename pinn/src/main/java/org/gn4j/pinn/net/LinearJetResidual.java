package org.gn4j.pinn.net;

import org.gn4j.linalg.ArgumentChecks;

/**
 * A residual group that is linear in the network's jet at each of its points:
 * {@code r_p = a_p·Lu(x_p) + Σ_i b_{p,i}·∂u/∂x_i(x_p) + c_p·u(x_p) − f_p}, with {@code Lu = Σ_i κ_i ∂²u/∂x_i²}. Covers
 * interior operators of linear PDEs (Poisson: a = −1; heat {@code u_t − νΔ_x u}: b_t = 1, a = −ν with κ = 1 on the
 * space dimensions and 0 on time), Dirichlet data (c = 1), Neumann data (b = the outward normal) and initial
 * conditions. Immutable; holds the points, the seeds {@code s_p = (c_p, b_p, a_p)} and the offsets {@code f_p}.
 */
public final class LinearJetResidual {
    private final int n;
    private final int count;
    private final double[] points;
    private final double[] seeds;
    private final double[] offsets;
    private final double[] kappa;

    private LinearJetResidual(int n, int count, double[] points, double[] seeds, double[] offsets, double[] kappa) {
        this.n = n;
        this.count = count;
        this.points = points;
        this.seeds = seeds;
        this.offsets = offsets;
        this.kappa = kappa;
    }

    /**
     * A group from point-major arrays (copied).
     *
     * @param n input dimension, ≥ 1
     * @param points  {@code count·n} coordinates
     * @param seeds   {@code count·(n + 2)} coefficients {@code (c, b_1..b_n, a)} per point
     * @param offsets {@code count} values f_p
     * @param kappa   Laplacian weights (length n) or null for Δ
     * @return the group of {@code offsets.length} residuals
     * @throws IllegalArgumentException on inconsistent lengths
     */
    public static LinearJetResidual of(int n, double[] points, double[] seeds, double[] offsets, double[] kappa) {
        ArgumentChecks.requirePositive("n", n);
        if (offsets == null) {
            throw new IllegalArgumentException("offsets must not be null");
        }
        int count = offsets.length;
        ArgumentChecks.requireLength("points", points, count * n);
        ArgumentChecks.requireLength("seeds", seeds, count * (n + 2));
        double[] k = null;
        if (kappa != null) {
            ArgumentChecks.requireLength("kappa", kappa, n);
            k = kappa.clone();
        }
        return new LinearJetResidual(n, count, points.clone(), seeds.clone(), offsets.clone(), k);
    }

    /**
     * Writes the seed {@code (c, b, a)} of {@code a·Lu + b·∇u + c·u} into {@code seeds[off..off+n+2)}.
     *
     * @param a coefficient of the weighted Laplacian
     * @param b coefficients of the first derivatives, length n
     * @param c coefficient of the value
     * @param seeds output seed array, at least {@code off + n + 2} long
     * @param off offset of the point's seed in {@code seeds}
     */
    public static void seed(double a, double[] b, double c, double[] seeds, int off) {
        int n = b.length;
        seeds[off] = c;
        System.arraycopy(b, 0, seeds, off + 1, n);
        seeds[off + n + 1] = a;
    }

    /**
     * Number of residuals (points).
     *
     * @return the number of residuals, ≥ 0
     */
    public int size() {
        return count;
    }

    /**
     * Input dimension n.
     *
     * @return the dimension n, ≥ 1
     */
    public int dimension() {
        return n;
    }

    /**
     * The points (a copy, point-major).
     *
     * @return a new point-major array of {@code size()·n} coordinates
     */
    public double[] points() {
        return points.clone();
    }

    /**
     * The seeds (a copy).
     *
     * @return a new array of {@code size()·(n + 2)} seeds {@code (c, b_1..b_n, a)}, point after point
     */
    public double[] seeds() {
        return seeds.clone();
    }

    /**
     * The offsets f (a copy).
     *
     * @return a new array of {@code size()} offsets
     */
    public double[] offsets() {
        return offsets.clone();
    }

    /**
     * Laplacian weights κ (a copy), or null for Δ.
     *
     * @return a new array of length n, or null
     */
    public double[] laplacianWeights() {
        return kappa == null ? null : kappa.clone();
    }

    /**
     * Residuals into {@code r[off..off+size)}, using {@code jets} (at least {@code size·(n+2)}) as scratch.
     *
     * @param ev an evaluator of a network of input dimension n
     * @param theta the network parameters
     * @param r output array; {@code r[off..off+size)} is overwritten
     * @param off offset of the first residual in {@code r}
     * @param jets scratch array of at least {@code size·(n+2)} entries; overwritten
     * @throws IllegalArgumentException on a dimension mismatch or short arrays
     */
    public void residuals(MlpEvaluator ev, double[] theta, double[] r, int off, double[] jets) {
        requireDimension(ev);
        ev.evaluate(theta, points, count, kappa, jets);
        int jet = n + 2;
        for (int p = 0; p < count; p++) {
            double s = -offsets[p];
            for (int t = 0; t < jet; t++) {
                s += seeds[p * jet + t] * jets[p * jet + t];
            }
            r[off + p] = s;
        }
    }

    /**
     * Jacobian rows (of the network's parameters) at {@code jac[offset + p·ld …]}, p &lt; size.
     *
     * @param ev an evaluator of a network of input dimension n
     * @param theta the network parameters
     * @param jac output array; row p goes to {@code jac[offset + p·ld ..]}, P entries
     * @param offset offset of the group's first row in {@code jac}
     * @param ld leading dimension (row stride), at least the parameter count P
     * @throws IllegalArgumentException on a dimension mismatch or short arrays
     */
    public void jacobian(MlpEvaluator ev, double[] theta, double[] jac, int offset, int ld) {
        requireDimension(ev);
        ev.jacobian(theta, points, count, kappa, seeds, jac, offset, ld);
    }

    /**
     * {@code out[off + p] = (J v)_p}.
     *
     * @param ev an evaluator of a network of input dimension n
     * @param theta the network parameters
     * @param v direction in parameter space, length P
     * @param out output array; {@code out[off..off+size)} is overwritten
     * @param off offset of the group's first residual in {@code out}
     * @param scratch scratch array of at least {@code size()} entries; overwritten
     * @throws IllegalArgumentException on a dimension mismatch or short arrays
     */
    public void jvp(MlpEvaluator ev, double[] theta, double[] v, double[] out, int off, double[] scratch) {
        requireDimension(ev);
        ev.jvp(theta, points, count, kappa, seeds, v, scratch);
        System.arraycopy(scratch, 0, out, off, count);
    }

    /**
     * {@code out = Jᵀ y[off..off+size)} (overwrites).
     *
     * @param ev an evaluator of a network of input dimension n
     * @param theta the network parameters
     * @param y residual-space vector; the group's entries are {@code y[off..off+size)}
     * @param off offset of the group's first residual in {@code y}
     * @param out output array of length P; overwritten
     * @param scratch scratch array of at least {@code size()} entries; overwritten
     * @throws IllegalArgumentException on a dimension mismatch or short arrays
     */
    public void vjp(MlpEvaluator ev, double[] theta, double[] y, int off, double[] out, double[] scratch) {
        requireDimension(ev);
        System.arraycopy(y, off, scratch, 0, count);
        ev.vjp(theta, points, count, kappa, seeds, scratch, out);
    }

    private void requireDimension(MlpEvaluator ev) {
        ArgumentChecks.requireDimension("network input", ev.network().inputDimension(), n);
    }
}
