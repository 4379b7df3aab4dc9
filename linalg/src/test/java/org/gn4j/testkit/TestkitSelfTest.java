package org.gn4j.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The shared test kit checks itself: generators produce what they promise, tolerance helpers fail when they should. */
class TestkitSelfTest {
    private static final double EPS = Math.ulp(1.0);

    private static double[] sortedEigenvalues(DMatrixRMaj a) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(a.numRows, false, true);
        assertTrue(eig.decompose(a.copy()));
        double[] ev = new double[a.numRows];
        for (int i = 0; i < ev.length; i++) {
            ev[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(ev);
        return ev;
    }

    @Test
    void spdHasTheRequestedConditionNumber() {
        for (double cond : new double[] {1, 10, 1e4, 1e6}) {
            for (int n : new int[] {1, 2, 8, 30}) {
                DMatrixRMaj a = RandomMatrices.spd(n, cond, Seeds.of(n));
                assertTrue(Arrays.equals(a.data, CommonOps_DDRM.transpose(a, null).data), "exactly symmetric");
                double[] ev = sortedEigenvalues(a);
                assertTrue(ev[0] > 0, "positive definite");
                double expected = n == 1 ? 1 : cond;
                Tolerances.assertRelativeClose(expected, ev[n - 1] / ev[0], 1e-8, "cond n=" + n);
                Tolerances.assertRelativeClose(1.0, ev[0], 1e-8, "smallest eigenvalue n=" + n);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> RandomMatrices.spd(3, 0.5, 1));
    }

    @Test
    void hilbertInverseTimesHilbertIsTheIdentity() {
        int n = 8;
        DMatrixRMaj h = RandomMatrices.hilbert(n);
        DMatrixRMaj hi = RandomMatrices.hilbertInverse(n);
        DMatrixRMaj p = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(hi, h, p);
        // H's entries carry rounding |δH| ≤ ε|H| and |H⁻¹| = D H⁻¹ D (checkerboard signs), so the error of H⁻¹·fl(H)
        // is bounded by about n·ε·‖H⁻¹‖·‖H‖ = n·ε·κ(H₈) with κ(H₈) ≈ 1.5258e10 (≈ 2.7e-5)
        double kappa = 1.5258e10;
        double tol = n * EPS * kappa;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                worst = Math.max(worst, Math.abs(p.get(i, j) - (i == j ? 1 : 0)));
            }
        }
        assertTrue(worst <= tol, "max |H⁻¹H − I| = " + worst + " exceeds " + tol);
        // and the inverse is really of H₈, not a near miss: entries are the exact integers, e.g. (H⁻¹)₀₀ = n² = 64
        assertEquals(64.0, hi.get(0, 0), 0.0);
        assertEquals(-2016.0, hi.get(0, 1), 0.0);
        DMatrixRMaj p4 = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.mult(RandomMatrices.hilbertInverse(4), RandomMatrices.hilbert(4), p4);
        assertTrue(CommonOps_DDRM.elementMaxAbs(CommonOps_DDRM.subtract(p4, CommonOps_DDRM.identity(4), null))
                < 1e-10, "H4");
        assertThrows(IllegalArgumentException.class, () -> RandomMatrices.hilbertInverse(13));
    }

    @Test
    void withSingularValuesGivesThoseSingularValues() {
        int[][] shapes = {{6, 4}, {4, 6}, {5, 5}, {9, 1}};
        for (int[] s : shapes) {
            int k = Math.min(s[0], s[1]);
            double[] sigma = new double[k];
            for (int i = 0; i < k; i++) {
                sigma[i] = Math.pow(10, -i); // descending: 1, 0.1, ...
            }
            DMatrixRMaj a = RandomMatrices.withSingularValues(s[0], s[1], sigma, Seeds.of(7));
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(s[0], s[1], false, false,
                    true);
            assertTrue(svd.decompose(a.copy()));
            double[] got = Arrays.copyOf(svd.getSingularValues(), k);
            Arrays.sort(got);
            double[] want = sigma.clone();
            Arrays.sort(want);
            // singular values are perturbed by at most ~ε·σ_max in absolute terms
            Tolerances.assertAbsoluteClose(want, got, 1e-14, "singular values " + Arrays.toString(s));
        }
        assertThrows(IllegalArgumentException.class, () -> RandomMatrices.withSingularValues(3, 2, new double[3], 1));
    }

    @Test
    void sameSeedSameMatrixAndDifferentSeedDifferentMatrix() {
        assertArrayEquals(RandomMatrices.gaussian(5, 4, 99).data, RandomMatrices.gaussian(5, 4, 99).data, 0.0);
        assertArrayEquals(RandomMatrices.spd(6, 100, 99).data, RandomMatrices.spd(6, 100, 99).data, 0.0);
        assertArrayEquals(RandomMatrices.illConditioned(7, 3, 1e3, 5).data,
                RandomMatrices.illConditioned(7, 3, 1e3, 5).data, 0.0);
        assertArrayEquals(RandomMatrices.gaussianVector(9, 3), RandomMatrices.gaussianVector(9, 3), 0.0);
        assertArrayEquals(RandomMatrices.badlyScaledDiagonallyDominant(10, 1e4, 3).data,
                RandomMatrices.badlyScaledDiagonallyDominant(10, 1e4, 3).data, 0.0);
        assertTrue(!Arrays.equals(RandomMatrices.gaussian(5, 4, 99).data, RandomMatrices.gaussian(5, 4, 100).data));
        assertTrue(Seeds.of(1) != Seeds.of(2));
        // and the generator is pinned bit for bit (java.util.Random is specified), so failures reproduce anywhere
        double[] v = RandomMatrices.uniformVector(3, 0, 1, 42);
        assertEquals(new java.util.Random(42).nextDouble(), v[0], 0.0);
    }

