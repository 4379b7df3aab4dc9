/**
 * The optional GPU side of the BLAS seam (artifact {@code gn4j-cuda}), through JCuda:
 * {@link org.gn4j.cuda.CublasBlas} and {@link org.gn4j.cuda.CudaBlasFactory}, the
 * {@link org.gn4j.linalg.blas.GpuBlasFactory} that {@link org.gn4j.linalg.blas.BlasProvider} finds by
 * {@link java.util.ServiceLoader} when this jar is on the class path. JCuda classes are loaded only when the JCuda
 * jars and an NVIDIA driver are present; with this jar absent, gn4j runs on the CPU kernels of {@code gn4j-linalg}.
 *
 * <p><b>Thread safety.</b>
 * <ul>
 *   <li>{@link org.gn4j.cuda.CublasBlas}: safe for concurrent use; its products are
 *       {@code synchronized}, which serializes all use of the instance's one cuBLAS handle;</li>
 *   <li>{@link org.gn4j.cuda.CudaBlasFactory}: stateless; its probe is static, run once by the provider under
 *       the provider's lock, and its description is a volatile field.</li>
 * </ul>
 */
package org.gn4j.cuda;
