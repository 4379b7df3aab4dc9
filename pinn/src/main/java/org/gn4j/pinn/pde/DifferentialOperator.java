package org.gn4j.pinn.pde;

import java.util.Arrays;

import org.gn4j.linalg.ArgumentChecks;

/**
 * A linear differential operator with constant coefficients built from the network's jet:
 * {@code 𝓛u = a·Σ_i κ_i ∂²u/∂x_i² + Σ_i b_i ∂u/∂x_i + c·u}. With the last coordinate as time, {@code ∂u/∂t} is
 * {@code b_{n−1}} and the spatial Laplacian has κ = 0 on time. Immutable.
 */
public final class DifferentialOperator {
    private final int n;
    private final double a;
    private final double[] kappa;
    private final double[] b;
    private final double c;

    private DifferentialOperator(int n, double a, double[] kappa, double[] b, double c) {
        this.n = n;
        this.a = a;
        this.kappa = kappa;
        this.b = b;
        this.c = c;
    }

    /**
     * The zero operator in n dimensions (add terms with the {@code plus…} methods).
     *
     * @param n input dimension, ≥ 1
     * @return the zero operator with Laplacian weights all ones
     * @throws IllegalArgumentException if n is not positive
     */
    public static DifferentialOperator zero(int n) {
        ArgumentChecks.requirePositive("n", n);
        double[] k = new double[n];
        Arrays.fill(k, 1.0);
        return new DifferentialOperator(n, 0, k, new double[n], 0);
    }

    /**
     * {@code −Δu} (Poisson: {@code −Δu = f}).
     *
     * @param n input dimension, ≥ 1
     * @return the operator {@code −Σ_i ∂²u/∂x_i²}
     * @throws IllegalArgumentException if n is not positive
     */
    public static DifferentialOperator negativeLaplacian(int n) {
        return zero(n).plusLaplacian(-1);
    }

    /**
     * The heat operator {@code ∂u/∂t − ν·Δ_x u} on {@code (x_1, …, x_d, t)}.
     *
     * @param spaceDimension number of space coordinates d, ≥ 1 (the operator has d + 1 inputs, time last)
     * @param nu diffusivity ν, ≥ 0
     * @return the heat operator, with κ = 0 on time
     * @throws IllegalArgumentException if d is not positive or ν negative
     */
    public static DifferentialOperator heat(int spaceDimension, double nu) {
        ArgumentChecks.requirePositive("spaceDimension", spaceDimension);
        ArgumentChecks.requireNonNegative("nu", nu);
        int n = spaceDimension + 1;
        double[] k = new double[n];
        Arrays.fill(k, 0, spaceDimension, 1.0);
        double[] bb = new double[n];
        bb[spaceDimension] = 1;
        return new DifferentialOperator(n, -nu, k, bb, 0);
    }

    /**
     * Adds {@code coefficient·Σκ_i∂²u/∂x_i²} with the current weights κ (all ones unless set).
     *
     * @param coefficient the coefficient added to a
     * @return a new operator; this one is unchanged
     */
    public DifferentialOperator plusLaplacian(double coefficient) {
        return new DifferentialOperator(n, a + coefficient, kappa, b, c);
    }

    /**
     * The same operator with Laplacian weights κ (e.g. zero on a time coordinate).
     *
     * @param k Laplacian weights κ, length n, finite; copied
     * @return a new operator; this one is unchanged
     * @throws IllegalArgumentException on a wrong length
     */
    public DifferentialOperator withLaplacianWeights(double... k) {
        ArgumentChecks.requireLength("kappa", k, n);
        ArgumentChecks.requireFinite("kappa", k);
        return new DifferentialOperator(n, a, k.clone(), b, c);
    }

    /**
     * Adds {@code coefficient·∂u/∂x_i}.
     *
     * @param i coordinate index, in [0, n)
     * @param coefficient the coefficient added to {@code b_i}
     * @return a new operator; this one is unchanged
     * @throws IllegalArgumentException if i is out of range
     */
    public DifferentialOperator plusDerivative(int i, double coefficient) {
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException("derivative index is " + i + ", expected 0.." + (n - 1));
        }
        double[] bb = b.clone();
        bb[i] += coefficient;
        return new DifferentialOperator(n, a, kappa, bb, c);
    }

    /**
     * Adds {@code coefficient·u}.
     *
     * @param coefficient the coefficient added to c
     * @return a new operator; this one is unchanged
     */
    public DifferentialOperator plusValue(double coefficient) {
        return new DifferentialOperator(n, a, kappa, b, c + coefficient);
    }

    /**
     * Input dimension.
     *
     * @return the number of coordinates n
     */
    public int dimension() {
        return n;
    }

    /**
     * Laplacian coefficient a.
     *
     * @return a
     */
    public double laplacianCoefficient() {
        return a;
    }

    /**
     * Laplacian weights κ (a copy).
     *
     * @return a new array of length n
     */
    public double[] laplacianWeights() {
        return kappa.clone();
    }

    /**
     * Gradient coefficients b (a copy).
     *
     * @return a new array of length n
     */
    public double[] gradientCoefficients() {
        return b.clone();
    }

    /**
     * Value coefficient c.
     *
     * @return c
     */
    public double valueCoefficient() {
        return c;
    }

    /**
     * Writes {@code scale·(c, b, a)}, the seed of this operator on a jet, into {@code out[off..off+n+2)}.
     *
     * @param scale factor on every seed entry (e.g. a residual weight √(w/N))
     * @param out output array, at least {@code off + n + 2} long
     * @param off offset of the first seed entry in {@code out}
     */
    public void seed(double scale, double[] out, int off) {
        out[off] = scale * c;
        for (int i = 0; i < n; i++) {
            out[off + 1 + i] = scale * b[i];
        }
        out[off + n + 1] = scale * a;
    }

    @Override
    public String toString() {
        return "DifferentialOperator[a=" + a + ", kappa=" + Arrays.toString(kappa) + ", b=" + Arrays.toString(b)
                + ", c=" + c + "]";
    }
}
