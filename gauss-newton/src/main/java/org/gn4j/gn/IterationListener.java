package org.gn4j.gn;

import org.gn4j.linalg.VectorView;

/** Receives every iteration of a nonlinear least-squares solve; the parameters are a read-only view. */
@FunctionalInterface
public interface IterationListener {
    /** Called after each trial step with the record and the current (accepted) parameters. */
    void iteration(IterationRecord record, VectorView parameters);
}
