/**
 * Symmetric block-banded matrices ({@link org.gn4j.solvers.banded.BlockBandedMatrix}), the
 * {@link org.gn4j.solvers.banded.BlockBandedGram} view of operators whose normal matrix has that structure, and their
 * Cholesky factorization ({@link org.gn4j.solvers.banded.BlockBandedCholesky}).
 *
 * <p><b>Thread safety.</b>
 * <ul>
 *   <li>{@link org.gn4j.solvers.banded.BlockBandedCholesky}: one instance per thread (it keeps the factor, the
 *       inverses of the diagonal blocks and its scratch between calls);</li>
 *   <li>{@link org.gn4j.solvers.banded.BlockBandedMatrix}: mutable storage ({@code block} returns the live block,
 *       {@code addToDiagonal}, {@code copyFrom} and {@code clear} write in place); concurrent reads
 *       ({@code multiply}, {@code copy}, {@code toDense}) are safe only while no thread writes;</li>
 *   <li>{@link org.gn4j.solvers.banded.BlockBandedGram}: an interface; the thread safety is the implementation's.</li>
 * </ul>
 */
package org.gn4j.solvers.banded;
