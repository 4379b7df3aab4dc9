package org.gn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gn4j.gn.stochastic.MiniBatchObjective;
import org.gn4j.nn.layers.Activation;
import org.gn4j.nn.layers.Dense;
import org.gn4j.nn.loss.Loss;
import org.gn4j.nn.loss.SoftmaxCrossEntropy;
import org.gn4j.nn.loss.SquaredError;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The mini-batch products against dense references built from the per-sample Jacobian and finite differences. */
class MiniBatchProductsTest {

    static Sequential smallNet(int in, int hidden, int out) {
        return Sequential.of(new Dense(in, hidden), new Activation(Activation.Function.TANH, hidden),
                new Dense(hidden, hidden), new Activation(Activation.Function.SIGMOID, hidden), new Dense(hidden, out));
    }

    static double[] randomTargets(int batch, int c, boolean classification, Random r) {
        double[] y = new double[batch * c];
        for (int s = 0; s < batch; s++) {
            if (classification) {
                y[s * c + r.nextInt(c)] = 1;
            } else {
                for (int k = 0; k < c; k++) {
                    y[s * c + k] = r.nextGaussian();
                }
            }
        }
        return y;
    }

    /** The dense GGN {@code G = (1/b) Σ_s J_sᵀ L_s L_sᵀ J_s} from the per-sample Jacobian and Hessian factors. */
    static DMatrixRMaj denseGgn(double[] jac, double[] factors, int b, int c, int d) {
        DMatrixRMaj lj = new DMatrixRMaj(b * c, d);
        for (int s = 0; s < b; s++) {
            DMatrixRMaj ls = new DMatrixRMaj(c, c);
            System.arraycopy(factors, s * c * c, ls.data, 0, c * c);
            DMatrixRMaj js = new DMatrixRMaj(c, d);
            System.arraycopy(jac, s * c * d, js.data, 0, c * d);
            DMatrixRMaj out = new DMatrixRMaj(c, d);
            CommonOps_DDRM.multTransA(ls, js, out);
            System.arraycopy(out.data, 0, lj.data, s * c * d, c * d);
        }
        DMatrixRMaj g = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(lj, lj, g);
        CommonOps_DDRM.scale(1.0 / b, g);
        return g;
    }

