package org.gn4j.cuda;

import jcuda.jcublas.JCublas2;
import jcuda.runtime.JCuda;
import jcuda.runtime.cudaDeviceProp;

import org.gn4j.linalg.blas.Transpose;

/**
 * The JCuda side of the probe, reached from {@link CudaBlasFactory#open()} only after the factory found the JCuda
 * classes and an NVIDIA driver. {@link #run()} returns a working {@link CublasBlas} or throws; native-library errors
 * propagate to {@link org.gn4j.linalg.blas.BlasProvider}, which falls back to the CPU.
 */
final class CudaProbe {
    private static volatile String description = "";

    private CudaProbe() {
    }

    /**
     * A tested {@link CublasBlas}.
     *
     * @throws IllegalStateException when the device count is zero or the 2×2 DGEMM check fails
     */
    static CublasBlas run() {
        JCuda.setExceptionsEnabled(true);
        JCublas2.setExceptionsEnabled(true);
        int[] count = new int[1];
        JCuda.cudaGetDeviceCount(count);
        if (count[0] <= 0) {
            throw new IllegalStateException("CUDA driver present but the device count is " + count[0]);
        }
        cudaDeviceProp prop = new cudaDeviceProp();
        JCuda.cudaGetDeviceProperties(prop, 0);
        CublasBlas blas = new CublasBlas();
        double[] a = {1, 2, 3, 4};
        double[] b = {5, 6, 7, 8};
        double[] c = new double[4];
        blas.dgemm(Transpose.NO, Transpose.NO, 2, 2, 2, 1.0, a, 0, 2, b, 0, 2, 0.0, c, 0, 2);
        double[] expected = {19, 22, 43, 50};
        for (int i = 0; i < 4; i++) {
            if (c[i] != expected[i]) {
                throw new IllegalStateException("2x2 DGEMM on the GPU returned " + java.util.Arrays.toString(c)
                        + ", expected " + java.util.Arrays.toString(expected));
            }
        }
        description = count[0] + " device(s); device 0: " + prop.getName() + ", compute capability " + prop.major
                + "." + prop.minor + ", " + (prop.totalGlobalMem >> 20) + " MiB; 2x2 DGEMM check passed";
        return blas;
    }

    /** Human-readable description of the device found by the last successful {@link #run()}. */
    static String description() {
        return description;
    }
}
