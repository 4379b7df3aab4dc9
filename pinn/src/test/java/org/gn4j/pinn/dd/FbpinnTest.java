package org.gn4j.pinn.dd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.gn4j.pinn.net.LinearJetResidual;
import org.gn4j.pinn.net.Mlp;
import org.gn4j.pinn.train.TrainingOptions;
import org.gn4j.solvers.banded.BlockBandedCholesky;
import org.gn4j.solvers.banded.BlockBandedMatrix;
import org.junit.jupiter.api.Test;

class FbpinnTest {
    private static Decomposition grid(int n) {
        double[] lo = new double[n];
        double[] hi = new double[n];
        int[] k = new int[n];
        for (int d = 0; d < n; d++) {
            lo[d] = -1 - d;
            hi[d] = 2 + 0.5 * d;
            k[d] = 5 - d;
        }
        return Decomposition.grid(lo, hi, k, 0.4);
    }

    @Test
    void windowsArePartitionOfUnityIn1d2d3d() {
        Random rnd = new Random(3);
        for (int n = 1; n <= 3; n++) {
            Decomposition dd = grid(n);
            double[] lo = dd.lower();
            double[] hi = dd.upper();
            int jet = n + 2;
            int[] idx = new int[dd.maxActive()];
            double[] w = new double[dd.maxActive() * jet];
            double[] x = new double[n];
            for (int t = 0; t < 3000; t++) {
                for (int d = 0; d < n; d++) {
                    double u = rnd.nextDouble();
                    int mode = rnd.nextInt(4);
                    // interior, near the lower or upper face, or exactly on a face (corners when all pick a face)
                    u = mode == 0 ? u : mode == 1 ? 1e-9 * u : mode == 2 ? 1 - 1e-9 * u : rnd.nextInt(2);
                    x[d] = lo[d] + u * (hi[d] - lo[d]);
                }
                int a = dd.windows(x, 0, null, idx, w);
                assertTrue(a >= 1, "no window covers the point");
                double[] sum = new double[jet];
                for (int b = 0; b < a; b++) {
                    for (int e = 0; e < jet; e++) {
                        sum[e] += w[b * jet + e];
                    }
                }
                assertEquals(1.0, sum[0], 1e-13, "Σw at point " + t + " in " + n + "D");
                for (int e = 1; e < jet; e++) {
                    assertEquals(0.0, sum[e], 1e-9, "derivative " + e + " of Σw in " + n + "D");
                }
            }
        }
    }

    private static FbpinnProblem small2d() {
        return FbpinnProblems.poisson2d(2, 1, 3, 0.5, 10, 8, 5);
    }

    @Test
    void fbpinnJetsMatchFiniteDifferences() {
        for (FbpinnProblem pr : List.of(FbpinnProblems.multiScale1d(3, 4, 0.5, 20, 6), small2d())) {
            int n = pr.decomposition().dimension();
            double[] theta = pr.initialParameters(5);
            Random rnd = new Random(9);
            double[] lo = pr.decomposition().lower();
            double[] hi = pr.decomposition().upper();
            double h = 1e-4;
            for (int t = 0; t < 30; t++) {
                double[] x = new double[n];
                for (int d = 0; d < n; d++) {
                    x[d] = lo[d] + (0.02 + 0.96 * rnd.nextDouble()) * (hi[d] - lo[d]);
                }
                double[] j = pr.jets(theta, x, 1, null);
                double u0 = value(pr, theta, x);
                assertEquals(u0, j[0], 1e-14);
                double lap = 0;
                for (int d = 0; d < n; d++) {
                    double[] xp = x.clone();
                    double[] xm = x.clone();
                    xp[d] += h;
                    xm[d] -= h;
                    double up = value(pr, theta, xp);
                    double um = value(pr, theta, xm);
                    double[] xp2 = x.clone();
                    double[] xm2 = x.clone();
                    xp2[d] += 1e-6;
                    xm2[d] -= 1e-6;
                    double fd1 = (value(pr, theta, xp2) - value(pr, theta, xm2)) / 2e-6;
                    assertEquals(fd1, j[1 + d], 1e-7 * (1 + Math.abs(j[1 + d])), "du/dx" + d + " at " + t);
                    lap += (up - 2 * u0 + um) / (h * h);
                }
                assertEquals(lap, j[n + 1], 2e-3 * (1 + Math.abs(j[n + 1])), "Laplacian at " + t);
            }
        }
    }

    private static double value(FbpinnProblem pr, double[] theta, double[] x) {
        double[] u = new double[1];
        pr.solution(theta, x, 1, u);
        return u[0];
    }

    @Test
    void residualJacobianMatchesFiniteDifferences() {
        for (FbpinnProblem pr : List.of(FbpinnProblems.multiScale1d(3, 4, 0.5, 20, 6), small2d())) {
            double[] theta = pr.initialParameters(2);
            int m = pr.residualCount();
            int pc = pr.parameterCount();
            double[] jac = pr.jacobian(theta).toDense();
            double[] rp = new double[m];
            double[] rm = new double[m];
            double h = 1e-6;
            double worst = 0;
            for (int c = 0; c < pc; c++) {
                double[] tp = theta.clone();
                double[] tm = theta.clone();
                tp[c] += h;
                tm[c] -= h;
                pr.residuals(tp, rp);
                pr.residuals(tm, rm);
                for (int i = 0; i < m; i++) {
                    double fd = (rp[i] - rm[i]) / (2 * h);
                    worst = Math.max(worst, Math.abs(fd - jac[i * pc + c]) / (1 + Math.abs(fd)));
                }
            }
            assertTrue(worst < 1e-6, "Jacobian vs finite differences: " + worst);
            // the normal matrix blocks equal the dense JᵀJ
            double[] g = pr.jacobian(theta).normalMatrix().toDense().data;
            for (int a = 0; a < pc; a += 7) {
                for (int b = 0; b < pc; b += 3) {
                    double s = 0;
                    for (int i = 0; i < m; i++) {
                        s += jac[i * pc + a] * jac[i * pc + b];
                    }
                    assertEquals(s, g[a * pc + b], 1e-12 * (1 + Math.abs(s)));
                }
            }
        }
    }