    /** GGN·v equals (1/b)·JᵀQJv assembled from the per-sample Jacobian and the per-sample Q = LLᵀ. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void ggnProductEqualsDenseJtQJ(boolean crossEntropy) {
        Random r = new Random(7);
        int in = 4;
        int c = 3;
        int b = 37; // several parallel chunks with uneven sizes
        Sequential net = smallNet(in, 6, c);
        Loss loss = crossEntropy ? new SoftmaxCrossEntropy() : new SquaredError();
        MiniBatchProducts mb = new MiniBatchProducts(net, loss, 64);
        double[] theta = net.initialParameters(3);
        double[] x = LayerChecks.gaussian(b * in, r, 1);
        double[] y = randomTargets(b, c, crossEntropy, r);
        mb.evaluate(theta, b, x, 0, y, 0);
        int d = net.parameterCount();
        double[] jac = new double[b * c * d];
        mb.perSampleJacobian(jac);
        double[] factors = new double[b * c * c];
        mb.hessianFactors(factors);
        DMatrixRMaj j = DMatrixRMaj.wrap(b * c, d, jac);
        DMatrixRMaj g = denseGgn(jac, factors, b, c, d);
        double[] v = LayerChecks.gaussian(d, r, 1);
        double[] expected = new double[d];
        for (int a = 0; a < d; a++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += g.get(a, k) * v[k];
            }
            expected[a] = s;
        }
        double[] gv = new double[d];
        mb.ggnTimes(v, gv);
        Tolerances.assertRelativeClose(expected, gv, 1e-12, "GGN product vs dense JᵀQJ");
        // Jv from the tangent pass equals the per-sample Jacobian times v
        double[] jv = new double[b * c];
        mb.jvp(v, jv);
        double[] jvDense = new double[b * c];
        for (int row = 0; row < b * c; row++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += j.get(row, k) * v[k];
            }
            jvDense[row] = s;
        }
        Tolerances.assertRelativeClose(jvDense, jv, 1e-12, "Jv vs per-sample Jacobian");
    }

    /**
     * Many small chunks per thread (a tiny activation budget) give the same products as one chunk per thread: the
     * group accumulation and the chunk bookkeeping lose nothing.
     */
    @ParameterizedTest
    @ValueSource(ints = {37, 64, 5})
    void manySmallChunksGiveTheSameProducts(int b) {
        Random r = new Random(11);
        int in = 4;
        int c = 3;
        Sequential net = smallNet(in, 6, c);
        Loss loss = new SoftmaxCrossEntropy();
        MiniBatchProducts one = new MiniBatchProducts(net, loss, 64, Integer.MAX_VALUE);
        MiniBatchProducts many = new MiniBatchProducts(net, loss, 64, 64);
        double[] theta = net.initialParameters(5);
        double[] x = LayerChecks.gaussian(b * in, r, 1);
        double[] y = randomTargets(b, c, true, r);
        assertEquals(one.evaluate(theta, b, x, 0, y, 0), many.evaluate(theta, b, x, 0, y, 0), 1e-14);
        int d = net.parameterCount();
        double[] v = LayerChecks.gaussian(d, r, 1);
        double[][] pair = new double[2][];
        MiniBatchProducts[] both = {one, many};
        for (int k = 0; k < 2; k++) {
            double[] grad = new double[d];
            both[k].gradient(grad);
            double[] gv = new double[d];
            both[k].ggnTimes(v, gv);
            double[] jv = new double[b * c];
            both[k].jvp(v, jv);
            double[] jac = new double[b * c * d];
            both[k].perSampleJacobian(jac);
            double[] out = new double[b * c];
            both[k].outputs(out);
            double[] all = new double[2 * d + 2 * b * c + b * c * d];
            System.arraycopy(grad, 0, all, 0, d);
            System.arraycopy(gv, 0, all, d, d);
            System.arraycopy(jv, 0, all, 2 * d, b * c);
            System.arraycopy(out, 0, all, 2 * d + b * c, b * c);
            System.arraycopy(jac, 0, all, 2 * d + 2 * b * c, b * c * d);
            pair[k] = all;
        }
        Tolerances.assertRelativeClose(pair[0], pair[1], 1e-12, "many chunks vs one chunk per thread, b = " + b);
    }

