package org.gn4j.pinn.pde;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.gn4j.pinn.geometry.Ball;
import org.gn4j.pinn.geometry.PointSampler;
import org.gn4j.pinn.geometry.Shape;
import org.gn4j.pinn.net.Mlp;
import org.gn4j.pinn.train.LevenbergMarquardtTrainer;
import org.gn4j.pinn.train.TrainingOptions;
import org.gn4j.pinn.train.TrainingResult;
import org.junit.jupiter.api.Test;

/** The README's curved-domain example, as printed there: −Δu + u³ = f on the unit disk, u = 0 on its circle. */
class CurvedDomainExampleTest {
    @Test
    void nonlinearPoissonOnADiskReachesTheExactSolution() {
        Shape disk = Ball.disk(0, 0, 1);
        PdeSystem pde = PdeSystem.builder("-Δu + u³ = f on the unit disk", 2)
                .field("u", Mlp.tanh(2, 16, 16))
                .group("pde", 1, Collocation.interior(disk, PointSampler.halton(), 500), p -> {
                    double u = 1 - p.x(0) * p.x(0) - p.x(1) * p.x(1);          // exact solution 1 − r²
                    return p.lap(0).negate().plus(p.u(0).pow(3)).minus(4 + u * u * u);
                })
                .group("boundary", 1, Collocation.boundary(disk, PointSampler.halton(), 100), p -> p.u(0))
                .exact("u", x -> 1 - x[0] * x[0] - x[1] * x[1])
                .build();
        double[] eval = disk.sampleInterior(PointSampler.uniform(1), 4000, 0);
        TrainingResult r = new LevenbergMarquardtTrainer().train(pde.problem(), pde.initialParameters(1),
                TrainingOptions.defaults().withBudget(Duration.ofSeconds(60)).withMaxIterations(100)
                        .withEvaluationPoints(eval), null);
        assertTrue(r.last().relativeL2() < 1e-4, "relative L2 error " + r.last().relativeL2());
    }
}
