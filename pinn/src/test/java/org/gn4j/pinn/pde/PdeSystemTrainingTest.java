package org.gn4j.pinn.pde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.gn4j.pinn.geometry.Box;
import org.gn4j.pinn.geometry.PointSampler;
import org.gn4j.pinn.net.Mlp;
import org.gn4j.pinn.train.LevenbergMarquardtTrainer;
import org.gn4j.pinn.train.TrainingOptions;
import org.gn4j.pinn.train.TrainingResult;
import org.junit.jupiter.api.Test;

/** Small instances of each new kind of problem, trained by Levenberg-Marquardt to errors far below their start. */
class PdeSystemTrainingTest {
    private static final double PI = Math.PI;

    private static TrainingResult train(PdeSystem sys, double[] eval, int iterations) {
        TrainingOptions o = TrainingOptions.defaults().withBudget(Duration.ofSeconds(60)).withMaxIterations(iterations)
                .withEvaluationPoints(eval).withEvaluateEvery(0);
        return new LevenbergMarquardtTrainer().train(sys.problem(), sys.initialParameters(1), o, null);
    }

    @Test
    void nonlinearPoissonWithACubicTerm() {
        // −Δu + u³ = f on the unit square, u = sin(πx) sin(πy)
        Box box = Box.unitCube(2);
        Field exact = x -> Math.sin(PI * x[0]) * Math.sin(PI * x[1]);
        PdeSystem sys = PdeSystem.builder("cubic", 2)
                .field("u", Mlp.tanh(2, 12, 12).withInputBox(box.lower(), box.upper()))
                .group("pde", 1, Collocation.interior(box, PointSampler.halton(), 300), p -> {
                    double e = exact.value(new double[] {p.x(0), p.x(1)});
                    return p.lap(0).negate().plus(p.u(0).pow(3)).minus(2 * PI * PI * e + e * e * e);
                })
                .group("boundary", 1, Collocation.boundary(box, PointSampler.halton(), 80), p -> p.u(0))
                .exact("u", exact).build();
        double[] eval = box.sampleInterior(PointSampler.uniform(9), 2000, 0);
        TrainingResult r = train(sys, eval, 150);
        assertTrue(r.history().get(0).relativeL2() > 0.5, "start " + r.history().get(0));
        assertTrue(r.last().relativeL2() < 2e-3, "relative L2 " + r.last().relativeL2());
    }

    @Test
    void inverseProblemRecoversAScalarCoefficient() {
        // u_xx·k = f on [0, 1] with u = sin(πx) observed at 30 points; k = 0.5 unknown, started at 2
        Box box = Box.interval(0, 1);
        double[] obs = box.sampleInterior(PointSampler.uniform(4), 30, 0);
        double[] data = new double[obs.length];
        for (int q = 0; q < obs.length; q++) {
            data[q] = Math.sin(PI * obs[q]);
        }
        PdeSystem sys = PdeSystem.builder("inverse", 1)
                .field("u", Mlp.tanh(1, 10, 10).withInputBox(box.lower(), box.upper()))
                .coefficient("k", 2)
                .group("pde", 1, Collocation.interior(box, PointSampler.halton(), 60),
                        p -> p.coefficient(0).times(p.lap(0)).plus(0.5 * PI * PI * Math.sin(PI * p.x(0))))
                .group("observations", 1, Collocation.fixed(obs, 1, data, 1), p -> p.u(0).minus(p.data(0)))
                .exact("u", x -> Math.sin(PI * x[0])).build();
        TrainingResult r = train(sys, box.sampleInterior(PointSampler.uniform(2), 500, 0), 200);
        assertEquals(0.5, sys.coefficients(r.parameters())[0], 1e-4);
        assertTrue(r.last().relativeL2() < 1e-3, "relative L2 " + r.last().relativeL2());
    }

    @Test
    void coupledSystemOfTwoFields() {
        // u' = v, v' = −u on [0, 2] with u(0) = 0, v(0) = 1: u = sin x, v = cos x
        Box box = Box.interval(0, 2);
        PdeSystem sys = PdeSystem.builder("oscillator", 1)
                .field("u", Mlp.tanh(1, 10).withInputBox(box.lower(), box.upper()))
                .field("v", Mlp.tanh(1, 10).withInputBox(box.lower(), box.upper()))
                .group("u'", 1, Collocation.interior(box, PointSampler.halton(), 60), p -> p.d(0, 0).minus(p.u(1)))
                .group("v'", 1, Collocation.interior(box, PointSampler.halton(), 60), p -> p.d(1, 0).plus(p.u(0)))
                .group("start u", 1, Collocation.fixed(new double[] {0}, 1, null, 0),
                        p -> p.u(0))
                .group("start v", 1, Collocation.fixed(new double[] {0}, 1, null, 0), p -> p.u(1).minus(1))
                .exact("u", x -> Math.sin(x[0])).exact("v", x -> Math.cos(x[0])).build();
        TrainingResult r = train(sys, box.sampleInterior(PointSampler.uniform(3), 400, 0), 150);
        assertTrue(r.last().relativeL2() < 1e-4, "relative L2 over (u, v) " + r.last().relativeL2());
    }
}
