package org.gn4j.linalg.op;

import java.util.Set;

/**
 * A linear map {@code A: ℝ^cols → ℝ^rows} given only by its action, the matrix-free currency of gn4j: Jacobians of
 * networks, Gauss-Newton matrices and their damped forms are all operators.
 *
 * <p>Contract for every implementation:
 * <ul>
 *   <li>{@link #apply} computes {@code y = A x} with {@code x.length == cols()}, {@code y.length == rows()};
 *       {@link #applyTranspose} computes {@code y = Aᵀ x} with {@code x.length == rows()}, {@code y.length == cols()}.
 *       Wrong lengths throw {@link IllegalArgumentException} naming the argument, found vs expected.</li>
 *   <li>{@code x} and {@code y} must be distinct arrays; passing the same array throws
 *       {@link IllegalArgumentException}. {@code x} is never modified; {@code y} is overwritten (not accumulated).</li>
 *   <li>Operators may own work buffers and are then not thread-safe: give each thread its own instance.</li>
 *   <li>{@code apply} allocates nothing once the operator is built.</li>
 * </ul>
 */
public interface LinearOperator {
    /**
     * Number of rows (length of {@code A x}).
     *
     * @return the number of rows m, {@code >= 0}
     */
    int rows();

    /**
     * Number of columns (length of {@code x}).
     *
     * @return the number of columns n, {@code >= 0}
     */
    int cols();

    /**
     * {@code y = A x}.
     *
     * @param x the input, length {@code cols()}; not modified
     * @param y receives {@code A x}, length {@code rows()}; overwritten; a different array from {@code x}
     */
    void apply(double[] x, double[] y);

    /**
     * {@code y = Aᵀ x}.
     *
     * @param x the input, length {@code rows()}; not modified
     * @param y receives {@code Aᵀ x}, length {@code cols()}; overwritten; a different array from {@code x}
     */
    void applyTranspose(double[] x, double[] y);

    /**
     * Structure tags this operator promises; empty by default.
     *
     * @return an unmodifiable set of the promised tags (implied tags not added; use {@link #is})
     */
    default Set<Structure> structure() {
        return Set.of();
    }

    /**
     * True when {@link #structure()} contains the tag, with the implied tags honoured.
     *
     * @param tag the structure asked about; not null
     * @return true when the tag or a tag that implies it is present ({@code DIAGONAL} implies {@code SYMMETRIC},
     *         {@code POSITIVE_DEFINITE} implies {@code POSITIVE_SEMIDEFINITE})
     */
    default boolean is(Structure tag) {
        Set<Structure> s = structure();
        switch (tag) {
            case SYMMETRIC:
                return s.contains(Structure.SYMMETRIC) || s.contains(Structure.DIAGONAL);
            case POSITIVE_SEMIDEFINITE:
                return s.contains(Structure.POSITIVE_SEMIDEFINITE) || s.contains(Structure.POSITIVE_DEFINITE);
            default:
                return s.contains(tag);
        }
    }

    /**
     * True for a square operator.
     *
     * @return true when {@code rows() == cols()}
     */
    default boolean isSquare() {
        return rows() == cols();
    }

    /**
     * Writes the diagonal {@code A_ii}, {@code i < min(rows, cols)}, into {@code out} when this operator can compute it
     * without probing with unit vectors, and returns true; returns false (leaving {@code out} untouched) otherwise.
     * Used to build Jacobi preconditioners.
     *
     * @param out receives the diagonal, length {@code min(rows(), cols())}
     * @return true when {@code out} was filled, false when this operator has no cheap diagonal
     * @throws IllegalArgumentException if {@code out.length != min(rows(), cols())}
     */
    default boolean diagonal(double[] out) {
        org.gn4j.linalg.ArgumentChecks.requireLength("out", out, Math.min(rows(), cols()));
        return false;
    }
}
