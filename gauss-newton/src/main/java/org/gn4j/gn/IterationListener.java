package org.gn4j.gn;

import org.gn4j.gn.core.CallbackReturn;
import org.gn4j.gn.core.IterationCallback;
import org.gn4j.linalg.VectorView;

/**
 * Receives every iteration of a nonlinear least-squares solve; the parameters are a read-only view. A listener only
 * observes; an {@link IterationCallback} can also stop the solve.
 */
@FunctionalInterface
public interface IterationListener {
    /**
     * Called after each trial step with the record and the current (accepted) parameters.
     *
     * @param record the trial step's record
     * @param parameters the current (accepted) parameters, as a read-only view of the live point (copy it to keep it)
     */
    void iteration(IterationRecord record, VectorView parameters);

    /**
     * The listener as a callback that always continues (null for null).
     *
     * @param l the listener, or {@code null}
     * @return a callback that calls {@code l} and returns {@link CallbackReturn#CONTINUE}, or {@code null} for a {@code
     *         null} listener
     */
    static IterationCallback callback(IterationListener l) {
        if (l == null) {
            return null;
        }
        return (record, parameters) -> {
            l.iteration(record, parameters);
            return CallbackReturn.CONTINUE;
        };
    }
}
