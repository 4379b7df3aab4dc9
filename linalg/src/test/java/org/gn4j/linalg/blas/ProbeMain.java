package org.gn4j.linalg.blas;

/**
 * Entry point for {@link BlasProviderTest}'s child JVMs: runs the probe once and prints what it found, one
 * {@code key=value} per line (the configuration warnings of the BLAS and thread-count properties, the thread count
 * and the result of a parallel loop included), or {@code error=<class>: <message>} and exit status 2 when something
 * throws.
 */
public final class ProbeMain {
    private ProbeMain() {
    }

    public static void main(String[] args) {
        try {
            BlasProbeResult r = BlasProvider.probe();
            System.out.println("implementation=" + r.implementation());
            System.out.println("gpuAvailable=" + r.gpuAvailable());
            System.out.println("reason=" + r.reason());
            System.out.println("blas=" + BlasProvider.blas().getClass().getName());
            System.out.println("blasWarning=" + BlasProvider.configurationWarning().orElse(""));
            System.out.println("threadsWarning=" + org.gn4j.linalg.ComputePool.configurationWarning().orElse(""));
            System.out.println("threads=" + org.gn4j.linalg.ComputePool.parallelism());
            java.util.concurrent.atomic.AtomicLong sum = new java.util.concurrent.atomic.AtomicLong();
            org.gn4j.linalg.ComputePool.parallelFor(10_000, 10, (from, to) -> {
                for (int i = from; i < to; i++) {
                    sum.addAndGet(i);
                }
            });
            System.out.println("parallelSum=" + sum.get());
        } catch (RuntimeException | Error e) {
            System.out.println("error=" + e.getClass().getName() + ": " + e.getMessage());
            System.exit(2);
        }
    }
}
