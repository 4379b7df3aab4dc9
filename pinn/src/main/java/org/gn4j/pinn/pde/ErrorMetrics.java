package org.gn4j.pinn.pde;

/**
 * Errors of a PINN solution against the exact solution on an evaluation point set.
 *
 * @param relativeL2 {@code ‖u_θ − u*‖₂ / ‖u*‖₂} over the points
 * @param maxAbs     {@code max |u_θ − u*|}
 * @param points     number of evaluation points
 */
public record ErrorMetrics(double relativeL2, double maxAbs, int points) {
    /**
     * Computes the metrics from predicted and exact values.
     *
     * @param predicted predicted values u_θ, one per point
     * @param exact exact values u*, same length
     * @return the metrics; the absolute L2 error when u* is zero everywhere, NaN entries if a prediction is NaN
     * @throws IllegalArgumentException if the lengths differ
     */
    public static ErrorMetrics of(double[] predicted, double[] exact) {
        if (predicted.length != exact.length) {
            throw new IllegalArgumentException("found " + predicted.length + " predictions, expected " + exact.length);
        }
        double num = 0;
        double den = 0;
        double max = 0;
        for (int i = 0; i < exact.length; i++) {
            double e = predicted[i] - exact[i];
            num += e * e;
            den += exact[i] * exact[i];
            max = Math.max(max, Math.abs(e));
        }
        if (Double.isNaN(num)) {
            return new ErrorMetrics(Double.NaN, Double.NaN, exact.length);
        }
        return new ErrorMetrics(den > 0 ? Math.sqrt(num / den) : Math.sqrt(num), max, exact.length);
    }
}
