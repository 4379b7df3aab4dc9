package org.gn4j.gn.core;

/**
 * How far the loop goes along a direction s from x: {@link #none()}, {@link BacktrackingArmijo}, {@link GridSearch}
 * (ENGD) or {@link StrongWolfe} (L-BFGS). A search asks the {@link Trial} for the cost at step lengths α, marks the
 * one it takes with {@link Trial#keep()}, and reports it; a trial cost that is not finite counts as no decrease.
 */
public interface StepLength {
    /** What the loop offers a search: the cost at x, the slope {@code gᵀs} and costs along s. */
    interface Trial {
        /**
         * The cost at α = 0.
         *
         * @return the cost F(x) at the current point
         */
        double cost0();

        /**
         * The directional derivative {@code gᵀs} at α = 0.
         *
         * @return {@code gᵀs}, negative for a descent direction
         */
        double slope0();

        /**
         * The cost at {@code x + αs}; NaN or infinite when the residuals or loss are not finite.
         *
         * @param alpha the step length α &gt; 0
         * @return the cost F(x + αs), NaN or infinite when not finite
         */
        double cost(double alpha);

        /**
         * The directional derivative at the point last passed to {@link #cost}; NaN where unavailable.
         *
         * @return the directional derivative {@code ∇F(x + αs)ᵀs} at the last α evaluated, or NaN
         */
        default double slope() {
            return Double.NaN;
        }

        /** Keeps the point last passed to {@link #cost} as the one to move to. */
        void keep();

        /**
         * Whether the caller's clock has run out (a long search then stops early).
         *
         * @return {@code true} if the time budget is spent
         */
        default boolean outOfTime() {
            return false;
        }
    }

    /**
     * The chosen step length.
     *
     * @param found  whether a step length was found (false: the trial is refused)
     * @param alpha  the step length (of the last trial when none was found)
     * @param cost   the cost there (NaN when no trial was finite)
     * @param trials costs evaluated
     */
    record Result(boolean found, double alpha, double cost, int trials) {
    }

    /**
     * Searches along the trial's direction.
     *
     * @param trial the costs along the direction
     * @return the outcome of the search: the step length taken, if any
     */
    Result search(Trial trial);

    /**
     * Whether this rule needs a descent direction ({@code gᵀs < 0}); the unit step does not.
     *
     * @return {@code true} if the rule needs {@code gᵀs < 0}
     */
    default boolean needsDescent() {
        return true;
    }

    /**
     * The unit step α = 1, found whenever the cost there is finite.
     *
     * @return the unit-step rule
     */
    static StepLength none() {
        return UnitStep.INSTANCE;
    }

    /** The unit step. */
    final class UnitStep implements StepLength {
        static final UnitStep INSTANCE = new UnitStep();

        private UnitStep() {
        }

        @Override
        public Result search(Trial trial) {
            double c = trial.cost(1);
            trial.keep();
            return new Result(Double.isFinite(c), 1, c, 1);
        }

        @Override
        public boolean needsDescent() {
            return false;
        }

        @Override
        public String toString() {
            return "none";
        }
    }
}
