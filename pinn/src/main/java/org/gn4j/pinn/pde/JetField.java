package org.gn4j.pinn.pde;

/**
 * A scalar function given with its jet {@code [v, ∂v/∂x_1..n, Σκ_i∂²v/∂x_i²]} (the lift and distance functions of a
 * {@link HardConstraint}).
 */
@FunctionalInterface
public interface JetField {
    /**
     * Writes the jet at the point {@code x[xOff..xOff+n)} into {@code out[outOff..outOff+n+2)}.
     *
     * @param x point coordinates; the point is {@code x[xOff..xOff+n)}; read only
     * @param xOff offset of the point in {@code x}
     * @param kappa Laplacian weights (length n, never null)
     * @param out output array, at least {@code outOff + n + 2} long
     * @param outOff offset of the first jet entry in {@code out}
     */
    void jet(double[] x, int xOff, double[] kappa, double[] out, int outOff);

    /**
     * The zero function.
     *
     * @param n dimension of the points
     * @return a field writing n + 2 zeros
     */
    static JetField zero(int n) {
        return (x, xOff, kappa, out, outOff) -> java.util.Arrays.fill(out, outOff, outOff + n + 2, 0.0);
    }
}
