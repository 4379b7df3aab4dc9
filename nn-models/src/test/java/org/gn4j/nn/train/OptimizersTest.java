package org.gn4j.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.gn4j.gn.TerminationReason;
import org.gn4j.gn.core.StepOutcome;
import org.gn4j.gn.stochastic.Adam;
import org.gn4j.gn.stochastic.Optimizer;
import org.gn4j.gn.stochastic.Sgd;
import org.gn4j.gn.stochastic.StepResult;
import org.gn4j.nn.MiniBatchProducts;
import org.gn4j.nn.Sequential;
import org.gn4j.nn.layers.Dense;
import org.gn4j.nn.loss.Loss;
import org.gn4j.nn.loss.SquaredError;
import org.junit.jupiter.api.Test;

/** SGD and Adam updates against hand-computed values, convergence on a quadratic and non-finite handling. */
class OptimizersTest {
    /**
     * f = w·x + b on the single sample x = 1, y = 0 with squared error: L = (w + b)², ∇L = 2(w + b)·(1, 1). From
     * θ = (0.5, 0.25) with η = 0.1, μ = 0.9 the sequences below were worked out by hand.
     */
    private static double[][] threeSteps(Optimizer opt) {
        Sequential net = Sequential.of(new Dense(1, 1));
        MiniBatchProducts mb = new MiniBatchProducts(net, new SquaredError(), 1);
        double[] theta = {0.5, 0.25};
        double[][] out = new double[3][];
        for (int k = 0; k < 3; k++) {
            mb.evaluate(theta, 1, new double[] {1}, 0, new double[] {0}, 0);
            StepResult r = opt.step(theta, mb);
            assertTrue(r.ok());
            out[k] = theta.clone();
        }
        return out;
    }

    @Test
    void heavyBallMomentumMatchesHandComputedSequence() {
        // g = 1.5 → v = 1.5, θ = (0.35, 0.10); g = 0.9 → v = 2.25, θ = (0.125, −0.125); g = 0 → v = 2.025
        double[][] th = threeSteps(new Sgd(0.1).withMomentum(0.9));
        assertArrayEquals(new double[] {0.35, 0.10}, th[0], 1e-15);
        assertArrayEquals(new double[] {0.125, -0.125}, th[1], 1e-15);
        assertArrayEquals(new double[] {-0.0775, -0.3275}, th[2], 1e-15);
    }

    @Test
    void nesterovMomentumMatchesHandComputedSequence() {
        // step along g + μv: g = 1.5, v = 1.5, d = 2.85; g = 0.36, v = 1.71, d = 1.899; g = −0.3996, v = 1.1394,
        // d = 0.62586
        double[][] th = threeSteps(new Sgd(0.1).withMomentum(0.9).withNesterov(true));
        assertArrayEquals(new double[] {0.215, -0.035}, th[0], 1e-15);
        assertArrayEquals(new double[] {0.0251, -0.2249}, th[1], 1e-15);
        assertArrayEquals(new double[] {-0.037486, -0.287486}, th[2], 1e-15);
    }

    @Test
    void plainSgdAndWeightDecay() {
        // no momentum: θ ← θ − η(g + λθ); g = 1.5, λ = 0.5 → θ = (0.5 − 0.1·1.75, 0.25 − 0.1·1.625)
        double[][] th = threeSteps(new Sgd(0.1).withWeightDecay(0.5));
        assertArrayEquals(new double[] {0.325, 0.0875}, th[0], 1e-15);
    }

    private static MiniBatchProducts evaluated(Sequential net, double[] theta) {
        ArrayTrainingData data = Problems.linear(5, 3);
        double[] x = new double[15];
        double[] y = new double[5];
        data.copyBatch(new int[] {0, 1, 2, 3, 4}, 0, 5, x, y);
        MiniBatchProducts mb = new MiniBatchProducts(net, new SquaredError(), 5);
        mb.evaluate(theta, 5, x, 0, y, 0);
        return mb;
    }

    @Test
    void oneAdamStepMatchesTheBiasCorrectedUpdateExactly() {
        Sequential net = Sequential.of(new Dense(3, 1));
        double[] theta = net.initialParameters(4);
        double[] theta0 = theta.clone();
        MiniBatchProducts mb = evaluated(net, theta);
        double[] g = new double[4];
        mb.gradient(g);
        double lr = 0.01;
        double b1 = 0.8;
        double b2 = 0.99;
        double eps = 1e-6;
        Adam adam = new Adam(lr).withBetas(b1, b2).withEpsilon(eps);
        StepResult r = adam.step(theta, mb);
        assertTrue(r.ok());
        double[] expected = new double[4];
        for (int i = 0; i < 4; i++) {
            double m = (1 - b1) * g[i];
            double v = (1 - b2) * g[i] * g[i];
            double mHat = m / (1 - b1);
            double vHat = v / (1 - b2);
            expected[i] = theta0[i] - lr * mHat / (Math.sqrt(vHat) + eps);
        }
        assertArrayEquals(expected, theta, 0.0);
        assertEquals(1, adam.stepCount());
        assertEquals(8, adam.stateVector().length);
        // the first bias-corrected step has size ≈ η in every coordinate
        for (int i = 0; i < 4; i++) {
            assertEquals(lr, Math.abs(theta[i] - theta0[i]), 1e-6);
        }
    }

