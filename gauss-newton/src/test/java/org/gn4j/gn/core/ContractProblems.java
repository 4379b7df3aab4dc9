package org.gn4j.gn.core;

import java.util.concurrent.atomic.AtomicInteger;

import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.gn.stochastic.PerSampleObjective;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.solvers.banded.BlockBandedGram;
import org.gn4j.solvers.banded.BlockBandedMatrix;

/**
 * Known-answer problems of the loop contract: K independent fits {@code y = a·exp(−k·t) + c} on exact data (zero
 * residual at the known parameters), so the Jacobian is block-diagonal (block-banded with bandwidth 0) and every
 * damped solver applies. Residual evaluations are counted.
 */
public final class ContractProblems {
    /** Parameters of one block. */
    public static final double[] ANSWER = {2.0, 0.7, 0.5};
    /** Start of one block. */
    public static final double[] START = {1.5, 0.5, 0.3};
    static final int POINTS = 12;

    private ContractProblems() {
    }

    /** The known answer for K blocks. */
    public static double[] answer(int blocks) {
        return repeat(ANSWER, blocks);
    }

    /** The start for K blocks. */
    public static double[] start(int blocks) {
        return repeat(START, blocks);
    }

    private static double[] repeat(double[] v, int k) {
        double[] out = new double[v.length * k];
        for (int b = 0; b < k; b++) {
            System.arraycopy(v, 0, out, b * v.length, v.length);
        }
        return out;
    }

    static double t(int i) {
        return 0.4 * i;
    }

    static double y(int i, int block) {
        double scale = 1 + 0.25 * block;
        return scale * (ANSWER[0] * Math.exp(-ANSWER[1] * t(i)) + ANSWER[2]);
    }

    /** Residuals of K blocks at β. */
    static void residuals(int blocks, double[] b, double[] r) {
        for (int k = 0; k < blocks; k++) {
            double scale = 1 + 0.25 * k;
            for (int i = 0; i < POINTS; i++) {
                int o = 3 * k;
                r[k * POINTS + i] = scale * (b[o] * Math.exp(-b[o + 1] * t(i)) + b[o + 2]) - y(i, k);
            }
        }
    }

    /** Jacobian entry row i of block k: derivatives by a, k, c. */
    static void jacobianRow(int block, int i, double[] b, double[] out) {
        double scale = 1 + 0.25 * block;
        int o = 3 * block;
        double e = Math.exp(-b[o + 1] * t(i));
        out[0] = scale * e;
        out[1] = -scale * b[o] * t(i) * e;
        out[2] = scale;
    }

    /** The problem with a dense Jacobian; {@code counter} counts residual evaluations (may be null). */
    public static LeastSquaresProblem dense(int blocks, AtomicInteger counter) {
        int n = 3 * blocks;
        return LeastSquaresProblem.builder(n, blocks * POINTS).residuals((b, r) -> {
            if (counter != null) {
                counter.incrementAndGet();
            }
            residuals(blocks, b, r);
        }).jacobian((b, j) -> {
            double[] row = new double[3];
            j.zero();
            for (int k = 0; k < blocks; k++) {
                for (int i = 0; i < POINTS; i++) {
                    jacobianRow(k, i, b, row);
                    for (int c = 0; c < 3; c++) {
                        j.set(k * POINTS + i, 3 * k + c, row[c]);
                    }
                }
            }
        }).build();
    }

    /** The problem with a block-diagonal Jacobian operator that assembles its Gram matrix by blocks. */
    public static LeastSquaresProblem blockBanded(int blocks, AtomicInteger counter) {
        int n = 3 * blocks;
        return LeastSquaresProblem.builder(n, blocks * POINTS).residuals((b, r) -> {
            if (counter != null) {
                counter.incrementAndGet();
            }
            residuals(blocks, b, r);
        }).jacobianOperator(b -> new BlockJacobian(blocks, b.clone())).build();
    }

    /** The block-diagonal Jacobian as an operator and a block-banded Gram source (bandwidth 0). */
    static final class BlockJacobian implements LinearOperator, BlockBandedGram {
        private final int blocks;
        private final double[] j;

        BlockJacobian(int blocks, double[] beta) {
            this.blocks = blocks;
            this.j = new double[blocks * POINTS * 3];
            double[] row = new double[3];
            for (int k = 0; k < blocks; k++) {
                for (int i = 0; i < POINTS; i++) {
                    jacobianRow(k, i, beta, row);
                    System.arraycopy(row, 0, j, (k * POINTS + i) * 3, 3);
                }
            }
        }

