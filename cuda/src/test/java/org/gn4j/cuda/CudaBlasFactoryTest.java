package org.gn4j.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.gn4j.linalg.blas.BlasProbeResult;
import org.gn4j.linalg.blas.BlasProvider;
import org.gn4j.linalg.blas.GpuBlasFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * With this module on the class path the BLAS probe finds the cuBLAS factory through the service loader; without an
 * NVIDIA driver (skipped where one is present) it chooses the CPU, says the driver is missing, and loads no JCuda
 * class.
 */
class CudaBlasFactoryTest {

    private static boolean driverPresent() {
        for (String d : CudaBlasFactory.searchPath()) {
            if (Files.exists(Path.of(d, "libcuda.so.1"))) {
                return true;
            }
        }
        return Files.exists(Path.of("/proc/driver/nvidia/version"));
    }

    @Test
    void theServiceLoaderFindsTheFactory() {
        List<GpuBlasFactory> found = new ArrayList<>();
        ServiceLoader.load(GpuBlasFactory.class).forEach(found::add);
        assertEquals(1, found.size(), "factories: " + found);
        assertInstanceOf(CudaBlasFactory.class, found.get(0));
        assertEquals("cuda", found.get(0).name());
    }

    @Test
    void withoutADriverTheProbeNamesTheMissingDriver() {
        Assumptions.assumeFalse(driverPresent(), "an NVIDIA driver is present");
        String reason = new CudaBlasFactory().unavailableReason();
        assertNotNull(reason);
        assertTrue(reason.contains("no NVIDIA driver"), reason);
        BlasProbeResult r = BlasProvider.probe();
        assertFalse(r.gpuAvailable());
        assertTrue(r.reason().contains("no NVIDIA driver"), r.reason());
    }

    @Test
    void withoutADriverNoJCudaClassIsLoaded() throws Exception {
        Assumptions.assumeFalse(driverPresent(), "an NVIDIA driver is present");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-verbose:class", "-cp", cp, "org.gn4j.linalg.blas.ProbeMain");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        List<String> lines = out.lines().toList();
        assertEquals(0, p.exitValue(), out.substring(Math.max(0, out.length() - 2000)));
        // positive control: the factory itself is loaded (by the service loader), so the class-load lines are read
        assertFalse(lines.stream().filter(l -> l.contains("[class,load] " + CudaBlasFactory.class.getName()))
                .toList().isEmpty(), "-verbose:class output not understood");
        assertEquals(List.of(), lines.stream().filter(l -> l.contains("[class,load] jcuda.")).toList());
        assertEquals(List.of(), lines.stream().filter(l -> l.contains("[class,load] org.gn4j.cuda.Cu")
                && !l.contains("CudaBlasFactory")).toList());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("reason=") && l.contains("no NVIDIA driver")), out);
    }
}
