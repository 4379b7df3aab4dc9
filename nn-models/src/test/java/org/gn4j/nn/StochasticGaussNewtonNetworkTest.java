package org.gn4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gn4j.gn.core.CgIterations;
import org.gn4j.gn.core.StepOutcome;
import org.gn4j.gn.stochastic.Damping;
import org.gn4j.gn.stochastic.Egn;
import org.gn4j.gn.stochastic.LineSearch;
import org.gn4j.gn.stochastic.MiniBatchObjective;
import org.gn4j.gn.stochastic.Optimizer;
import org.gn4j.gn.stochastic.PerSampleObjective;
import org.gn4j.gn.stochastic.Sgn;
import org.gn4j.gn.stochastic.StepResult;
import org.gn4j.nn.loss.Loss;
import org.gn4j.nn.loss.SoftmaxCrossEntropy;
import org.gn4j.nn.loss.SquaredError;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SGN and EGN on small networks: their directions against the dense Levenberg-Marquardt step {@code (G + ρI)⁻¹∇L}
 * with G assembled column by column from GGN products and solved by EJML; the trial loss and the whitened Jacobian of
 * {@link MiniBatchProducts}.
 */
class StochasticGaussNewtonNetworkTest {
    private static final double RHO = 1e-3;

    private static MiniBatchProducts batch(boolean crossEntropy, int b, double[] theta, Sequential net, long seed) {
        Random r = new Random(seed);
        int in = net.inputShape().size();
        int c = net.outputShape().size();
        Loss loss = crossEntropy ? new SoftmaxCrossEntropy() : new SquaredError();
        MiniBatchProducts mb = new MiniBatchProducts(net, loss, 64);
        double[] x = LayerChecks.gaussian(b * in, r, 1);
        double[] y = MiniBatchProductsTest.randomTargets(b, c, crossEntropy, r);
        mb.evaluate(theta, b, x, 0, y, 0);
        return mb;
    }

    /** −(G + ρI)⁻¹∇L with G built from GGN products on unit vectors. */
    private static double[] denseLmStep(MiniBatchObjective mb, double rho) {
        int d = mb.parameterCount();
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        double[] e = new double[d];
        double[] col = new double[d];
        for (int j = 0; j < d; j++) {
            e[j] = 1;
            mb.ggnTimes(e, col);
            e[j] = 0;
            for (int i = 0; i < d; i++) {
                a.set(i, j, col[i] + (i == j ? rho : 0));
            }
        }
        double[] g = new double[d];
        mb.gradient(g);
        DMatrixRMaj rhs = new DMatrixRMaj(d, 1);
        for (int i = 0; i < d; i++) {
            rhs.data[i] = -g[i];
        }
        DMatrixRMaj x = new DMatrixRMaj(d, 1);
        assertTrue(CommonOps_DDRM.solve(a, rhs, x));
        return x.data;
    }

    private static double[] step(Optimizer opt, MiniBatchProducts mb, double[] theta) {
        double[] before = theta.clone();
        StepResult r = opt.step(theta, mb);
        assertSame(StepOutcome.OK, r.status(), r.toString());
        double[] s = new double[theta.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = theta[i] - before[i];
        }
        return s;
    }

    /** b = 37 over parallel chunks; bc = 111 > d for MSE-like shapes would also work, here bc < d = 93. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sgnWithConvergedCgEqualsTheDenseLmDirection(boolean crossEntropy) {
        Sequential net = MiniBatchProductsTest.smallNet(4, 6, 3);
        double[] theta = net.initialParameters(11);
        MiniBatchProducts mb = batch(crossEntropy, 23, theta, net, 5);
        double[] expected = denseLmStep(mb, RHO);
        Sgn sgn = new Sgn().withDamping(Damping.fixed(RHO)).withLineSearch(LineSearch.none())
                .withCgIterations(CgIterations.fixed(2000, 1e-15));
        double[] got = step(sgn, mb, theta.clone());
        Tolerances.assertRelativeClose(expected, got, 1e-8, "SGN direction vs dense (G + rho I)^-1 grad");
    }

    /** With a curvature fraction the direction is −(G_S + ρI)⁻¹∇L: the subset's GGN, the whole batch's gradient. */
    @ParameterizedTest
    @ValueSource(doubles = {0.25, 0.5})
    void sgnWithACurvatureFractionSolvesWithTheSubsetsGgn(double fraction) {
        Sequential net = MiniBatchProductsTest.smallNet(4, 6, 3);
        double[] theta = net.initialParameters(13);
        MiniBatchProducts mb = batch(true, 41, theta, net, 7);
        double[] expected = denseLmStep(mb.curvatureSubset(fraction), RHO);
        double[] full = denseLmStep(mb, RHO);
        Sgn sgn = new Sgn().withDamping(Damping.fixed(RHO)).withLineSearch(LineSearch.none())
                .withCgIterations(CgIterations.fixed(2000, 1e-15)).withCurvatureFraction(fraction);
        assertEquals(fraction, sgn.curvatureFraction(), 0.0);
        double[] got = step(sgn, mb, theta.clone());
        Tolerances.assertRelativeClose(expected, got, 1e-8, "SGN direction vs dense (G_S + rho I)^-1 grad");
        double diff = 0;
        for (int k = 0; k < full.length; k++) {
            diff = Math.max(diff, Math.abs(full[k] - got[k]) / Math.max(1e-3, Math.abs(full[k])));
        }
        assertTrue(diff > 1e-4, "the sub-sampled direction differs from the full-batch one");
    }

