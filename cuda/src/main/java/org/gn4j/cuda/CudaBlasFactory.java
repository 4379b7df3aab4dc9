package org.gn4j.cuda;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gn4j.linalg.blas.Blas;
import org.gn4j.linalg.blas.GpuBlasFactory;

/**
 * cuBLAS for {@link org.gn4j.linalg.blas.BlasProvider}, registered as a {@link GpuBlasFactory} service. This class
 * refers to no JCuda type: {@link #unavailableReason()} looks the JCuda classes up as resources and searches for
 * {@code libcuda.so.1} (in {@code LD_LIBRARY_PATH} and the usual library folders) or
 * {@code /proc/driver/nvidia/version}; only {@link #open()} loads JCuda, through {@code CudaProbe}.
 */
public final class CudaBlasFactory implements GpuBlasFactory {
    private volatile String driver = "";

    /** The service-loader constructor; it touches nothing native. */
    public CudaBlasFactory() {
    }

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public String unavailableReason() {
        ClassLoader own = CudaBlasFactory.class.getClassLoader();
        if (ClassLoader.getSystemResource("jcuda/Pointer.class") == null
                && (own == null || own.getResource("jcuda/Pointer.class") == null)) {
            return "JCuda is not on the class path";
        }
        String found = findDriver();
        if (found == null) {
            return "no NVIDIA driver: libcuda.so.1 not found in " + String.join(":", searchPath())
                    + " and no /proc/driver/nvidia/version";
        }
        driver = found;
        return null;
    }

    @Override
    public Blas open() {
        return CudaProbe.run();
    }

    @Override
    public String description() {
        String device = CudaProbe.description();
        return device.isEmpty() ? "" : "driver " + driver + "; " + device;
    }

    /** The folders searched for {@code libcuda.so.1}, {@code LD_LIBRARY_PATH} first. */
    static List<String> searchPath() {
        Set<String> dirs = new LinkedHashSet<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String d : ld.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    dirs.add(d);
                }
            }
        }
        dirs.add("/usr/lib/x86_64-linux-gnu");
        dirs.add("/usr/lib/aarch64-linux-gnu");
        dirs.add("/usr/lib64");
        dirs.add("/usr/lib");
        dirs.add("/usr/local/nvidia/lib64");
        dirs.add("/usr/lib/wsl/lib");
        return new ArrayList<>(dirs);
    }

    private static String findDriver() {
        for (String d : searchPath()) {
            Path p = Path.of(d, "libcuda.so.1");
            if (Files.exists(p)) {
                return p.toString();
            }
        }
        if (Files.exists(Path.of("/proc/driver/nvidia/version"))) {
            return "/proc/driver/nvidia/version";
        }
        return null;
    }
}
