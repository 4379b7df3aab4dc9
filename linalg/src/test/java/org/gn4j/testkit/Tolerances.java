package org.gn4j.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import org.ejml.data.DMatrixRMaj;

/**
 * Tolerance helpers for numerical tests: absolute, relative (norm-wise and element-wise) and ULP comparisons, each
 * failing with a message that shows the worst entry, so a failing test says how far off it was, not just that it was.
 */
public final class Tolerances {
    private Tolerances() {
    }

    /** {@code ‖a − b‖₂ / max(‖b‖₂, tiny)}: norm-wise relative error of {@code a} against reference {@code b}. */
    public static double relativeError(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            num += d * d;
            den += b[i] * b[i];
        }
        if (den == 0) {
            return Math.sqrt(num);
        }
        return Math.sqrt(num / den);
    }

    /** Norm-wise relative error of two matrices (Frobenius). */
    public static double relativeError(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new IllegalArgumentException(
                    "shapes differ: " + a.numRows + "x" + a.numCols + " vs " + b.numRows + "x" + b.numCols);
        }
        double[] x = java.util.Arrays.copyOf(a.data, a.getNumElements());
        double[] y = java.util.Arrays.copyOf(b.data, b.getNumElements());
        return relativeError(x, y);
    }

    /** Asserts {@code ‖actual − expected‖₂ ≤ tol·‖expected‖₂}. */
    public static void assertRelativeClose(double[] expected, double[] actual, double tol, String what) {
        if (expected.length != actual.length) {
            fail(what + ": length " + actual.length + " found, expected " + expected.length);
        }
        double err = relativeError(actual, expected);
        if (!(err <= tol)) {
            fail(String.format("%s: relative error %.3e exceeds %.1e (worst entry %s)", what, err, tol,
                    worst(expected, actual)));
        }
    }

    /** Asserts the matrices agree norm-wise to {@code tol}. */
    public static void assertRelativeClose(DMatrixRMaj expected, DMatrixRMaj actual, double tol, String what) {
        if (expected.numRows != actual.numRows || expected.numCols != actual.numCols) {
            fail(what + ": shape " + actual.numRows + "x" + actual.numCols + " found, expected " + expected.numRows
                    + "x" + expected.numCols);
        }
        double err = relativeError(actual, expected);
        if (!(err <= tol)) {
            fail(String.format("%s: relative error %.3e exceeds %.1e", what, err, tol));
        }
    }

    /** Asserts {@code |actual_i − expected_i| ≤ tol} for every i. */
    public static void assertAbsoluteClose(double[] expected, double[] actual, double tol, String what) {
        if (expected.length != actual.length) {
            fail(what + ": length " + actual.length + " found, expected " + expected.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
                fail(String.format("%s: entry %d is %.17g, expected %.17g (|diff| %.3e > %.1e)", what, i, actual[i],
                        expected[i], Math.abs(actual[i] - expected[i]), tol));
            }
        }
    }

    /** Asserts {@code |actual − expected| ≤ tol·max(|expected|, 1e-300)}. */
    public static void assertRelativeClose(double expected, double actual, double tol, String what) {
        double err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
        if (!(err <= tol)) {
            fail(String.format("%s: %.17g found, expected %.17g (relative error %.3e > %.1e)", what, actual, expected,
                    err, tol));
        }
    }

    /** Distance in units in the last place between two finite doubles of the same sign. */
    public static long ulpDistance(double a, double b) {
        if (a == b) {
            return 0;
        }
        long la = Double.doubleToLongBits(a);
        long lb = Double.doubleToLongBits(b);
        if ((la < 0) != (lb < 0)) {
            return Math.abs(la & Long.MAX_VALUE) + Math.abs(lb & Long.MAX_VALUE);
        }
        return Math.abs(la - lb);
    }

    /** Asserts the two values are within {@code maxUlps} units in the last place. */
    public static void assertUlpClose(double expected, double actual, long maxUlps, String what) {
        long d = ulpDistance(expected, actual);
        if (d > maxUlps) {
            fail(String.format("%s: %.17g found, expected %.17g (%d ulps > %d)", what, actual, expected, d, maxUlps));
        }
    }

    /** Asserts every entry is finite. */
    public static void assertAllFinite(double[] x, String what) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                fail(what + ": entry " + i + " is " + x[i] + ", expected finite");
            }
        }
    }

    private static String worst(double[] expected, double[] actual) {
        int w = 0;
        double wd = -1;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs(expected[i] - actual[i]);
            if (d > wd || Double.isNaN(d)) {
                wd = d;
                w = i;
                if (Double.isNaN(d)) {
                    break;
                }
            }
        }
        return expected.length == 0 ? "none" : String.format("%d: %.17g vs expected %.17g", w, actual[w], expected[w]);
    }
}