        @Override
        public int rows() {
            return blocks * POINTS;
        }

        @Override
        public int cols() {
            return 3 * blocks;
        }

        @Override
        public void apply(double[] x, double[] y) {
            for (int k = 0; k < blocks; k++) {
                for (int i = 0; i < POINTS; i++) {
                    int r = k * POINTS + i;
                    y[r] = j[3 * r] * x[3 * k] + j[3 * r + 1] * x[3 * k + 1] + j[3 * r + 2] * x[3 * k + 2];
                }
            }
        }

        @Override
        public void applyTranspose(double[] x, double[] y) {
            java.util.Arrays.fill(y, 0.0);
            for (int k = 0; k < blocks; k++) {
                for (int i = 0; i < POINTS; i++) {
                    int r = k * POINTS + i;
                    for (int c = 0; c < 3; c++) {
                        y[3 * k + c] += j[3 * r + c] * x[r];
                    }
                }
            }
        }

        @Override
        public int blocks() {
            return blocks;
        }

        @Override
        public int blockSize() {
            return 3;
        }

        @Override
        public int bandwidth() {
            return 0;
        }

        @Override
        public void normalMatrix(BlockBandedMatrix out) {
            out.clear();
            for (int k = 0; k < blocks; k++) {
                double[] b = out.block(k, k);
                for (int i = 0; i < POINTS; i++) {
                    int r = k * POINTS + i;
                    for (int a = 0; a < 3; a++) {
                        for (int c = 0; c < 3; c++) {
                            b[a * 3 + c] += j[3 * r + a] * j[3 * r + c];
                        }
                    }
                }
            }
        }
    }

    /**
     * The least-squares problem as a full mini-batch with the squared-error loss {@code ℓ = ½r²} per residual
     * (c = 1, {@code Q = 1}): {@code L = (1/b)Σ½r²}. {@link #evaluate} sets the point; {@link #lossAt} counts
     * evaluations.
     */
    public static final class FullBatch implements PerSampleObjective {
        private final int blocks;
        private final int m;
        private final int n;
        private final double[] x;
        private final double[] r;
        private final double[] rt;
        private final BlockJacobian[] jac = new BlockJacobian[1];
        public int evaluations;

        public FullBatch(int blocks) {
            this.blocks = blocks;
            this.m = blocks * POINTS;
            this.n = 3 * blocks;
            this.x = new double[n];
            this.r = new double[m];
            this.rt = new double[m];
        }

        /** Evaluates the batch at θ (the loss and every product then refer to it). */
        public void evaluate(double[] theta) {
            System.arraycopy(theta, 0, x, 0, n);
            residuals(blocks, x, r);
            evaluations++;
            jac[0] = new BlockJacobian(blocks, x);
        }

        @Override
        public int parameterCount() {
            return n;
        }

        @Override
        public double loss() {
            double s = 0;
            for (double v : r) {
                s += v * v;
            }
            return 0.5 * s / m;
        }

        @Override
        public void gradient(double[] out) {
            jac[0].applyTranspose(r, out);
            for (int i = 0; i < n; i++) {
                out[i] /= m;
            }
        }

        @Override
        public void ggnTimes(double[] v, double[] out) {
            double[] jv = new double[m];
            jac[0].apply(v, jv);
            jac[0].applyTranspose(jv, out);
            for (int i = 0; i < n; i++) {
                out[i] /= m;
            }
        }

        @Override
        public double lossAt(double[] theta) {
            evaluations++;
            residuals(blocks, theta, rt);
            double s = 0;
            for (double v : rt) {
                s += v * v;
            }
            return 0.5 * s / m;
        }

        @Override
        public int batchSize() {
            return m;
        }

        @Override
        public int outputCount() {
            return 1;
        }

        @Override
        public void jvp(double[] v, double[] out) {
            jac[0].apply(v, out);
        }

        @Override
        public void vjp(double[] u, double[] out) {
            jac[0].applyTranspose(u, out);
        }

        @Override
        public void perSampleJacobian(double[] out) {
            double[] e = new double[n];
            double[] col = new double[m];
            for (int c = 0; c < n; c++) {
                e[c] = 1;
                jac[0].apply(e, col);
                e[c] = 0;
                for (int i = 0; i < m; i++) {
                    out[i * n + c] = col[i];
                }
            }
        }

        @Override
        public void lossGradient(double[] out) {
            System.arraycopy(r, 0, out, 0, m);
        }

        @Override
        public void hessianFactors(double[] out) {
            java.util.Arrays.fill(out, 0, m, 1.0);
        }
    }
}
