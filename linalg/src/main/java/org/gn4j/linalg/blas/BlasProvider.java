package org.gn4j.linalg.blas;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Chooses the process-wide {@link Blas} once, by a probe, and caches the choice.
 *
 * <p>The system property {@value #PROPERTY} selects: {@code auto} (default: cuBLAS when the probe passes, else the
 * CPU), {@code cpu} (never touch the GPU), {@code cpu-ejml} (never touch the GPU and use the EJML-backed
 * {@link CpuBlas} even where the Vector API kernel is available) or {@code cuda} (prefer the GPU; still falls back to
 * the CPU, with the reason, when the probe fails).
 *
 * <p>The CPU implementation is {@link VectorBlas} ("cpu-vector", several times faster than EJML from n = 256 on)
 * when the JVM runs with {@code --add-modules jdk.incubator.vector} (the module is in the boot layer) and
 * constructing it succeeds; otherwise {@link CpuBlas} ("cpu-ejml"), and the reason says why. VectorBlas is loaded
 * reflectively, so no incubator class is touched when the module is absent.
 *
 * <p>The GPU side is optional: a {@link GpuBlasFactory} found by {@link ServiceLoader} (the {@code gn4j-cuda}
 * artifact brings one for cuBLAS through JCuda). The probe runs in three steps and stops at the first failure:
 * <ol>
 *   <li>a factory is on the class path (none: the reason names {@code gn4j-cuda});</li>
 *   <li>its cheap checks pass ({@link GpuBlasFactory#unavailableReason()}: for CUDA the JCuda classes and an NVIDIA
 *       driver, found without loading native code);</li>
 *   <li>only then does {@link GpuBlasFactory#open()} touch the device: for CUDA the device count, a cuBLAS handle and
 *       a 2×2 DGEMM checked against the known answer.</li>
 * </ol>
 * Any error or exception along the way (a missing native library included) selects the CPU implementation, and the
 * reason says what failed. Native GPU classes are therefore never loaded on a machine without a working GPU.
 */
public final class BlasProvider {
    /** System property selecting the implementation: auto, cpu, cpu-ejml or cuda. */
    public static final String PROPERTY = "gn4j.blas";

    private static volatile Choice choice;

    private record Choice(Blas blas, BlasProbeResult probe) {
    }

    private BlasProvider() {
    }

    /** The modes the property accepts. */
    static final List<String> MODES = List.of("auto", "cpu", "cpu-ejml", "cuda");

    /** The mode a property value selects, and the warning when the value is not one of {@link #MODES}. */
    record Mode(String name, String warning) {
    }

    /** The mode for property value {@code value} (null: unset, i.e. auto); an unknown value selects auto. */
    static Mode mode(String value) {
        if (value == null) {
            return new Mode("auto", null);
        }
        String m = value.trim().toLowerCase(Locale.ROOT);
        if (MODES.contains(m)) {
            return new Mode(m, null);
        }
        return new Mode("auto", "system property " + PROPERTY + " is '" + value + "', expected "
                + String.join(", ", MODES.subList(0, MODES.size() - 1)) + " or " + MODES.get(MODES.size() - 1)
                + "; using auto");
    }

    /**
     * Why the {@value #PROPERTY} property was not used as given (an unknown mode, replaced by auto); empty when it
     * names a mode or is unset. Reads the property only: it never runs the probe.
     *
     * @return the warning about the property value, or empty when the property is unset or names a mode
     */
    public static Optional<String> configurationWarning() {
        return Optional.ofNullable(mode(System.getProperty(PROPERTY)).warning());
    }

    /**
     * The process-wide BLAS (probing on first use).
     *
     * @return the BLAS chosen for this process; the same instance on every call
     */
    public static Blas blas() {
        return choose().blas();
    }

    /**
     * The cached probe result (probing on first use).
     *
     * @return what the probe chose and why; the same instance on every call
     */
    public static BlasProbeResult probe() {
        return choose().probe();
    }

    /**
     * The best CPU implementation, always available: {@link VectorBlas} when the incubator module is present and
     * works, else {@link CpuBlas}.
     *
     * @return the process-wide CPU BLAS (never the GPU); the same instance on every call
     */
    public static Blas cpu() {
        return CpuHolder.CPU;
    }

    /**
     * The EJML-backed {@link CpuBlas} (what {@code -D}{@value #PROPERTY}{@code =cpu-ejml} selects).
     *
     * @return the process-wide EJML-backed {@link CpuBlas}
     */
    public static Blas ejml() {
        return EjmlHolder.EJML;
    }

    /** One line: which CPU implementation {@link #cpu()} is and why. */
    static String cpuReason() {
        return CpuHolder.REASON;
    }

    /**
     * Elementwise math ({@link Elementwise}): the Vector API implementation when the incubator module is in the boot
     * layer and starts, else the scalar one (same results, bit for bit). Independent of the {@value #PROPERTY}
     * choice.
     *
     * @return the process-wide elementwise implementation; the same instance on every call
     */
    public static Elementwise elementwise() {
        return ElementwiseHolder.ELEMENTWISE;
    }

    private static final class ElementwiseHolder {
        static final Elementwise ELEMENTWISE = load();

        private static Elementwise load() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
                try {
                    Class<?> k = Class.forName("org.gn4j.linalg.blas.VectorElementwise", true,
                            BlasProvider.class.getClassLoader());
                    java.lang.reflect.Constructor<?> c = k.getDeclaredConstructor();
                    c.setAccessible(true);
                    return (Elementwise) c.newInstance();
                } catch (Throwable t) {
                    // fall through to the scalar implementation
                }
            }
            return new Elementwise.Scalar();
        }
    }

    private static final class EjmlHolder {
        static final Blas EJML = new CpuBlas();
    }

    private static final class CpuHolder {
        static final Blas CPU;
        static final String REASON;

        static {
            Blas chosen = null;
            String reason;
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
                try {
                    Class<?> k = Class.forName("org.gn4j.linalg.blas.VectorBlas", true,
                            BlasProvider.class.getClassLoader());
                    chosen = (Blas) k.getConstructor().newInstance();
                    reason = chosen.name() + " (" + k.getDeclaredMethod("description").invoke(null) + ")";
                } catch (Throwable t) {
                    Throwable cause = t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null
                            ? t.getCause() : t;
                    chosen = null;
                    reason = "cpu-ejml (the Vector API kernel failed to start: " + cause.getClass().getSimpleName()
                            + ": " + cause.getMessage() + ")";
                }
            } else {
                reason = "cpu-ejml (jdk.incubator.vector not in the boot layer; run java with --add-modules "
                        + "jdk.incubator.vector for the faster cpu-vector kernels)";
            }
            CPU = chosen != null ? chosen : EjmlHolder.EJML;
            REASON = reason;
        }
    }

    private static Choice choose() {
        Choice c = choice;
        if (c == null) {
            synchronized (BlasProvider.class) {
                c = choice;
                if (c == null) {
                    c = runProbe();
                    choice = c;
                }
            }
        }
        return c;
    }

    private static Choice runProbe() {
        Mode selected = mode(System.getProperty(PROPERTY));
        String mode = selected.name();
        if (mode.equals("cpu-ejml")) {
            Blas ejml = ejml();
            return new Choice(ejml, new BlasProbeResult(ejml.name(), false,
                    "GPU not probed and EJML kernels requested: -D" + PROPERTY + "=cpu-ejml"));
        }
        if (mode.equals("cpu")) {
            return cpuChoice("GPU not probed: -D" + PROPERTY + "=cpu");
        }
        String prefix = mode.equals("cuda") ? "requested cuda, falling back to the CPU: "
                : selected.warning() != null ? selected.warning() + ": " : "";
        GpuBlasFactory factory = gpuFactory();
        if (factory == null) {
            return cpuChoice(prefix + "no GPU BLAS on the class path (add the gn4j-cuda artifact for cuBLAS)");
        }
        try {
            String unavailable = factory.unavailableReason();
            if (unavailable != null) {
                return cpuChoice(prefix + unavailable);
            }
            Blas gpu = factory.open();
            return new Choice(gpu, new BlasProbeResult(gpu.name(), true, factory.description()));
        } catch (Throwable t) {
            return cpuChoice(prefix + factory.name() + " probe failed: " + t.getClass().getSimpleName() + ": "
                    + t.getMessage());
        }
    }

    /** The first GPU factory the service loader finds, or null (also when loading the factories fails). */
    private static GpuBlasFactory gpuFactory() {
        try {
            for (GpuBlasFactory f : ServiceLoader.load(GpuBlasFactory.class, BlasProvider.class.getClassLoader())) {
                return f;
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            return null;
        }
        return null;
    }

    private static Choice cpuChoice(String reason) {
        Blas cpu = cpu();
        return new Choice(cpu, new BlasProbeResult(cpu.name(), false, reason + "; CPU: " + cpuReason()));
    }
}