    /**
     * The curvature subset's GGN product is (1/m)·Σ_{s<m} J_sᵀQ_sJ_s·v over the first m = ⌈f·b⌉ samples (dense, from
     * the full batch's per-sample Jacobian and Hessian factors), across many chunks; its loss and gradient are the
     * whole batch's; after a new evaluation the view follows the new batch.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.3, 0.75})
    void curvatureSubsetIsTheGgnOfTheFirstSamples(double fraction) {
        Random r = new Random(17);
        int in = 4;
        int c = 3;
        Sequential net = smallNet(in, 6, c);
        Loss loss = new SoftmaxCrossEntropy();
        MiniBatchProducts mb = new MiniBatchProducts(net, loss, 64, 64);
        int d = net.parameterCount();
        MiniBatchObjective part = mb.curvatureSubset(fraction);
        for (int round = 0; round < 2; round++) {
            int b = round == 0 ? 53 : 29;
            double[] theta = net.initialParameters(5 + round);
            double[] x = LayerChecks.gaussian(b * in, r, 1);
            double[] y = randomTargets(b, c, true, r);
            mb.evaluate(theta, b, x, 0, y, 0);
            int m = (int) Math.ceil(fraction * b - 1e-9);
            double[] jac = new double[b * c * d];
            mb.perSampleJacobian(jac);
            double[] factors = new double[b * c * c];
            mb.hessianFactors(factors);
            DMatrixRMaj g = denseGgn(jac, factors, m, c, d);
            double[] v = LayerChecks.gaussian(d, r, 1);
            double[] expected = new double[d];
            CommonOps_DDRM.mult(g, DMatrixRMaj.wrap(d, 1, v), DMatrixRMaj.wrap(d, 1, expected));
            double[] gv = new double[d];
            part.ggnTimes(v, gv);
            Tolerances.assertRelativeClose(expected, gv, 1e-12, "subset GGN vs dense over the first " + m
                    + " of " + b + " samples");
            double[] full = new double[d];
            mb.ggnTimes(v, full);
            double diff = 0;
            for (int k = 0; k < d; k++) {
                diff = Math.max(diff, Math.abs(full[k] - gv[k]));
            }
            assertTrue(diff > 1e-6, "the subset's product differs from the batch's");
            assertEquals(mb.loss(), part.loss(), 0.0);
            double[] g1 = new double[d];
            double[] g2 = new double[d];
            mb.gradient(g1);
            part.gradient(g2);
            assertArrayEquals(g1, g2, 0.0);
            assertEquals(mb.lossAt(theta), part.lossAt(theta), 0.0);
        }
    }

    @Test
    void curvatureFractionOutsideTheUnitIntervalIsAnError() {
        MiniBatchProducts mb = new MiniBatchProducts(smallNet(4, 6, 3), new SquaredError(), 8);
        assertSame(mb, mb.curvatureSubset(1));
        for (double f : new double[] {0, -0.5, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mb.curvatureSubset(f));
            assertTrue(e.getMessage().contains("(0, 1]"), e.getMessage());
        }
    }

    /** ∇L from the adjoint pass against central differences of the mean loss. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void gradientMatchesFiniteDifferences(boolean crossEntropy) {
        Random r = new Random(11);
        int in = 3;
        int c = 4;
        int b = 20;
        Sequential net = smallNet(in, 5, c);
        Loss loss = crossEntropy ? new SoftmaxCrossEntropy() : new SquaredError();
        MiniBatchProducts mb = new MiniBatchProducts(net, loss, b);
        double[] theta = net.initialParameters(5);
        double[] x = LayerChecks.gaussian(b * in, r, 1);
        double[] y = randomTargets(b, c, crossEntropy, r);
        mb.evaluate(theta, b, x, 0, y, 0);
        int d = net.parameterCount();
        double[] grad = new double[d];
        mb.gradient(grad);
        double[] fd = new double[d];
        MiniBatchProducts probe = new MiniBatchProducts(net, loss, b);
        for (int k = 0; k < d; k++) {
            double h = 1e-5;
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[k] += h;
            tm[k] -= h;
            fd[k] = (probe.evaluate(tp, b, x, 0, y, 0) - probe.evaluate(tm, b, x, 0, y, 0)) / (2 * h);
        }
        Tolerances.assertRelativeClose(fd, grad, 1e-7, "gradient vs central differences");
    }

    /** ⟨u, Jv⟩ = ⟨Jᵀu, v⟩ for the whole network. */
    @Test
    void networkAdjointIdentity() {
        Random r = new Random(13);
        Sequential net = smallNet(5, 8, 2);
        MiniBatchProducts mb = new MiniBatchProducts(net, new SquaredError(), 50);
        double[] theta = net.initialParameters(2);
        int b = 50;
        mb.evaluate(theta, b, LayerChecks.gaussian(b * 5, r, 1), 0, new double[b * 2], 0);
        int d = net.parameterCount();
        double[] v = LayerChecks.gaussian(d, r, 1);
        double[] u = LayerChecks.gaussian(b * 2, r, 1);
        double[] jv = new double[b * 2];
        double[] jtu = new double[d];
        mb.jvp(v, jv);
        mb.vjp(u, jtu);
        double lhs = 0;
        double rhs = 0;
        for (int i = 0; i < jv.length; i++) {
            lhs += u[i] * jv[i];
        }
        for (int i = 0; i < d; i++) {
            rhs += jtu[i] * v[i];
        }
        assertEquals(lhs, rhs, 1e-10 * (Math.abs(lhs) + Math.abs(rhs)));
    }

    @Test
    void productsBeforeEvaluateAreAnError() {
        Sequential net = smallNet(2, 3, 1);
        MiniBatchProducts mb = new MiniBatchProducts(net, new SquaredError(), 4);
        assertThrows(IllegalStateException.class, () -> mb.gradient(new double[net.parameterCount()]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mb.evaluate(net.initialParameters(1), 5, new double[10], 0, new double[5], 0));
        assertTrue(e.getMessage().contains("batch is 5"), e.getMessage());
    }
}
