package org.gn4j.linalg.blas.cuda;

import jcuda.jcublas.JCublas2;
import jcuda.runtime.JCuda;
import jcuda.runtime.cudaDeviceProp;

import org.gn4j.linalg.blas.Transpose;

/**
 * The JCuda side of the probe, loaded by {@link org.gn4j.linalg.blas.BlasProvider} through reflection only after it
 * found the JCuda classes and an NVIDIA driver. {@link #run()} returns a working {@link CublasBlas}, or a String saying
 * why the GPU cannot be used; native-library errors propagate to the provider, which falls back to the CPU.
 */
public final class CudaProbe {
    private static volatile String description = "";

    private CudaProbe() {
    }

    /** A tested {@link CublasBlas}, or the reason (a String) why there is none. */
    public static Object run() {
        JCuda.setExceptionsEnabled(true);
        JCublas2.setExceptionsEnabled(true);
        int[] count = new int[1];
        JCuda.cudaGetDeviceCount(count);
        if (count[0] <= 0) {
            return "CUDA driver present but the device count is " + count[0];
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
                return "2x2 DGEMM on the GPU returned " + java.util.Arrays.toString(c) + ", expected "
                        + java.util.Arrays.toString(expected);
            }
        }
        description = count[0] + " device(s); device 0: " + prop.getName() + ", compute capability " + prop.major
                + "." + prop.minor + ", " + (prop.totalGlobalMem >> 20) + " MiB; 2x2 DGEMM check passed";
        return blas;
    }

    /** Human-readable description of the device found by the last successful {@link #run()}. */
    public static String description() {
        return description;
    }
}
