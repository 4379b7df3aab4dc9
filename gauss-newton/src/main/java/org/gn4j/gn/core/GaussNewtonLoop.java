package org.gn4j.gn.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.gn4j.gn.IterationRecord;
import org.gn4j.gn.ScalingRule;
import org.gn4j.gn.StoppingCriteria;
import org.gn4j.gn.TerminationReason;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.VectorOps;
import org.gn4j.linalg.VectorView;
import org.gn4j.solvers.SolveResult;

/**
 * The one Gauss-Newton loop: every Gauss-Newton-type method of gn4j (Levenberg-Marquardt, dogleg, Gauss-Newton with
 * Armijo, ENGD, the PINN and FBPINN trainers, SGN and EGN) is a configuration of its parts:
 * <ul>
 *   <li>a {@link DampedSolver} for {@code min ‖Jx + r‖² + λ‖Dx‖²} (prepared once per linearization);</li>
 *   <li>a {@link StepControl} for λ or the trust radius Δ, fed by the {@link GainRatio};</li>
 *   <li>a {@link StepLength} rule (unit step, Armijo, grid, strong Wolfe);</li>
 *   <li>the descent: the damped step, or Powell's dogleg between the Gauss-Newton and Cauchy points;</li>
 *   <li>options: the scaling D ({@link ScalingRule}), geodesic acceleration, heavy-ball momentum;</li>
 *   <li>stopping: tolerances ({@link StoppingCriteria}), a {@link Budget}, an {@link IterationCallback}.</li>
 * </ul>
 * A deterministic solve ({@link #run}) calls {@link #init} and then {@link #step} until a step reports a
 * termination; a stochastic method calls {@link #stochasticStep} once per mini-batch. Immutable: {@code with…}
 * methods return new loops; all per-run state is in {@link State}.
 *
 * <p><b>A deterministic step.</b> Budget check; solve for λ (a failed solve raises λ through the control); optional
 * geodesic correction; the step-size test {@code ‖Dδ‖ <= xtol·(‖Dx‖ + xtol)}; the step length; the gain ratio; the
 * control accepts or refuses. An accepted step relinearizes and runs the convergence tests (zero cost; both actual
 * and predicted relative reduction below ftol; MINPACK's gradient cosine below gtol). A run of more than
 * {@code maxFailures} non-finite trials in a row ends with {@link TerminationReason#NON_FINITE}.
 */
public final class GaussNewtonLoop {
    /** How the step is formed from the damped solver. */
    public enum Descent {
        /** The damped step {@code (JᵀJ + λD²)δ = −g}. */
        DAMPED,
        /** Powell's dogleg in D-scaled variables between the Cauchy point and the Gauss-Newton step (λ = 0). */
        DOGLEG,
        /**
         * Moré's trust-region Levenberg-Marquardt (MINPACK {@code lmder}): the control's radius Δ picks the damping,
         * λ = 0 when the Gauss-Newton step fits ({@code ‖Dδ‖ <= 1.1Δ}), else λ with {@code |‖Dδ(λ)‖ − Δ| <= 0.1Δ} by
         * a safeguarded secant iteration on {@code 1/Δ − 1/‖Dδ(λ)‖}, warm-started from the last λ.
         */
        TRUST_REGION,
        /**
         * The two-dimensional subspace step (Byrd, Schnabel &amp; Shultz 1988; Ceres's {@code SUBSPACE_DOGLEG}): the
         * minimizer of the Gauss-Newton model on {@code span{D⁻²g, δ_GN}} inside the scaled trust region
         * {@code ‖Dδ‖ <= Δ}. It contains Powell's dogleg path, so its model decrease is at least the dogleg's; where
         * the Gauss-Newton step is not available it is the scaled Cauchy step.
         */
        SUBSPACE
    }

    private final DampedSolver solver;
    private final StepControl control;
    private final StepLength length;
    private final Descent descent;
    private final ScalingRule scaling;
    private final Geodesic geodesic;
    private final double momentum;
    private final StoppingCriteria tolerances;
    private final Budget budget;
    private final IterationCallback callback;
    private final int maxFailures;
    private final int solveRetries;
    private final ScalingRule retryScaling;

    /** Levenberg-Marquardt defaults: auto solver, Nielsen from 1e-3, unit steps, identity scaling. */
    public GaussNewtonLoop() {
        this(null, new NielsenDamping(1e-3), StepLength.none(), Descent.DAMPED, ScalingRule.IDENTITY, Geodesic.OFF, 0,
                StoppingCriteria.defaults(), StoppingCriteria.defaults().budget(), null, 60, 0, null);
    }

    private GaussNewtonLoop(DampedSolver solver, StepControl control, StepLength length, Descent descent,
            ScalingRule scaling, Geodesic geodesic, double momentum, StoppingCriteria tolerances, Budget budget,
            IterationCallback callback, int maxFailures, int solveRetries, ScalingRule retryScaling) {
        this.solver = solver;
        this.control = control;
        this.length = length;
        this.descent = descent;
        this.scaling = scaling;
        this.geodesic = geodesic;
        this.momentum = momentum;
        this.tolerances = tolerances;
        this.budget = budget;
        this.callback = callback;
        this.maxFailures = maxFailures;
        this.solveRetries = solveRetries;
        this.retryScaling = retryScaling;
    }

    /**
     * The damped solver (null: {@link DampedSolvers#auto} at the first linearization).
     *
     * @param s the damped solver, or {@code null} to choose one automatically
     * @return a new loop with this setting, the others unchanged
     */
    public GaussNewtonLoop withSolver(DampedSolver s) {
        return new GaussNewtonLoop(s, control, length, descent, scaling, geodesic, momentum, tolerances, budget, callback,
                maxFailures, solveRetries, retryScaling);
    }

    /**
     * The same loop with another step control, the rule for the damping λ or the trust radius Δ.
     *
     * @param c the step control; not {@code null}
     * @return a new loop with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code c} is {@code null}
     */
    public GaussNewtonLoop withControl(StepControl c) {
        if (c == null) {
            throw new IllegalArgumentException("step control must not be null");
        }
        return new GaussNewtonLoop(solver, c, length, descent, scaling, geodesic, momentum, tolerances, budget, callback,
                maxFailures, solveRetries, retryScaling);
    }

    /**
     * The same loop with another step-length rule (unit step, Armijo, grid, strong Wolfe).
     *
     * @param l the step-length rule; not {@code null}
     * @return a new loop with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code l} is {@code null}
     */
    public GaussNewtonLoop withStepLength(StepLength l) {
        if (l == null) {
            throw new IllegalArgumentException("step length must not be null");
        }
        return new GaussNewtonLoop(solver, control, l, descent, scaling, geodesic, momentum, tolerances, budget, callback,
                maxFailures, solveRetries, retryScaling);
    }

    /**
     * The same loop with another way of forming the step from the damped solver (default {@link Descent#DAMPED}).
     *
     * @param d the descent; not {@code null}
     * @return a new loop with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code d} is {@code null}
     */
    public GaussNewtonLoop withDescent(Descent d) {
        if (d == null) {
            throw new IllegalArgumentException("descent must not be null");
        }
        return new GaussNewtonLoop(solver, control, length, d, scaling, geodesic, momentum, tolerances, budget, callback,
                maxFailures, solveRetries, retryScaling);
    }

    /**
     * The same loop with another rule for the diagonal scaling D (default {@link ScalingRule#IDENTITY}).
     *
     * @param s the scaling rule; not {@code null}
     * @return a new loop with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code s} is {@code null}
     */
    public GaussNewtonLoop withScaling(ScalingRule s) {
        if (s == null) {
            throw new IllegalArgumentException("scaling must not be null");
        }
        return new GaussNewtonLoop(solver, control, length, descent, s, geodesic, momentum, tolerances, budget, callback,
                maxFailures, solveRetries, retryScaling);
    }

    /**
     * Geodesic acceleration (Transtrum &amp; Sethna 2012) of damped steps on plain least squares: the acceleration
     * {@code a} solves {@code (JᵀJ + λD²)a = −Jᵀr_vv}, {@code r_vv} the second directional derivative of the
     * residuals along the step v, and a step whose correction is large ({@code 2‖Da‖ > 0.75‖Dv‖}) is not trusted.
     * {@link Geodesic#AFTER_TRIAL} or {@link Geodesic#EVERY_STEP}; {@link Geodesic#OFF} (the default) for none.
     *
     * @param g when to apply the correction; not {@code null}
     * @return a new loop with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code g} is {@code null}
     */
    public GaussNewtonLoop withGeodesicAcceleration(Geodesic g) {
        ArgumentChecks.requireNonNull("geodesic", g);
        return new GaussNewtonLoop(solver, control, length, descent, scaling, g, momentum, tolerances, budget, callback,
                maxFailures, solveRetries, retryScaling);
    }

    /**
     * {@code withGeodesicAcceleration(on ? Geodesic.AFTER_TRIAL : Geodesic.OFF)}.
     *
     * @param on {@code true} for {@link Geodesic#AFTER_TRIAL}, {@code false} for {@link Geodesic#OFF}
     * @return a new loop with this setting, the others unchanged
     */
    public GaussNewtonLoop withGeodesicAcceleration(boolean on) {
        return withGeodesicAcceleration(on ? Geodesic.AFTER_TRIAL : Geodesic.OFF);
    }

    /** When and how geodesic acceleration corrects a unit step v. */
    public enum Geodesic {
        /** No acceleration. */
        OFF,
        /**
         * From the residuals already evaluated at the trial point, {@code r_vv ≈ 2(r(x+v) − r − Jv)}, so a step that
         * does well costs no extra evaluation: a step with gain ratio below 0.75 whose correction is large is
         * rejected as if it had failed, and a rejected step whose correction is usable is retried once as
         * {@code v + ½a} (one residual evaluation). MINPACK's evaluation economy on curve fits.
         */
        AFTER_TRIAL,
        /**
         * Transtrum's form: before every trial, {@code r_vv ≈ (2/h)((r(x + hv) − r)/h − Jv)} with {@code h = 0.1}
         * (one extra residual evaluation per step), every step corrected to {@code v + ½a} and a step whose
         * correction is large refused unevaluated. Pays where a residual costs little beside the Jacobian and
         * the valleys are strongly curved (PINN training).
         */
        EVERY_STEP
    }

