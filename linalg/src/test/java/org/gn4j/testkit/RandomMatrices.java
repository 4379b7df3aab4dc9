package org.gn4j.testkit;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.linalg.DenseMatrices;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Seeded generators of test matrices and vectors: Gaussian, symmetric positive definite with a prescribed condition
 * number, rectangular with prescribed singular values, diagonally dominant with bad scaling, Hilbert. The same seed
 * gives the same matrix on every machine ({@link Random} is specified bit for bit).
 */
public final class RandomMatrices {
    private RandomMatrices() {
    }

    /** {@code rows×cols} with independent N(0, 1) entries. */
    public static DMatrixRMaj gaussian(int rows, int cols, long seed) {
        return DenseMatrices.gaussian(rows, cols, seed);
    }

    /** A vector with independent N(0, 1) entries. */
    public static double[] gaussianVector(int n, long seed) {
        return DenseMatrices.gaussianVector(n, seed);
    }

    /** A vector with entries uniform in [lo, hi). */
    public static double[] uniformVector(int n, double lo, double hi, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return v;
    }

    /** An {@code n×n} orthogonal matrix: the Q factor of a Gaussian matrix (Haar-distributed up to signs). */
    public static DMatrixRMaj orthogonal(int n, long seed) {
        return DenseMatrices.orthogonal(n, seed);
    }

    /**
     * Symmetric positive definite {@code Q diag(λ) Qᵀ} with eigenvalues spaced geometrically from 1 to {@code cond},
     * so its 2-norm condition number is {@code cond}; the result is exactly symmetric.
     */
    public static DMatrixRMaj spd(int n, double cond, long seed) {
        return DenseMatrices.spd(n, cond, seed);
    }

    /** Symmetric {@code Q diag(λ) Qᵀ} with the given eigenvalues (any signs), exactly symmetrized. */
    public static DMatrixRMaj withEigenvalues(double[] lambda, long seed) {
        return DenseMatrices.withEigenvalues(lambda, seed);
    }

    /** {@code rows×cols} matrix {@code U diag(σ) Vᵀ} with the given singular values (length min(rows, cols)). */
    public static DMatrixRMaj withSingularValues(int rows, int cols, double[] sigma, long seed) {
        int k = Math.min(rows, cols);
        if (sigma.length != k) {
            throw new IllegalArgumentException("sigma has length " + sigma.length + ", expected " + k);
        }
        DMatrixRMaj u = orthogonal(rows, seed);
        DMatrixRMaj v = orthogonal(cols, seed + 7919);
        DMatrixRMaj us = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < k; j++) {
                us.data[i * cols + j] = u.data[i * rows + j] * sigma[j];
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        CommonOps_DDRM.multTransB(us, v, a);
        return a;
    }

    /**
     * Rectangular {@code rows×cols} (rows ≥ cols) with singular values spaced geometrically from 1 to 1/cond, so its
     * condition number is {@code cond}.
     */
    public static DMatrixRMaj illConditioned(int rows, int cols, double cond, long seed) {
        int k = Math.min(rows, cols);
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            s[i] = k == 1 ? 1.0 : Math.pow(cond, -(double) i / (k - 1));
        }
        return withSingularValues(rows, cols, s, seed);
    }

    /**
     * Symmetric, strictly diagonally dominant and badly scaled: off-diagonal entries uniform in [−1, 1] on a sparse
     * random pattern, diagonal entries {@code scale_i·(1 + Σ_j |a_ij|)} with {@code scale_i} spread geometrically over
     * {@code [1, spread]}. Such a matrix is SPD and Jacobi preconditioning removes most of the bad scaling.
     */
    public static DMatrixRMaj badlyScaledDiagonallyDominant(int n, double spread, long seed) {
        Random r = new Random(seed);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (r.nextDouble() < 0.1) {
                    double v = 2 * r.nextDouble() - 1;
                    a.data[i * n + j] = v;
                    a.data[j * n + i] = v;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += Math.abs(a.data[i * n + j]);
            }
            double scale = Math.pow(spread, r.nextDouble());
            a.data[i * n + i] = scale * (1 + s);
        }
        return a;
    }

    /** The {@code n×n} Hilbert matrix {@code H_ij = 1/(i + j + 1)}. */
    public static DMatrixRMaj hilbert(int n) {
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h.data[i * n + j] = 1.0 / (i + j + 1);
            }
        }
        return h;
    }

    /**
     * The exact inverse of the {@code n×n} Hilbert matrix, from the closed form
     * {@code (H⁻¹)_ij = (−1)^{i+j} (i+j+1) C(n+i, n−j−1) C(n+j, n−i−1) C(i+j, i)²}; every entry is an integer, exact in
     * double for n ≤ 12.
     */
    public static DMatrixRMaj hilbertInverse(int n) {
        if (n > 12) {
            throw new IllegalArgumentException("n is " + n + ", expected <= 12 (entries must be exact in double)");
        }
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long c = (long) (i + j + 1) * binomial(n + i, n - j - 1) * binomial(n + j, n - i - 1);
                long c2 = binomial(i + j, i);
                double v = (double) c * c2 * c2;
                h.data[i * n + j] = ((i + j) % 2 == 0) ? v : -v;
            }
        }
        return h;
    }

    private static long binomial(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    /** Replaces {@code a} by {@code (a + aᵀ)/2} in place. */
    public static void symmetrize(DMatrixRMaj a) {
        DenseMatrices.symmetrize(a);
    }
}
