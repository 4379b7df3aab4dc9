package org.gn4j.gn.stochastic;

import org.gn4j.gn.core.CgIterations;
import org.gn4j.gn.core.CgSolver;
import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.core.Objective;

/**
 * SGN, the stochastic generalized Gauss-Newton method of Gargiani et al. (2020), Hessian-free: on each mini-batch,
 * a few conjugate-gradient iterations on {@code (G + ρI)δ = −∇L} with {@code G = (1/b)JᵀQJ} applied through
 * {@link MiniBatchObjective#ggnTimes} (one forward-mode and one reverse-mode pass per CG iteration), then the step
 * of the core loop ({@link CgSolver} with a {@link CgIterations} rule): optional momentum, a {@link LineSearch}, a {@link Damping} rule fed by the
 * gain ratio.
 *
 * <p>Defaults: {@link Damping#gainRatio(double) gain-ratio damping} from ρ = 1e-4 (the paper's setting),
 * {@link CgIterations#adaptive() adaptive CG iterations} (see there for the rule), cold CG starts, backtracking
 * {@link LineSearch#armijo() Armijo}, no momentum, no preconditioner, and NON_FINITE after 10 failed steps in a row.
 *
 * <p><b>Options.</b>
 * <ul>
 *   <li>Curvature fraction: the GGN products of CG run on the first {@code ⌈f·b⌉} samples of the batch
 *       ({@link #withCurvatureFraction}); default 1, the whole batch.</li>
 *   <li>Warm start: CG starts from the previous step's direction δ instead of 0 (one extra GGN product for the
 *       initial residual).</li>
 *   <li>Diagonal preconditioner: {@code M = diag(Ĝ) + ρI} with {@code Ĝ} a Hutchinson estimate of {@code diag(G)}:
 *       each step draws a Rademacher vector z (seeded by the step attempt number, so a resumed run draws the same
 *       ones), computes {@code z∘(Gz)} with one extra GGN product, and keeps the exponential moving average
 *       {@code Ĝ ← 0.95·Ĝ + 0.05·z∘Gz} (the first step takes {@code z∘Gz} as it is); negative entries count as 0.
 *       {@code E[z∘Gz] = diag(G)}, and the average over steps smooths both the probe noise and the mini-batch
 *       noise.</li>
 *   <li>The gain ratio needs {@code sᵀGs}: for a step along the CG solution itself it is read from the solver's
 *       final residual product (no extra cost); with momentum one extra GGN product is spent. The trial loss is
 *       evaluated with {@link MiniBatchObjective#lossAt} (one forward pass per line-search try). With a fixed
 *       damping, a fixed k and no line search neither is computed.</li>
 * </ul>
 * The step report carries the CG iterations, the final CG relative residual, ρ, α, the gain ratio and the time.
 * Configuration is immutable ({@code with…} methods return a new optimizer with fresh state); a stateful instance
 * trains one parameter vector at a time.
 */
public final class Sgn extends DampedGaussNewton {
    private final CgIterations iterations;
    private final boolean warmStart;
    private final boolean preconditioned;
    private final long seed;
    private final double curvatureFraction;

    /** SGN with the defaults listed in the class documentation. */
    public Sgn() {
        this(Damping.gainRatio(1e-4), LineSearch.armijo(), 0, 10, CgIterations.adaptive(), false, false, 0L, 1);
    }

    private Sgn(Damping damping, LineSearch lineSearch, double momentum, int maxFailures, CgIterations iterations,
            boolean warmStart, boolean preconditioned, long seed, double curvatureFraction) {
        super(damping, lineSearch, momentum, maxFailures);
        if (!(curvatureFraction > 0 && curvatureFraction <= 1)) {
            throw new IllegalArgumentException("curvature fraction is " + curvatureFraction
                    + ", expected a value in (0, 1]");
        }
        if (iterations == null) {
            throw new IllegalArgumentException("iterations must not be null");
        }
        this.iterations = iterations;
        this.warmStart = warmStart;
        this.preconditioned = preconditioned;
        this.seed = seed;
        this.curvatureFraction = curvatureFraction;
    }

    /**
     * The same method with another damping rule.
     *
     * @param d the damping rule for ρ; not {@code null}
     * @return a new optimizer with fresh state
     * @throws IllegalArgumentException if {@code d} is {@code null}
     */
    public Sgn withDamping(Damping d) {
        return new Sgn(d, lineSearch, momentum, maxFailures, iterations, warmStart, preconditioned, seed,
                curvatureFraction);
    }

    /**
     * The same method with gain-ratio damping starting at ρ₀.
     *
     * @param rho0 the initial damping ρ₀, finite and ≥ 0
     * @return a new optimizer with fresh state
     */
    public Sgn withInitialDamping(double rho0) {
        return withDamping(Damping.gainRatio(rho0));
    }

    /**
     * The same method with a fixed CG iteration count k ≥ 1.
     *
     * @param cgIterations the number of CG iterations per step, ≥ 1
     * @return a new optimizer with fresh state
     * @throws IllegalArgumentException if {@code cgIterations < 1}
     */
    public Sgn withCgIterations(int cgIterations) {
        return withCgIterations(CgIterations.fixed(cgIterations));
    }

