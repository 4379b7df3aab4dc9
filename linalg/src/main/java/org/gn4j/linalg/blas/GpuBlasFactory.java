package org.gn4j.linalg.blas;

/**
 * A GPU implementation of {@link Blas} that {@link BlasProvider} finds through {@link java.util.ServiceLoader} when
 * its jar is on the class path (the {@code gn4j-cuda} artifact registers one in
 * {@code META-INF/services/org.gn4j.linalg.blas.GpuBlasFactory}). Without such a jar the provider chooses the CPU
 * and says so.
 *
 * <p>An implementation keeps its native-library classes out of this type's signatures, so that loading the factory
 * loads no native code: {@link #unavailableReason()} makes the cheap checks (classes present, a driver installed)
 * and only {@link #open()} touches the device.
 */
public interface GpuBlasFactory {
    /**
     * Short name of the implementation for messages, e.g. {@code "cuda"}.
     *
     * @return the name
     */
    String name();

    /**
     * Checks that need no native code: the binding classes are on the class path and a driver is installed.
     *
     * @return null when {@link #open()} may succeed, else one line saying why the GPU cannot be used
     */
    String unavailableReason();

    /**
     * Opens the device and checks it with a small known product. Called at most once per JVM, by
     * {@link BlasProvider}, under its lock, and only after {@link #unavailableReason()} returned null. Any exception
     * or error (a missing native library included) makes the provider fall back to the CPU with the message as the
     * reason.
     *
     * @return a working, thread-safe {@link Blas}
     * @throws IllegalStateException when a device was found but cannot be used (the message says why)
     */
    Blas open();

    /**
     * One line describing the device {@link #open()} opened (name, memory, the check passed); empty before.
     *
     * @return the description
     */
    String description();
}
