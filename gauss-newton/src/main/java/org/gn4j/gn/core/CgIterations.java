package org.gn4j.gn.core;

import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;

/**
 * How many conjugate-gradient iterations {@link org.gn4j.gn.stochastic.Sgn} spends on each mini-batch system {@code (G + ρI)δ = −∇L}:
 * a fixed count k, or an adaptive count that the optimizer adjusts after every step, so that a user never picks k.
 *
 * <p><b>Adaptive rule.</b> CG stops at the iteration cap k or when the relative residual
 * {@code ‖r‖/‖∇L‖} falls below the forcing tolerance η (default 1e-3). After
 * the step, with gain ratio r (actual over predicted mini-batch decrease; NaN for a failed step):
 * <ol>
 *   <li>a failed or poor step ({@code r < 1/4}, including a refused one): {@code k ← max(kMin, ⌊2k/3⌋)}; truncated CG
 *       iterates grow monotonically in norm from 0, so fewer iterations give a shorter, more gradient-like step
 *       while the model is not trusted (the damping rule raises ρ at the same time);</li>
 *   <li>CG reached η after {@code i < k} iterations: {@code k ← max(kMin, i + 1)}; the solve needs no more, and
 *       the spare iteration lets the next batch's residual settle;</li>
 *   <li>a very successful step ({@code r > 3/4}) whose CG hit the cap with the residual still above η:
 *       {@code k ← min(kMax, k + ⌈k/2⌉)}; the model is trustworthy and solving it further pays;</li>
 *   <li>otherwise k stays.</li>
 * </ol>
 * Defaults: start at 3, bounds [2, 50]. The rule reads only the last step, so the state is the single number k.
 *
 * <p>Why η = 1e-3 and not the textbook inexact-Newton 0.1: the GGN of a network is so ill-conditioned that one CG
 * iteration already removes 90 % of the residual (its large-eigenvalue part), so with η = 0.1 rule 2 kept k at 2
 * and SGN degenerated into steepest descent with a Cauchy step: on the SGN paper's sine wave (3×20 sigmoid MLP,
 * b = 101, 30 epochs) the train loss stayed at 0.48, against 3e-4 with a fixed k = 10 and 1.5e-4 with η = 1e-3
 * (k settling near 18). η = 1e-6 reached the same loss in fewer epochs but with k growing past 40.
 * Immutable.
 */
public final class CgIterations {
    private final boolean adaptive;
    private final int initial;
    private final int min;
    private final int max;
    private final double tolerance;

    private CgIterations(boolean adaptive, int initial, int min, int max, double tolerance) {
        this.adaptive = adaptive;
        this.initial = initial;
        this.min = min;
        this.max = max;
        this.tolerance = tolerance;
    }

    /**
     * Exactly k iterations per step (fewer only when CG converges to a relative residual of 1e-10).
     *
     * @param k the iterations per step, ≥ 1
     * @return the fixed rule
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public static CgIterations fixed(int k) {
        return fixed(k, 1e-10);
    }

    /**
     * At most k iterations per step, stopping earlier at the relative residual {@code tolerance}.
     *
     * @param k the iteration cap per step, ≥ 1
     * @param tolerance the relative residual at which CG stops early, in [0, 1)
     * @return the fixed rule
     * @throws IllegalArgumentException if {@code k < 1} or the tolerance is negative or not below 1
     */
    public static CgIterations fixed(int k, double tolerance) {
        if (k < 1) {
            throw new IllegalArgumentException("CG iterations is " + k + ", expected >= 1");
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance is " + tolerance + ", expected a value in [0, 1)");
        }
        return new CgIterations(false, k, k, k, tolerance);
    }

    /**
     * The adaptive rule with its defaults: start 3, bounds [2, 50], forcing tolerance 1e-3.
     *
     * @return the adaptive rule with default settings
     */
    public static CgIterations adaptive() {
        return adaptive(3, 2, 50, 1e-3);
    }

    /**
     * The adaptive rule (see the class documentation) with a start, bounds and forcing tolerance.
     *
     * @param initial k at the first step
     * @param min the lower bound of k, ≥ 1
     * @param max the upper bound of k
     * @param tolerance the forcing tolerance in (0, 1)
     * @return the adaptive rule
     * @throws IllegalArgumentException unless {@code 1 ≤ min ≤ initial ≤ max} and {@code 0 < tolerance < 1}
     */
    public static CgIterations adaptive(int initial, int min, int max, double tolerance) {
        if (min < 1 || initial < min || max < initial) {
            throw new IllegalArgumentException("CG iteration bounds are min " + min + ", initial " + initial + ", max "
                    + max + ", expected 1 <= min <= initial <= max");
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance is " + tolerance + ", expected a value in (0, 1)");
        }
        return new CgIterations(true, initial, min, max, tolerance);
    }

    /**
     * Whether k adapts.
     *
     * @return {@code true} for the adaptive rule, {@code false} for a fixed k
     */
    public boolean isAdaptive() {
        return adaptive;
    }

    /**
     * k at the first step.
     *
     * @return the cap of the first step, ≥ 1
     */
    public int initial() {
        return initial;
    }

    /**
     * Lower bound of k.
     *
     * @return the smallest cap the rule returns, ≥ 1
     */
    public int min() {
        return min;
    }

    /**
     * Upper bound of k.
     *
     * @return the largest cap the rule returns
     */
    public int max() {
        return max;
    }

    /**
     * The relative residual at which CG stops before the cap.
     *
     * @return the relative residual tolerance, in [0, 1)
     */
    public double tolerance() {
        return tolerance;
    }

    /**
     * The cap for the next step.
     *
     * @param k         the cap the last step used
     * @param cg        the last step's CG result (null if no solve ran)
     * @param gainRatio the last step's gain ratio (NaN for a failed step)
     * @return the cap for the next step, within [{@link #min()}, {@link #max()}] (k unchanged for a fixed rule)
     */
    public int next(int k, SolveResult cg, double gainRatio) {
        if (!adaptive) {
            return k;
        }
        if (Double.isNaN(gainRatio) || gainRatio < 0.25) {
            return Math.max(min, 2 * k / 3);
        }
        if (cg == null) {
            return k;
        }
        if (cg.status() == SolveStatus.CONVERGED && cg.iterations() < k) {
            return Math.max(min, Math.min(k, cg.iterations() + 1));
        }
        if (gainRatio > 0.75 && cg.relativeResidual() > tolerance) {
            return Math.min(max, k + (k + 1) / 2);
        }
        return k;
    }

    @Override
    public String toString() {
        return adaptive ? "adaptive(start=" + initial + ", " + min + ".." + max + ", tol=" + tolerance + ")"
                : String.valueOf(initial);
    }
}
