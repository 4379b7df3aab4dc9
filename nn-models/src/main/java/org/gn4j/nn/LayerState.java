package org.gn4j.nn;

/** Per-batch-chunk storage of a {@link Layer}: what the forward pass caches for the tangent and adjoint passes. */
public interface LayerState {
    /**
     * The largest batch this state can hold.
     *
     * @return the largest batch, {@code >= 1}
     */
    int maxBatch();

    /**
     * A state with nothing to cache (parameter-free, linear layers).
     *
     * @param maxBatch the largest batch
     * @return a state that stores nothing and reports {@code maxBatch}
     */
    static LayerState empty(int maxBatch) {
        return () -> maxBatch;
    }
}
