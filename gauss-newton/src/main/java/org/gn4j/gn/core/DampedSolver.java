package org.gn4j.gn.core;

import org.gn4j.solvers.SolveResult;

/**
 * The damped linear least-squares solve of every Gauss-Newton-type step,
 * {@code x = argmin ‖Jx + r‖² + λ‖Dx‖²}, i.e. {@code (JᵀJ + λD²)x = −Jᵀr}, in two phases: {@link #prepare} once per
 * linearization (Gram matrix, operator, factor of the base), then {@link #solve} for as many λ as the step control
 * tries. Implementations: {@link QrSolver} (augmented QR), {@link GramCholeskySolver} (cached Gram matrix),
 * {@link CgSolver} (matrix-free), {@link PushThroughSolver} (low-rank, in residual space), {@link BlockBandedSolver}
 * (block-banded Gram matrices), {@link org.gn4j.gn.sparse.SparseCholeskySolver},
 * {@link org.gn4j.gn.sparse.SparseQrSolver}, {@link org.gn4j.gn.sparse.SparseCholeskyOrQrSolver} and
 * {@link org.gn4j.gn.sparse.LsmrSolver} (sparse Jacobians), {@link org.gn4j.gn.ba.SchurDampedSolver} (Schur
 * complement of bundle adjustment); {@link DampedSolvers#auto} picks one by structure and sizes.
 *
 * <p>A solver owns work buffers and per-run state; {@link #fresh()} gives an independent one with the same
 * configuration for each run.
 */
public interface DampedSolver {
    /**
     * Short name for reports ("qr", "cholesky", "cg", "push-through", "block-banded").
     *
     * @return the solver's short name
     */
    String name();

    /**
     * A new solver with the same configuration and no state.
     *
     * @return a new, unprepared solver
     */
    DampedSolver fresh();

    /**
     * Whether this solver can work on the linearization (a dense J for QR, residuals for push-through, …).
     *
     * @param lin the linearization at the current point
     * @return {@code true} if {@link #prepare} can work on it
     */
    boolean supports(Linearization lin);

    /**
     * Prepares for the linearization (Gram matrix, factor of the base); failure is a status.
     *
     * @param lin the linearization at the current point
     * @return the outcome; a failure is reported in its status, not thrown
     */
    SolveResult prepare(Linearization lin);

    /**
     * Solves {@code (JᵀJ + λD²)x = −gradient} for the residual vector {@code residual} with {@code gradient = Jᵀr}
     * (solvers use whichever they need).
     *
     * @param lambda   damping λ ≥ 0 (0: the Gauss-Newton step, minimum-norm where J is rank-deficient if the solver
     *                 supports it)
     * @param d        scaling D (length n, positive) or null for the identity
     * @param residual r (length m) or null for a Gram-only linearization
     * @param gradient Jᵀr (length n)
     * @param out      the step x (length n); read as the starting guess by warm-started iterative solvers
     * @return the outcome (status, iterations, residual); {@code out} holds the step when {@link
     *         SolveResult#hasSolution()}
     */
    SolveResult solve(double lambda, double[] d, double[] residual, double[] gradient, double[] out);

    /**
     * {@code sᵀJᵀJs} from products the last solve already made, or NaN when it has none for s (the loop then asks the
     * linearization).
     *
     * @param s the step direction, length n
     * @return {@code sᵀJᵀJs}, or NaN when not available from the last solve
     */
    default double curvature(double[] s) {
        return Double.NaN;
    }

    /**
     * Whether the solver reads the gain ratio of each step ({@link #afterStep}).
     *
     * @return {@code true} if {@link #afterStep} needs the gain ratio
     */
    default boolean usesGainRatio() {
        return false;
    }

    /**
     * Told after each step: its gain ratio (NaN for a failed step), whether it was taken, the last solve's result
     * (null if none) and the solver's solution (null if none).
     *
     * @param gainRatio the step's gain ratio, NaN for a failed step
     * @param accepted whether the step was taken
     * @param last the last solve's result, or {@code null}
     * @param solution the last solve's solution (length n), or {@code null}; not to be kept
     */
    default void afterStep(double gainRatio, boolean accepted, SolveResult last, double[] solution) {
    }

    /**
     * The solver's own state for a checkpoint (empty by default).
     *
     * @return a new vector with the solver's state; empty for a stateless solver
     */
    default double[] state() {
        return new double[0];
    }

    /**
     * Restores {@link #state()} from {@code v[from..]} for n parameters; returns the entries consumed.
     *
     * @param v the checkpoint vector
     * @param from the index of the solver's first entry in {@code v}
     * @param n the parameter count
     * @return the number of entries of {@code v} read
     * @throws IllegalArgumentException if the entries do not fit
     */
    default int restore(double[] v, int from, int n) {
        return 0;
    }

    /**
     * The solver a second run from this run's end point starts with (the loop's retry, {@link
     * GaussNewtonLoop#withRetryScaling}), or {@code null} to start it as the first run started. A solver that learned
     * during the run something that holds for the rest of it passes it on here ({@link
     * org.gn4j.gn.sparse.SparseCholeskyOrQrSolver} after its switch to QR).
     *
     * @return a new solver for the retry, or {@code null} (the default)
     */
    default DampedSolver forRetry() {
        return null;
    }

    /** Forgets the solver's state (as {@link #fresh()}). */
    default void reset() {
    }
}
