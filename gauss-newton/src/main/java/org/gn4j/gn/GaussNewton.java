package org.gn4j.gn;

import org.gn4j.gn.core.BacktrackingArmijo;
import org.gn4j.gn.core.FixedDamping;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.linalg.ArgumentChecks;

/**
 * Gauss-Newton with a backtracking Armijo line search: the step {@code δ = argmin ‖J̃δ + r̃‖} (minimum-norm when J̃ is
 * rank-deficient) is shortened to {@code tδ}, {@code t = 1, ½, ¼, …}, until
 * {@code F(β + tδ) <= F(β) + c·t·gᵀδ} (sufficient decrease, {@code c = 1e-4}). Fast on small-residual problems,
 * fragile on large-residual or badly conditioned ones, where Levenberg-Marquardt or dogleg are the safer choices. A
 * configuration of the {@link GaussNewtonLoop}: damping fixed at 0, {@link BacktrackingArmijo}.
 */
public final class GaussNewton implements LeastSquaresOptimizer {
    private final StoppingCriteria stop;
    private final IterationListener listener;
    private final StepSolver stepSolver;
    private final double armijo;
    private final int maxHalvings;

    /** Defaults: c = 1e-4, at most 40 halvings, QR steps, {@link StoppingCriteria#defaults()}. */
    public GaussNewton() {
        this(StoppingCriteria.defaults(), null, StepSolver.QR, 1e-4, 40);
    }

    private GaussNewton(StoppingCriteria stop, IterationListener listener, StepSolver stepSolver, double armijo,
            int maxHalvings) {
        this.stop = stop;
        this.listener = listener;
        this.stepSolver = stepSolver;
        this.armijo = armijo;
        this.maxHalvings = maxHalvings;
    }

    /**
     * The same solver with other stopping criteria (default {@link StoppingCriteria#defaults()}).
     *
     * @param s the criteria; not {@code null}
     * @return a new solver with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code s} is {@code null}
     */
    public GaussNewton withStopping(StoppingCriteria s) {
        if (s == null) {
            throw new IllegalArgumentException("stopping criteria must not be null");
        }
        return new GaussNewton(s, listener, stepSolver, armijo, maxHalvings);
    }

    /**
     * The same solver with a listener told of every iteration.
     *
     * @param l the listener, or {@code null} for none
     * @return a new solver with this setting, the others unchanged
     */
    public GaussNewton withListener(IterationListener l) {
        return new GaussNewton(stop, l, stepSolver, armijo, maxHalvings);
    }

    /**
     * The same solver with another linear solver for the Gauss-Newton step.
     *
     * @param s the step solver; not {@code null}
     * @return a new solver with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code s} is {@code null}
     */
    public GaussNewton withStepSolver(StepSolver s) {
        if (s == null) {
            throw new IllegalArgumentException("step solver must not be null");
        }
        return new GaussNewton(stop, listener, s, armijo, maxHalvings);
    }

    /**
     * Sufficient-decrease constant c in (0, 1).
     *
     * @param c the Armijo constant c ∈ (0, 1)
     * @return a new solver with this setting, the others unchanged
     * @throws IllegalArgumentException if c is outside (0, 1)
     */
    public GaussNewton withArmijoConstant(double c) {
        if (!(c > 0 && c < 1)) {
            throw new IllegalArgumentException("armijo constant is " + c + ", expected in (0, 1)");
        }
        return new GaussNewton(stop, listener, stepSolver, c, maxHalvings);
    }

    /**
     * Maximum number of step halvings per iteration.
     *
     * @param k the largest number of halvings, ≥ 1
     * @return a new solver with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public GaussNewton withMaxHalvings(int k) {
        ArgumentChecks.requirePositive("maxHalvings", k);
        return new GaussNewton(stop, listener, stepSolver, armijo, k);
    }

    @Override
    public String name() {
        return "GN";
    }

    /**
     * The core loop this configuration runs, with its tolerances, budget and listener: {@link #optimize} is
     * {@code loop().withSolver(stepSolver.solverFor(problem)).run(new LeastSquaresObjective(problem, stepSolver.matrixFree(problem)), start)}; use it to drive the steps yourself.
     *
     * @return a new loop configured as this solver, with the step solver's damped solver
     */
    public GaussNewtonLoop loop() {
        return new GaussNewtonLoop().withSolver(stepSolver.solver()).withControl(new FixedDamping(0))
                .withStepLength(new BacktrackingArmijo(armijo, 0.5, maxHalvings + 1))
                .withScaling(ScalingRule.RUNNING_MAX).withTolerances(stop).withBudget(stop.budget())
                .withCallback(IterationListener.callback(listener));
    }

    @Override
    public Optimum optimize(LeastSquaresProblem problem, double[] start) {
        org.gn4j.linalg.ArgumentChecks.requireNonNull("problem", problem);
        LeastSquaresObjective objective = new LeastSquaresObjective(problem, stepSolver.matrixFree(problem));
        GaussNewtonLoop.State st = loop().withSolver(stepSolver.solverFor(problem)).run(objective, start);
        return Optimum.of("Gauss-Newton (Armijo, " + stepSolver + ")", objective, st);
    }
}
