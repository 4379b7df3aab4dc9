package org.gn4j.bench;

/**
 * Floating-point operation counts and rates, so every report converts time to GFLOP/s the same way.
 */
public final class Flops {
    private Flops() {
    }

    /**
     * Operations of a general matrix product {@code C = A·B} with A {@code m×k} and B {@code k×n}: {@code 2mnk}.
     *
     * @param m rows of A and C
     * @param n columns of B and C
     * @param k columns of A, rows of B
     * @return {@code 2mnk}, as a double (exact up to 2⁵³)
     */
    public static double gemm(long m, long n, long k) {
        return 2.0 * m * n * k;
    }

    /**
     * GFLOP/s of a square {@code n×n} product that took {@code millis} milliseconds: {@code 2n³ / (millis·10⁶)}.
     *
     * @param n the matrix order
     * @param millis the time of one product, in milliseconds, &gt; 0
     * @return the rate in GFLOP/s
     * @throws IllegalArgumentException when {@code millis} is not positive
     */
    public static double gemmGflops(int n, double millis) {
        if (!(millis > 0)) {
            throw new IllegalArgumentException("millis is " + millis + ", expected > 0");
        }
        return gemm(n, n, n) / (millis * 1e6);
    }
}