    /**
     * The same method with a CG iteration rule (fixed or adaptive).
     *
     * @param rule the CG iteration rule, e.g. {@link CgIterations#adaptive()}; not {@code null}
     * @return a new optimizer with fresh state
     * @throws IllegalArgumentException if {@code rule} is {@code null}
     */
    public Sgn withCgIterations(CgIterations rule) {
        return new Sgn(damping, lineSearch, momentum, maxFailures, rule, warmStart, preconditioned, seed,
                curvatureFraction);
    }

    /**
     * The same method with another step-length rule.
     *
     * @param ls the step-length rule; not {@code null}
     * @return a new optimizer with fresh state
     * @throws IllegalArgumentException if {@code ls} is {@code null}
     */
    public Sgn withLineSearch(LineSearch ls) {
        return new Sgn(damping, ls, momentum, maxFailures, iterations, warmStart, preconditioned, seed,
                curvatureFraction);
    }

    /**
     * The same method with heavy-ball momentum β ∈ [0, 1) on the step.
     *
     * @param beta the momentum coefficient β ∈ [0, 1) (0: none)
     * @return a new optimizer with fresh state
     * @throws IllegalArgumentException if β is outside [0, 1)
     */
    public Sgn withMomentum(double beta) {
        return new Sgn(damping, lineSearch, beta, maxFailures, iterations, warmStart, preconditioned, seed,
                curvatureFraction);
    }

    /**
     * The same method with CG warm-started from the previous direction (or not).
     *
     * @param warm {@code true} to start CG from the previous direction, {@code false} to start from 0
     * @return a new optimizer with fresh state
     */
    public Sgn withWarmStart(boolean warm) {
        return new Sgn(damping, lineSearch, momentum, maxFailures, iterations, warm, preconditioned, seed,
                curvatureFraction);
    }

    /**
     * The same method with (or without) the Hutchinson diagonal preconditioner, probes seeded by {@code seed}.
     *
     * @param on {@code true} to use the diagonal preconditioner
     * @param probeSeed the seed of the Rademacher probe vectors
     * @return a new optimizer with fresh state
     */
    public Sgn withDiagonalPreconditioner(boolean on, long probeSeed) {
        return new Sgn(damping, lineSearch, momentum, maxFailures, iterations, warmStart, on, probeSeed,
                curvatureFraction);
    }

    /**
     * The same method, reporting NON_FINITE after {@code n ≥ 1} failed steps in a row.
     *
     * @param n the number of consecutive failed steps tolerated, ≥ 1
     * @return a new optimizer with fresh state
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Sgn withMaxConsecutiveFailures(int n) {
        return new Sgn(damping, lineSearch, momentum, n, iterations, warmStart, preconditioned, seed,
                curvatureFraction);
    }

    /**
     * The same method with the GGN products of CG taken over a part of each mini-batch (the "curvature mini-batch" of
     * Hessian-free training, Martens 2010; Byrd et al. 2011): the gradient, the trial losses and the gain ratio's
     * actual reduction use the whole batch, {@code G} in the CG system and in the predicted reduction is the GGN of
     * its first {@code ⌈fraction·b⌉} samples (see {@link MiniBatchObjective#curvatureSubset}). Each CG iteration
     * then costs about {@code fraction} of a full-batch product, for a noisier curvature.
     *
     * @param fraction the share of each mini-batch the GGN products run on, in (0, 1] (1: the whole batch)
     * @return a new optimizer with fresh state
     * @throws IllegalArgumentException if {@code fraction} is not in (0, 1]
     */
    public Sgn withCurvatureFraction(double fraction) {
        return new Sgn(damping, lineSearch, momentum, maxFailures, iterations, warmStart, preconditioned, seed,
                fraction);
    }

    /**
     * The share of each mini-batch the GGN products run on.
     *
     * @return the curvature fraction in (0, 1]; 1 when the products use the whole batch
     */
    public double curvatureFraction() {
        return curvatureFraction;
    }

    /**
     * The CG iteration cap the next step will use.
     *
     * @return the maximum number of CG iterations of the next step, ≥ 1
     */
    public int cgIterations() {
        GaussNewtonLoop.State st = state();
        return st == null || st.solver() == null ? iterations.initial() : ((CgSolver) st.solver()).iterationCap(1);
    }

    /**
     * The CG iteration rule.
     *
     * @return the rule that sets the CG iterations per step
     */
    public CgIterations cgIterationRule() {
        return iterations;
    }

    @Override
    public String name() {
        return "sgn";
    }

    @Override
    DampedSolver solver() {
        return CgSolver.withRule(iterations).withWarmStart(warmStart).withDiagonalPreconditioner(preconditioned, seed);
    }

    @Override
    public Objective objective(MiniBatchObjective batch) {
        return new BatchObjective(batch.curvatureSubset(curvatureFraction));
    }

    @Override
    public String toString() {
        return "Sgn[damping=" + damping + ", cg=" + iterations + ", lineSearch=" + lineSearch + ", momentum="
                + momentum + ", warmStart=" + warmStart + ", preconditioner=" + (preconditioned ? "hutchinson" : "none")
                + ", curvatureFraction=" + curvatureFraction + "]";
    }
}