    @Test
    void adamWDecaysDecoupledFromTheMoments() {
        Sequential net = Sequential.of(new Dense(3, 1));
        double[] theta = net.initialParameters(4);
        double[] plain = theta.clone();
        double[] theta0 = theta.clone();
        Adam adamW = Adam.adamW(0.01, 0.1);
        assertEquals("adamw", adamW.name());
        adamW.step(theta, evaluated(net, theta));
        new Adam(0.01).step(plain, evaluated(net, plain));
        // θ_W = θ_Adam − ηλθ₀
        for (int i = 0; i < 4; i++) {
            assertEquals(plain[i] - 0.01 * 0.1 * theta0[i], theta[i], 1e-15);
        }
    }

    @Test
    void sgdWithMomentumConvergesOnExactLinearData() throws IOException {
        Sequential net = Sequential.of(new Dense(3, 1));
        double[] theta = net.initialParameters(1);
        TrainingResult r = new Trainer(net, new SquaredError(), new Sgd(0.05).withMomentum(0.5)).withEpochs(60)
                .withBatchSize(16).withSeed(2).train(Problems.linear(64, 5), theta);
        assertEquals(TerminationReason.COMPLETED, r.status());
        assertArrayEquals(new double[] {1.5, -2, 0.5, 0.25}, theta, 1e-8);
        assertTrue(r.trainLoss() < 1e-14, "train loss " + r.trainLoss());
    }

    /** Squared error whose gradient is NaN: the loss is finite, the gradient is not. */
    private static final class NanGradient implements Loss {
        private final SquaredError base = new SquaredError();

        @Override
        public String name() {
            return "nan-gradient";
        }

        @Override
        public double value(int batch, int c, double[] f, double[] y) {
            return base.value(batch, c, f, y);
        }

        @Override
        public void gradient(int batch, int c, double[] f, double[] y, double[] g) {
            java.util.Arrays.fill(g, 0, batch * c, Double.NaN);
        }

        @Override
        public void hessianTimes(int batch, int c, double[] f, double[] y, double[] v, double[] out) {
            base.hessianTimes(batch, c, f, y, v, out);
        }

        @Override
        public void hessianFactor(int batch, int c, double[] f, double[] y, double[] factors) {
            base.hessianFactor(batch, c, f, y, factors);
        }
    }

    @Test
    void nonFiniteGradientOrLossLeavesThetaUntouched() {
        Sequential net = Sequential.of(new Dense(1, 1));
        for (Optimizer opt : new Optimizer[] {new Sgd(0.1).withMomentum(0.9), new Adam(0.1)}) {
            MiniBatchProducts mb = new MiniBatchProducts(net, new NanGradient(), 1);
            double[] theta = {0.5, 0.25};
            mb.evaluate(theta, 1, new double[] {1}, 0, new double[] {0}, 0);
            StepResult r = opt.step(theta, mb);
            assertSame(StepOutcome.NON_FINITE, r.status());
            assertEquals(0.5625, r.loss(), 1e-15);
            assertArrayEquals(new double[] {0.5, 0.25}, theta, 0.0);
            assertEquals(0, opt.stepCount());
            // overflowing loss
            MiniBatchProducts se = new MiniBatchProducts(net, new SquaredError(), 1);
            double[] huge = {1e200, 1e200};
            se.evaluate(huge, 1, new double[] {1}, 0, new double[] {0}, 0);
            r = opt.step(huge, se);
            assertSame(StepOutcome.NON_FINITE, r.status());
            assertArrayEquals(new double[] {1e200, 1e200}, huge, 0.0);
        }
    }

    @Test
    void stateRoundTripContinuesIdentically() {
        Sequential net = Sequential.of(new Dense(1, 1));
        Optimizer a = new Adam(0.1);
        Optimizer b = new Adam(0.1);
        MiniBatchProducts mb = new MiniBatchProducts(net, new SquaredError(), 1);
        double[] ta = {0.5, 0.25};
        for (int k = 0; k < 2; k++) {
            mb.evaluate(ta, 1, new double[] {1}, 0, new double[] {0}, 0);
            a.step(ta, mb);
        }
        double[] tb = ta.clone();
        b.restoreState(a.stateVector(), a.stepCount());
        mb.evaluate(ta, 1, new double[] {1}, 0, new double[] {0}, 0);
        a.step(ta, mb);
        mb.evaluate(tb, 1, new double[] {1}, 0, new double[] {0}, 0);
        b.step(tb, mb);
        assertArrayEquals(ta, tb, 0.0);
        a.reset();
        assertEquals(0, a.stepCount());
        assertEquals(0, a.stateVector().length);
        assertThrows(IllegalArgumentException.class, () -> b.restoreState(new double[3], 0));
        assertThrows(IllegalArgumentException.class, () -> b.restoreState(new double[4], -1));
    }

    @Test
    void badConfigurationIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1).withMomentum(1.0));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1).withWeightDecay(-1));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1).withBetas(0.9, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1).withEpsilon(0));
        Sequential net = Sequential.of(new Dense(1, 1));
        MiniBatchProducts mb = new MiniBatchProducts(net, new SquaredError(), 1);
        mb.evaluate(new double[2], 1, new double[] {1}, 0, new double[] {0}, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sgd(0.1).step(new double[3], mb));
        assertTrue(e.getMessage().contains("theta"), e.getMessage());
        IllegalArgumentException lr = assertThrows(IllegalArgumentException.class,
                () -> new Sgd(t -> Double.NaN).step(new double[2], mb));
        assertTrue(lr.getMessage().contains("learning rate"), lr.getMessage());
    }
}
