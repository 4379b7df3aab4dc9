package org.gn4j.pinn.dd;

import java.util.Locale;

import org.gn4j.gn.LeastSquaresObjective;
import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.gn.ScalingRule;
import org.gn4j.gn.StoppingCriteria;
import org.gn4j.gn.TerminationReason;
import org.gn4j.gn.core.CallbackReturn;
import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.DampedSolvers;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.core.Linearization;
import org.gn4j.gn.core.NielsenDamping;
import org.gn4j.gn.core.OperatorLinearization;
import org.gn4j.gn.core.StepLength;
import org.gn4j.gn.stochastic.Adam;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.pinn.train.AdamTrainer;
import org.gn4j.pinn.train.Recorder;
import org.gn4j.pinn.train.TrainingListener;
import org.gn4j.pinn.train.TrainingOptions;
import org.gn4j.pinn.train.TrainingResult;
import org.gn4j.solvers.SolveResult;

/**
 * Training of an {@link FbpinnProblem}: Levenberg-Marquardt (a configuration of the {@link GaussNewtonLoop}: Nielsen's
 * damping from λ₀ = 1e-3, unit steps, geodesic acceleration before every trial as in the PINN LM trainer), the step from {@code (JᵀJ + λI)δ = −Jᵀr} with {@code JᵀJ} assembled block by
 * block and solved by the core's block-banded Cholesky ({@link Solve#BLOCK_BANDED}) or by a dense Cholesky of the
 * same matrix ({@link Solve#DENSE}); or full-batch Adam
 * ({@link #adam}). With {@link #withDenseComparison} the LM run first solves its first system (at the start point,
 * λ = 1e-3) k times both ways before its clock starts (after five untimed block solves to warm the JIT), keeping
 * each path's fastest time and the largest relative difference of the two steps; the training budget is not charged
 * for the dense solves.
 */
public final class FbpinnTrainer {
    /** The inner linear solve of an LM step. */
    public enum Solve {
        /** Block-banded Cholesky of the assembled {@code JᵀJ + λI}, exploiting the subdomain band structure. */
        BLOCK_BANDED,
        /** Dense Cholesky of the same matrix, for comparison. */
        DENSE
    }

    /**
     * @param training        the run
     * @param solveSeconds    mean seconds per solve of the solver used (factor + solve)
     * @param denseSeconds    fastest seconds per dense solve (Gram assembly, factor, solve) of the first system, measured before the clock starts
     *                        (NaN without comparison; for the dense LM without comparison, its own mean)
     * @param blockSeconds    fastest seconds per block-banded solve of that same first system, after five warm-up
     *                        solves (NaN without comparison)
     * @param comparedSolves  repetitions of the first system solved both ways
     * @param maxRelativeDiff largest {@code ‖δ_block − δ_dense‖/‖δ_dense‖} (NaN without comparison)
     */
    public record Run(TrainingResult training, double solveSeconds, double denseSeconds, double blockSeconds,
            int comparedSolves,
            double maxRelativeDiff) {
    }

    private final boolean adam;
    private final Solve solve;
    private final double rate;
    private final double finalRate;
    private final int compare;

    private FbpinnTrainer(boolean adam, Solve solve, double rate, double finalRate, int compare) {
        this.adam = adam;
        this.solve = solve;
        this.rate = rate;
        this.finalRate = finalRate;
        this.compare = compare;
    }

    /**
     * LM with the given inner solve.
     *
     * @param s the inner solve, not null
     * @return a Levenberg-Marquardt trainer without dense comparison
     * @throws IllegalArgumentException if {@code s} is null
     */
    public static FbpinnTrainer levenbergMarquardt(Solve s) {
        if (s == null) {
            throw new IllegalArgumentException("solve must not be null");
        }
        return new FbpinnTrainer(false, s, 0, 0, 0);
    }

    /**
     * Full-batch Adam, rate decayed geometrically from {@code rate} to {@code finalRate} over the budget.
     *
     * @param rate initial learning rate, positive
     * @param finalRate learning rate at the end of the budget, positive
     * @return an Adam trainer
     * @throws IllegalArgumentException if a rate is not positive
     */
    public static FbpinnTrainer adam(double rate, double finalRate) {
        ArgumentChecks.requirePositive("rate", rate);
        ArgumentChecks.requirePositive("finalRate", finalRate);
        return new FbpinnTrainer(true, null, rate, finalRate, 0);
    }

