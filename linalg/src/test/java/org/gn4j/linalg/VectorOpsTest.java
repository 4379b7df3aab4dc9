package org.gn4j.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.gn4j.testkit.RandomMatrices;
import org.gn4j.testkit.Seeds;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Level-1 kernels against naive loops, with offsets, extreme magnitudes, NaN and range errors. */
class VectorOpsTest {
    private static final double TOL = 1e-14;
    /** lengths that exercise the 4-way unrolled dot (remainders 0..3) and the empty case */
    private static final int[] LENGTHS = {0, 1, 2, 3, 4, 5, 7, 8, 17, 63, 64, 257};

    private static double[] vec(int n, int seed) {
        return RandomMatrices.gaussianVector(n, Seeds.of(seed));
    }

    @Test
    void dotWithOffsetsMatchesNaiveLoop() {
        for (int n : LENGTHS) {
            double[] x = vec(n + 5, 1);
            double[] y = vec(n + 9, 2);
            double expected = 0;
            for (int i = 0; i < n; i++) {
                expected += x[3 + i] * y[7 + i];
            }
            double got = VectorOps.dot(n, x, 3, y, 7);
            assertEquals(expected, got, TOL * (1 + Math.abs(expected)) * n, "dot n=" + n);
        }
        double[] x = vec(31, 3);
        double[] y = vec(31, 4);
        assertEquals(VectorOps.dot(31, x, 0, y, 0), VectorOps.dot(x, y), 0.0, "whole-array dot");
    }

    @Test
    void axpyWithOffsetsMatchesNaiveLoopAndLeavesTheRestAlone() {
        for (int n : LENGTHS) {
            double[] x = vec(n + 4, 5);
            double[] y = vec(n + 6, 6);
            double[] expected = y.clone();
            for (int i = 0; i < n; i++) {
                expected[2 + i] += -1.75 * x[4 - 2 + i];
            }
            VectorOps.axpy(n, -1.75, x, 2, y, 2);
            assertArrayEquals(expected, y, 0.0, "axpy n=" + n);
        }
        double[] x = {1, 2, 3};
        double[] y = {10, 20, 30};
        VectorOps.axpy(2.0, x, y);
        assertArrayEquals(new double[] {12, 24, 36}, y, 0.0);
    }

    @Test
    void scalWithOffsetTouchesOnlyItsRange() {
        double[] x = vec(20, 7);
        double[] expected = x.clone();
        for (int i = 5; i < 5 + 11; i++) {
            expected[i] *= 0.5;
        }
        VectorOps.scal(11, 0.5, x, 5);
        assertArrayEquals(expected, x, 0.0);
        double[] w = {1, -2, 4};
        VectorOps.scal(-3, w);
        assertArrayEquals(new double[] {-3, 6, -12}, w, 0.0);
    }

    @Test
    void copyWithOffsetsAndOverlap() {
        double[] x = vec(12, 8);
        double[] y = new double[15];
        Arrays.fill(y, -7);
        VectorOps.copy(6, x, 4, y, 9);
        for (int i = 0; i < 15; i++) {
            double e = i >= 9 ? x[4 + i - 9] : -7;
            assertEquals(e, y[i], 0.0, "y[" + i + "]");
        }
        // overlapping ranges of one array behave like memmove
        double[] z = {0, 1, 2, 3, 4, 5, 6};
        VectorOps.copy(5, z, 0, z, 2);
        assertArrayEquals(new double[] {0, 1, 0, 1, 2, 3, 4}, z, 0.0);
        double[] w = new double[12];
        VectorOps.copy(x, w);
        assertArrayEquals(x, w, 0.0);
    }

    @Test
    void normsWithOffsetsMatchNaiveLoops() {
        for (int n : LENGTHS) {
            double[] x = vec(n + 3, 9);
            double s2 = 0;
            double s1 = 0;
            double inf = 0;
            for (int i = 0; i < n; i++) {
                double v = x[3 + i];
                s2 += v * v;
                s1 += Math.abs(v);
                inf = Math.max(inf, Math.abs(v));
            }
            Tolerances.assertRelativeClose(Math.sqrt(s2), VectorOps.norm2(n, x, 3), 1e-14, "norm2 n=" + n);
            Tolerances.assertRelativeClose(s1, VectorOps.norm1(n, x, 3), 1e-14, "norm1 n=" + n);
            assertEquals(inf, VectorOps.normInf(n, x, 3), 0.0, "normInf n=" + n);
        }
        assertEquals(5.0, VectorOps.norm2(new double[] {3, -4}), 0.0);
        assertEquals(4.0, VectorOps.normInf(new double[] {3, -4}), 0.0);
    }

