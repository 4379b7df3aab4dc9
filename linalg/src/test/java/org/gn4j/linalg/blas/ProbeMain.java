package org.gn4j.linalg.blas;

/**
 * Entry point for {@link BlasProviderTest}'s child JVMs: runs the probe once and prints what it found, one
 * {@code key=value} per line, or {@code error=<class>: <message>} and exit status 2 when the probe throws.
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
        } catch (RuntimeException e) {
            System.out.println("error=" + e.getClass().getName() + ": " + e.getMessage());
            System.exit(2);
        }
    }
}