    /**
     * Before training, solve the first LM system k times both ways (block-banded and dense), untimed (0: never).
     *
     * @param k number of repetitions of the comparison, ≥ 0
     * @return a new trainer with the same settings and the comparison count k
     * @throws IllegalArgumentException if k is negative
     */
    public FbpinnTrainer withDenseComparison(int k) {
        ArgumentChecks.requireNonNegative("k", k);
        return new FbpinnTrainer(adam, solve, rate, finalRate, k);
    }

    /**
     * Display name of the trainer, e.g. {@code "LM (block-banded Cholesky)"} or {@code "Adam (lr 1e-03 -> 1e-05)"}.
     *
     * @return the name
     */
    public String name() {
        return adam ? String.format(Locale.ROOT, "Adam (lr %.0e -> %.0e)", rate, finalRate)
                : "LM (" + (solve == Solve.DENSE ? "dense" : "block-banded") + " Cholesky)";
    }

    /**
     * Trains from {@code start}; the listener (may be null) sees every history sample.
     *
     * @param problem the problem to train
     * @param start initial parameters, length {@link FbpinnProblem#parameterCount()}, finite; not modified
     * @param options budget, stopping and evaluation options
     * @param listener receives every history sample, or null
     * @return the run: the training result with solve timings and, if requested, the dense comparison
     * @throws IllegalArgumentException if {@code start} has the wrong length or non-finite entries
     */
    public Run train(FbpinnProblem problem, double[] start, TrainingOptions options, TrainingListener listener) {
        ArgumentChecks.requireLength("start", start, problem.parameterCount());
        ArgumentChecks.requireFinite("start", start);
        return adam ? trainAdam(problem, start, options, listener) : trainLm(problem, start, options, listener);
    }

    private static double cost(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return 0.5 * s;
    }

    /** A damped solver that adds up the seconds of its solves (the run reports the mean). */
    private static final class TimedSolver implements DampedSolver {
        final DampedSolver inner;
        double seconds;
        int solves;

        TimedSolver(DampedSolver inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public DampedSolver fresh() {
            return this;
        }

        @Override
        public boolean supports(Linearization lin) {
            return inner.supports(lin);
        }

        @Override
        public SolveResult prepare(Linearization lin) {
            return inner.prepare(lin);
        }

        @Override
        public SolveResult solve(double lambda, double[] d, double[] residual, double[] gradient, double[] out) {
            long t = System.nanoTime();
            SolveResult r = inner.solve(lambda, d, residual, gradient, out);
            seconds += (System.nanoTime() - t) / 1e9;
            solves++;
            return r;
        }
    }

    private static LeastSquaresProblem leastSquares(FbpinnProblem problem) {
        return LeastSquaresProblem.builder(problem.parameterCount(), problem.residualCount())
                .residuals(problem::residuals).jacobianOperator(problem::jacobian).build();
    }

    /** The linearization at θ with the block-sparse Jacobian. */
    private static Linearization linearization(FbpinnProblem problem, double[] theta) {
        double[] r = new double[problem.residualCount()];
        problem.residuals(theta, r);
        return new OperatorLinearization(problem.jacobian(theta), r, null, cost(r));
    }

    /**
     * The core loop of the Levenberg-Marquardt variant: the block-banded (or dense) Cholesky solver, Nielsen's damping
     * from 1e-3, unit steps, no scaling, geodesic acceleration ({@link GaussNewtonLoop.Geodesic#EVERY_STEP}), only the
     * step-size test (budget and callback are set per run).
     *
     * @return a new loop configured as described; the caller sets budget and callback
     * @throws IllegalStateException for the Adam variant
     */
    public GaussNewtonLoop loop() {
        if (adam) {
            throw new IllegalStateException("the Adam variant runs no Gauss-Newton loop");
        }
        return new GaussNewtonLoop()
                .withSolver(solve == Solve.DENSE ? DampedSolvers.cholesky() : DampedSolvers.blockBanded())
                .withControl(new NielsenDamping(1e-3)).withStepLength(StepLength.none())
                .withScaling(ScalingRule.IDENTITY)
                .withGeodesicAcceleration(GaussNewtonLoop.Geodesic.EVERY_STEP)
                .withTolerances(StoppingCriteria.defaults().withFunctionTolerance(0).withGradientTolerance(0)
                        .withParameterTolerance(1e-15));
    }

