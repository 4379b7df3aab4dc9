package org.gn4j.solvers;

/** Thrown by {@link SolveResult#orThrow()} for callers that want failures as exceptions. */
public final class SolverException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SolveResult result;

    /**
     * An exception carrying the failed result; its message is {@code "linear solve failed: "} followed by the result.
     *
     * @param result the result without a solution
     */
    public SolverException(SolveResult result) {
        super("linear solve failed: " + result);
        this.result = result;
    }

    /**
     * The failed result.
     *
     * @return the result passed to the constructor
     */
    public SolveResult result() {
        return result;
    }
}
