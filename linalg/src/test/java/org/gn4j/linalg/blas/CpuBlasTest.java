package org.gn4j.linalg.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.gn4j.testkit.Seeds;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link CpuBlas} in both modes against the {@link BlasContract}, plus its CPU-only promises. */
class CpuBlasTest {

    /** EJML's multi-threaded kernels above {@link CpuBlas#MT_THRESHOLD}. */
    @Nested
    class MultiThreaded extends BlasContract {
        private final Blas blas = new CpuBlas(true);

        @Override
        protected Blas blas() {
            return blas;
        }
    }

    /** Single-threaded kernels at every size. */
    @Nested
    class SingleThreaded extends BlasContract {
        private final Blas blas = new CpuBlas(false);

        @Override
        protected Blas blas() {
            return blas;
        }
    }

    @Test
    void namesSayWhichMode() {
        assertEquals("cpu-ejml-mt", new CpuBlas(true).name());
        assertEquals("cpu-ejml", new CpuBlas(false).name());
    }

    @Test
    void multiAndSingleThreadedAgree() {
        int m = 120, n = 70, k = 90;
        Random r = new Random(Seeds.of(1));
        double[] a = r.doubles(m * k).toArray();
        double[] b = r.doubles(k * n).toArray();
        double[] c1 = new double[m * n];
        double[] c2 = new double[m * n];
        new CpuBlas(true).dgemm(Transpose.NO, Transpose.YES, m, n, k, 1, a, 0, k, transposeOf(b, k, n), 0, k, 0, c1,
                0, n);
        new CpuBlas(false).dgemm(Transpose.NO, Transpose.NO, m, n, k, 1, a, 0, k, b, 0, n, 0, c2, 0, n);
        Tolerances.assertRelativeClose(c2, c1, 1e-13, "MT NT vs ST NN");
    }

    private static double[] transposeOf(double[] b, int rows, int cols) {
        double[] t = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = b[i * cols + j];
            }
        }
        return t;
    }

    @Test
    void operandsInTheSameArrayAsTheOutputAreReadBeforeWriting() {
        // A (2x3) at 0, B (3x2) at 6, C (2x2) at 12, all in one array: the CPU copies aliased operands first
        double[] buf = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 100, 100, 100, 100};
        new CpuBlas(false).dgemm(Transpose.NO, Transpose.NO, 2, 2, 3, 1, buf, 0, 3, buf, 6, 2, 1, buf, 12, 2);
        // [1 2 3; 4 5 6]·[7 8; 9 10; 11 12] = [58 64; 139 154]
        Tolerances.assertAbsoluteClose(new double[] {158, 164, 239, 254},
                java.util.Arrays.copyOfRange(buf, 12, 16), 0.0, "aliased dgemm");
        Tolerances.assertAbsoluteClose(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
                java.util.Arrays.copyOfRange(buf, 0, 12), 0.0, "inputs untouched");
    }

    @Test
    void inPlaceGemvAndSyrkAreRejected() {
        double[] a = new double[16];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CpuBlas(false).dgemv(Transpose.NO, 2, 2, 1, a, 0, 2, a, 4, 0, a, 4));
        assertTrue(e.getMessage().startsWith("y"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new CpuBlas(false).dsyrk(Transpose.NO, 2, 2, 1, a, 0, 2, 0, a, 8, 2));
        assertTrue(e.getMessage().startsWith("c"), e.getMessage());
    }
}
