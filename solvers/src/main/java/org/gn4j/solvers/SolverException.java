package org.gn4j.solvers;

/** Thrown by {@link SolveResult#orThrow()} for callers that want failures as exceptions. */
public final class SolverException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SolveResult result;

    public SolverException(SolveResult result) {
        super("linear solve failed: " + result);
        this.result = result;
    }

    /** The failed result. */
    public SolveResult result() {
        return result;
    }
}
