package org.gn4j.solvers.banded;

/**
 * A Jacobian whose Gram matrix {@code JᵀJ} is block-banded (overlapping domain decomposition: one parameter block
 * per subdomain, blocks coupled only through neighbours), so that it can be assembled block by block into a
 * {@link BlockBandedMatrix} and factored by {@link BlockBandedCholesky}.
 */
public interface BlockBandedGram {
    /**
     * Number of diagonal blocks.
     *
     * @return the number K of parameter blocks, ≥ 1
     */
    int blocks();

    /**
     * Size of each block.
     *
     * @return the number p of parameters in each block, ≥ 1
     */
    int blockSize();

    /**
     * Block bandwidth (0: block-diagonal).
     *
     * @return the block bandwidth b, ≥ 0
     */
    int bandwidth();

    /**
     * {@code out = JᵀJ} (out has this shape).
     *
     * @param out a matrix with {@link #blocks()}, {@link #blockSize()} and {@link #bandwidth()} as its shape;
     *            overwritten
     */
    void normalMatrix(BlockBandedMatrix out);
}
