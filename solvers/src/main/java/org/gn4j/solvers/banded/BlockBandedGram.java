package org.gn4j.solvers.banded;

/**
 * A Jacobian whose Gram matrix {@code JᵀJ} is block-banded (overlapping domain decomposition: one parameter block
 * per subdomain, blocks coupled only through neighbours), so that it can be assembled block by block into a
 * {@link BlockBandedMatrix} and factored by {@link BlockBandedCholesky}.
 */
public interface BlockBandedGram {
    /** Number of diagonal blocks. */
    int blocks();

    /** Size of each block. */
    int blockSize();

    /** Block bandwidth (0: block-diagonal). */
    int bandwidth();

    /** {@code out = JᵀJ} (out has this shape). */
    void normalMatrix(BlockBandedMatrix out);
}
