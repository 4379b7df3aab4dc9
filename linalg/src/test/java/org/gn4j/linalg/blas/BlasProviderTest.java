package org.gn4j.linalg.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The start-up probe on a machine without an NVIDIA driver (the no-GPU assertions are skipped where a driver is
 * present): CPU chosen with a reason, a working Blas, and JCuda never loaded (gn4j-cuda, with the GPU factory, is
 * not on this module's class path; its own tests cover the probe with it). System-property variants run in child
 * JVMs because the probe result is cached per process.
 */
class BlasProviderTest {

    /** Mirrors the provider's driver search, so the no-GPU expectations are skipped on a GPU machine. */
    static boolean nvidiaDriverPresent() {
        List<String> dirs = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            dirs.addAll(List.of(ld.split(java.io.File.pathSeparator)));
        }
        dirs.addAll(List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib",
                "/usr/local/nvidia/lib64", "/usr/lib/wsl/lib"));
        for (String d : dirs) {
            if (!d.isBlank() && Files.exists(Path.of(d, "libcuda.so.1"))) {
                return true;
            }
        }
        return Files.exists(Path.of("/proc/driver/nvidia/version"));
    }

    private static void assumeNoDriver() {
        Assumptions.assumeFalse(nvidiaDriverPresent(), "an NVIDIA driver is present; the no-GPU path is not taken");
    }

    @Test
    void withoutADriverTheProbeChoosesTheCpuAndSaysWhy() {
        assumeNoDriver();
        BlasProbeResult r = BlasProvider.probe();
        assertFalse(r.gpuAvailable(), "gpuAvailable");
        assertTrue(r.reason() != null && !r.reason().isBlank(), "reason must say why");
        // gn4j-cuda is not a dependency of linalg: the probe finds no GPU factory and names the artifact
        assertTrue(r.reason().contains("gn4j-cuda"), r.reason());
        assertEquals(BlasProvider.cpu().name(), r.implementation());
        assertSame(BlasProvider.cpu(), BlasProvider.blas());
        // surefire runs with --add-modules jdk.incubator.vector, so the Vector API kernel is the CPU choice
        assertInstanceOf(VectorBlas.class, BlasProvider.blas());
        assertTrue(r.reason().contains("cpu-vector (jdk.incubator.vector, " + VectorBlas.VL + " doubles per vector)"),
                r.reason());
        assertSame(r, BlasProvider.probe(), "the probe runs once and is cached");
    }

    @Test
    void theChosenBlasWorks() {
        Blas blas = BlasProvider.blas();
        double[] c = new double[4];
        blas.dgemm(Transpose.NO, Transpose.NO, 2, 2, 2, 1.0, new double[] {1, 2, 3, 4}, 0, 2,
                new double[] {5, 6, 7, 8}, 0, 2, 0.0, c, 0, 2);
        assertArrayEquals(new double[] {19, 22, 43, 50}, c, 0.0);
        assertEquals(BlasProvider.probe().implementation(), blas.name());
    }

    /** Output (stdout and stderr) and exit status of a child JVM running {@link ProbeMain}. */
    private record Child(int status, List<String> lines) {
        boolean has(String prefix) {
            return lines.stream().anyMatch(l -> l.startsWith(prefix));
        }

        String value(String key) {
            return lines.stream().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + key + "= line in " + lines));
        }

        /** Class-load lines of {@code -verbose:class} for classes whose name starts with the prefix. */
        List<String> loaded(String classPrefix) {
            return lines.stream().filter(l -> l.contains("[class,load] " + classPrefix)).toList();
        }
    }

    private static Child runChild(String... jvmArgs) throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.addAll(List.of(jvmArgs));
        cmd.add("-cp");
        cmd.add(cp);
        cmd.add(ProbeMain.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish");
        }
        return new Child(p.exitValue(), out.lines().toList());
    }

    @Test
    void autoProbeWithoutADriverNeverLoadsJCuda() throws Exception {
        assumeNoDriver();
        Child c = runChild("-verbose:class");
        assertEquals(0, c.status(), String.join("\n", c.lines().subList(Math.max(0, c.lines().size() - 20),
                c.lines().size())));
        // positive control: -verbose:class does report our own classes, so an empty match below means something
        assertFalse(c.loaded(BlasProvider.class.getName()).isEmpty(), "-verbose:class output not understood");
        assertEquals(List.of(), c.loaded("jcuda."), "JCuda classes loaded by the probe");
        assertEquals(List.of(), c.loaded("org.gn4j.cuda."), "cuda package loaded by the probe");
        assertEquals("false", c.value("gpuAvailable"));
        assertEquals(CpuBlas.class.getName(), c.value("blas"));
        assertFalse(c.value("reason").isBlank());
    }

    @Test
    void cpuModeSkipsTheProbeAndSaysSo() throws Exception {
        Child c = runChild("-verbose:class", "-D" + BlasProvider.PROPERTY + "=cpu");
        assertEquals(0, c.status(), String.valueOf(c.lines().stream().filter(l -> !l.startsWith("[")).toList()));
        assertEquals("false", c.value("gpuAvailable"));
        assertTrue(c.value("reason").contains("gn4j.blas=cpu"), c.value("reason"));
        assertEquals(CpuBlas.class.getName(), c.value("blas"));
        assertFalse(c.loaded(BlasProvider.class.getName()).isEmpty(), "-verbose:class output not understood");
        assertEquals(List.of(), c.loaded("jcuda."), "JCuda classes loaded in cpu mode");
    }

    @Test
    void withoutTheIncubatorModuleTheEjmlKernelsAreChosenAndTheReasonSaysHow() throws Exception {
        // the child JVMs above run without --add-modules too (CpuBlas asserted there); this one checks the reason
        Child c = runChild("-verbose:class", "-D" + BlasProvider.PROPERTY + "=cpu");
        assertEquals(CpuBlas.class.getName(), c.value("blas"));
        assertTrue(c.value("implementation").startsWith("cpu-ejml"), c.value("implementation"));
        assertTrue(c.value("reason").contains("--add-modules jdk.incubator.vector"), c.value("reason"));
        assertEquals(List.of(), c.loaded(VectorBlas.class.getName()), "VectorBlas loaded without the module");
    }

    @Test
    void withTheIncubatorModuleTheVectorKernelsAreChosen() throws Exception {
        Child c = runChild("--add-modules", "jdk.incubator.vector", "-D" + BlasProvider.PROPERTY + "=cpu");
        assertEquals(0, c.status(), String.valueOf(c.lines()));
        assertEquals(VectorBlas.class.getName(), c.value("blas"));
        assertEquals("cpu-vector", c.value("implementation"));
        assertTrue(c.value("reason").contains("cpu-vector (jdk.incubator.vector, "), c.value("reason"));
    }

    @Test
    void cpuEjmlModeSelectsTheEjmlKernelsEvenWithTheModule() throws Exception {
        Child c = runChild("--add-modules", "jdk.incubator.vector", "-D" + BlasProvider.PROPERTY + "=cpu-ejml");
        assertEquals(0, c.status(), String.valueOf(c.lines()));
        assertEquals(CpuBlas.class.getName(), c.value("blas"));
        assertTrue(c.value("reason").contains("gn4j.blas=cpu-ejml"), c.value("reason"));
    }

    @Test
    void invalidBlasModeFallsBackToAutoWithAWarning() throws Exception {
        Child c = runChild("-D" + BlasProvider.PROPERTY + "=foo");
        assertEquals(0, c.status(), String.valueOf(c.lines()));
        String warning = c.value("blasWarning");
        assertTrue(warning.contains("gn4j.blas") && warning.contains("'foo'")
                && warning.contains("expected auto, cpu, cpu-ejml or cuda") && warning.contains("using auto"), warning);
        assertTrue(c.value("reason").contains("'foo'"), c.value("reason"));
        assertEquals("", c.value("threadsWarning"));
    }

    @Test
    void invalidThreadCountsFallBackToTheDefaultWithAWarning() throws Exception {
        for (String bad : new String[] {"0", "-1", "abc", "100000"}) {
            Child c = runChild("-D" + org.gn4j.linalg.ComputePool.THREADS_PROPERTY + "=" + bad,
                    "-D" + BlasProvider.PROPERTY + "=cpu");
            assertEquals(0, c.status(), bad + ": " + c.lines());
            assertEquals(String.valueOf(9_999L * 10_000 / 2), c.value("parallelSum"), bad);
            String warning = c.value("threadsWarning");
            assertTrue(warning.contains("gn4j.threads") && warning.contains(bad), warning);
            int threads = Integer.parseInt(c.value("threads"));
            assertTrue(threads >= 1 && threads <= org.gn4j.linalg.ComputePool.maxThreads(), c.value("threads"));
            assertEquals("", c.value("blasWarning"));
        }
    }
}
