package org.gn4j.gn;

/** How Levenberg-Marquardt adapts its damping λ from the gain ratio ρ = actual / predicted reduction. */
public enum DampingRule {
    /**
     * Nielsen (1999), the behaviour of MINPACK-style and Ceres LM: after an accepted step
     * {@code λ ← λ·max(1/3, 1 − (2ρ − 1)³)}, {@code ν ← 2}; after a rejected one {@code λ ← λ·ν}, {@code ν ← 2ν}.
     */
    NIELSEN,
    /** Marquardt (1963): divide λ by a constant factor after an accepted step, multiply after a rejected one. */
    MARQUARDT,
    /**
     * Moré (1978), MINPACK's {@code lmder}: a trust radius Δ (from {@code 2·max(‖Dβ₀‖, 1)}, where MINPACK starts at
     * 100 times; MINPACK's update from the gain ratio) picks λ so that the scaled step has length Δ ({@link org.gn4j.gn.core.GaussNewtonLoop.Descent#TRUST_REGION});
     * with geodesic acceleration an evaluation count close to MINPACK's. The default.
     */
    TRUST_REGION
}
