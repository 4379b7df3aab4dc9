package org.gn4j.linalg.op;

/**
 * Structure tags of a {@link LinearOperator}. Tags are promises made by whoever built the operator; factories use
 * them to choose a solver (CG needs {@link #SYMMETRIC} and {@link #POSITIVE_SEMIDEFINITE} or better).
 */
public enum Structure {
    /** {@code A = Aᵀ}; implies a square operator. */
    SYMMETRIC,
    /** {@code xᵀAx >= 0} for all x (with {@link #SYMMETRIC}). */
    POSITIVE_SEMIDEFINITE,
    /** {@code xᵀAx > 0} for all {@code x != 0} (implies {@link #POSITIVE_SEMIDEFINITE}). */
    POSITIVE_DEFINITE,
    /** Only diagonal entries are non-zero (implies {@link #SYMMETRIC}). */
    DIAGONAL
}
