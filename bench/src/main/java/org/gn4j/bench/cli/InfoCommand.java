package org.gn4j.bench.cli;

import java.io.PrintWriter;
import java.lang.module.ModuleFinder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.gn4j.linalg.ComputePool;
import org.gn4j.linalg.blas.BlasProbeResult;
import org.gn4j.linalg.blas.BlasProvider;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gn4j info}: what gn4j will run on. Prints aligned {@code key: value} lines: gn4j and JDK versions,
 * {@code java.home}, OS/arch, the Vector API module, compute threads, the BLAS implementation the probe chose (and
 * why), max heap. Exits 0; when the configuration is invalid (a bad {@code gn4j.threads} or {@code gn4j.blas}
 * property, replaced by its default) the affected lines say so and what is used instead, every line is still
 * printed, and the exit code is 1.
 */
@Command(name = "info", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print versions, threads, BLAS choice and memory.")
public final class InfoCommand implements Callable<Integer> {
    /** Module name of the incubating Vector API. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> rows = new LinkedHashMap<>();
        boolean failed = false;
        rows.put("gn4j", VersionProvider.gn4jVersion());
        rows.put("JDK", Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")");
        rows.put("java.home", System.getProperty("java.home"));
        rows.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        rows.put("Vector API", vectorApi());
        rows.put("CPU cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        rows.put("compute threads", computeThreads());
        failed |= ComputePool.configurationWarning().isPresent();
        try {
            BlasProbeResult probe = BlasProvider.probe();
            rows.put("BLAS", probe.implementation() + (probe.gpuAvailable() ? " (GPU)" : " (CPU)")
                    + BlasProvider.configurationWarning().map(w -> " (" + w + ")").orElse(""));
            rows.put("BLAS probe", probe.reason());
            failed |= BlasProvider.configurationWarning().isPresent();
        } catch (RuntimeException | LinkageError e) {
            // the probe reports its own failures as reasons; anything else is reported here, the other lines stay
            rows.put("BLAS", "unavailable (" + e + ")");
            failed = true;
        }
        rows.put("max heap", String.format(Locale.ROOT, "%.0f MiB", Runtime.getRuntime().maxMemory() / 1048576.0));

        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        PrintWriter out = spec.commandLine().getOut();
        rows.forEach((k, v) -> out.printf(Locale.ROOT, "%-" + (width + 1) + "s %s%n", k + ":", v));
        out.flush();
        if (failed) {
            spec.commandLine().getErr().println("gn4j info: invalid configuration, see the compute threads and BLAS "
                    + "lines");
            return 1;
        }
        return 0;
    }

    /**
     * Incubator modules are in the runtime image but not resolved unless named with {@code --add-modules}: the
     * system module finder tells whether the JDK ships the module, the boot layer whether this run enabled it.
     */
    static String vectorApi() {
        boolean shipped = ModuleFinder.ofSystem().find(VECTOR_MODULE).isPresent();
        boolean enabled = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
        if (enabled) {
            return VECTOR_MODULE + " available, enabled";
        }
        if (shipped) {
            return VECTOR_MODULE + " available, not enabled (add --add-modules " + VECTOR_MODULE
                    + " to GN4J_JAVA_OPTS)";
        }
        return VECTOR_MODULE + " not in this JDK";
    }

    private static String computeThreads() {
        String prop = System.getProperty(ComputePool.THREADS_PROPERTY);
        String source = prop == null ? ComputePool.THREADS_PROPERTY + " unset, default: all cores"
                : "-D" + ComputePool.THREADS_PROPERTY + "=" + prop;
        return ComputePool.parallelism() + ComputePool.configurationWarning().map(w -> " (invalid: " + w + ")")
                .orElse(" (" + source + ")");
    }
}
