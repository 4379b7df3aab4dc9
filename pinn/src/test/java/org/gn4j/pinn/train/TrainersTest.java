package org.gn4j.pinn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.gn4j.gn.TerminationReason;
import org.gn4j.pinn.pde.PinnProblem;
import org.gn4j.pinn.problems.Benchmarks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small instances of the benchmark problems converge within CI time (a few seconds each on 2 cores). */
class TrainersTest {
    private static TrainingOptions options(Benchmarks.Setup s, double seconds, int iterations) {
        return TrainingOptions.defaults().withBudget(Duration.ofMillis((long) (seconds * 1000)))
                .withMaxIterations(iterations).withEvaluationPoints(s.evaluationPoints()).withEvaluateEvery(0.5);
    }

    @Test
    void levenbergMarquardtSolvesSmallPoisson2d() {
        Benchmarks.Setup s = Benchmarks.setup("poisson2d", new int[] {8, 8}, 144, 40, true);
        PinnProblem p = s.problem();
        TrainingResult r = new LevenbergMarquardtTrainer().train(p, p.network().initialParameters(1),
                options(s, 20, 150).withTargetRelativeL2(1e-4), null);
        assertTrue(r.last().relativeL2() <= 1e-4, r.status() + " " + r.last());
        assertEquals(TerminationReason.TARGET_REACHED, r.status());
    }

    @Test
    void levenbergMarquardtSolvesSmallHeatWithSoftConditions() {
        Benchmarks.Setup s = Benchmarks.setup("heat1d", new int[] {8, 8}, 144, 40, false);
        PinnProblem p = s.problem();
        TrainingResult r = new LevenbergMarquardtTrainer().train(p, p.network().initialParameters(1),
                options(s, 20, 200).withTargetRelativeL2(1e-3), null);
        assertTrue(r.last().relativeL2() <= 1e-3, r.status() + " " + r.last());
    }

    @Test
    void levenbergMarquardtSolvesSmallPoisson5d() {
        Benchmarks.Setup s = Benchmarks.setup("poisson5d", new int[] {10}, 300, 100, false);
        PinnProblem p = s.problem();
        TrainingResult r = new LevenbergMarquardtTrainer().train(p, p.network().initialParameters(1),
                options(s, 20, 150).withTargetRelativeL2(1e-2), null);
        assertTrue(r.last().relativeL2() <= 1e-2, r.status() + " " + r.last());
    }

    @Test
    void everyOptimizerLowersTheLossAndHistoriesGoToCsv(@TempDir Path dir) throws Exception {
        Benchmarks.Setup s = Benchmarks.setup("poisson2d", new int[] {6}, 64, 20, true);
        PinnProblem p = s.problem();
        double[] start = p.network().initialParameters(3);
        PinnOptimizer[] all = {new GaussNewtonTrainer(),
            new GaussNewtonTrainer().withInnerSolve(GaussNewtonTrainer.InnerSolve.WOODBURY),
            new GaussNewtonTrainer().withInnerSolve(GaussNewtonTrainer.InnerSolve.CG),
            GaussNewtonTrainer.engd(1e-8, 6), new AdamTrainer(1e-2), new LbfgsTrainer(),
            new LevenbergMarquardtTrainer().withGeodesicAcceleration(false)};
        for (PinnOptimizer o : all) {
            TrainingResult r = o.train(p, start, options(s, 10, 30), null);
            double first = r.history().get(0).loss();
            assertTrue(r.last().loss() < 0.5 * first, o.name() + ": " + first + " -> " + r.last().loss());
            assertTrue(r.iterations() > 0 && r.iterations() <= 30, o.name() + " " + r.iterations());
        }
        TrainingResult r = new AdamTrainer(1e-3).train(p, start, options(s, 10, 5).withEvaluateEvery(0), null);
        Path csv = dir.resolve("h.csv");
        r.writeCsv(csv);
        assertEquals(r.history().size() + 1, Files.readAllLines(csv).size());
    }

    @Test
    void resamplingDrawsNewPointsAndStillConverges() {
        Benchmarks.Setup s = Benchmarks.setup("poisson2d", new int[] {8}, 100, 20, true);
        PinnProblem p = s.problem();
        double[] a = p.groups().get(0).residual().points();
        double[] b = p.atRound(1).groups().get(0).residual().points();
        assertTrue(a[0] != b[0]);
        TrainingResult r = new LevenbergMarquardtTrainer().train(p, p.network().initialParameters(2),
                options(s, 20, 120).withResampleEvery(20), null);
        assertTrue(r.last().relativeL2() < 1e-2, r.status() + " " + r.last());
    }

    @Test
    void budgetBeyondTheNanosecondRangeDoesNotOverflow() {
        Benchmarks.Setup s = Benchmarks.setup("poisson2d", new int[] {6}, 64, 20, true);
        PinnProblem p = s.problem();
        double[] start = p.network().initialParameters(3);
        TrainingOptions o = TrainingOptions.defaults().withBudget(Duration.ofSeconds(1_000_000_000_000L))
                .withEvaluationPoints(s.evaluationPoints()).withMaxIterations(3);
        assertEquals(TrainingOptions.MAX_BUDGET, o.budget());
        for (PinnOptimizer opt : new PinnOptimizer[] {new LevenbergMarquardtTrainer(), new AdamTrainer(1e-3)}) {
            TrainingResult r = opt.train(p, start, o, null);
            assertEquals(3, r.iterations(), opt.name());
        }
    }
}
