package org.gn4j.gn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RobustLossTest {

    /** ρ' and ρ'' against central differences of ρ (and of ρ'), scaled and unscaled, at several s. */
    @ParameterizedTest
    @EnumSource(RobustLoss.class)
    void derivativesMatchFiniteDifferences(RobustLoss loss) {
        double[] out = new double[3];
        double[] plus = new double[3];
        double[] minus = new double[3];
        for (double scale : new double[] {1.0, 0.3, 4.0}) {
            for (double s : new double[] {0.01, 0.5, 0.9, 1.7, 3, 10, 100}) {
                if (loss == RobustLoss.HUBER && Math.abs(s / (scale * scale) - 1) < 0.05) {
                    continue; // ρ'' jumps at the kink s = c²
                }
                double h = 1e-5 * Math.max(1, s);
                loss.evaluate(s, scale, out);
                loss.evaluate(s + h, scale, plus);
                loss.evaluate(s - h, scale, minus);
                double d1 = (plus[0] - minus[0]) / (2 * h);
                double d2 = (plus[1] - minus[1]) / (2 * h);
                assertEquals(d1, out[1], 1e-7 * Math.max(1, Math.abs(d1)), loss + " rho' at s=" + s + " c=" + scale);
                assertEquals(d2, out[2], 1e-6 * Math.max(1e-3, Math.abs(d2)),
                        loss + " rho'' at s=" + s + " c=" + scale);
            }
        }
    }

    /** Every loss is ρ(s) ≈ s near zero (ρ(0) = 0, ρ'(0) = 1), so small residuals are treated as least squares. */
    @ParameterizedTest
    @EnumSource(RobustLoss.class)
    void behavesLikeLeastSquaresNearZero(RobustLoss loss) {
        double[] out = new double[3];
        loss.evaluate(0, 2.0, out);
        assertEquals(0, out[0], 0);
        assertEquals(1, out[1], 1e-15);
        loss.evaluate(1e-8, 1.0, out);
        assertEquals(1e-8, out[0], 1e-15);
        if (loss != RobustLoss.LINEAR) {
            loss.evaluate(1e6, 1.0, out);
            assertTrue(out[0] < 1e6 && out[1] < 1, loss + " down-weights large residuals");
        }
    }
}
