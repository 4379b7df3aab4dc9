package org.gn4j.linalg.blas;

import java.util.Random;

import org.gn4j.testkit.Seeds;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cuBLAS implementation against the {@link BlasContract}, obtained only through the probe (so JCuda is never
 * touched here on a machine without a GPU). Skipped, not failed, when the probe finds no usable GPU.
 */
@Tag("gpu")
class CublasBlasGpuTest extends BlasContract {

    /** Per test (not per class) so each test is reported as skipped, with the probe's reason. */
    @BeforeEach
    void requireGpu() {
        BlasProbeResult probe = BlasProvider.probe();
        Assumptions.assumeTrue(probe.gpuAvailable(), "no usable GPU: " + probe.reason());
    }

    @Override
    protected Blas blas() {
        return BlasProvider.blas();
    }

    @Test
    void gpuAgreesWithCpuOnLargeDgemmAndSyrk() {
        Blas gpu = blas();
        Blas cpu = BlasProvider.cpu();
        Random r = new Random(Seeds.of(42));
        int m = 300, n = 200, k = 257;
        double[] a = r.doubles((long) m * k, -1, 1).toArray();
        double[] b = r.doubles((long) k * n, -1, 1).toArray();
        double[] c0 = r.doubles((long) m * n, -1, 1).toArray();
        for (Transpose ta : Transpose.values()) {
            for (Transpose tb : Transpose.values()) {
                int lda = ta == Transpose.NO ? k : m;
                int ldb = tb == Transpose.NO ? n : k;
                double[] cg = c0.clone();
                double[] cc = c0.clone();
                gpu.dgemm(ta, tb, m, n, k, 0.75, a, 0, lda, b, 0, ldb, -0.5, cg, 0, n);
                cpu.dgemm(ta, tb, m, n, k, 0.75, a, 0, lda, b, 0, ldb, -0.5, cc, 0, n);
                Tolerances.assertRelativeClose(cc, cg, 1e-12, "GPU vs CPU dgemm " + ta + tb);
            }
        }
        for (Transpose t : Transpose.values()) {
            int nn = 200;
            int kk = 257;
            int lda = t == Transpose.NO ? kk : nn;
            double[] sg = new double[nn * nn];
            double[] sc = new double[nn * nn];
            gpu.dsyrk(t, nn, kk, 1.25, a, 0, lda, 0.0, sg, 0, nn);
            cpu.dsyrk(t, nn, kk, 1.25, a, 0, lda, 0.0, sc, 0, nn);
            Tolerances.assertRelativeClose(sc, sg, 1e-12, "GPU vs CPU dsyrk " + t);
        }
    }
}