    @Test
    void orthogonalIsOrthogonal() {
        DMatrixRMaj q = RandomMatrices.orthogonal(12, 3);
        DMatrixRMaj qtq = new DMatrixRMaj(12, 12);
        CommonOps_DDRM.multTransA(q, q, qtq);
        assertTrue(CommonOps_DDRM.elementMaxAbs(CommonOps_DDRM.subtract(qtq, CommonOps_DDRM.identity(12), null))
                < 1e-14);
    }

    @Test
    void relativeHelpersPassWhenCloseAndFailWhenNot() {
        double[] e = {1, 2, 3};
        assertDoesNotThrow(() -> Tolerances.assertRelativeClose(e, new double[] {1, 2, 3 + 1e-12}, 1e-12, "close"));
        assertThrows(AssertionFailedError.class,
                () -> Tolerances.assertRelativeClose(e, new double[] {1, 2, 3.01}, 1e-6, "far"));
        assertThrows(AssertionFailedError.class,
                () -> Tolerances.assertRelativeClose(e, new double[] {1, Double.NaN, 3}, 1e-6, "NaN"));
        assertThrows(AssertionFailedError.class,
                () -> Tolerances.assertRelativeClose(e, new double[] {1, 2}, 1e-6, "length"));
        assertDoesNotThrow(() -> Tolerances.assertRelativeClose(100.0, 100.0 + 1e-10, 1e-11, "scalar close"));
        assertThrows(AssertionFailedError.class, () -> Tolerances.assertRelativeClose(100.0, 100.1, 1e-6, "scalar"));
        assertThrows(AssertionFailedError.class,
                () -> Tolerances.assertRelativeClose(1.0, Double.NaN, 1e-6, "scalar NaN"));
        DMatrixRMaj a = CommonOps_DDRM.identity(3);
        DMatrixRMaj b = a.copy();
        assertDoesNotThrow(() -> Tolerances.assertRelativeClose(a, b, 0.0, "same"));
        b.set(2, 2, 1.1);
        assertThrows(AssertionFailedError.class, () -> Tolerances.assertRelativeClose(a, b, 1e-3, "matrix"));
        assertThrows(AssertionFailedError.class,
                () -> Tolerances.assertRelativeClose(a, new DMatrixRMaj(3, 2), 1e-3, "matrix shape"));
        // ‖(3, 4.5) − (3, 4)‖ / ‖(3, 4)‖ = 0.5 / 5
        assertEquals(0.1, Tolerances.relativeError(new double[] {3, 4.5}, new double[] {3, 4}), 1e-15);
    }

    @Test
    void absoluteUlpAndFiniteHelpersFailWhenTheyShould() {
        assertDoesNotThrow(() -> Tolerances.assertAbsoluteClose(new double[] {1}, new double[] {1 + 1e-9}, 1e-8, "ok"));
        assertThrows(AssertionFailedError.class,
                () -> Tolerances.assertAbsoluteClose(new double[] {1}, new double[] {1.1}, 1e-8, "far"));
        assertThrows(AssertionFailedError.class,
                () -> Tolerances.assertAbsoluteClose(new double[] {1}, new double[] {Double.NaN}, 1e-8, "NaN"));
        assertThrows(AssertionFailedError.class,
                () -> Tolerances.assertAbsoluteClose(new double[] {1, 2}, new double[] {1}, 1e-8, "length"));

        assertEquals(0, Tolerances.ulpDistance(1.0, 1.0));
        assertEquals(1, Tolerances.ulpDistance(1.0, Math.nextUp(1.0)));
        assertEquals(2, Tolerances.ulpDistance(-Double.MIN_VALUE, Double.MIN_VALUE));
        assertDoesNotThrow(() -> Tolerances.assertUlpClose(1.0, Math.nextUp(Math.nextUp(1.0)), 2, "2 ulps"));
        assertThrows(AssertionFailedError.class,
                () -> Tolerances.assertUlpClose(1.0, Math.nextUp(Math.nextUp(1.0)), 1, "2 > 1 ulps"));
        assertThrows(AssertionFailedError.class, () -> Tolerances.assertUlpClose(1.0, -1.0, 1000, "sign"));

        assertDoesNotThrow(() -> Tolerances.assertAllFinite(new double[] {0, -1e308}, "finite"));
        assertThrows(AssertionFailedError.class,
                () -> Tolerances.assertAllFinite(new double[] {0, Double.POSITIVE_INFINITY}, "inf"));
        assertThrows(AssertionFailedError.class, () -> Tolerances.assertAllFinite(new double[] {Double.NaN}, "nan"));
    }
}
