package org.gn4j.pinn.train;

import java.util.Locale;

import org.gn4j.gn.ScalingRule;
import org.gn4j.gn.core.CgSolver;
import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.DampedSolvers;
import org.gn4j.gn.core.FixedDamping;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.core.GridSearch;
import org.gn4j.gn.core.NielsenDamping;
import org.gn4j.gn.core.StepControl;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.pinn.pde.CollocationProblem;

/**
 * Damped Gauss-Newton PINN training, a configuration of the gauss-newton module's {@link GaussNewtonLoop}: the step {@code (JᵀJ + λI)δ = −Jᵀr} solved densely
 * (Cholesky of {@code JᵀJ + λI}, the cached Gram matrix, {@link DampedSolvers#cholesky()}), in residual space
 * ({@link DampedSolvers#pushThrough()}, Woodbury / push-through {@code δ = −Jᵀ(JJᵀ + λI)⁻¹r}, for fewer residuals than parameters)
 * or matrix-free (CG on JVP/VJP products); the damping λ fixed (ENGD's μ) or adapted by Nielsen's rule from the gain
 * ratio; the step length 1 or chosen by ENGD's grid line search over {@code 2^-k, k = 0..K} (the grid point with the
 * least loss). A step is accepted when it lowers the loss (adaptive damping: gain ratio above 1e-4).
 */
public final class GaussNewtonTrainer implements PinnOptimizer {
    /** The inner linear solve. */
    public enum InnerSolve {
        /** Cholesky of the {@code P×P} matrix {@code JᵀJ + λI}. */
        CHOLESKY,
        /** Woodbury / push-through in the {@code m×m} residual space. */
        WOODBURY,
        /** Matrix-free conjugate gradient on {@code JᵀJ + λI} with JVP/VJP products. */
        CG
    }

    private final InnerSolve inner;
    private final boolean adaptive;
    private final double damping;
    private final int lineSearchSteps;

    /** Cholesky, adaptive damping from λ₀ = 1e-3, no line search. */
    public GaussNewtonTrainer() {
        this(InnerSolve.CHOLESKY, true, 1e-3, 0);
    }

    private GaussNewtonTrainer(InnerSolve inner, boolean adaptive, double damping, int lineSearchSteps) {
        this.inner = inner;
        this.adaptive = adaptive;
        this.damping = damping;
        this.lineSearchSteps = lineSearchSteps;
    }

    /**
     * ENGD as published: fixed damping μ and the grid line search over {@code 2^-k, k = 0..K}.
     *
     * @param mu the fixed damping μ, positive
     * @param gridSteps the largest halving K of the grid line search, ≥ 0
     * @return the trainer (Cholesky inner solve)
     * @throws IllegalArgumentException if mu is not positive or gridSteps negative
     */
    public static GaussNewtonTrainer engd(double mu, int gridSteps) {
        return new GaussNewtonTrainer().withFixedDamping(mu).withGridLineSearch(gridSteps);
    }

    /**
     * The same trainer with another inner linear solve.
     *
     * @param s the inner solve, not null
     * @return a new trainer; this one is unchanged
     * @throws IllegalArgumentException if s is null
     */
    public GaussNewtonTrainer withInnerSolve(InnerSolve s) {
        if (s == null) {
            throw new IllegalArgumentException("inner solve must not be null");
        }
        return new GaussNewtonTrainer(s, adaptive, damping, lineSearchSteps);
    }

    /**
     * A fixed damping μ > 0.
     *
     * @param mu the damping, positive
     * @return a new trainer; this one is unchanged
     * @throws IllegalArgumentException if mu is not positive
     */
    public GaussNewtonTrainer withFixedDamping(double mu) {
        ArgumentChecks.requirePositive("damping", mu);
        return new GaussNewtonTrainer(inner, false, mu, lineSearchSteps);
    }

    /**
     * Nielsen-adaptive damping from λ₀ > 0.
     *
     * @param lambda0 the initial damping λ₀, positive
     * @return a new trainer; this one is unchanged
     * @throws IllegalArgumentException if lambda0 is not positive
     */
    public GaussNewtonTrainer withAdaptiveDamping(double lambda0) {
        ArgumentChecks.requirePositive("damping", lambda0);
        return new GaussNewtonTrainer(inner, true, lambda0, lineSearchSteps);
    }

    /**
     * The grid line search over {@code 2^-k, k = 0..K} (K = 0: unit steps).
     *
     * @param maxHalvings the largest halving K, ≥ 0
     * @return a new trainer; this one is unchanged
     * @throws IllegalArgumentException if maxHalvings is negative
     */
    public GaussNewtonTrainer withGridLineSearch(int maxHalvings) {
        ArgumentChecks.requireNonNegative("maxHalvings", maxHalvings);
        return new GaussNewtonTrainer(inner, adaptive, damping, maxHalvings);
    }

    @Override
    public String name() {
        return "GN (" + inner.name().toLowerCase(Locale.ROOT) + ", "
                + (adaptive ? "adaptive damping" : String.format(Locale.ROOT, "mu=%.0e", damping))
                + (lineSearchSteps > 0 ? ", grid line search 2^-0.." + lineSearchSteps : "") + ")";
    }

    @Override
    public TrainingResult train(CollocationProblem problem, double[] start, TrainingOptions options,
            TrainingListener listener) {
        return PinnLoopRunner.run(name(), loop(), inner == InnerSolve.CG, problem, start, options, listener);
    }

    /**
     * Whether the Jacobian is used matrix-free (the CG inner solve).
     *
     * @return true for {@link InnerSolve#CG}
     */
    public boolean matrixFree() {
        return inner == InnerSolve.CG;
    }

    /**
     * The core loop this trainer runs (its budget and callback are set per run from the training options).
     *
     * @return a new loop configured with this trainer's solver, damping and step length
     */
    public GaussNewtonLoop loop() {
        DampedSolver solver;
        switch (inner) {
            case CHOLESKY:
                solver = DampedSolvers.cholesky();
                break;
            case WOODBURY:
                solver = DampedSolvers.pushThrough().withMaxFactorSize(Integer.MAX_VALUE, 50);
                break;
            default:
                solver = CgSolver.toTolerance(1e-10, 50, 2);
        }
        StepControl control = adaptive ? new NielsenDamping(damping) : new FixedDamping(damping);
        return new GaussNewtonLoop().withSolver(solver).withControl(control)
                .withStepLength(new GridSearch(lineSearchSteps)).withScaling(ScalingRule.IDENTITY)
                .withTolerances(PinnLoopRunner.tolerances(0)).withMaxFailures(60);
    }
}
