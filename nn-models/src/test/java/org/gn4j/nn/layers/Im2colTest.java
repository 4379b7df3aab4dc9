package org.gn4j.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The column form of a convolution and its adjoint against the definitions. */
class Im2colTest {

    private static double[] random(int n, Random r) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian();
        }
        return a;
    }

    /** c, h, w, kh, kw, stride, pad: odd sizes, stride 2, padding 1 and 2, 1×1 and 5×5 kernels, non-square inputs. */
    @ParameterizedTest
    @CsvSource({
        "1, 5, 5, 3, 3, 1, 0",
        "2, 7, 5, 3, 3, 1, 1",
        "3, 9, 7, 3, 3, 2, 1",
        "2, 8, 11, 5, 5, 1, 2",
        "1, 11, 9, 5, 5, 2, 2",
        "3, 6, 4, 1, 1, 1, 0",
        "2, 5, 7, 1, 1, 2, 0",
        "2, 7, 9, 3, 5, 2, 1",
        "1, 3, 3, 5, 5, 1, 1",
        "2, 4, 6, 2, 2, 2, 0",
        "1, 2, 2, 3, 3, 1, 3",
        "2, 2, 2, 7, 7, 1, 3",
        "3, 1, 6, 3, 3, 1, 1",
        "2, 5, 4, 5, 3, 1, 1"
    })
    void columnsMatchDefinitionAndConvolution(int c, int h, int w, int kh, int kw, int stride, int pad) {
        Random r = new Random(31L * h + w);
        int ho = Im2col.outputSize("height", h, kh, stride, pad);
        int wo = Im2col.outputSize("width", w, kw, stride, pad);
        int p = c * kh * kw;
        int q = ho * wo;
        int xOff = 3;
        int colsOff = 5;
        double[] x = random(xOff + c * h * w, r);
        double[] cols = new double[colsOff + p * q];
        java.util.Arrays.fill(cols, Double.NaN); // every entry must be written
        Im2col.im2col(x, xOff, c, h, w, kh, kw, stride, pad, ho, wo, cols, colsOff);
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    for (int oh = 0; oh < ho; oh++) {
                        for (int ow = 0; ow < wo; ow++) {
                            double expected = NaiveConvolution.pixel(x, xOff, h, w, ch, oh * stride - pad + i,
                                    ow * stride - pad + j);
                            assertEquals(expected, cols[colsOff + ((ch * kh + i) * kw + j) * q + oh * wo + ow], 0.0);
                        }
                    }
                }
            }
        }
        // W·cols + b is the direct convolution
        int k = 3;
        double[] theta = random(k * p + k, r);
        double[] y = new double[k * q];
        for (int o = 0; o < k; o++) {
            for (int t = 0; t < q; t++) {
                double s = theta[k * p + o];
                for (int a = 0; a < p; a++) {
                    s += theta[o * p + a] * cols[colsOff + a * q + t];
                }
                y[o * q + t] = s;
            }
        }
        Tolerances.assertRelativeClose(NaiveConvolution.conv(theta, x, xOff, c, h, w, k, kh, kw, stride, pad), y,
                1e-13, "W·cols vs direct convolution");

        // col2im is the adjoint: <cols(x), D> = <x, col2im(D)>, and matches a scatter written from the definition
        double[] dcols = random(colsOff + p * q, r);
        double[] xb = new double[xOff + c * h * w];
        java.util.Arrays.fill(xb, Double.NaN); // overwritten, not accumulated
        Im2col.col2im(dcols, colsOff, c, h, w, kh, kw, stride, pad, ho, wo, xb, xOff);
        double[] scatter = new double[c * h * w];
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    for (int oh = 0; oh < ho; oh++) {
                        for (int ow = 0; ow < wo; ow++) {
                            int ih = oh * stride - pad + i;
                            int iw = ow * stride - pad + j;
                            if (ih >= 0 && ih < h && iw >= 0 && iw < w) {
                                scatter[(ch * h + ih) * w + iw] += dcols[colsOff + ((ch * kh + i) * kw + j) * q
                                        + oh * wo + ow];
                            }
                        }
                    }
                }
            }
        }
        Tolerances.assertRelativeClose(scatter, java.util.Arrays.copyOfRange(xb, xOff, xb.length), 1e-14,
                "col2im vs scatter");
        double lhs = 0;
        for (int a = 0; a < p * q; a++) {
            lhs += cols[colsOff + a] * dcols[colsOff + a];
        }
        double rhs = 0;
        for (int a = 0; a < c * h * w; a++) {
            rhs += x[xOff + a] * xb[xOff + a];
        }
        assertEquals(lhs, rhs, 1e-12 * (Math.abs(lhs) + Math.abs(rhs)));
    }

    @Test
    void geometryErrorsNameTheNumbers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Im2col.outputSize("height", 28, 5, 2, 0));
        assertTrue(e.getMessage().contains("height 28") && e.getMessage().contains("23")
                && e.getMessage().contains("stride 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Im2col.outputSize("width", 3, 5, 1, 0));
        assertTrue(e.getMessage().contains("width 3") && e.getMessage().contains("kernel 5")
                && e.getMessage().contains("< 1"), e.getMessage());
        assertEquals(14, Im2col.outputSize("height", 28, 2, 2, 0));
        assertEquals(28, Im2col.outputSize("height", 28, 5, 1, 2));
    }
}