    private Run trainLm(FbpinnProblem problem, double[] start, TrainingOptions options, TrainingListener listener) {
        int pc = problem.parameterCount();
        double[] theta = start.clone();
        // The dense comparison runs before the clock starts: the first system (λ = 1e-3), solved `compare` times
        // each way by the core's block-banded and dense Cholesky solvers.
        double denseTime = 0;
        double blockTime = 0;
        int compared = 0;
        double maxDiff = Double.NaN;
        if (compare > 0) {
            Linearization lin = linearization(problem, theta);
            DampedSolver block = DampedSolvers.blockBanded();
            DampedSolver dense = DampedSolvers.cholesky();
            block.prepare(lin);
            double[] delta = new double[pc];
            double[] dd = new double[pc];
            double lambda = 1e-3;
            // warm the block path's kernels (JIT) so its timing is not mostly compilation; each path's time is
            // its fastest repetition
            for (int rep = 0; rep < 5; rep++) {
                block.solve(lambda, null, lin.residuals(), lin.gradient(), delta);
            }
            blockTime = Double.POSITIVE_INFINITY;
            denseTime = Double.POSITIVE_INFINITY;
            for (int rep = 0; rep < compare; rep++) {
                long t = System.nanoTime();
                block.prepare(lin);
                boolean okB = block.solve(lambda, null, lin.residuals(), lin.gradient(), delta).hasSolution();
                long t1 = System.nanoTime();
                dense.prepare(lin);
                boolean okD = dense.solve(lambda, null, lin.residuals(), lin.gradient(), dd).hasSolution();
                long t2 = System.nanoTime();
                if (!okB || !okD) {
                    break;
                }
                blockTime = Math.min(blockTime, (t1 - t) / 1e9);
                denseTime = Math.min(denseTime, (t2 - t1) / 1e9);
                compared++;
                double num = 0;
                double den = 0;
                for (int i = 0; i < pc; i++) {
                    num += (delta[i] - dd[i]) * (delta[i] - dd[i]);
                    den += dd[i] * dd[i];
                }
                double rel = Math.sqrt(num / den);
                maxDiff = Double.isNaN(maxDiff) ? rel : Math.max(maxDiff, rel);
            }
        }
        Recorder book = new Recorder(problem, pc, theta, options, listener);
        double[] r = new double[problem.residualCount()];
        problem.residuals(theta, r);
        double c = cost(r);
        book.sample(0, c, theta, true);
        TimedSolver timed = new TimedSolver(solve == Solve.DENSE ? DampedSolvers.cholesky()
                : DampedSolvers.blockBanded());
        double[] th = new double[pc];
        GaussNewtonLoop loop = loop().withSolver(timed).withBudget(options.caps())
                .withCallback((ir, x) -> {
                    if (!ir.accepted()) {
                        return CallbackReturn.CONTINUE;
                    }
                    x.copyTo(th, 0);
                    return book.sample(ir.iteration(), ir.cost(), th, false) ? CallbackReturn.STOP
                            : CallbackReturn.CONTINUE;
                });
        GaussNewtonLoop.State st = loop.run(new LeastSquaresObjective(leastSquares(problem), true), theta);
        TerminationReason why = st.reason();
        // a callback's stop is the target error being reached
        TerminationReason status = why == TerminationReason.USER_SUCCESS ? TerminationReason.TARGET_REACHED : why;
        TrainingResult t = book.finish(name(), st.x(), st.iterations(), st.cost(), status, st.message());
        return run(t, timed.seconds, timed.solves, compared == 0 ? Double.NaN : blockTime,
                compared == 0 ? Double.NaN : denseTime, compared, maxDiff);
    }

    private Run run(TrainingResult t, double solveTime, int solves, double cmpBlock, double cmpDense, int compared,
            double diff) {
        double mean = solves == 0 ? Double.NaN : solveTime / solves;
        double dense = cmpDense;
        if (solve == Solve.DENSE && compared == 0) {
            dense = mean;
        }
        return new Run(t, mean, dense, cmpBlock, compared, diff);
    }

    private static Run adamRun(TrainingResult t) {
        return new Run(t, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN);
    }

    /** Full-batch Adam (the gauss-newton module's {@link Adam}) on {@code ½‖r‖²}, gradient {@code Jᵀr}. */
    private Run trainAdam(FbpinnProblem problem, double[] start, TrainingOptions options, TrainingListener listener) {
        Recorder book = new Recorder(problem, problem.parameterCount(), start, options, listener);
        double budget = options.budget().toNanos() / 1e9;
        // the rate decays with the run's clock: rate·(finalRate/rate)^min(1, t/budget)
        Adam adam = new Adam(t -> rate * Math.pow(finalRate / rate, Math.min(1.0, book.seconds() / budget)))
                .withEpsilon(1e-12);
        double[] r = new double[problem.residualCount()];
        return adamRun(AdamTrainer.run(name(), adam, (theta, g) -> {
            problem.residuals(theta, r);
            double c = cost(r);
            if (Double.isFinite(c)) {
                problem.jacobian(theta).applyTranspose(r, g);
            }
            return c;
        }, book, start, options.withResampleEvery(0)));
    }
}
