/**
 * The BLAS seam: {@link org.gn4j.linalg.blas.Blas} (DGEMM, DGEMV, DSYRK on row-major arrays; SGEMM on float storage
 * and float32 products on double storage) with the pure-Java {@link org.gn4j.linalg.blas.CpuBlas} and Vector API
 * {@link org.gn4j.linalg.blas.VectorBlas} kernels, element-wise kernels, {@link org.gn4j.linalg.blas.Precision} and
 * the float32 view {@code Blas.withPrecision(Precision.F32)}, and {@link org.gn4j.linalg.blas.BlasProvider}, which
 * picks the implementation once per JVM (a GPU one when a {@link org.gn4j.linalg.blas.GpuBlasFactory} such as
 * {@code gn4j-cuda}'s is on the class path).
 *
 * <p><b>Thread safety.</b> Every public type is safe to share between threads:
 * <ul>
 *   <li>BLAS implementations ({@link org.gn4j.linalg.blas.Blas} requires it): {@link org.gn4j.linalg.blas.CpuBlas}
 *       and {@link org.gn4j.linalg.blas.VectorBlas} hold only final configuration and keep their staging and packing
 *       buffers in {@code ThreadLocal}s, so concurrent calls on distinct output arrays are independent; the cuBLAS
 *       implementation is in the optional {@code gn4j-cuda} artifact, found through
 *       {@link org.gn4j.linalg.blas.GpuBlasFactory};</li>
 *   <li>{@link org.gn4j.linalg.blas.BlasProvider}: static; the choice is made once under a class lock and published
 *       through a volatile field, the CPU and element-wise kernels through holder-class initialization;</li>
 *   <li>the float32 view of a BLAS holds only the wrapped BLAS, and is as thread-safe as it; the float32 kernel
 *       behind {@code VectorBlas.sgemm} keeps its packing buffers in {@code ThreadLocal}s like the DGEMM;</li>
 *   <li>stateless: {@link org.gn4j.linalg.blas.Elementwise} implementations ({@code Elementwise.Scalar} and the
 *       vector kernel), {@link org.gn4j.linalg.blas.BlasArguments};</li>
 *   <li>immutable: {@link org.gn4j.linalg.blas.BlasProbeResult} (record), {@link org.gn4j.linalg.blas.Transpose}
 *       and {@link org.gn4j.linalg.blas.Precision} (enums).</li>
 * </ul>
 */
package org.gn4j.linalg.blas;