    @Test
    void norm2DoesNotOverflow() {
        // ‖(1e200, ..., 1e200)‖ over n entries is exactly 1e200·√n; a plain sum of squares gives +Inf
        for (int n : new int[] {1, 3, 4, 9, 100}) {
            double[] x = new double[n + 2];
            Arrays.fill(x, 2, n + 2, 1e200);
            x[0] = Double.NaN; // outside the range: must not be read
            Tolerances.assertRelativeClose(1e200 * Math.sqrt(n), VectorOps.norm2(n, x, 2), 1e-15, "n=" + n);
        }
        // mixed magnitudes: (3e200, 4e200) has norm 5e200
        Tolerances.assertRelativeClose(5e200, VectorOps.norm2(new double[] {3e200, -4e200}), 1e-15, "3-4-5");
    }

    @Test
    void norm2DoesNotUnderflow() {
        // squares of 1e-200 underflow to 0; the answer is 1e-200·√n, far above the smallest double
        for (int n : new int[] {1, 3, 4, 9, 100}) {
            double[] x = new double[n];
            Arrays.fill(x, 1e-200);
            Tolerances.assertRelativeClose(1e-200 * Math.sqrt(n), VectorOps.norm2(n, x, 0), 1e-15, "n=" + n);
        }
        Tolerances.assertRelativeClose(5e-200, VectorOps.norm2(new double[] {-3e-200, 4e-200}), 1e-15, "3-4-5");
        // a partly underflowing sum: 1e-150² = 1e-300 is below the safe range
        Tolerances.assertRelativeClose(Math.hypot(1e-150, 1e-160), VectorOps.norm2(new double[] {1e-150, 1e-160}),
                1e-15, "1e-150, 1e-160");
        assertEquals(0.0, VectorOps.norm2(new double[] {0, 0, 0}), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, VectorOps.norm2(new double[] {1, Double.NEGATIVE_INFINITY}), 0.0);
    }

    @Test
    void normsPropagateNaN() {
        double[][] cases = {
            {Double.NaN}, {1, Double.NaN, 3}, {Double.NaN, 5, 6, 7, 8}, {1e200, Double.NaN},
            {1e-200, Double.NaN}, {Double.POSITIVE_INFINITY, Double.NaN}, {Double.NaN, Double.POSITIVE_INFINITY},
            {2, 3, 4, 5, Double.NaN}};
        for (double[] x : cases) {
            String what = Arrays.toString(x);
            assertTrue(Double.isNaN(VectorOps.norm2(x)), "norm2 " + what);
            assertTrue(Double.isNaN(VectorOps.normInf(x)), "normInf " + what);
            assertTrue(Double.isNaN(VectorOps.norm1(x.length, x, 0)), "norm1 " + what);
        }
    }

    @Test
    void rangeErrorsNameTheArgumentAndTheExpectation() {
        double[] x = new double[5];
        double[] y = new double[5];
        assertRangeError("x", () -> VectorOps.dot(6, x, 0, y, 0));
        assertRangeError("y", () -> VectorOps.dot(3, x, 0, y, 3));
        assertRangeError("x", () -> VectorOps.dot(1, x, -1, y, 0));
        assertRangeError("x", () -> VectorOps.dot(-1, x, 0, y, 0));
        assertRangeError("y", () -> VectorOps.axpy(5, 1.0, x, 0, y, 1));
        assertRangeError("x", () -> VectorOps.scal(2, 1.0, x, 4));
        assertRangeError("y", () -> VectorOps.copy(2, x, 0, y, 4));
        assertRangeError("x", () -> VectorOps.norm2(6, x, 0));
        assertRangeError("x", () -> VectorOps.normInf(1, x, 5));
        assertRangeError("x", () -> VectorOps.norm1(3, x, 3));
        assertRangeError("x", () -> VectorOps.dot(1, null, 0, y, 0));
        assertRangeError("y", () -> VectorOps.dot(x, new double[4]));
        assertRangeError("y", () -> VectorOps.axpy(1.0, x, new double[6]));
        assertRangeError("y", () -> VectorOps.copy(x, new double[4]));
        // a failed call leaves its output alone
        double[] z = {1, 2, 3};
        assertThrows(IllegalArgumentException.class, () -> VectorOps.axpy(4, 1.0, x, 0, z, 0));
        assertArrayEquals(new double[] {1, 2, 3}, z, 0.0);
    }

    private static void assertRangeError(String arg, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
        assertTrue(e.getMessage().startsWith(arg), "message should name " + arg + ": " + e.getMessage());
    }
}
