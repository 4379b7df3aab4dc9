package org.gn4j.gn.core;

/**
 * The gain ratio {@code ρ = actual / predicted reduction} of a trial step, the one place every step control and
 * report reads it from.
 *
 * <p>The predicted reduction is that of the Gauss-Newton model without the damping term,
 * {@code −(α gᵀs + ½α² sᵀGs)} for the step {@code αs}. Edge cases, in this order:
 * <ul>
 *   <li>either reduction is NaN (a non-finite trial): NaN, a failed step;</li>
 *   <li>predicted {@code > 0}: {@code actual / predicted};</li>
 *   <li>predicted {@code <= 0} (the model promises nothing, e.g. a step that round-off made flat) and actual
 *       {@code > 0}: 1, the step is as good as the model;</li>
 *   <li>predicted {@code <= 0} and actual {@code <= 0}: {@code −∞}, a step no rule should accept.</li>
 * </ul>
 */
public final class GainRatio {
    private GainRatio() {
    }

    /**
     * The gain ratio of a step with the given actual and predicted reductions (see the class rules).
     *
     * @param actual the actual reduction {@code F(x) − F(x + αs)}
     * @param predicted the model's predicted reduction, e.g. from {@link #predicted}
     * @return the gain ratio: finite, {@code −∞}, or NaN for a failed step
     */
    public static double of(double actual, double predicted) {
        if (Double.isNaN(actual) || Double.isNaN(predicted)) {
            return Double.NaN;
        }
        if (predicted > 0) {
            return actual / predicted;
        }
        return actual > 0 ? 1 : Double.NEGATIVE_INFINITY;
    }

    /**
     * The predicted reduction {@code −(α·slope + ½α²·curvature)} of the model along {@code αs}, with
     * {@code slope = gᵀs} and {@code curvature = sᵀGs}.
     *
     * @param alpha the step length α
     * @param slope {@code gᵀs}
     * @param curvature {@code sᵀGs ≥ 0}
     * @return the predicted reduction of the cost
     */
    public static double predicted(double alpha, double slope, double curvature) {
        return -(alpha * slope + 0.5 * alpha * alpha * curvature);
    }
}
