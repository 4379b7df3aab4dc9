package org.gn4j.gn.sparse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.DampedSolvers;
import org.gn4j.gn.core.DenseLinearization;
import org.gn4j.gn.core.Linearization;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.sparse.CsrMatrix;

/** Sparse test Jacobians and the check of sparse damped steps against the dense QR step (the sparse solver tests). */
final class SparseSteps {
    private SparseSteps() {
    }

    /** A random sparse m×n Jacobian with every column touched, Gaussian entries. */
    static CsrMatrix randomJacobian(int m, int n, double density, long seed) {
        Random rnd = new Random(seed);
        int[][] rows = new int[m][];
        for (int i = 0; i < m; i++) {
            List<Integer> c = new ArrayList<>();
            c.add(i % n);
            for (int j = 0; j < n; j++) {
                if (j != i % n && rnd.nextDouble() < density) {
                    c.add(j);
                }
            }
            rows[i] = c.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        CsrMatrix p = CsrMatrix.pattern(m, n, rows);
        for (int k = 0; k < p.nonZeros(); k++) {
            p.values()[k] = rnd.nextGaussian();
        }
        return p;
    }

    /**
     * The pentadiagonal square of the second-difference matrix {@code T = tridiag(−1, 2, −1)}: rows
     * {@code (1, −4, 6, −4, 1)}, with 5 on the first and last diagonal entries; κ ≈ (4n²/π²)².
     */
    static CsrMatrix squaredLaplacian(int n) {
        int[][] rows = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> c = new ArrayList<>();
            for (int k = Math.max(0, i - 2); k <= Math.min(n - 1, i + 2); k++) {
                c.add(k);
            }
            rows[i] = c.stream().mapToInt(Integer::intValue).toArray();
        }
        CsrMatrix j = CsrMatrix.pattern(n, n, rows);
        for (int i = 0; i < n; i++) {
            for (int p = j.rowStart()[i]; p < j.rowStart()[i + 1]; p++) {
                int offset = Math.abs(j.colIndex()[p] - i);
                j.values()[p] = offset == 0 ? (i == 0 || i == n - 1 ? 5 : 6) : offset == 1 ? -4 : 1;
            }
        }
        return j;
    }

    /**
     * The badly conditioned problem {@code J = T²} (n×n, κ(J) ≈ 2.7e8 at n = 200) with a step x* of small integers
     * and {@code r = −Jx*}, as a sparse and a dense linearization.
     */
    record SquaredLaplacian(CsrMatrix j, double[] xStar, double[] r, Linearization sparse, Linearization dense) {
        static SquaredLaplacian of(int n, long seed) {
            CsrMatrix j = squaredLaplacian(n);
            double[] xStar = smallIntegers(n, seed);
            double[] r = residualWithStep(j, xStar);
            return new SquaredLaplacian(j, xStar, r, new SparseLinearization(j, r, 0.5), SparseSteps.dense(j, r));
        }
    }

    static double[] gaussian(int len, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[len];
        for (int i = 0; i < len; i++) {
            v[i] = rnd.nextGaussian();
        }
        return v;
    }

    /** n integers drawn from [−10, 10]. */
    static double[] smallIntegers(int n, long seed) {
        double[] x = new double[n];
        Random rnd = new Random(seed);
        for (int k = 0; k < n; k++) {
            x[k] = rnd.nextInt(21) - 10;
        }
        return x;
    }

    /** {@code r = −Jx}: exact for a J and an x of small integers, so that x is the Gauss-Newton step at r. */
    static double[] residualWithStep(CsrMatrix j, double[] x) {
        double[] r = new double[j.rows()];
        j.apply(x, r);
        for (int i = 0; i < r.length; i++) {
            r[i] = -r[i];
        }
        return r;
    }

    /** The dense linearization of J and r. */
    static Linearization dense(CsrMatrix j, double[] r) {
        return new DenseLinearization(new DMatrixRMaj(j.rows(), j.cols(), true, j.toDenseRowMajor()), r, null, 0.5);
    }

    /** {@code ‖a − ref‖₂ / ‖ref‖₂}. */
    static double relativeError(double[] a, double[] ref) {
        double num = 0;
        double den = 0;
        for (int j = 0; j < a.length; j++) {
            num += (a[j] - ref[j]) * (a[j] - ref[j]);
            den += ref[j] * ref[j];
        }
        return Math.sqrt(num / den);
    }

    /**
     * Steps for λ in {0, 1e-3, 1, 30} and D in {I, random}: each candidate (prepared here) against the dense QR step,
     * to a relative tolerance.
     */
    static void assertStepsMatchDenseQr(CsrMatrix j, double[] r, double tolerance, DampedSolver... candidates) {
        int n = j.cols();
        double[] dScale = new double[n];
        Random rnd = new Random(3);
        for (int k = 0; k < n; k++) {
            dScale[k] = 0.5 + rnd.nextDouble();
        }
        Linearization sparse = new SparseLinearization(j, r, 0.5);
        Linearization dense = dense(j, r);
        DampedSolver reference = DampedSolvers.qr();
        assertTrue(reference.prepare(dense).hasSolution());
        for (DampedSolver s : candidates) {
            assertTrue(s.prepare(sparse).hasSolution(), s.name());
        }
        for (double lambda : new double[] {0, 1e-3, 1, 30}) {
            for (double[] d : new double[][] {null, dScale}) {
                double[] ref = new double[n];
                assertTrue(reference.solve(lambda, d, r, dense.gradient(), ref).hasSolution());
                for (DampedSolver s : candidates) {
                    double[] x = new double[n];
                    SolveResult res = s.solve(lambda, d, r, sparse.gradient(), x);
                    assertTrue(res.hasSolution(), s.name() + " " + res);
                    double err = relativeError(x, ref);
                    assertTrue(err < tolerance, s.name() + " λ = " + lambda + (d == null ? "" : " with D") + ": "
                            + err);
                }
            }
        }
    }
}