    @Test
    void blockBandedCholeskyEqualsDenseSolve() {
        // small blocks (one panel) and blocks larger than the 32-wide panels of the blocked diagonal factor
        blockBandedCase(9, 6, 4, 11);
        blockBandedCase(5, 70, 1, 12);
        blockBandedCase(6, 33, 2, 13);
    }

    private static void blockBandedCase(int k, int p, int bw, long seed) {
        Random rnd = new Random(seed);
        BlockBandedMatrix a = new BlockBandedMatrix(k, p, bw);
        // A = BᵀB + I for a random block-banded upper-triangular-in-blocks B keeps A banded and SPD
        double[][] dense = new double[k * p][k * p];
        double[][] b = new double[k * p][k * p];
        for (int i = 0; i < k * p; i++) {
            for (int j = 0; j < k * p; j++) {
                if (j / p - i / p >= 0 && j / p - i / p <= bw / 2) {
                    b[i][j] = rnd.nextGaussian();
                }
            }
        }
        for (int i = 0; i < k * p; i++) {
            for (int j = 0; j < k * p; j++) {
                double s = i == j ? 1 : 0;
                for (int t = 0; t < k * p; t++) {
                    s += b[t][i] * b[t][j];
                }
                dense[i][j] = s;
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = Math.max(0, i - bw); j <= i; j++) {
                double[] blk = a.block(i, j);
                for (int r = 0; r < p; r++) {
                    for (int c = 0; c < p; c++) {
                        blk[r * p + c] = dense[i * p + r][j * p + c];
                    }
                }
            }
        }
        double[] rhs = new double[k * p];
        for (int i = 0; i < rhs.length; i++) {
            rhs[i] = rnd.nextGaussian();
        }
        BlockBandedCholesky chol = new BlockBandedCholesky();
        assertTrue(chol.factor(a));
        assertTrue(chol.factor(a), "refactoring into the kept workspace");
        double[] x = new double[rhs.length];
        chol.solve(rhs, x);
        org.gn4j.solvers.dense.DenseCholeskySolver ds = new org.gn4j.solvers.dense.DenseCholeskySolver();
        assertTrue(ds.factor(a.toDense()).hasSolution());
        double[] y = new double[rhs.length];
        ds.solve(rhs, y);
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            num += (x[i] - y[i]) * (x[i] - y[i]);
            den += y[i] * y[i];
        }
        assertTrue(Math.sqrt(num / den) < 1e-10, "block vs dense " + Math.sqrt(num / den));
        double[] ax = new double[x.length];
        a.multiply(x, ax);
        for (int i = 0; i < x.length; i++) {
            assertEquals(rhs[i], ax[i], 1e-9);
        }
    }

    @Test
    void smallInstancesConverge() {
        FbpinnProblem one = FbpinnProblems.multiScale1d(4, 5, 0.5, 120, 8);
        double[] e1 = FbpinnProblems.evaluationGrid(one, 400);
        var r1 = FbpinnTrainer.levenbergMarquardt(FbpinnTrainer.Solve.BLOCK_BANDED).withDenseComparison(3).train(one,
                one.initialParameters(1), TrainingOptions.defaults().withBudget(Duration.ofSeconds(8))
                        .withEvaluationPoints(e1).withTargetRelativeL2(1e-3).withMaxIterations(3000), null);
        assertTrue(r1.training().bestRelativeL2() <= 1e-3, "1D FBPINN error " + r1.training().bestRelativeL2() + " " + r1.training().status() + " " + r1.training().message() + " it " + r1.training().iterations());
        assertTrue(r1.maxRelativeDiff() < 1e-8, "block vs dense steps " + r1.maxRelativeDiff());
        FbpinnProblem two = FbpinnProblems.poisson2d(1, 1, 2, 0.5, 12, 12, 6);
        double[] e2 = FbpinnProblems.evaluationGrid(two, 25);
        var r2 = FbpinnTrainer.levenbergMarquardt(FbpinnTrainer.Solve.BLOCK_BANDED).train(two,
                two.initialParameters(1), TrainingOptions.defaults().withBudget(Duration.ofSeconds(10))
                        .withEvaluationPoints(e2).withTargetRelativeL2(1e-3).withMaxIterations(4000), null);
        assertTrue(r2.training().bestRelativeL2() <= 1e-3, "2D FBPINN error " + r2.training().bestRelativeL2() + " " + r2.training().status() + " it " + r2.training().iterations() + " s " + r2.training().seconds());
    }

    @Test
    void shapeMismatchesThrow() {
        Decomposition dd = Decomposition.grid(new double[] {0}, new double[] {1}, new int[] {2}, 0.5);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new FbpinnProblem("x", dd, Mlp.tanh(2, 3),
                        List.of(LinearJetResidual.of(1, new double[1], new double[3], new double[1], null)), null));
    }
}