    /**
     * Heavy-ball momentum β ∈ [0, 1) on stochastic steps: {@code s = δ + β·Δx_prev} while it is a descent.
     *
     * @param beta the momentum coefficient β ∈ [0, 1) (0: none)
     * @return a new loop with this setting, the others unchanged
     * @throws IllegalArgumentException if β is outside [0, 1)
     */
    public GaussNewtonLoop withMomentum(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("momentum is " + beta + ", expected a value in [0, 1)");
        }
        return new GaussNewtonLoop(solver, control, length, descent, scaling, geodesic, beta, tolerances, budget, callback,
                maxFailures, solveRetries, retryScaling);
    }

    /**
     * Tolerances of the convergence tests; the caps are the loop's {@link #withBudget budget} alone.
     *
     * @param s the tolerances; not {@code null}
     * @return a new loop with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code s} is {@code null}
     */
    public GaussNewtonLoop withTolerances(StoppingCriteria s) {
        if (s == null) {
            throw new IllegalArgumentException("stopping criteria must not be null");
        }
        return new GaussNewtonLoop(solver, control, length, descent, scaling, geodesic, momentum, s, budget, callback,
                maxFailures, solveRetries, retryScaling);
    }

    /**
     * The same loop with another budget: the caps on iterations, evaluations and wall-clock time of a deterministic
     * run.
     *
     * @param b the budget; not {@code null}
     * @return a new loop with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code b} is {@code null}
     */
    public GaussNewtonLoop withBudget(Budget b) {
        if (b == null) {
            throw new IllegalArgumentException("budget must not be null");
        }
        return new GaussNewtonLoop(solver, control, length, descent, scaling, geodesic, momentum, tolerances, b, callback,
                maxFailures, solveRetries, retryScaling);
    }

    /**
     * The callback after every trial step (null: none).
     *
     * @param cb the callback, or {@code null} for none
     * @return a new loop with this setting, the others unchanged
     */
    public GaussNewtonLoop withCallback(IterationCallback cb) {
        return new GaussNewtonLoop(solver, control, length, descent, scaling, geodesic, momentum, tolerances, budget, cb,
                maxFailures, solveRetries, retryScaling);
    }

    /**
     * Failures in a row (non-finite trials, or failed stochastic steps) that end the run: a deterministic run stops
     * after more than n, a stochastic step reports {@link StepOutcome#NON_FINITE} at the n-th.
     *
     * @param n the number of failures in a row, ≥ 1 (default 60)
     * @return a new loop with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public GaussNewtonLoop withMaxFailures(int n) {
        ArgumentChecks.requirePositive("maxFailures", n);
        return new GaussNewtonLoop(solver, control, length, descent, scaling, geodesic, momentum, tolerances, budget, callback, n,
                solveRetries, retryScaling);
    }

    /**
     * In a stochastic step, how often an unsolvable system is retried with the control's raised damping.
     *
     * @param n the number of retries, ≥ 0 (default 0)
     * @return a new loop with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public GaussNewtonLoop withSolveRetries(int n) {
        ArgumentChecks.requireNonNegative("solveRetries", n);
        return new GaussNewtonLoop(solver, control, length, descent, scaling, geodesic, momentum, tolerances, budget, callback,
                maxFailures, n, retryScaling);
    }

    /**
     * A second run when a deterministic run ends without a first-order certificate ({@link #run} only): when the
     * first run ends in a non-success status other than {@link TerminationReason#TIME_BUDGET} and
     * {@link TerminationReason#USER_ABORT} (an iteration or evaluation cap, {@link TerminationReason#STALLED},
     * {@link TerminationReason#NO_PROGRESS}, {@link TerminationReason#NON_FINITE}, a failed linear solve), the loop
     * runs once more from the first run's end point (its best point: every accepted step lowers the cost) with
     * scaling {@code s} and the control's initial damping or radius. The second run has the iteration cap of its
     * own; the evaluation cap and the wall clock count both runs, and so do the objective's evaluation counts and the
     * trace. The run's result is the second run's when that one holds a convergence test or ends at a lower cost,
     * else the first run's; {@link State#retried()} and {@link State#scaling()} say which. Not used when {@code s}
     * equals the loop's own scaling.
     *
     * @param s the scaling of the second run, or {@code null} for none (default {@code null})
     * @return a new loop with this setting, the others unchanged
     */
    public GaussNewtonLoop withRetryScaling(ScalingRule s) {
        return new GaussNewtonLoop(solver, control, length, descent, scaling, geodesic, momentum, tolerances, budget, callback,
                maxFailures, solveRetries, s);
    }

    /**
     * The scaling of the second run after a run that ends without a certificate.
     *
     * @return the retry's scaling, or {@code null} for no retry (see {@link #withRetryScaling})
     */
    public ScalingRule retryScaling() {
        return retryScaling;
    }

    /**
     * The damped solver.
     *
     * @return the configured damped solver, or {@code null} when it is chosen automatically at the first linearization
     */
    public DampedSolver solver() {
        return solver;
    }

    /**
     * The step control.
     *
     * @return the rule for the damping λ or the trust radius Δ
     */
    public StepControl control() {
        return control;
    }

    /**
     * The step-length rule.
     *
     * @return the step-length rule applied to each step
     */
    public StepLength stepLength() {
        return length;
    }

    /**
     * The budget of a deterministic run.
     *
     * @return the caps on iterations, evaluations and wall-clock time
     */
    public Budget budget() {
        return budget;
    }

    /**
     * The tolerances of the convergence tests.
     *
     * @return the stopping criteria (their caps are not used; see {@link #budget()})
     */
    public StoppingCriteria tolerances() {
        return tolerances;
    }

    /**
     * Heavy-ball momentum on stochastic steps.
     *
     * @return the momentum coefficient β ∈ [0, 1), 0 for none
     */
    public double momentum() {
        return momentum;
    }

    /** The per-run state of the loop: the iterate, the control's and the solver's state, counts and the trace. */
    public static final class State {
        final Objective objective;
        final int n;
        final double[] x;
        final double[] xTrial;
        final double[] xKept;
        final double[] delta;
        final double[] s;
        final double[] d;
        double[] velocity;
        boolean hasVelocity;
        double[] controlState;
        DampedSolver solver;
        Linearization lin;
        boolean prepared;
        /** The cost and the start's cost as the objective computes them: {@code Math.scalb(·, costExponent)} is true. */
        double cost;
        double initialCost;
        /** The binary exponent of the objective's cost scale ({@link Objective#costExponent}), 0 when unscaled. */
        int costExponent;
        double gradientNorm0;
        double zeroCost;
        /** Box constraints (null when unbounded) and the parameters the current linearization holds fixed. */
        double[] lower;
        double[] upper;
        boolean[] fixed;
        /** The step before its projection: trial points follow the projection arc {@code P(x + α·raw)}. */
        double[] raw;
        int iterations;
        long accepted;
        long attempts;
        int failures;
        /** {@link System#nanoTime()} before the start point's first evaluation: the run's clock counts it. */
        long startNanos;
        long deadline;
        /** Whether the run was retried once after ending without a certificate ({@link #withRetryScaling}). */
        boolean retried;
        /** The first run's reason when {@link #retried}, else {@code null}. */
        TerminationReason firstReason;
        /** The scaling rule of the run whose point this state holds. */
        ScalingRule scaling;
        final List<IterationRecord> trace = new ArrayList<>();
        final VectorView view;
        TerminationReason reason;
        String message;
        CallbackReturn callbackReturn = CallbackReturn.CONTINUE;
        // dogleg
        double[] gn;
        double[] sd;
        boolean gnValid;
        double gnNorm;
        /**
         * Work vectors of length n (column norms; the acceleration's right-hand side and solution) and m (the
         * second directional derivative of the residuals and Jv), allocated on first use and reused by every step.
         */
        private double[] workNorms;
        private double[] workGrad;
        private double[] workAccel;
        private double[] workRvv;
        private double[] workJv;
        /** The last Levenberg-Marquardt parameter of the trust-region descent (its warm start). */
        double lmParameter;

        /** The column-norm work vector, zeroed (as a fresh array would be). */
        double[] workNorms() {
            if (workNorms == null) {
                workNorms = new double[n];
            } else {
                Arrays.fill(workNorms, 0.0);
            }
            return workNorms;
        }

        State(Objective objective, double[] x0, double cost, Budget budget, long start) {
            this.objective = objective;
            this.startNanos = start;
            this.n = x0.length;
            this.x = x0.clone();
            this.xTrial = new double[n];
            this.xKept = new double[n];
            this.delta = new double[n];
            this.s = new double[n];
            this.d = new double[n];
            Arrays.fill(d, 1.0);
            this.cost = cost;
            this.initialCost = cost;
            this.view = VectorView.of(x);
            this.deadline = budget.wallClock() == null ? Long.MAX_VALUE : startNanos + budget.wallClock().toNanos();
        }

        /**
         * The current linearization without the bound mask (the whole Jacobian), or {@link #linearization()} itself
         * for an unbounded run.
         *
         * @return the linearization of all parameters, or {@code null} before the first linearization
         */
        public Linearization unmaskedLinearization() {
            return lin instanceof MaskedLinearization ? ((MaskedLinearization) lin).inner() : lin;
        }

        /**
         * The current point (live; do not modify).
         *
         * @return the current point, length n; the live array, not a copy
         */
        public double[] x() {
            return x;
        }

        /**
         * The cost at the current point.
         *
         * @return the cost (½‖r‖² for plain least squares) at {@link #x()}; +∞ where it exceeds the range of a
         *         double (the run then works with the objective's scaled cost, {@link Objective#rescaleStart})
         */
        public double cost() {
            return Math.scalb(cost, costExponent);
        }

        /**
         * The cost at the start point.
         *
         * @return the cost at x₀ (NaN for a stochastic state; +∞ where it exceeds the range of a double)
         */
        public double initialCost() {
            return Math.scalb(initialCost, costExponent);
        }

        /**
         * Infinity norm of the gradient at the current point (NaN before the first linearization).
         *
         * @return ‖g‖∞ at the current point, or NaN before the first linearization
         */
        public double gradientNorm() {
            return lin == null ? Double.NaN : Math.scalb(VectorOps.normInf(lin.gradient()), costExponent);
        }

        /**
         * Whether this run was retried once after ending without a certificate (see
         * {@link GaussNewtonLoop#withRetryScaling}); its counts and trace then cover both runs.
         *
         * @return {@code true} if the run was retried
         */
        public boolean retried() {
            return retried;
        }

        /**
         * The first run's termination reason of a run that was retried.
         *
         * @return the first run's reason, or {@code null} when the run was not retried
         */
        public TerminationReason firstReason() {
            return firstReason;
        }

        /**
         * The scaling rule of the run that produced this state's point (the retry's rule when its result was kept).
         *
         * @return the scaling rule, or {@code null} for a stochastic state
         */
        public ScalingRule scaling() {
            return scaling;
        }

        /**
         * Trial steps taken so far.
         *
         * @return the number of trial steps (accepted or refused), ≥ 0
         */
        public int iterations() {
            return iterations;
        }

        /**
         * One record per trial step, in order.
         *
         * @return the live list of iteration records
         */
        public List<IterationRecord> trace() {
            return trace;
        }

        /**
         * Wall-clock time since the run started.
         *
         * @return the elapsed seconds
         */
        public double seconds() {
            return (System.nanoTime() - startNanos) / 1e9;
        }

        /**
         * The reason the run ended, or null while it goes on.
         *
         * @return the termination reason, or {@code null} while the run goes on
         */
        public TerminationReason reason() {
            return reason;
        }

        /**
         * A human-readable explanation of the termination.
         *
         * @return the message, or {@code null} while the run goes on
         */
        public String message() {
            return message;
        }

        /**
         * The linearization at the current point, or null.
         *
         * @return the current linearization, or {@code null} before the first one
         */
        public Linearization linearization() {
            return lin;
        }

        /**
         * The objective of this run.
         *
         * @return the objective, or {@code null} for a stochastic state
         */
        public Objective objective() {
            return objective;
        }

        /**
         * The control's state (live: a copy is a checkpoint).
         *
         * @return the control's state array; live, not a copy
         */
        public double[] controlState() {
            return controlState;
        }

        /**
         * Replaces the control's state (a resumed run, or a new round that keeps the damping).
         *
         * @param v the new state, of the same length as {@link #controlState()}; copied
         * @throws IllegalArgumentException if {@code v} is {@code null} or has another length
         */
        public void restoreControlState(double[] v) {
            if (v == null || v.length != controlState.length) {
                throw new IllegalArgumentException("control state has length " + (v == null ? "null" : v.length)
                        + ", expected " + controlState.length);
            }
            System.arraycopy(v, 0, controlState, 0, v.length);
        }

        /**
         * The damped solver of this run.
         *
         * @return the damped solver, or {@code null} until it is chosen at the first linearization
         */
        public DampedSolver solver() {
            return solver;
        }

        /**
         * Accepted steps so far.
         *
         * @return the number of accepted steps, ≥ 0
         */
        public long acceptedSteps() {
            return accepted;
        }
    }

    // ------------------------------------------------------------------ deterministic

    /**
     * Starts a deterministic run at x₀: the start cost, the first linearization, the start tests (a non-finite
     * gradient, zero cost, zero gradient end the run at once: {@link State#reason()} is then set).
     *
     * @param objective the objective; not {@code null}
     * @param x0 the start point, length n (copied)
     * @return the run's state at x₀
     * @throws IllegalArgumentException if x₀ has the wrong length, is not finite, or gives a non-finite cost
     */
    public State init(Objective objective, double[] x0) {
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        ArgumentChecks.requireLength("start", x0, objective.parameterCount());
        ArgumentChecks.requireFinite("start", x0);
        double[] lo = objective.lowerBounds();
        double[] hi = objective.upperBounds();
        if (lo != null) {
            for (int j = 0; j < x0.length; j++) {
                if (!(x0[j] >= lo[j] && x0[j] <= hi[j])) {
                    throw new IllegalArgumentException("start[" + j + "] is " + x0[j] + ", outside its bounds ["
                            + lo[j] + ", " + hi[j] + "]; expected a feasible start");
                }
            }
        }
        long clock = System.nanoTime();
        double c = objective.start(x0);
        if (c == Double.POSITIVE_INFINITY) {
            // finite residuals whose ½‖r‖² overflowed: the objective scales them by a power of two, if it can
            double scaled = objective.rescaleStart();
            if (Double.isFinite(scaled)) {
                c = scaled;
            }
        }
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("the cost is " + c + " at the start point, expected a finite value "
                    + "(check the start values and the model)");
        }
        State st = new State(objective, x0, c, budget, clock);
        st.scaling = scaling;
        st.costExponent = objective.costExponent();
        st.zeroCost = tolerances.absoluteCostTolerance();
        st.solver = solver == null ? null : solver.fresh();
        st.lower = objective.lowerBounds();
        st.upper = objective.upperBounds();
        if (st.lower != null) {
            st.fixed = new boolean[st.n];
            st.raw = new double[st.n];
        }
        linearize(st);
        if (!VectorOps.allFinite(st.lin.gradient())) {
            st.controlState = control.initialState(0);
            end(st, TerminationReason.NON_FINITE, "non-finite Jacobian at the start point");
            return st;
        }
        st.gradientNorm0 = VectorOps.normInf(st.lin.gradient());
        updateScaling(st, true);
        st.controlState = control.initialState(scaledNorm(st.d, st.x));
        if (st.cost() <= tolerances.absoluteCostTolerance()) {
            end(st, TerminationReason.ZERO_COST, "cost is zero at the start");
        } else if (st.gradientNorm0 == 0) {
            end(st, TerminationReason.GRADIENT, "gradient is zero at the start");
        }
        return st;
    }

    /*
     * Checkpoint layout of a deterministic run: [n, control state (c entries), ‖g₀‖∞, F(x₀), D (n entries), solver
     * state]; ‖g₀‖∞ and F(x₀) unscaled (the resumed objective may scale its cost by another power of two).
     */

    /** Entries of a checkpoint before D: n, the control state (c entries), ‖g₀‖∞ and the start cost. */
    private static int checkpointHead(int c) {
        return 3 + c;
    }

    /**
     * The state of a deterministic run besides its point, for a checkpoint: the control's state, the start gradient
     * norm (read by the relative gradient test), the start cost (read by the zero-residual test), the scaling D (a
     * running maximum remembers every Jacobian) and the solver's state. {@link #resume} with the point continues bit
     * for bit.
     *
     * @param st a deterministic run's state
     * @return a new vector {@code [n, control state, ‖g₀‖∞, F(x₀), D (n entries), solver state]}
     */
    public double[] checkpoint(State st) {
        double[] solverState = st.solver == null ? new double[0] : st.solver.state();
        int c = st.controlState.length;
        int head = checkpointHead(c);
        double[] v = new double[head + st.n + solverState.length];
        v[0] = st.n;
        System.arraycopy(st.controlState, 0, v, 1, c);
        v[1 + c] = Math.scalb(st.gradientNorm0, st.costExponent);
        v[2 + c] = st.initialCost();
        System.arraycopy(st.d, 0, v, head, st.n);
        System.arraycopy(solverState, 0, v, head + st.n, solverState.length);
        return v;
    }

    /**
     * A deterministic run from a checkpoint: {@link #init} at the checkpoint's point x, then its state restored.
     *
     * @param objective the objective; not {@code null}
     * @param x the point the checkpoint was taken at, length n (copied)
     * @param checkpoint a vector from {@link #checkpoint}
     * @return the restored run's state
     * @throws IllegalArgumentException if the checkpoint does not fit this loop and x
     */
    public State resume(Objective objective, double[] x, double[] checkpoint) {
        State st = init(objective, x);
        int c = st.controlState.length;
        int head = checkpointHead(c);
        if (checkpoint == null || checkpoint.length < head + st.n || checkpoint[0] != st.n) {
            throw new IllegalArgumentException("checkpoint has length " + (checkpoint == null ? "null"
                    : checkpoint.length) + ", expected at least " + (head + st.n) + " for " + st.n + " parameters");
        }
        if (st.reason != null) {
            return st; // the start tests ended the run at x: nothing to resume
        }
        System.arraycopy(checkpoint, 1, st.controlState, 0, c);
        st.gradientNorm0 = Math.scalb(checkpoint[1 + c], -st.costExponent);
        st.initialCost = Math.scalb(checkpoint[2 + c], -st.costExponent);
        System.arraycopy(checkpoint, head, st.d, 0, st.n);
        if (st.solver == null && checkpoint.length > head + st.n) {
            // a checkpoint with the state of the automatic choice: make it now, as the first prepare would
            st.solver = DampedSolvers.auto(st.lin, scaling == ScalingRule.IDENTITY);
        }
        int used = st.solver == null ? 0 : st.solver.restore(checkpoint, head + st.n, st.n);
        if (head + st.n + used != checkpoint.length) {
            throw new IllegalArgumentException("checkpoint has length " + checkpoint.length + ", expected "
                    + (head + st.n + used));
        }
        return st;
    }

    /**
     * Runs from x₀ until a termination; the state holds the result.
     *
     * @param objective the objective; not {@code null}
     * @param x0 the start point, length n (copied)
     * @return the final state: point, cost, trace and {@link State#reason()}
     * @throws IllegalArgumentException as {@link #init}
     */
    public State run(Objective objective, double[] x0) {
        State st = init(objective, x0);
        while (st.reason == null) {
            step(st);
        }
        if (!retryable(st)) {
            return st;
        }
        GaussNewtonLoop second = new GaussNewtonLoop(solver, control, length, descent, retryScaling, geodesic, momentum,
                tolerances, budget, callback, maxFailures, solveRetries, null);
        State st2;
        try {
            st2 = second.init(objective, st.x);
        } catch (IllegalArgumentException e) {
            return st; // the end point's cost is not finite: nothing to retry from
        }
        DampedSolver carried = st.solver == null ? null : st.solver.forRetry();
        if (carried != null) {
            st2.solver = carried;
        }
        st2.startNanos = st.startNanos;
        st2.deadline = st.deadline;
        st2.gradientNorm0 = Math.max(st2.gradientNorm0, Math.scalb(st.gradientNorm0, st.costExponent - st2.costExponent));
        while (st2.reason == null) {
            second.step(st2);
        }
        boolean better = st2.reason.success() || st2.cost() < st.cost();
        if (better) {
            // the result's start is the first run's start, not the retry's
            st2.initialCost = Math.scalb(st.initialCost, st.costExponent - st2.costExponent);
        }
        State kept = better ? st2 : st;
        kept.retried = true;
        kept.firstReason = st.reason;
        List<IterationRecord> all = new ArrayList<>(st.trace);
        all.addAll(st2.trace);
        kept.trace.clear();
        kept.trace.addAll(all);
        kept.iterations = st.iterations + st2.iterations;
        kept.accepted = st.accepted + st2.accepted;
        kept.message = String.format(Locale.ROOT, "%s; %s: the first run (scaling %s) ended %s at cost %.6e, the "
                + "retry from its end point (scaling %s) ended %s at cost %.6e", kept.message,
                better ? "result of the retry" : "result of the first run", scaling, st.reason, st.cost(),
                retryScaling, st2.reason, st2.cost());
        return kept;
    }

    /** True when a finished run qualifies for the retry of {@link #withRetryScaling}. */
    private boolean retryable(State st) {
        if (retryScaling == null || retryScaling == scaling || st.objective == null || st.reason.success()) {
            return false;
        }
        if (st.reason == TerminationReason.TIME_BUDGET || st.reason == TerminationReason.USER_ABORT
                || System.nanoTime() > st.deadline) {
            return false;
        }
        if (st.objective.residualEvaluations() >= budget.maxEvaluations()) {
            return false;
        }
        return VectorOps.allFinite(st.x) && Double.isFinite(st.cost);
    }

    private static void end(State st, TerminationReason reason, String message) {
        st.reason = reason;
        st.message = message;
        if (reason.converged()) {
            certify(st);
        }
        if (st.reason == TerminationReason.NON_FINITE && st.objective != null) {
            String detail = st.objective.nonFiniteDetail();
            if (detail != null) {
                st.message = st.message + "; last non-finite: " + detail;
            }
        }
    }

    /**
     * The one test a convergence claim passes before a run reports it (every deterministic configuration ends
     * through it): the cost and gradient are finite; the last trials were not refused for non-finite residuals (a
     * step that shrank because every trial overflowed is {@link TerminationReason#NON_FINITE}); and a first-order
     * condition holds, one of
     * <ul>
     *   <li>the residual vanished: {@code F <= atol}, or both {@code F <= ε·F₀} and
     *       {@code ‖r‖ <= √ε·‖Jv‖/‖v‖·max(‖x‖, 1)} for a generic direction v (the residual is at the rounding level
     *       of the start and of the model's linear part: a zero-residual minimum, where the gradient cosine says
     *       nothing);</li>
     *   <li>MINPACK's gradient cosine {@code max_j |g_j| / (‖J_j‖·‖r‖) <= }{@value #FIRST_ORDER_TOLERANCE} where
     *       the linearization has column norms (scale invariant: a plateau where the Jacobian fades, as an
     *       exponential's far tail, fails it however small the gradient);</li>
     *   <li>without column norms (large operators): the gradient fell from the start,
     *       {@code ‖g‖∞ <= }{@value #RELATIVE_GRADIENT_TOLERANCE}{@code ·‖g₀‖∞} (Ceres's gradient test);</li>
     * </ul>
     * and, with a nonzero residual, the Jacobian is not identically zero.
     * A claim that fails the first-order condition ends the run with {@link TerminationReason#STALLED} and the
     * measured values in the message.
     */
    private static void certify(State st) {
        String claim = st.reason + " (" + st.message + ")";
        if (!Double.isFinite(st.cost) || st.lin == null || !VectorOps.allFinite(st.lin.gradient())) {
            st.reason = TerminationReason.NON_FINITE;
            st.message = claim + ", but the cost or the gradient is not finite";
            return;
        }
        if (st.reason == TerminationReason.STEP_SIZE && st.failures > 0) {
            st.reason = TerminationReason.NON_FINITE;
            st.message = String.format(Locale.ROOT, "the steps shrank to the step tolerance because the last %d "
                    + "trial(s) gave non-finite residuals; the point is where the last finite step ended",
                    st.failures);
            return;
        }
        if (st.cost() <= st.zeroCost) {
            return;
        }
        FirstOrder fo = firstOrder(st);
        if (fo.zeroResidual) {
            return;
        }
        double f = st.cost();
        if (fo.jacobianZero) {
            st.reason = TerminationReason.STALLED;
            st.message = String.format(Locale.ROOT, "%s, but the Jacobian is zero at cost %.6e: a flat region of "
                    + "the model, not a minimum", claim, f);
            return;
        }
        if (fo.cosine <= FIRST_ORDER_TOLERANCE || fo.relativeGradient <= RELATIVE_GRADIENT_TOLERANCE) {
            return;
        }
        st.reason = TerminationReason.STALLED;
        st.message = String.format(Locale.ROOT, "%s, but no first-order test holds: gradient cosine %.3e > %.0e, "
                + "|g|inf / |g0|inf %.3e > %.0e", claim, fo.cosine, FIRST_ORDER_TOLERANCE, fo.relativeGradient,
                RELATIVE_GRADIENT_TOLERANCE);
    }

    /** Gain ratio of a very successful step: below it, a step's geodesic acceleration is checked. */
    private static final double VERY_SUCCESSFUL = 0.75;
    /** Largest {@code 2‖Da‖ / ‖Dv‖} of a trusted step v with geodesic acceleration a (Transtrum's α). */
    private static final double ACCELERATION_RATIO = 0.75;
    /** Largest MINPACK gradient cosine accepted as a first-order point. */
    public static final double FIRST_ORDER_TOLERANCE = 1e-4;
    /** Largest {@code ‖g‖∞ / ‖g₀‖∞} accepted as a first-order point. */
    public static final double RELATIVE_GRADIENT_TOLERANCE = 1e-10;
    private static final double EPSILON = Math.ulp(1.0);
    private static final double SQRT_EPSILON = Math.sqrt(EPSILON);

    /** The first-order measures at the current point. */
    private record FirstOrder(double cosine, double relativeGradient, boolean jacobianZero, boolean zeroResidual) {
    }

    private static FirstOrder firstOrder(State st) {
        Linearization lin = st.lin;
        double[] g = lin.gradient();
        double rn = lin.residualNorm();
        double[] v = new double[st.n];
        for (int j = 0; j < st.n; j++) {
            v[j] = 1 + ((j + 1) * 0.6180339887498949) % 1.0; // a generic direction: Jv = 0 only when J = 0
        }
        // the whole Jacobian (a masked one reads zero in the columns held on their bounds)
        Linearization whole = lin instanceof MaskedLinearization ? ((MaskedLinearization) lin).inner() : lin;
        double jv = Math.sqrt(whole.curvature(v)) / VectorOps.norm2(v);
        boolean zero = rn > 0 && jv == 0;
        boolean zeroResidual = st.cost <= EPSILON * st.initialCost
                && rn <= SQRT_EPSILON * jv * Math.max(VectorOps.norm2(st.x), 1);
        double[] cn = new double[st.n];
        boolean norms = !Double.isNaN(rn) && lin.columnNorms(cn);
        if (!norms) {
            double gInf = VectorOps.normInf(g);
            double rel = st.gradientNorm0 > 0 ? gInf / st.gradientNorm0 : (gInf == 0 ? 0 : Double.POSITIVE_INFINITY);
            return new FirstOrder(Double.POSITIVE_INFINITY, rel, zero, zeroResidual);
        }
        double worst = 0;
        for (int j = 0; j < st.n; j++) {
            worst = Math.max(worst, Math.abs(g[j]) / (cn[j] * rn));
        }
        return new FirstOrder(worst, Double.POSITIVE_INFINITY, zero, zeroResidual);
    }

    private boolean prepare(State st) {
        if (st.solver == null) {
            st.solver = DampedSolvers.auto(st.lin, scaling == ScalingRule.IDENTITY);
        }
        SolveResult p = st.solver.prepare(st.lin);
        st.prepared = p.hasSolution();
        st.gnValid = false;
        return st.prepared;
    }

    /**
     * One deterministic trial step (see the class documentation); sets {@link State#reason()} when the run ends.
     *
     * @param st a state from {@link #init} or {@link #resume}, updated in place
     * @return the report of the trial step
     */
    public StepReport step(State st) {
        if (st.reason != null) {
            throw new IllegalStateException("the run has ended: " + st.reason);
        }
        TerminationReason b = budgetExceeded(st);
        if (b != null) {
            end(st, b, b == TerminationReason.TARGET_REACHED ? "target cost reached" : "budget reached");
            return report(st, StepOutcome.REJECTED, 0, Double.NaN, 0, Double.NaN, null);
        }
        if (!st.prepared && !prepare(st)) {
            end(st, TerminationReason.LINEAR_SOLVER_FAILURE, "the damped solver could not prepare: " + st.solver);
            return report(st, StepOutcome.REJECTED, 0, Double.NaN, 0, Double.NaN, null);
        }
        st.iterations++;
        double lambda = control.damping(st.controlState);
        Linearization lin = st.lin;
        double[] delta = st.delta;
        SolveResult solve = null;
        if (descent == Descent.TRUST_REGION) {
            if (!trustRegionStep(st, lambda)) {
                record(st, 0, lambda, Double.NaN, false);
                end(st, TerminationReason.NO_PROGRESS, "no usable trust-region step (gradient underflow)");
                return report(st, StepOutcome.REJECTED, 0, Double.NaN, 0, Double.NaN, null);
            }
            if (geodesic == Geodesic.EVERY_STEP && accelerable(st) && !accelerateBefore(st, st.lmParameter, delta)) {
                record(st, scaledNorm(st.d, delta), lambda, Double.NaN, false);
                if (!control.rejected(st.controlState, Double.NaN, scaledNorm(st.d, delta), st.accepted)) {
                    end(st, TerminationReason.NO_PROGRESS, "the trust radius fell below its floor");
                } else {
                    afterRecord(st);
                }
                return report(st, StepOutcome.REJECTED, 0, Double.NaN, 0, Double.NaN, null);
            }
        } else if (descent == Descent.DOGLEG || descent == Descent.SUBSPACE) {
            if (!(descent == Descent.DOGLEG ? dogleg(st, lambda) : subspace(st, lambda))) {
                record(st, 0, lambda, Double.NaN, false);
                end(st, TerminationReason.NO_PROGRESS, "no usable dogleg step (gradient underflow)");
                return report(st, StepOutcome.REJECTED, 0, Double.NaN, 0, Double.NaN, null);
            }
        } else {
            solve = st.solver.solve(lambda, st.d, lin.residuals(), lin.gradient(), delta);
            if (!solve.hasSolution() || !VectorOps.allFinite(delta)) {
                record(st, 0, lambda, Double.NaN, false);
                if (!control.failed(st.controlState, 0, st.accepted)) {
                    end(st, TerminationReason.LINEAR_SOLVER_FAILURE, "damped system unsolvable: " + solve);
                } else {
                    afterRecord(st);
                }
                return report(st, StepOutcome.REJECTED, 0, Double.NaN, 0, Double.NaN, solve);
            }
            if (geodesic == Geodesic.EVERY_STEP && accelerable(st) && !accelerateBefore(st, lambda, delta)) {
                record(st, scaledNorm(st.d, delta), lambda, Double.NaN, false);
                if (!control.rejected(st.controlState, Double.NaN, scaledNorm(st.d, delta), st.accepted)) {
                    end(st, TerminationReason.NO_PROGRESS, "damping exceeded its ceiling");
                } else {
                    afterRecord(st);
                }
                return report(st, StepOutcome.REJECTED, 0, Double.NaN, 0, Double.NaN, solve);
            }
        }
        if (st.lower != null) {
            project(st, delta);
            if (!(VectorOps.dot(lin.gradient(), delta) < 0)) {
                projectedCauchy(st, delta);
            }
        }
        double stepNorm = scaledNorm(st.d, delta);
        double xNorm = scaledNorm(st.d, st.x);
        double xtol = tolerances.parameterTolerance() * (xNorm + tolerances.parameterTolerance());
        if (stepNorm <= xtol || (control.isRadius() && lambda <= xtol)) {
            record(st, stepNorm, lambda, Double.NaN, false);
            end(st, TerminationReason.STEP_SIZE, String.format(Locale.ROOT,
                    "scaled step %.3e <= %.1e * (|Dx| + tol)", stepNorm, tolerances.parameterTolerance()));
            return report(st, StepOutcome.REJECTED, 0, Double.NaN, 0, Double.NaN, solve);
        }
        double slope = VectorOps.dot(lin.gradient(), delta);
        if (length.needsDescent() && !(slope < 0)) {
            record(st, stepNorm, lambda, Double.NaN, false);
            if (!control.failed(st.controlState, stepNorm, st.accepted)) {
                end(st, TerminationReason.NO_PROGRESS, "the step is not a descent direction");
            } else {
                afterRecord(st);
            }
            return report(st, StepOutcome.REJECTED, 0, Double.NaN, 0, Double.NaN, solve);
        }
        StepLength.Result found = length.search(new LoopTrial(st, delta, st.cost, slope));
        if (!Double.isFinite(found.cost())) {
            double gain = Double.NEGATIVE_INFINITY;
            if (++st.failures > maxFailures) {
                record(st, stepNorm, lambda, gain, false);
                end(st, TerminationReason.NON_FINITE,
                        "residuals stayed non-finite after " + maxFailures + " damping increases");
                return report(st, StepOutcome.NON_FINITE, 0, gain, 0, Double.NaN, solve);
            }
            record(st, stepNorm, lambda, gain, false);
            if (!control.failed(st.controlState, stepNorm, st.accepted)) {
                end(st, TerminationReason.NON_FINITE, "no finite trial along the step (" + length + ")");
            } else {
                afterRecord(st);
            }
            return report(st, StepOutcome.REJECTED, 0, gain, 0, Double.NaN, solve);
        }
        st.failures = 0;
        double alpha = found.alpha();
        double curvature = curvature(st, delta);
        double predicted = GainRatio.predicted(alpha, slope, curvature);
        double actual = st.cost - found.cost();
        double gain = GainRatio.of(actual, predicted);
        boolean acceptable = found.found() && control.acceptable(gain, actual);
        if (geodesic == Geodesic.AFTER_TRIAL && (!acceptable || gain < VERY_SUCCESSFUL) && found.alpha() == 1
                && descent != Descent.DOGLEG && descent != Descent.SUBSPACE && accelerable(st)) {
            double[] a = accelerationAfterTrial(st, descent == Descent.TRUST_REGION ? st.lmParameter : lambda, delta);
            if (a != null && 2 * scaledNorm(st.d, a) > ACCELERATION_RATIO * stepNorm) {
                // the model's curvature along the step is too large to trust a step that did not do very well
                acceptable = false;
                gain = Double.NaN;
            } else if (a != null && !acceptable) {
                double[] w = new double[st.n];
                for (int j = 0; j < st.n; j++) {
                    w[j] = delta[j] + 0.5 * a[j];
                }
                LoopTrial corrected = new LoopTrial(st, w, st.cost, VectorOps.dot(lin.gradient(), w));
                double cost = corrected.cost(1);
                double predicted2 = GainRatio.predicted(1, corrected.slope0(), curvature(st, w));
                double gain2 = GainRatio.of(st.cost - cost, predicted2);
                if (Double.isFinite(cost) && control.acceptable(gain2, st.cost - cost)) {
                    corrected.keep();
                    System.arraycopy(w, 0, delta, 0, st.n);
                    found = new StepLength.Result(true, 1, cost, found.trials() + 1);
                    stepNorm = scaledNorm(st.d, delta);
                    predicted = predicted2;
                    actual = st.cost - cost;
                    gain = gain2;
                    acceptable = true;
                }
            }
        }
        if (acceptable) {
            double costBefore = st.cost;
            st.objective.acceptTrial();
            System.arraycopy(st.xKept, 0, st.x, 0, st.n);
            st.cost = found.cost();
            st.accepted++;
            control.accepted(st.controlState, gain, stepNorm, st.accepted);
            st.solver.afterStep(gain, true, solve, delta);
            linearize(st);
            st.prepared = false;
            double damp = control.damping(st.controlState);
            if (!VectorOps.allFinite(st.lin.gradient())) {
                record(st, alpha * stepNorm, damp, gain, true, alpha);
                end(st, TerminationReason.NON_FINITE, "non-finite Jacobian at an accepted point");
                return report(st, StepOutcome.OK, alpha, gain, alpha * stepNorm, lambda, solve);
            }
            updateScaling(st, false);
            record(st, alpha * stepNorm, damp, gain, true, alpha);
            convergedAfterStep(st, costBefore, actual, predicted);
            if (st.reason == null) {
                afterRecord(st);
            }
            return report(st, StepOutcome.OK, alpha, gain, alpha * stepNorm, lambda, solve);
        }
        record(st, stepNorm, lambda, gain, false);
        st.solver.afterStep(gain, false, solve, delta);
        if (!control.rejected(st.controlState, gain, stepNorm, st.accepted)) {
            end(st, TerminationReason.NO_PROGRESS, found.found() ? "damping exceeded its ceiling without a "
                    + "decrease of the cost" : "no step length gave a sufficient decrease (" + length + ")");
        } else if (refusedAtRoundingLevel(st, actual, predicted, gain)) {
            end(st, TerminationReason.COST_REDUCTION, String.format(Locale.ROOT, "relative cost reduction %.3e and "
                    + "predicted %.3e <= %.1e on a refused step", Math.abs(actual) / st.cost, predicted / st.cost,
                    tolerances.functionTolerance()));
        } else {
            afterRecord(st);
        }
        return report(st, StepOutcome.REJECTED, 0, gain, 0, lambda, solve);
    }

    private StepReport report(State st, StepOutcome o, double alpha, double gain, double stepNorm,
            double lambda, SolveResult solve) {
        return new StepReport(o, st.cost(), Double.NaN, stepNorm, lambda, alpha, gain,
                solve == null ? 0 : solve.iterations(), solve == null ? Double.NaN : solve.relativeResidual(),
                st.reason);
    }

    private double curvature(State st, double[] s) {
        double q = st.solver == null ? Double.NaN : st.solver.curvature(s);
        return Double.isNaN(q) ? st.lin.curvature(s) : q;
    }

    private TerminationReason budgetExceeded(State st) {
        if (st.cost() <= budget.targetCost()) {
            return TerminationReason.TARGET_REACHED;
        }
        if (st.iterations >= budget.maxIterations()) {
            return TerminationReason.MAX_ITERATIONS;
        }
        if (st.objective.residualEvaluations() >= budget.maxEvaluations()) {
            return TerminationReason.MAX_EVALUATIONS;
        }
        if (System.nanoTime() > st.deadline) {
            return TerminationReason.TIME_BUDGET;
        }
        return null;
    }

    /** Adds a trace record and tells the callback, whose answer {@link #afterRecord} applies. */
    private void record(State st, double stepNorm, double damping, double gain, boolean accepted) {
        record(st, stepNorm, damping, gain, accepted, 0);
    }

    private void record(State st, double stepNorm, double damping, double gain, boolean accepted, double alpha) {
        IterationRecord rec = new IterationRecord(st.iterations, st.cost(), st.gradientNorm(), stepNorm, damping, gain,
                accepted, st.seconds(), alpha);
        st.trace.add(rec);
        st.callbackReturn = callback == null ? CallbackReturn.CONTINUE : callback.iteration(rec, st.view);
    }

    /** Ends the run when the callback asked to (and nothing else ended it). */
    private void afterRecord(State st) {
        CallbackReturn r = st.callbackReturn;
        if (r == CallbackReturn.STOP) {
            end(st, TerminationReason.USER_SUCCESS, "stopped by the callback");
        } else if (r == CallbackReturn.ABORT) {
            end(st, TerminationReason.USER_ABORT, "aborted by the callback");
        }
    }

    /**
     * The convergence tests after an accepted step: zero cost, relative cost reduction with both the actual and the
     * predicted reduction below {@code ftol·F}, the gradient measure.
     */
    private void convergedAfterStep(State st, double costBefore, double actual, double predicted) {
        if (st.cost() <= tolerances.absoluteCostTolerance()) {
            end(st, TerminationReason.ZERO_COST, "cost reached zero");
            return;
        }
        double ftol = tolerances.functionTolerance() * costBefore;
        if (actual <= ftol && predicted <= ftol) {
            end(st, TerminationReason.COST_REDUCTION, String.format(Locale.ROOT,
                    "relative cost reduction %.3e <= %.1e", actual / costBefore, tolerances.functionTolerance()));
            return;
        }
        double gm = gradientMeasure(st);
        if (gm <= tolerances.gradientTolerance()) {
            end(st, TerminationReason.GRADIENT, String.format(Locale.ROOT, "gradient measure %.3e <= %.1e", gm,
                    tolerances.gradientTolerance()));
        }
    }

    /**
     * MINPACK's cost test on a refused trial ({@code lmder}: {@code |actred| <= ftol}, {@code prered <= ftol},
     * {@code ratio <= 2}): both the actual and the predicted reduction are within {@code ftol·F} of zero, so the
     * model promises no decrease the cost could show and the refusals only shrink the step to the step tolerance, one
     * evaluation each (about 45 halvings from a unit step to 1e-14).
     */
    private boolean refusedAtRoundingLevel(State st, double actual, double predicted, double gain) {
        double ftol = tolerances.functionTolerance() * st.cost;
        return Double.isFinite(actual) && Math.abs(actual) <= ftol && predicted >= 0 && predicted <= ftol
                && !(gain > 2);
    }

    /**
     * MINPACK's scale-invariant {@code max_j |g_j| / (‖J_j‖·‖r‖)} (the largest cosine between the residual and a
     * Jacobian column) where column norms are available; else {@code ‖g‖∞ / ‖g₀‖∞}.
     */
    static double gradientMeasure(State st) {
        Linearization lin = st.lin;
        double[] g = lin.gradient();
        double[] cn = st.workNorms();
        double rn = lin.residualNorm();
        if (Double.isNaN(rn) || !lin.columnNorms(cn)) {
            return st.gradientNorm0 > 0 ? VectorOps.normInf(g) / st.gradientNorm0 : 0;
        }
        if (rn == 0) {
            return 0;
        }
        double worst = 0;
        for (int j = 0; j < st.n; j++) {
            if (cn[j] > 0) {
                worst = Math.max(worst, Math.abs(g[j]) / (cn[j] * rn));
            }
        }
        return worst;
    }

    private void updateScaling(State st, boolean first) {
        double[] d = st.d;
        if (scaling == ScalingRule.IDENTITY) {
            Arrays.fill(d, 1.0);
            return;
        }
        double[] cn = st.workNorms();
        if (!st.lin.columnNorms(cn)) {
            Arrays.fill(cn, 1.0);
        }
        if (scaling == ScalingRule.CURRENT) {
            for (int j = 0; j < st.n; j++) {
                d[j] = Math.sqrt(Math.min(Math.max(cn[j] * cn[j], 1e-6), 1e32));
            }
        } else if (first) {
            System.arraycopy(cn, 0, d, 0, st.n);
        } else {
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (int j = 0; j < st.n; j++) {
                d[j] = Math.max(d[j], cn[j]);
                if (cn[j] > 0) {
                    lo = Math.min(lo, d[j] / cn[j]);
                    hi = Math.max(hi, d[j] / cn[j]);
                }
            }
            if (scaling == ScalingRule.RESTARTED_MAX && hi > RESTART_SPREAD * lo) {
                for (int j = 0; j < st.n; j++) {
                    if (cn[j] > 0) {
                        d[j] = cn[j];
                    }
                }
            }
        }
    }

    /**
     * The spread of {@code D_j / ‖J_j‖} over the columns past which {@link ScalingRule#RESTARTED_MAX} restarts D; on
     * the Moré-Garbow-Hillstrom, NIST StRD and bounded suites dogleg solves the same runs with 3·10³ to 10⁴ and fewer
     * with 3·10⁴ (docs/BENCHMARKS.md).
     */
    private static final double RESTART_SPREAD = 1e4;

    /**
     * Euclidean norm of {@code D·v}.
     *
     * @param d the diagonal scaling D, length n
     * @param v the vector, length n
     * @return {@code ‖D·v‖₂}
     */
    public static double scaledNorm(double[] d, double[] v) {
        double s = 0;
        for (int j = 0; j < v.length; j++) {
            double t = d[j] * v[j];
            s += t * t;
        }
        return Math.sqrt(s);
    }

    /** Whether geodesic acceleration applies: plain least squares with a Jacobian, no bounds. */
    private static boolean accelerable(State st) {
        return st.lower == null && st.objective.plainLeastSquares() && st.lin.jacobian() != null;
    }

    /**
     * {@link Geodesic#EVERY_STEP}: adds the correction ½a to the step v in place, from one residual evaluation at
     * x + hv; false when the correction is too large (refuse the step); v is left alone when it cannot be computed.
     */
    private static boolean accelerateBefore(State st, double lambda, double[] v) {
        int n = st.n;
        Linearization lin = st.lin;
        int m = lin.rows();
        final double h = 0.1;
        double[] xh = new double[n];
        double[] rh = new double[m];
        for (int j = 0; j < n; j++) {
            xh[j] = st.x[j] + h * v[j];
        }
        if (!st.objective.residualsAt(xh, rh)) {
            return true;
        }
        double[] jv = new double[m];
        lin.jacobianTimes(v, jv);
        double[] r = lin.residuals();
        for (int i = 0; i < m; i++) {
            rh[i] = (2 / h) * ((rh[i] - r[i]) / h - jv[i]);
        }
        double[] a = acceleration(st, lambda, rh);
        if (a == null) {
            return true;
        }
        if (2 * scaledNorm(st.d, a) > ACCELERATION_RATIO * scaledNorm(st.d, v)) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            v[j] += 0.5 * a[j];
        }
        return true;
    }

    /** {@code a = −(JᵀJ + λD²)⁻¹Jᵀr_vv}; null when it cannot be computed. */
    private static double[] acceleration(State st, double lambda, double[] rvv) {
        if (st.workGrad == null) {
            st.workGrad = new double[st.n];
            st.workAccel = new double[st.n];
        }
        double[] grad = st.workGrad;
        st.lin.jacobian().applyTranspose(rvv, grad);
        double[] a = st.workAccel;
        Arrays.fill(a, 0.0); // a solver may read out as its start
        SolveResult res = st.solver.solve(lambda, st.d, rvv, grad, a);
        return res.hasSolution() && VectorOps.allFinite(a) ? a : null;
    }

    /**
     * The geodesic acceleration {@code a = −(JᵀJ + λD²)⁻¹Jᵀr_vv} of the unit step v (Transtrum &amp; Sethna 2012),
     * from the residuals already evaluated at the trial point x + v: {@code r_vv ≈ 2(r(x+v) − r − Jv)}, exact for
     * residuals quadratic along v, so it costs a damped solve and no evaluation. Null when it cannot be computed.
     */
    private static double[] accelerationAfterTrial(State st, double lambda, double[] v) {
        Linearization lin = st.lin;
        int m = lin.rows();
        if (st.workRvv == null || st.workRvv.length != m) {
            st.workRvv = new double[m];
            st.workJv = new double[m];
        }
        double[] rvv = st.workRvv;
        if (!st.objective.trialResiduals(rvv)) {
            return null;
        }
        double[] jv = st.workJv;
        lin.jacobianTimes(v, jv);
        double[] r = lin.residuals();
        for (int i = 0; i < m; i++) {
            rvv[i] = 2 * (rvv[i] - r[i] - jv[i]);
        }
        return acceleration(st, lambda, rvv);
    }

    /**
     * The dogleg step for radius Δ into {@code st.delta}: the Gauss-Newton step (once per linearization) when it fits,
     * the scaled steepest-descent step cut at the boundary when even the Cauchy point lies outside, else the point
     * where the path from the Cauchy point to the Gauss-Newton point crosses the boundary. False when no usable step.
     */
    /**
     * Linearizes at the current point; with bounds, holds fixed each parameter that sits on a bound while the
     * gradient pushes it outward ({@code x_j = l_j, g_j > 0} or {@code x_j = u_j, g_j < 0}): the active set, whose
     * gradient entries are the multipliers of the bounds, so that the tests on the masked gradient are the
     * first-order (KKT) conditions of the box-constrained problem.
     */
    private static void linearize(State st) {
        Linearization lin = st.objective.linearize(st.x);
        if (st.lower == null) {
            st.lin = lin;
            return;
        }
        double[] g = lin.gradient();
        boolean any = false;
        for (int j = 0; j < st.n; j++) {
            st.fixed[j] = (st.x[j] <= st.lower[j] && g[j] > 0) || (st.x[j] >= st.upper[j] && g[j] < 0);
            any |= st.fixed[j];
        }
        st.lin = any ? new MaskedLinearization(lin, st.fixed) : lin;
    }

    /**
     * Replaces the step by its projection onto the box, {@code P(x + δ) − x}, with the fixed parameters held, and keeps
     * the unprojected step: a step-length search follows the projection arc {@code P(x + α·δ)}, feasible for every α,
     * and the model, slope and gain ratio of the full step are those of the step actually taken.
     */
    private static void project(State st, double[] delta) {
        for (int j = 0; j < st.n; j++) {
            if (st.fixed[j]) {
                delta[j] = 0;
            }
            st.raw[j] = delta[j];
            if (st.fixed[j]) {
                continue;
            }
            double t = Math.min(Math.max(st.x[j] + delta[j], st.lower[j]), st.upper[j]);
            delta[j] = t - st.x[j];
        }
    }

    /**
     * The projected Cauchy step {@code P(x − α·D⁻²g) − x}, α minimizing the model along {@code −D⁻²g}: a descent
     * direction wherever the point is not a KKT point of the box, for when the projection of the solver's step is not
     * one (a zero step at a KKT point, which the step-size test then ends with the first-order test holding).
     */
    private static void projectedCauchy(State st, double[] delta) {
        double[] g = st.lin.gradient();
        double[] d = st.d;
        double gs2 = 0;
        for (int j = 0; j < st.n; j++) {
            delta[j] = -g[j] / (d[j] * d[j]);
            gs2 += g[j] * g[j] / (d[j] * d[j]);
        }
        double jj = st.lin.curvature(delta);
        double alpha = gs2 > 0 && jj > 0 ? gs2 / jj : 0;
        if (!Double.isFinite(alpha)) {
            alpha = 0;
        }
        for (int j = 0; j < st.n; j++) {
            delta[j] *= alpha;
        }
        project(st, delta);
    }

    /** The Gauss-Newton step of the current linearization into {@code st.gn} (once per linearization). */
    private static void gaussNewtonStep(State st) {
        if (st.gn == null) {
            st.gn = new double[st.n];
            st.sd = new double[st.n];
        }
        if (st.gnValid) {
            return;
        }
        Linearization lin = st.lin;
        SolveResult r = st.solver.solve(0, st.d, lin.residuals(), lin.gradient(), st.gn);
        if (!r.hasSolution()) {
            Arrays.fill(st.gn, Double.NaN);
        }
        st.gnNorm = VectorOps.allFinite(st.gn) ? scaledNorm(st.d, st.gn) : Double.POSITIVE_INFINITY;
    }

    /** See {@link Descent#TRUST_REGION}; false when no finite step exists (a zero scaled gradient). */
    private static boolean trustRegionStep(State st, double radius) {
        int n = st.n;
        double[] d = st.d;
        Linearization lin = st.lin;
        double[] g = lin.gradient();
        double[] delta = st.delta;
        boolean fresh = !st.gnValid;
        gaussNewtonStep(st);
        if (fresh) {
            st.gnValid = true;
        }
        if (st.gnNorm <= 1.1 * radius) {
            System.arraycopy(st.gn, 0, delta, 0, n);
            st.lmParameter = 0;
            return st.gnNorm > 0;
        }
        double gs = 0;
        for (int j = 0; j < n; j++) {
            double t = g[j] / d[j];
            gs += t * t;
        }
        double upper = Math.sqrt(gs) / radius;
        if (!(upper > 0) || !Double.isFinite(upper)) {
            return false;
        }
        double lower = 0;
        double lam = st.lmParameter > 0 && st.lmParameter < upper ? st.lmParameter : 1e-3 * upper;
        double prevLam = 0;
        double prevPsi = Double.isFinite(st.gnNorm) ? 1 / radius - 1 / st.gnNorm : Double.NaN;
        double used = Double.NaN;
        for (int it = 0; it < 10; it++) {
            SolveResult r = st.solver.solve(lam, d, lin.residuals(), g, delta);
            double norm = r.hasSolution() && VectorOps.allFinite(delta) ? scaledNorm(d, delta) : Double.NaN;
            if (!Double.isFinite(norm)) {
                lower = lam;
                lam = Math.max(2 * lam, Math.sqrt(lower * upper));
                continue;
            }
            used = lam;
            double phi = norm - radius;
            if (Math.abs(phi) <= 0.1 * radius) {
                break;
            }
            if (phi > 0) {
                lower = lam;
            } else {
                upper = lam;
            }
            double psi = 1 / radius - 1 / norm;
            double next = Double.isFinite(prevPsi) && psi != prevPsi ? lam - psi * (lam - prevLam) / (psi - prevPsi)
                    : (phi > 0 ? 4 * lam : lam / 4);
            if (!(next > lower && next < upper)) {
                next = Math.max(1e-3 * upper, Math.sqrt(lower * upper));
            }
            prevLam = lam;
            prevPsi = psi;
            lam = next;
            if (it == 9) {
                break;
            }
        }
        if (Double.isNaN(used)) {
            return false;
        }
        if (used != lam) {
            // the last solve was at "used": delta holds that step unless a later solve failed and overwrote it
            SolveResult r = st.solver.solve(used, d, lin.residuals(), g, delta);
            if (!r.hasSolution() || !VectorOps.allFinite(delta)) {
                return false;
            }
        }
        st.lmParameter = used;
        double stepNorm = scaledNorm(d, delta);
        return stepNorm > 0 && Double.isFinite(stepNorm);
    }

    /**
     * The {@link Descent#SUBSPACE} step for radius Δ into {@code st.delta}: in the D-orthonormal basis {v₁, v₂} of
     * {@code span{D⁻²g, δ_GN}} the model is {@code m(c) = bᵀc + ½cᵀBc} with {@code b = Vᵀg}, {@code B = (JV)ᵀ(JV)};
     * its minimizer when B is positive definite and {@code ‖c‖ <= Δ}, else the minimizer on the circle
     * {@code ‖c‖ = Δ} (a search over the angle, refined by golden sections). False when no usable step.
     */
    private static boolean subspace(State st, double radius) {
        int n = st.n;
        double[] d = st.d;
        Linearization lin = st.lin;
        double[] g = lin.gradient();
        boolean fresh = !st.gnValid;
        gaussNewtonStep(st);
        if (fresh) {
            st.gnValid = true;
        }
        double[] delta = st.delta;
        if (st.gnNorm <= radius) {
            System.arraycopy(st.gn, 0, delta, 0, n);
            return st.gnNorm > 0;
        }
        // v1 = D⁻²g / ‖D⁻¹g‖ (scaled unit length)
        double[] v1 = new double[n];
        double gs = 0;
        for (int j = 0; j < n; j++) {
            v1[j] = g[j] / (d[j] * d[j]);
            gs += g[j] * g[j] / (d[j] * d[j]);
        }
        double gsn = Math.sqrt(gs);
        if (!(gsn > 0) || !Double.isFinite(gsn)) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            v1[j] /= gsn;
        }
        // v2: the Gauss-Newton step's part D-orthogonal to v1
        double[] v2 = null;
        if (Double.isFinite(st.gnNorm) && st.gnNorm > 0) {
            double proj = 0;
            for (int j = 0; j < n; j++) {
                proj += d[j] * d[j] * v1[j] * st.gn[j];
            }
            double[] w = new double[n];
            for (int j = 0; j < n; j++) {
                w[j] = st.gn[j] - proj * v1[j];
            }
            double wn = scaledNorm(d, w);
            if (wn > 1e-10 * st.gnNorm) {
                for (int j = 0; j < n; j++) {
                    w[j] /= wn;
                }
                v2 = w;
            }
        }
        boolean products = lin.jacobian() != null;
        int m = lin.rows();
        double[] j1 = products ? new double[m] : null;
        if (products) {
            lin.jacobianTimes(v1, j1);
        }
        double b1 = VectorOps.dot(g, v1);
        double b11 = products ? VectorOps.dot(j1, j1) : lin.curvature(v1);
        double c1;
        double c2 = 0;
        if (v2 == null) {
            // the scaled Cauchy step: along −v1, the model's minimizer cut at the radius
            double t = b11 > 0 ? -b1 / b11 : Double.POSITIVE_INFINITY;
            c1 = t > 0 && t < radius ? t : -radius;
            for (int j = 0; j < n; j++) {
                delta[j] = c1 * v1[j];
            }
        } else {
            double b2 = VectorOps.dot(g, v2);
            double b12;
            double b22;
            if (products) {
                double[] j2 = new double[m];
                lin.jacobianTimes(v2, j2);
                b12 = VectorOps.dot(j1, j2);
                b22 = VectorOps.dot(j2, j2);
            } else {
                // polarization: 2·v₁ᵀGv₂ = (v₁ + v₂)ᵀG(v₁ + v₂) − v₁ᵀGv₁ − v₂ᵀGv₂
                double[] sum = new double[n];
                for (int j = 0; j < n; j++) {
                    sum[j] = v1[j] + v2[j];
                }
                b22 = lin.curvature(v2);
                b12 = 0.5 * (lin.curvature(sum) - b11 - b22);
            }
            double det = b11 * b22 - b12 * b12;
            boolean inside = false;
            c1 = Double.NaN;
            if (det > 1e-14 * b11 * b22 && b11 > 0) {
                double u1 = -(b22 * b1 - b12 * b2) / det;
                double u2 = -(b11 * b2 - b12 * b1) / det;
                if (Math.hypot(u1, u2) <= radius) {
                    c1 = u1;
                    c2 = u2;
                    inside = true;
                }
            }
            if (!inside) {
                final int samples = 64;
                double best = Double.POSITIVE_INFINITY;
                double bestT = 0;
                for (int k = 0; k < samples; k++) {
                    double t = 2 * Math.PI * k / samples;
                    double v = circleModel(t, radius, b1, b2, b11, b12, b22);
                    if (v < best) {
                        best = v;
                        bestT = t;
                    }
                }
                double lo = bestT - 2 * Math.PI / samples;
                double hi = bestT + 2 * Math.PI / samples;
                final double phi = 0.5 * (Math.sqrt(5) - 1);
                double x1 = hi - phi * (hi - lo);
                double x2 = lo + phi * (hi - lo);
                double f1 = circleModel(x1, radius, b1, b2, b11, b12, b22);
                double f2 = circleModel(x2, radius, b1, b2, b11, b12, b22);
                for (int it = 0; it < 40; it++) {
                    if (f1 < f2) {
                        hi = x2;
                        x2 = x1;
                        f2 = f1;
                        x1 = hi - phi * (hi - lo);
                        f1 = circleModel(x1, radius, b1, b2, b11, b12, b22);
                    } else {
                        lo = x1;
                        x1 = x2;
                        f1 = f2;
                        x2 = lo + phi * (hi - lo);
                        f2 = circleModel(x2, radius, b1, b2, b11, b12, b22);
                    }
                }
                double t = f1 < f2 ? x1 : x2;
                if (Math.min(f1, f2) > best) {
                    t = bestT;
                }
                c1 = radius * Math.cos(t);
                c2 = radius * Math.sin(t);
            }
            for (int j = 0; j < n; j++) {
                delta[j] = c1 * v1[j] + c2 * v2[j];
            }
        }
        double stepNorm = scaledNorm(d, delta);
        return stepNorm > 0 && Double.isFinite(stepNorm);
    }

    /** The subspace model {@code bᵀc + ½cᵀBc} at {@code c = Δ(cos t, sin t)}. */
    private static double circleModel(double t, double radius, double b1, double b2, double b11, double b12,
            double b22) {
        double c1 = radius * Math.cos(t);
        double c2 = radius * Math.sin(t);
        return b1 * c1 + b2 * c2 + 0.5 * (b11 * c1 * c1 + 2 * b12 * c1 * c2 + b22 * c2 * c2);
    }

    private boolean dogleg(State st, double radius) {
        int n = st.n;
        double[] d = st.d;
        Linearization lin = st.lin;
        double[] g = lin.gradient();
        if (st.gn == null) {
            st.gn = new double[n];
            st.sd = new double[n];
        }
        double[] gn = st.gn;
        double[] sd = st.sd;
        if (!st.gnValid) {
            SolveResult r = st.solver.solve(0, d, lin.residuals(), g, gn);
            if (!r.hasSolution()) {
                Arrays.fill(gn, Double.NaN); // steepest descent alone
            }
            st.gnNorm = VectorOps.allFinite(gn) ? scaledNorm(d, gn) : Double.POSITIVE_INFINITY;
            // Cauchy point of the scaled model: δ_sd = −α·D⁻²g, α = ‖D⁻¹g‖² / ‖JD⁻²g‖²
            double[] dir = new double[n];
            double gs2 = 0;
            for (int j = 0; j < n; j++) {
                dir[j] = g[j] / (d[j] * d[j]);
                gs2 += g[j] * g[j] / (d[j] * d[j]);
            }
            double jj = lin.curvature(dir);
            double alpha = gs2 > 0 && jj > 0 ? gs2 / jj : 0;
            if (!Double.isFinite(alpha)) {
                alpha = 0;
            }
            for (int j = 0; j < n; j++) {
                sd[j] = -alpha * dir[j];
            }
            st.gnValid = true;
        }
        double[] delta = st.delta;
        double sdNorm = scaledNorm(d, sd);
        if (st.gnNorm <= radius) {
            System.arraycopy(gn, 0, delta, 0, n);
        } else if (sdNorm >= radius) {
            double s = radius / sdNorm;
            for (int j = 0; j < n; j++) {
                delta[j] = s * sd[j];
            }
        } else {
            // p = p_sd + τ(p_gn − p_sd) with ‖p‖ = Δ, τ in [0, 1]
            double aa = 0;
            double ab = 0;
            double bb = 0;
            for (int j = 0; j < n; j++) {
                double ps = d[j] * sd[j];
                double diff = d[j] * (gn[j] - sd[j]);
                aa += diff * diff;
                ab += ps * diff;
                bb += ps * ps;
            }
            double c = bb - radius * radius;
            double disc = Math.sqrt(Math.max(0, ab * ab - aa * c));
            double tau = ab <= 0 ? (disc - ab) / aa : -c / (ab + disc);
            for (int j = 0; j < n; j++) {
                delta[j] = sd[j] + tau * (gn[j] - sd[j]);
            }
        }
        double stepNorm = scaledNorm(d, delta);
        return stepNorm > 0 && Double.isFinite(stepNorm);
    }

    /** The trial points {@code x + αs} of a search, costs from the objective. */
    private static final class LoopTrial implements StepLength.Trial {
        private final State st;
        private final double[] dir;
        private final double cost0;
        private final double slope0;

        LoopTrial(State st, double[] dir, double cost0, double slope0) {
            this.st = st;
            this.dir = dir;
            this.cost0 = cost0;
            this.slope0 = slope0;
        }

        @Override
        public double cost0() {
            return cost0;
        }

        @Override
        public double slope0() {
            return slope0;
        }

        @Override
        public double cost(double alpha) {
            if (st.lower != null && dir == st.delta) {
                // the projection arc: a shortened step still reaches the bounds the full step reaches
                for (int j = 0; j < st.n; j++) {
                    st.xTrial[j] = Math.min(Math.max(st.x[j] + alpha * st.raw[j], st.lower[j]), st.upper[j]);
                }
            } else {
                for (int j = 0; j < st.n; j++) {
                    st.xTrial[j] = st.x[j] + alpha * dir[j];
                }
            }
            return st.objective.trialCost(st.xTrial);
        }

        @Override
        public void keep() {
            System.arraycopy(st.xTrial, 0, st.xKept, 0, st.n);
            st.objective.keepTrial();
        }

        @Override
        public boolean outOfTime() {
            return System.nanoTime() > st.deadline;
        }
    }

    // ------------------------------------------------------------------ stochastic

    /**
     * A fresh state for stochastic steps over n parameters (no start evaluation: each mini-batch brings its own).
     *
     * @param n the parameter count, ≥ 1
     * @return a fresh state with zero velocity and the control's initial state
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public State stochasticState(int n) {
        ArgumentChecks.requirePositive("parameters", n);
        State st = new State(null, new double[n], Double.NaN, Budget.unlimited(), System.nanoTime());
        st.solver = solver == null ? null : solver.fresh();
        st.controlState = control.initialState(0);
        st.velocity = new double[n];
        return st;
    }

    /**
     * One step on a mini-batch objective evaluated at θ (updated in place when the step is taken): the gradient and
     * the damped solve for the current λ (an unsolvable system is retried with the control's raised damping,
     * {@link #withSolveRetries}), momentum while it is a descent, the step length, the gain ratio of the
     * undamped model, and the control's update. A non-finite loss or gradient at θ, or {@code maxFailures} failures
     * in a row, report {@link StepOutcome#NON_FINITE} with θ untouched.
     *
     * @param st a state from {@link #stochasticState} or {@link #restoreState}, updated in place
     * @param batch the mini-batch objective, evaluated at θ
     * @param theta the parameters θ, length n, updated in place when the step is taken
     * @return the report of the step
     */
    public StepReport stochasticStep(State st, Objective batch, double[] theta) {
        int n = st.n;
        ArgumentChecks.requireLength("theta", theta, n);
        st.attempts++;
        System.arraycopy(theta, 0, st.x, 0, n);
        double lam = control.damping(st.controlState);
        double loss = batch.start(theta);
        if (!Double.isFinite(loss)) {
            return fail(st, loss, Double.NaN, lam, null, true);
        }
        Linearization lin = batch.linearize(theta);
        st.lin = lin;
        double[] g = lin.gradient();
        double gn = VectorOps.norm2(g);
        if (!Double.isFinite(gn)) {
            return fail(st, loss, gn, lam, null, true);
        }
        if (gn == 0) {
            // a stationary point of the mini-batch: nothing to do, and nothing learned about the model
            st.accepted++;
            st.failures = 0;
            st.hasVelocity = false;
            return new StepReport(StepOutcome.OK, loss, 0, 0, lam, 0, Double.NaN, 0, 0, null);
        }
        if (st.solver == null) {
            st.solver = DampedSolvers.auto(lin, true);
        }
        SolveResult prep = st.solver.prepare(lin);
        if (!prep.hasSolution()) {
            return fail(st, loss, gn, lam, null, false);
        }
        double[] delta = st.delta;
        SolveResult solve = st.solver.solve(lam, null, lin.residuals(), g, delta);
        for (int i = 0; i < solveRetries && !solve.hasSolution(); i++) {
            control.failed(st.controlState, 0, st.accepted);
            lam = control.damping(st.controlState);
            solve = st.solver.solve(lam, null, lin.residuals(), g, delta);
        }
        if (!solve.hasSolution() || !VectorOps.allFinite(delta)) {
            return fail(st, loss, gn, lam, solve, false);
        }
        // s = δ + β·Δθ_prev, dropped when it is not a descent direction
        double[] s = st.s;
        double gs;
        if (momentum > 0 && st.hasVelocity) {
            for (int i = 0; i < n; i++) {
                s[i] = delta[i] + momentum * st.velocity[i];
            }
            gs = VectorOps.dot(g, s);
            if (!(gs < 0)) {
                System.arraycopy(delta, 0, s, 0, n);
            }
        } else {
            System.arraycopy(delta, 0, s, 0, n);
        }
        gs = VectorOps.dot(g, s);
        if (!(gs < 0)) {
            // the solve of an SPD system from a cold start always gives ∇Lᵀδ < 0; anything else is a broken solve
            return fail(st, loss, gn, lam, solve, false);
        }
        boolean model = control.usesGainRatio() || st.solver.usesGainRatio();
        double sGs = model ? curvature(st, s) : Double.NaN;
        if (model && !Double.isFinite(sGs)) {
            return fail(st, loss, gn, lam, solve, false);
        }
        double alpha = 1;
        boolean accepted;
        double lastAlpha = Double.NaN;
        double lastTrial = Double.NaN;
        if (length instanceof StepLength.UnitStep && !model) {
            accepted = true;
        } else {
            StepLength.Result found = length.search(new StochasticTrial(theta, s, batch, loss, gs, st.xTrial));
            accepted = found.found();
            alpha = found.alpha();
            lastAlpha = found.alpha();
            lastTrial = found.cost();
            if (!accepted && Double.isNaN(lastTrial)) {
                return fail(st, loss, gn, lam, solve, false);
            }
        }
        double ratio = Double.NaN;
        if (model && !Double.isNaN(lastTrial)) {
            ratio = GainRatio.of(loss - lastTrial, GainRatio.predicted(lastAlpha, gs, sGs));
        }
        double res = solve.relativeResidual();
        if (!accepted) {
            double r = Double.isNaN(ratio) ? 0 : Math.min(ratio, 0);
            st.hasVelocity = false;
            control.rejected(st.controlState, r, 0, st.accepted);
            st.solver.afterStep(r, false, solve, delta);
            return new StepReport(StepOutcome.REJECTED, loss, gn, 0, lam, 0, ratio, solve.iterations(), res,
                    null);
        }
        double sn = 0;
        for (int i = 0; i < n; i++) {
            double step = alpha * s[i];
            theta[i] += step;
            st.velocity[i] = step;
            sn += step * step;
        }
        System.arraycopy(theta, 0, st.x, 0, n);
        st.hasVelocity = momentum > 0;
        st.accepted++;
        st.failures = 0;
        double r = model ? ratio : 1.0;
        control.accepted(st.controlState, r, Math.sqrt(sn), st.accepted);
        st.solver.afterStep(r, true, solve, delta);
        return new StepReport(StepOutcome.OK, loss, gn, Math.sqrt(sn), lam, alpha, ratio,
                solve.iterations(), res, null);
    }

    private StepReport fail(State st, double loss, double gn, double lam, SolveResult solve, boolean atTheta) {
        st.failures++;
        st.hasVelocity = false;
        control.failed(st.controlState, 0, st.accepted);
        if (st.solver != null) {
            st.solver.afterStep(Double.NaN, false, solve, null);
        }
        StepOutcome o = atTheta || st.failures >= maxFailures ? StepOutcome.NON_FINITE
                : StepOutcome.REJECTED;
        return new StepReport(o, loss, gn, 0, lam, 0, Double.NaN, solve == null ? 0 : solve.iterations(),
                solve == null ? Double.NaN : solve.relativeResidual(), null);
    }

    /** Trial points of a stochastic step: the mini-batch loss at {@code θ + αs}. */
    private static final class StochasticTrial implements StepLength.Trial {
        private final double[] theta;
        private final double[] dir;
        private final Objective batch;
        private final double cost0;
        private final double slope0;
        private final double[] trial;

        StochasticTrial(double[] theta, double[] dir, Objective batch, double cost0, double slope0, double[] trial) {
            this.theta = theta;
            this.dir = dir;
            this.batch = batch;
            this.cost0 = cost0;
            this.slope0 = slope0;
            this.trial = trial;
        }

        @Override
        public double cost0() {
            return cost0;
        }

        @Override
        public double slope0() {
            return slope0;
        }

        @Override
        public double cost(double alpha) {
            for (int j = 0; j < trial.length; j++) {
                trial[j] = theta[j] + alpha * dir[j];
            }
            return batch.trialCost(trial);
        }

        @Override
        public void keep() {
        }
    }

    // ------------------------------------------------------------------ stochastic checkpoint

    /*
     * State layout: [control state (c entries), failures, attempts, n, hasVelocity, velocity (n if hasVelocity),
     * solver state].
     */

    /**
     * The stochastic state as numbers for a checkpoint.
     *
     * @param st a stochastic state
     * @return a new vector {@code [control state, failures, attempts, n, hasVelocity, velocity, solver state]}
     */
    public double[] stateVector(State st) {
        int n = st.n;
        double[] extra = st.solver == null ? new double[0] : st.solver.state();
        int c = st.controlState.length;
        int vel = st.hasVelocity ? n : 0;
        double[] v = new double[c + 4 + vel + extra.length];
        System.arraycopy(st.controlState, 0, v, 0, c);
        v[c] = st.failures;
        v[c + 1] = st.attempts;
        v[c + 2] = n;
        v[c + 3] = st.hasVelocity ? 1 : 0;
        if (st.hasVelocity) {
            System.arraycopy(st.velocity, 0, v, c + 4, n);
        }
        System.arraycopy(extra, 0, v, c + 4 + vel, extra.length);
        return v;
    }

    /**
     * The stochastic state from {@link #stateVector}, with {@code acceptedSteps} accepted steps so far.
     *
     * @param v a vector from {@link #stateVector}
     * @param acceptedSteps the accepted steps so far, ≥ 0
     * @param owner the optimizer's name, used in error messages
     * @return the restored stochastic state
     * @throws IllegalArgumentException if the vector does not fit this loop
     */
    public State restoreState(double[] v, long acceptedSteps, String owner) {
        int c = control.initialState(0).length;
        if (v.length < c + 4) {
            throw new IllegalArgumentException("state has length " + v.length + ", expected at least " + (c + 4)
                    + " (" + owner + " state header)");
        }
        int n = (int) v[c + 2];
        boolean vel = v[c + 3] != 0;
        if (n < 1 || v[c + 2] != n || v.length < c + 4 + (vel ? n : 0)) {
            throw new IllegalArgumentException("state has length " + v.length + " for " + v[c + 2] + " parameters, "
                    + "expected at least " + (c + 4 + (vel ? Math.max(n, 0) : 0)));
        }
        State st = stochasticState(n);
        System.arraycopy(v, 0, st.controlState, 0, c);
        st.failures = (int) v[c];
        st.attempts = (long) v[c + 1];
        st.accepted = acceptedSteps;
        st.hasVelocity = vel;
        int pos = c + 4;
        if (vel) {
            System.arraycopy(v, pos, st.velocity, 0, n);
            pos += n;
        }
        int used = 0;
        if (st.solver != null) {
            used = st.solver.restore(v, pos, n);
        }
        if (pos + used != v.length) {
            throw new IllegalArgumentException("state has length " + v.length + ", expected " + (pos + used) + " for "
                    + owner + " with " + n + " parameters");
        }
        return st;
    }

    /**
     * Accepted steps of a stochastic state.
     *
     * @param st a stochastic state
     * @return the number of accepted steps, ≥ 0
     */
    public static long acceptedSteps(State st) {
        return st.accepted;
    }

    /**
     * Failures in a row of a stochastic state.
     *
     * @param st a stochastic state
     * @return the number of failed steps since the last accepted one, ≥ 0
     */
    public static int failures(State st) {
        return st.failures;
    }

    @Override
    public String toString() {
        return "GaussNewtonLoop[solver=" + (solver == null ? "auto" : solver.name()) + ", control=" + control
                + ", length=" + length + ", descent=" + descent + ", scaling=" + scaling
                + (geodesic != Geodesic.OFF ? ", geodesic " + geodesic : "") + (momentum > 0 ? ", momentum=" + momentum : "") + "]";
    }
}