    @Test
    void curvatureFractionOutsideTheUnitIntervalIsRefused() {
        for (double f : new double[] {0, 1.01, Double.NaN}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> new Sgn().withCurvatureFraction(f));
            assertTrue(e.getMessage().contains("curvature fraction is " + f), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void egnEqualsTheDenseLmDirection(boolean crossEntropy) {
        Sequential net = MiniBatchProductsTest.smallNet(4, 6, 3);
        double[] theta = net.initialParameters(12);
        MiniBatchProducts mb = batch(crossEntropy, 37, theta, net, 6);
        double[] expected = denseLmStep(mb, RHO);
        Egn egn = new Egn().withDamping(Damping.fixed(RHO)).withLineSearch(LineSearch.none());
        double[] got = step(egn, mb, theta.clone());
        Tolerances.assertRelativeClose(expected, got, 1e-8, "EGN direction vs dense (G + rho I)^-1 grad");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void oneStepOfSgnAndOfEgnDecreasesTheMiniBatchLoss(boolean crossEntropy) {
        Sequential net = MiniBatchProductsTest.smallNet(4, 8, 3);
        for (Optimizer opt : new Optimizer[] {new Sgn(), new Egn()}) {
            double[] theta = net.initialParameters(21);
            MiniBatchProducts mb = batch(crossEntropy, 50, theta, net, 22);
            double l0 = mb.loss();
            StepResult r = opt.step(theta, mb);
            assertSame(StepOutcome.OK, r.status(), opt.name() + " " + r);
            double l1 = mb.lossAt(theta);
            assertTrue(l1 < l0, opt.name() + ": " + l1 + " vs " + l0);
        }
    }

    @Test
    void lossAtLeavesTheEvaluatedPointIntact() {
        Sequential net = MiniBatchProductsTest.smallNet(4, 6, 3);
        double[] theta = net.initialParameters(1);
        MiniBatchProducts mb = batch(true, 37, theta, net, 2);
        int d = net.parameterCount();
        double[] v = LayerChecks.gaussian(d, new Random(3), 1);
        double[] before = new double[d];
        mb.ggnTimes(v, before);
        double[] g0 = new double[d];
        mb.gradient(g0);
        double l0 = mb.loss();
        assertEquals(l0, mb.lossAt(theta), 1e-13 * Math.abs(l0));
        double[] other = theta.clone();
        other[0] += 0.5;
        double l1 = mb.lossAt(other);
        assertTrue(Math.abs(l1 - l0) > 1e-6);
        double[] after = new double[d];
        mb.ggnTimes(v, after);
        double[] g1 = new double[d];
        mb.gradient(g1);
        Tolerances.assertRelativeClose(before, after, 0, "GGN product after lossAt");
        Tolerances.assertRelativeClose(g0, g1, 0, "gradient after lossAt");
        assertEquals(l0, mb.loss(), 0);
    }

    @Test
    void seededWhitenedJacobianEqualsTheDefaultFormula() {
        Sequential net = MiniBatchProductsTest.smallNet(4, 6, 3);
        double[] theta = net.initialParameters(4);
        MiniBatchProducts mb = batch(true, 37, theta, net, 5);
        int n = 37 * 3 * net.parameterCount();
        double[] factors = new double[37 * 9];
        mb.hessianFactors(factors);
        double[] seeded = new double[n];
        mb.whitenedJacobian(factors, seeded);
        double[] plain = new double[n];
        PerSampleObjective viaDefault = new PerSampleObjective() {
            @Override public int batchSize() { return mb.batchSize(); }
            @Override public int outputCount() { return mb.outputCount(); }
            @Override public void jvp(double[] v, double[] out) { mb.jvp(v, out); }
            @Override public void vjp(double[] u, double[] out) { mb.vjp(u, out); }
            @Override public void perSampleJacobian(double[] out) { mb.perSampleJacobian(out); }
            @Override public void lossGradient(double[] out) { mb.lossGradient(out); }
            @Override public void hessianFactors(double[] out) { mb.hessianFactors(out); }
            @Override public int parameterCount() { return mb.parameterCount(); }
            @Override public double loss() { return mb.loss(); }
            @Override public void gradient(double[] out) { mb.gradient(out); }
            @Override public void ggnTimes(double[] v, double[] out) { mb.ggnTimes(v, out); }
        };
        viaDefault.whitenedJacobian(factors, plain);
        Tolerances.assertRelativeClose(plain, seeded, 1e-13, "seeded reverse passes vs L_s^T J_s");
    }
}
