package org.gn4j.linalg.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The elementwise kernels against {@link Math}: ulp bounds, special values, offsets and tails, range errors. */
class ElementwiseTest {

    private static Elementwise[] implementations() {
        return new Elementwise[] {new Elementwise.Scalar(), new VectorElementwise(), BlasProvider.elementwise()};
    }

    @Test
    void tanhIsWithinFourUlpsOfMathTanh() {
        Random r = new Random(3);
        int n = 200_003; // not a multiple of any vector length: the scalar tail runs too
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // moderate arguments, tiny ones (where 1 − e^{−2x} would cancel), and saturation
            switch (i % 3) {
                case 0:
                    x[i] = 3 * r.nextGaussian();
                    break;
                case 1:
                    x[i] = r.nextGaussian() * Math.pow(10, -r.nextInt(15));
                    break;
                default:
                    x[i] = 40 * r.nextGaussian();
            }
        }
        for (Elementwise e : implementations()) {
            double[] y = new double[n + 3];
            double[] dy = new double[n + 5];
            e.tanh(n, x, 0, y, 3, dy, 5);
            double worst = 0;
            for (int i = 0; i < n; i++) {
                double exact = Math.tanh(x[i]);
                double ulps = Math.abs(y[3 + i] - exact) / Math.ulp(exact);
                worst = Math.max(worst, ulps);
                double t = y[3 + i];
                assertEquals(Math.fma(-t, t, 1.0), dy[5 + i], 0.0, e.name() + ": derivative at " + x[i]);
            }
            assertTrue(worst <= 4, e.name() + ": " + worst + " ulps from Math.tanh");
        }
    }

    @Test
    void tanhSpecialValuesAndNoDerivative() {
        double[] x = {0.0, -0.0, 1e-300, Double.MIN_VALUE, -1e-300, 20, -20, 400, -400, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, 0.5, -0.5, 1e-8, 7};
        for (Elementwise e : implementations()) {
            double[] y = new double[x.length];
            e.tanh(x.length, x, 0, y, 0, null, 0);
            for (int i = 0; i < x.length; i++) {
                double exact = Math.tanh(x[i]);
                if (Double.isNaN(exact) || exact == 0 || Math.abs(exact) == 1 || Math.abs(x[i]) < 1e-200) {
                    // NaN, signed zeros, saturation and subnormal-range arguments: bit for bit
                    assertEquals(Double.doubleToRawLongBits(exact), Double.doubleToRawLongBits(y[i]),
                            e.name() + " at " + x[i] + ": " + y[i]);
                } else {
                    assertEquals(exact, y[i], 4 * Math.ulp(exact), e.name() + " at " + x[i]);
                }
            }
        }
    }

    @Test
    void tanhRejectsBadRanges() {
        for (Elementwise e : implementations()) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                    () -> e.tanh(5, new double[4], 0, new double[5], 0, null, 0));
            assertTrue(ex.getMessage().startsWith("x") && ex.getMessage().contains("expected"), ex.getMessage());
            ex = assertThrows(IllegalArgumentException.class,
                    () -> e.tanh(5, new double[5], 0, new double[5], 0, new double[5], 1));
            assertTrue(ex.getMessage().startsWith("dy"), ex.getMessage());
            ex = assertThrows(IllegalArgumentException.class,
                    () -> e.tanh(-1, new double[5], 0, new double[5], 0, null, 0));
            assertTrue(ex.getMessage().contains("-1"), ex.getMessage());
        }
    }

    /** The vector lanes, the tail and the scalar fallback give the same bits for every argument. */
    @Test
    void vectorAndScalarTanhAgreeBitForBit() {
        Random r = new Random(5);
        int n = 100_007;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? 4 * r.nextGaussian() : r.nextGaussian() * Math.pow(10, -r.nextInt(300));
        }
        x[0] = Tanh.SMALL;
        x[1] = Math.nextDown(Tanh.SMALL);
        x[2] = -Tanh.CLAMP;
        x[3] = Double.NaN;
        double[] yv = new double[n];
        double[] ys = new double[n];
        double[] dv = new double[n];
        double[] ds = new double[n];
        new VectorElementwise().tanh(n, x, 0, yv, 0, dv, 0);
        new Elementwise.Scalar().tanh(n, x, 0, ys, 0, ds, 0);
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(ys[i]), Double.doubleToRawLongBits(yv[i]), "tanh at " + x[i]);
            if (!(Double.isNaN(ds[i]) && Double.isNaN(dv[i]))) { // NaN payloads of the derivative may differ
                assertEquals(Double.doubleToRawLongBits(ds[i]), Double.doubleToRawLongBits(dv[i]),
                        "derivative at " + x[i]);
            }
            assertEquals(Double.doubleToRawLongBits(Tanh.tanh(x[i])), Double.doubleToRawLongBits(ys[i]));
        }
    }
}
