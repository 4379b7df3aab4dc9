package org.gn4j.gn.core;

import org.gn4j.gn.IterationRecord;
import org.gn4j.linalg.VectorView;

/** Called by the loop after every trial step; its return value may stop the run. */
@FunctionalInterface
public interface IterationCallback {
    /**
     * @param record     the trial step
     * @param parameters the current (accepted) parameters, read-only
     * @return whether the loop goes on, stops with success or aborts
     */
    CallbackReturn iteration(IterationRecord record, VectorView parameters);
}
