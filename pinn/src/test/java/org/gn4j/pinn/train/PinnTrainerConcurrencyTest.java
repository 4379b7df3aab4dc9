package org.gn4j.pinn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.gn4j.pinn.dd.FbpinnProblem;
import org.gn4j.pinn.dd.FbpinnProblems;
import org.gn4j.pinn.dd.FbpinnTrainer;
import org.gn4j.pinn.pde.PinnProblem;
import org.gn4j.pinn.problems.Benchmarks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every PINN trainer from 8 threads at once, on one shared problem object and on a problem per thread: the
 * problems are immutable and the trainers keep their state per run, so each thread gets the single-thread
 * parameters bit for bit (runs stop on an iteration cap, not on the clock).
 */
class PinnTrainerConcurrencyTest {
    static Stream<Arguments> trainers() {
        List<Arguments> all = new ArrayList<>();
        all.add(Arguments.of("lm", (Supplier<PinnOptimizer>) LevenbergMarquardtTrainer::new));
        all.add(Arguments.of("gn", (Supplier<PinnOptimizer>) GaussNewtonTrainer::new));
        all.add(Arguments.of("gn-woodbury", (Supplier<PinnOptimizer>) () -> new GaussNewtonTrainer()
                .withInnerSolve(GaussNewtonTrainer.InnerSolve.WOODBURY)));
        all.add(Arguments.of("gn-cg", (Supplier<PinnOptimizer>) () -> new GaussNewtonTrainer()
                .withInnerSolve(GaussNewtonTrainer.InnerSolve.CG)));
        all.add(Arguments.of("engd", (Supplier<PinnOptimizer>) () -> GaussNewtonTrainer.engd(1e-8, 6)));
        all.add(Arguments.of("adam", (Supplier<PinnOptimizer>) () -> new AdamTrainer(1e-2)));
        all.add(Arguments.of("lbfgs", (Supplier<PinnOptimizer>) LbfgsTrainer::new));
        return all.stream();
    }

    /**
     * Runs {@code run} from 8 threads, odd threads on their own problem ({@code run.apply(true)}), even ones on the
     * shared one, and compares each answer with {@code one} bit for bit.
     */
    private static void assertEightThreadsAgree(String name, double[] one,
            java.util.function.Function<Boolean, double[]> run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<double[]>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                boolean own = t % 2 == 1;
                runs.add(pool.submit(() -> run.apply(own)));
            }
            for (int t = 0; t < runs.size(); t++) {
                double[] got = runs.get(t).get(5, TimeUnit.MINUTES);
                assertEquals(one.length, got.length);
                for (int j = 0; j < one.length; j++) {
                    assertEquals(Double.doubleToLongBits(one[j]), Double.doubleToLongBits(got[j]), name + (t % 2 == 1
                            ? " (own problem)" : " (shared problem)") + " parameter " + j);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Benchmarks.Setup setup() {
        return Benchmarks.setup("poisson2d", new int[] {6}, 64, 20, true);
    }

    private static double[] train(PinnOptimizer o, Benchmarks.Setup s) {
        PinnProblem p = s.problem();
        TrainingOptions opts = TrainingOptions.defaults().withBudget(Duration.ofMinutes(5)).withMaxIterations(15)
                .withEvaluationPoints(s.evaluationPoints()).withEvaluateEvery(0);
        TrainingResult r = o.train(p, p.network().initialParameters(3), opts, null);
        double[] out = new double[r.parameters().length + 1];
        System.arraycopy(r.parameters(), 0, out, 0, r.parameters().length);
        out[out.length - 1] = r.iterations();
        return out;
    }

    static Stream<Arguments> fbpinnTrainers() {
        return Stream.of(Arguments.of("fbpinn-lm-block-banded", (Supplier<FbpinnTrainer>) () -> FbpinnTrainer
                .levenbergMarquardt(FbpinnTrainer.Solve.BLOCK_BANDED)), Arguments.of("fbpinn-adam",
                        (Supplier<FbpinnTrainer>) () -> FbpinnTrainer.adam(1e-2, 1e-2))); // constant: a decay runs on the clock
    }

    private static double[] train(FbpinnTrainer o, FbpinnProblem p) {
        TrainingOptions opts = TrainingOptions.defaults().withBudget(Duration.ofMinutes(5)).withMaxIterations(15)
                .withEvaluateEvery(0);
        return o.train(p, p.initialParameters(1), opts, null).training().parameters();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fbpinnTrainers")
    void fbpinnFromEightThreadsOnSharedAndSeparateProblemsGetsTheSingleThreadParametersBitForBit(String name,
            Supplier<FbpinnTrainer> make) throws Exception {
        FbpinnProblem shared = FbpinnProblems.multiScale1d(3, 4, 0.5, 20, 6);
        assertEightThreadsAgree(name, train(make.get(), shared), own -> train(make.get(), own
                ? FbpinnProblems.multiScale1d(3, 4, 0.5, 20, 6) : shared));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trainers")
    void eightThreadsOnSharedAndSeparateProblemsGetTheSingleThreadParametersBitForBit(String name,
            Supplier<PinnOptimizer> make) throws Exception {
        Benchmarks.Setup shared = setup();
        assertEightThreadsAgree(name, train(make.get(), shared), own -> train(make.get(), own ? setup() : shared));
    }
}
