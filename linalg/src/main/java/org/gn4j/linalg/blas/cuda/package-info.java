/**
 * The optional GPU side of the BLAS seam, through JCuda: {@link org.gn4j.linalg.blas.cuda.CublasBlas} and the probe
 * that {@link org.gn4j.linalg.blas.BlasProvider} loads by reflection only when the JCuda classes and an NVIDIA driver
 * are present.
 *
 * <p><b>Thread safety.</b>
 * <ul>
 *   <li>{@link org.gn4j.linalg.blas.cuda.CublasBlas}: safe for concurrent use; its products are
 *       {@code synchronized}, which serializes all use of the instance's one cuBLAS handle;</li>
 *   <li>{@link org.gn4j.linalg.blas.cuda.CudaProbe}: static, run once by the provider under the provider's lock; its
 *       description is a volatile field.</li>
 * </ul>
 */
package org.gn4j.linalg.blas.cuda;
