/**
 * Vector kernels, argument checks, test-matrix generators, read-only vector views and the one compute pool that
 * batch-parallel work runs on.
 *
 * <p><b>Thread safety.</b> Nothing in this package keeps per-call state; every type may be used from any thread:
 * <ul>
 *   <li>stateless (static methods only): {@link org.gn4j.linalg.ArgumentChecks}, {@link org.gn4j.linalg.VectorOps},
 *       {@link org.gn4j.linalg.DenseMatrices} (each generator seeds its own {@code Random});</li>
 *   <li>safe for concurrent use: {@link org.gn4j.linalg.ComputePool}, one static {@code ForkJoinPool} created once
 *       through a lazily initialized holder class; {@code parallelFor} may be called from any thread, including a
 *       pool worker, and runs its {@link org.gn4j.linalg.ComputePool.RangeBody} concurrently on disjoint index
 *       ranges, so a body writes only to its own range;</li>
 *   <li>{@link org.gn4j.linalg.VectorView}: holds no state of its own and reads through to the owner's array; it is
 *       valid, and consistent, only during the callback that received it.</li>
 * </ul>
 */
package org.gn4j.linalg;
