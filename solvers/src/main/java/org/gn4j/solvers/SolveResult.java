package org.gn4j.solvers;

/**
 * The outcome of one preparation or one solve: the status, iterations taken (0 for direct solvers), the final
 * residual norm {@code ‖b − Ax‖₂} (for least squares {@code ‖Aᵀ(b − Ax)‖₂}, the optimality residual) and the norm of
 * the right-hand side used for relative tests. NaN residuals mean "not computed" (a factorization, say).
 *
 * @param status       how the solve ended
 * @param iterations   iterations performed (CG iterations; 0 for direct solves)
 * @param residualNorm final residual norm, or NaN where not computed
 * @param rhsNorm      norm of the right-hand side, or NaN where not applicable
 * @param message      human-readable detail (which pivot failed, which tolerance was met), never null
 */
public record SolveResult(SolveStatus status, int iterations, double residualNorm, double rhsNorm, String message) {

    /**
     * Checks the status and normalises the message.
     *
     * @param status how the solve ended, not null
     * @param iterations iterations performed (0 for direct solves)
     * @param residualNorm final residual norm, or NaN where not computed
     * @param rhsNorm norm of the right-hand side, or NaN where not applicable
     * @param message human-readable detail, or null for none
     * @throws IllegalArgumentException if status is null (a null message becomes the empty string)
     */
    public SolveResult {
        if (status == null) {
            throw new IllegalArgumentException("status must not be null");
        }
        if (message == null) {
            message = "";
        }
    }

    /**
     * A successful direct result with no residual information.
     *
     * @param message human-readable detail, or null for none
     * @return a CONVERGED result with 0 iterations and NaN residual and right-hand-side norms
     */
    public static SolveResult ok(String message) {
        return new SolveResult(SolveStatus.CONVERGED, 0, Double.NaN, Double.NaN, message);
    }

    /**
     * A failed result.
     *
     * @param status the failure status, not null
     * @param message human-readable detail (what failed), or null for none
     * @return a result with that status, 0 iterations and NaN norms
     */
    public static SolveResult failed(SolveStatus status, String message) {
        return new SolveResult(status, 0, Double.NaN, Double.NaN, message);
    }

    /**
     * {@code residualNorm / rhsNorm}, or the residual itself when the right-hand side is zero.
     *
     * @return the relative residual; NaN when the residual was not computed
     */
    public double relativeResidual() {
        return rhsNorm > 0 ? residualNorm / rhsNorm : residualNorm;
    }

    /**
     * True when the output holds a usable answer ({@link SolveStatus#hasSolution()}).
     *
     * @return whether the output vector holds a usable answer for this status
     */
    public boolean hasSolution() {
        return status.hasSolution();
    }

    /**
     * True for {@link SolveStatus#CONVERGED}.
     *
     * @return whether the status is CONVERGED
     */
    public boolean converged() {
        return status == SolveStatus.CONVERGED;
    }

    /**
     * Returns this result if it holds a solution, else throws — the switch for callers that prefer exceptions.
     *
     * @return this result, unchanged
     * @throws SolverException if {@link #hasSolution()} is false
     */
    public SolveResult orThrow() {
        if (!hasSolution()) {
            throw new SolverException(this);
        }
        return this;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(status.name());
        if (iterations > 0) {
            sb.append(", ").append(iterations).append(" iterations");
        }
        if (!Double.isNaN(residualNorm)) {
            sb.append(String.format(java.util.Locale.ROOT, ", residual %.3e", residualNorm));
            if (rhsNorm > 0) {
                sb.append(String.format(java.util.Locale.ROOT, " (relative %.3e)", relativeResidual()));
            }
        }
        if (!message.isEmpty()) {
            sb.append(": ").append(message);
        }
        return sb.toString();
    }
}
