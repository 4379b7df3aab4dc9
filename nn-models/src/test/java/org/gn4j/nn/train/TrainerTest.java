package org.gn4j.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.gn4j.gn.TerminationReason;
import org.gn4j.gn.core.StepOutcome;
import org.gn4j.gn.stochastic.Adam;
import org.gn4j.gn.stochastic.Egn;
import org.gn4j.gn.stochastic.Optimizer;
import org.gn4j.gn.stochastic.Sgd;
import org.gn4j.gn.stochastic.Sgn;
import org.gn4j.gn.stochastic.StepResult;
import org.gn4j.nn.Sequential;
import org.gn4j.nn.layers.Dense;
import org.gn4j.nn.loss.SoftmaxCrossEntropy;
import org.gn4j.nn.loss.SquaredError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The training loop: exact resume, non-finite stops, metrics, listeners, limits and bad input. */
class TrainerTest {
    @TempDir
    Path dir;

    private static final ArrayTrainingData TRAIN = Problems.sine(256, 1);
    private static final ArrayTrainingData TEST = Problems.sine(64, 2);

    static Supplier<Optimizer> optimizer(String kind) {
        switch (kind) {
            case "adam":
                return () -> new Adam(0.01);
            case "adamw":
                return () -> Adam.adamW(0.01, 1e-3);
            case "sgn":
                return () -> new Sgn().withMomentum(0.2).withWarmStart(true).withDiagonalPreconditioner(true, 5);
            case "egn":
                return () -> new Egn().withMomentum(0.2);
            default:
                return () -> new Sgd(0.05).withMomentum(0.9);
        }
    }

    /** 256 samples in batches of 30: eight full batches and a partial one per epoch. */
    private static Trainer trainer(Optimizer opt) {
        return new Trainer(Problems.mlp(), new SquaredError(), opt).withEpochs(3).withBatchSize(30).withSeed(42)
                .withTestData(TEST);
    }

    private static void assertSameHistory(List<EpochMetrics> a, List<EpochMetrics> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            EpochMetrics x = a.get(i);
            EpochMetrics y = b.get(i);
            assertEquals(x.epoch(), y.epoch());
            assertEquals(x.step(), y.step());
            assertEquals(x.samplesSeen(), y.samplesSeen());
            assertEquals(x.trainLoss(), y.trainLoss(), 0.0);
            assertEquals(x.testLoss(), y.testLoss(), 0.0);
            assertEquals(x.learningRate(), y.learningRate(), 0.0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd-momentum", "adam", "sgn", "egn"})
    void resumeAfterAnEpochReproducesTheUninterruptedRunBitForBit(String kind) throws IOException {
        Sequential net = Problems.mlp();
        double[] straight = net.initialParameters(7);
        TrainingResult full = trainer(optimizer(kind).get()).train(TRAIN, straight);
        assertEquals(TerminationReason.COMPLETED, full.status());
        assertEquals(27, full.steps());
        assertEquals(3 * 256, full.samplesSeen());

        Path ck = dir.resolve(kind + ".ckpt");
        double[] interrupted = net.initialParameters(7);
        TrainingResult one = trainer(optimizer(kind).get()).withEpochs(1).withCheckpoints(ck, 1)
                .train(TRAIN, interrupted);
        assertEquals(1, one.epochs());
        assertFalse(Arrays.equals(straight, interrupted));

        double[] resumed = new double[net.parameterCount()];
        TrainingResult rest = trainer(optimizer(kind).get()).withCheckpoints(ck, 1).resume(ck, TRAIN, resumed);
        assertEquals(TerminationReason.COMPLETED, rest.status());
        assertArrayEquals(straight, resumed);
        assertEquals(full.steps(), rest.steps());
        assertEquals(full.samplesSeen(), rest.samplesSeen());
        assertEquals(full.trainLoss(), rest.trainLoss(), 0.0);
        assertEquals(full.testLoss(), rest.testLoss(), 0.0);
        assertSameHistory(full.history(), rest.history());
        assertTrue(full.history().get(2).trainLoss() < full.history().get(0).trainLoss(), "training reduces the loss");
        // the end-of-run checkpoint holds the final state
        Checkpoint last = Checkpoint.read(ck);
        assertEquals(3, last.epoch());
        assertArrayEquals(straight, last.theta());
    }

    @Test
    void listenerStopsAndAborts() throws IOException {
        for (org.gn4j.gn.core.CallbackReturn answer : new org.gn4j.gn.core.CallbackReturn[] {
            org.gn4j.gn.core.CallbackReturn.STOP, org.gn4j.gn.core.CallbackReturn.ABORT}) {
            double[] theta = Problems.mlp().initialParameters(3);
            TrainingResult r = trainer(new Adam(0.01)).withListener(new TrainingListener() {
                @Override
                public org.gn4j.gn.core.CallbackReturn afterStep(StepEvent e) {
                    return e.step() == 5 ? answer : org.gn4j.gn.core.CallbackReturn.CONTINUE;
                }
            }).train(TRAIN, theta);
            assertEquals(answer == org.gn4j.gn.core.CallbackReturn.STOP ? TerminationReason.USER_SUCCESS
                    : TerminationReason.USER_ABORT, r.status());
            assertEquals(5, r.steps());
        }
    }

    @Test
    void resumeInTheMiddleOfAnEpochAfterAStepLimit() throws IOException {
        Sequential net = Problems.mlp();
        double[] straight = net.initialParameters(3);
        TrainingResult full = trainer(new Adam(0.01)).train(TRAIN, straight);

        Path ck = dir.resolve("mid.ckpt");
        double[] part = net.initialParameters(3);
        TrainingResult cut = trainer(new Adam(0.01)).withMaxSteps(13).withCheckpoints(ck, 0).train(TRAIN, part);
        assertEquals(TerminationReason.MAX_ITERATIONS, cut.status());
        assertEquals(13, cut.steps());
        assertEquals(1, cut.epochs());
        assertEquals(4, Checkpoint.read(ck).batchInEpoch());

        double[] resumed = new double[net.parameterCount()];
        TrainingResult rest = trainer(new Adam(0.01)).resume(ck, TRAIN, resumed);
        assertArrayEquals(straight, resumed);
        assertSameHistory(full.history(), rest.history());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgn", "egn"})
    void gaussNewtonTrainingLowersTheLossAndReportsItsInnerSolve(String kind) throws IOException {
        double[] theta = Problems.mlp().initialParameters(3);
        List<StepResult> steps = new ArrayList<>();
        Optimizer opt = kind.equals("sgn") ? new Sgn() : new Egn();
        TrainingResult r = trainer(opt).withEpochs(6).withBatchSize(64).withListener(new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                steps.add(e.result());
            }
        }).train(TRAIN, theta);
        assertEquals(TerminationReason.COMPLETED, r.status());
        List<EpochMetrics> h = r.history();
        assertTrue(h.get(5).trainLoss() < 0.5 * h.get(0).trainLoss(), h.toString());
        long ok = steps.stream().filter(StepResult::ok).count();
        assertTrue(ok >= steps.size() / 2, ok + " OK of " + steps.size());
        for (StepResult s : steps) {
            assertTrue(s.damping() > 0 && s.seconds() >= 0, s.toString());
            if (kind.equals("sgn")) {
                assertTrue(s.cgIterations() >= 1 && s.cgResidual() < 1, s.toString());
            }
        }
    }

    /**
     * An optimizer that refuses its steps (as SGN and EGN do after non-finite trials) and gives up on the fifth:
     * REJECTED steps go on to the next batch, NON_FINITE stops with θ untouched.
     */
    @Test
    void rejectedStepsGoOnAndAGiveUpStopsWithUntouchedParameters() throws IOException {
        Sequential net = Problems.mlp();
        double[] theta = net.initialParameters(3);
        double[] start = theta.clone();
        List<StepEvent> events = new ArrayList<>();
        Optimizer refusing = new Optimizer() {
            int calls;

            @Override
            public String name() {
                return "refusing";
            }

            @Override
            public StepResult step(double[] t, org.gn4j.gn.stochastic.MiniBatchObjective batch) {
                calls++;
                return new StepResult(calls < 5 ? StepOutcome.REJECTED : StepOutcome.NON_FINITE,
                        batch.loss(), 1, 0, 0);
            }

            @Override
            public void reset() {
                calls = 0;
            }

            @Override
            public long stepCount() {
                return 0;
            }

            @Override
            public double[] stateVector() {
                return new double[0];
            }

            @Override
            public void restoreState(double[] state, long stepCount) {
            }
        };
        TrainingResult r = new Trainer(net, new SquaredError(), refusing).withEpochs(5).withBatchSize(30)
                .withListener(new TrainingListener() {
                    @Override
                    public void onStep(StepEvent e) {
                        events.add(e);
                    }
                }).train(TRAIN, theta);
        assertEquals(TerminationReason.NON_FINITE, r.status());
        assertEquals(4, events.size());
        assertEquals(4, r.steps());
        assertEquals(4, events.get(3).batch(), "each REJECTED step consumed a batch");
        assertArrayEquals(start, theta, 0.0);
    }

    @Test
    void nonFiniteLossStopsWithTheLastGoodParametersAndCheckpoint() throws IOException {
        Sequential net = Sequential.of(new Dense(3, 1));
        double[] theta = net.initialParameters(1);
        Path ck = dir.resolve("diverge.ckpt");
        // four epochs of 4 steps at η = 0.01, then η = 1e6 multiplies the error by ~1e6 per step until it overflows
        Optimizer sgd = new Sgd(t -> t < 16 ? 0.01 : 1e6);
        List<StepResult> steps = new ArrayList<>();
        TrainingResult r = new Trainer(net, new SquaredError(), sgd).withEpochs(200).withBatchSize(16)
                .withCheckpoints(ck, 1).withListener(new TrainingListener() {
                    @Override
                    public void onStep(StepEvent e) {
                        steps.add(e.result());
                    }
                }).train(Problems.linear(64, 9), theta);
        assertEquals(TerminationReason.NON_FINITE, r.status());
        assertTrue(r.epochs() >= 4 && r.epochs() < 200, "epochs " + r.epochs());
        assertEquals(steps.size(), r.steps());
        for (double v : theta) {
            assertTrue(Double.isFinite(v), Arrays.toString(theta));
        }
        // θ is a point with a finite mini-batch loss: the start of the last OK step
        assertTrue(Double.isFinite(steps.get(steps.size() - 1).loss()));
        Checkpoint c = Checkpoint.read(ck);
        assertEquals(r.epochs(), c.epoch(), "the checkpoint of the last completed epoch is kept");
        for (double v : c.theta()) {
            assertTrue(Double.isFinite(v));
        }
        assertFalse(Files.exists(dir.resolve("diverge.ckpt.tmp")));
    }

    @Test
    void metricsCsvHasOneHeaderAndARowPerEpochAcrossAResume() throws IOException {
        Path csv = dir.resolve("out/metrics.csv");
        Path ck = dir.resolve("out/run.ckpt");
        Sequential net = Problems.mlp();
        double[] theta = net.initialParameters(5);
        trainer(new Sgd(0.05)).withEpochs(2).withMetricsCsv(csv).withCheckpoints(ck, 1).train(TRAIN, theta);
        trainer(new Sgd(0.05)).withEpochs(4).withMetricsCsv(csv).resume(ck, TRAIN, theta);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(5, lines.size(), lines.toString());
        assertEquals(EpochMetrics.CSV_HEADER, lines.get(0));
        for (int e = 1; e <= 4; e++) {
            String[] f = lines.get(e).split(",");
            assertEquals(8, f.length);
            assertEquals(String.valueOf(e), f[0]);
            assertEquals(String.valueOf(9L * e), f[1]);
            assertEquals(String.valueOf(256L * e), f[2]);
            assertTrue(Double.isFinite(Double.parseDouble(f[5])), "test loss " + f[5]);
            assertEquals("NaN", f[6], "no labels, no accuracy");
            assertEquals(0.05, Double.parseDouble(f[7]));
        }
        // a fresh run replaces the file
        trainer(new Sgd(0.05)).withEpochs(1).withMetricsCsv(csv).train(TRAIN, net.initialParameters(5));
        assertEquals(2, Files.readAllLines(csv).size());
    }

    @Test
    void accuracyFromTheArgmaxOfTheOutputs() throws IOException {
        Sequential net = Sequential.of(new Dense(2, 2));
        double[] theta = net.initialParameters(1);
        TrainingResult r = new Trainer(net, new SoftmaxCrossEntropy(), new Adam(0.05)).withEpochs(5)
                .withBatchSize(20).withTestData(Problems.blobs(100, 4)).train(Problems.blobs(200, 3), theta);
        assertTrue(r.testAccuracy() > 0.95, "accuracy " + r.testAccuracy());
        assertEquals(r.history().get(4).testAccuracy(), r.testAccuracy(), 0.0);
    }

    @Test
    void listenerSeesEveryStepAndEpochAndDropLastDropsThePartialBatch() throws IOException {
        List<StepEvent> steps = new ArrayList<>();
        List<EpochMetrics> epochs = new ArrayList<>();
        TrainingListener l = new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                steps.add(e);
            }

            @Override
            public void onEpoch(EpochMetrics m) {
                epochs.add(m);
            }
        };
        Sequential net = Problems.mlp();
        TrainingResult r = trainer(new Sgd(0.05)).withEpochs(2).withDropLast(true).withListener(l)
                .train(TRAIN, net.initialParameters(1));
        assertEquals(16, steps.size());
        assertEquals(2, epochs.size());
        assertEquals(16, r.steps());
        assertEquals(2 * 240, r.samplesSeen());
        StepEvent last = steps.get(15);
        assertEquals(2, last.epoch());
        assertEquals(8, last.batch());
        assertEquals(8, last.batchesPerEpoch());
        assertEquals(r.history(), epochs);
    }

    @Test
    void midEpochEvaluationsReportTheTestLossThereWithoutChangingTheRun() throws IOException {
        List<StepEvent> steps = new ArrayList<>();
        List<EpochMetrics> mid = new ArrayList<>();
        TrainingListener l = new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                steps.add(e);
            }

            @Override
            public void onEvaluation(EpochMetrics m) {
                mid.add(m);
            }
        };
        Sequential net = Problems.mlp();
        double[] plain = net.initialParameters(1);
        TrainingResult a = trainer(new Sgd(0.05)).train(TRAIN, plain);
        double[] evaluated = net.initialParameters(1);
        TrainingResult b = trainer(new Sgd(0.05)).withEvaluationInterval(Duration.ofNanos(1)).withListener(l)
                .train(TRAIN, evaluated);
        assertArrayEquals(plain, evaluated, 0.0);
        assertSameHistory(a.history(), b.history());
        // nine batches per epoch: an evaluation after each of the first eight, none where the epoch ends
        assertEquals(3 * 8, mid.size());
        EpochMetrics fifth = mid.get(4);
        assertEquals(0, fifth.epoch());
        assertEquals(5, fifth.step());
        assertEquals(150, fifth.samplesSeen());
        double lossSum = 0;
        for (int k = 0; k < 5; k++) {
            lossSum += steps.get(k).result().loss() * 30;
        }
        assertEquals(lossSum / 150, fifth.trainLoss(), 1e-15);
        TrainingResult five = trainer(new Sgd(0.05)).withMaxSteps(5).train(TRAIN, net.initialParameters(1));
        assertEquals(five.testLoss(), fifth.testLoss(), 0.0);
        assertEquals(10, mid.get(8).step(), "the second epoch's first evaluation follows its first step");
        assertEquals(1, mid.get(8).epoch());
        assertThrows(IllegalArgumentException.class, () -> trainer(new Sgd(0.05))
                .withEvaluationInterval(Duration.ofSeconds(-1)));
    }

    @Test
    void timeBudgetStopsBeforeTheNextStep() throws IOException {
        Sequential net = Problems.mlp();
        TrainingResult r = trainer(new Sgd(0.05)).withEpochs(1000).withTimeBudget(Duration.ofMillis(50))
                .train(TRAIN, net.initialParameters(1));
        assertEquals(TerminationReason.TIME_BUDGET, r.status());
        assertTrue(r.epochs() < 1000);
        assertTrue(r.seconds() >= 0.05);
    }

    @Test
    void badInputIsRejectedNamingFoundAndExpected() {
        Trainer t = trainer(new Sgd(0.1));
        double[] theta = Problems.mlp().initialParameters(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.train(Problems.linear(10, 1), theta));
        assertTrue(e.getMessage().contains("feature size 3, expected 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> t.train(new ArrayTrainingData(new double[8], 2, new double[8], 2), theta));
        assertTrue(e.getMessage().contains("target width 2, expected 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.train(Problems.sine(20, 1), theta));
        assertTrue(e.getMessage().contains("batchSize is 30"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> t.withTestData(Problems.linear(10, 1)).train(TRAIN, theta));
        assertTrue(e.getMessage().startsWith("test data has feature size 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.withBatchSize(0));
        assertThrows(IllegalArgumentException.class, () -> t.withBatchSize(-4));
        assertThrows(IllegalArgumentException.class, () -> t.train(TRAIN, new double[3]));
    }

    @Test
    void foreignTruncatedOrMismatchedCheckpointsAreErrorsNamingTheFile() throws IOException {
        Path ck = dir.resolve("good.ckpt");
        Sequential net = Problems.mlp();
        double[] theta = net.initialParameters(1);
        trainer(new Sgd(0.05)).withEpochs(1).withCheckpoints(ck, 1).train(TRAIN, theta);
        byte[] bytes = Files.readAllBytes(ck);

        Path truncated = dir.resolve("truncated.ckpt");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 20));
        IOException e = assertThrows(IOException.class, () -> trainer(new Sgd(0.05)).resume(truncated, TRAIN, theta));
        assertTrue(e.getMessage().contains(truncated.toString()) && e.getMessage().contains("truncated"),
                e.getMessage());

        Path foreign = dir.resolve("foreign.ckpt");
        Files.writeString(foreign, "epoch,step\n1,2\n");
        e = assertThrows(IOException.class, () -> Checkpoint.read(foreign));
        assertTrue(e.getMessage().contains(foreign.toString()) && e.getMessage().contains("not a gn4j checkpoint"),
                e.getMessage());

        Path empty = dir.resolve("empty.ckpt");
        Files.write(empty, new byte[0]);
        assertThrows(IOException.class, () -> Checkpoint.read(empty));

        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> trainer(new Adam(0.01)).resume(ck, TRAIN, theta));
        assertTrue(a.getMessage().contains("optimizer is sgd, expected adam"), a.getMessage());
        a = assertThrows(IllegalArgumentException.class,
                () -> trainer(new Sgd(0.05)).withSeed(1).resume(ck, TRAIN, theta));
        assertTrue(a.getMessage().contains("seed is 42, expected 1"), a.getMessage());
        a = assertThrows(IllegalArgumentException.class,
                () -> trainer(new Sgd(0.05)).withBatchSize(16).resume(ck, TRAIN, theta));
        assertTrue(a.getMessage().contains("batch size is 30, expected 16"), a.getMessage());
    }

    /** A listener that fails at the end of one epoch, as a process killed right after that epoch's metrics row. */
    private static TrainingListener crashAfterEpoch(int epoch) {
        return new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics m) {
                if (m.epoch() == epoch) {
                    throw new IllegalStateException("simulated crash after epoch " + epoch);
                }
            }
        };
    }

    private static List<String> epochColumn(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
    }

    @Test
    void interruptAfterAMetricsRowDoesNotRepeatTheRowOnResume() throws IOException {
        Path csv = dir.resolve("m.csv");
        Path ck = dir.resolve("m.ckpt");
        double[] theta = Problems.mlp().initialParameters(7);
        Trainer t = trainer(new Sgd(0.05)).withEpochs(4).withMetricsCsv(csv).withCheckpoints(ck, 1);
        assertThrows(IllegalStateException.class, () -> t.withListener(crashAfterEpoch(2)).train(TRAIN, theta));
        double[] resumed = new double[theta.length];
        trainer(new Sgd(0.05)).withEpochs(4).withMetricsCsv(csv).withCheckpoints(ck, 1).resume(ck, TRAIN, resumed);
        assertEquals(List.of("1", "2", "3", "4"), epochColumn(csv));
        assertEquals(EpochMetrics.CSV_HEADER, Files.readAllLines(csv).get(0));
    }

    @Test
    void metricsRowLostAfterItsCheckpointIsRestoredOnResume() throws IOException {
        Path csv = dir.resolve("lost.csv");
        Path ck = dir.resolve("lost.ckpt");
        double[] theta = Problems.mlp().initialParameters(7);
        Trainer t = trainer(new Sgd(0.05)).withEpochs(4).withMetricsCsv(csv).withCheckpoints(ck, 1);
        assertThrows(IllegalStateException.class, () -> t.withListener(crashAfterEpoch(2)).train(TRAIN, theta));
        // a crash between the checkpoint of epoch 2 and its row: drop the row
        List<String> lines = Files.readAllLines(csv);
        Files.write(csv, lines.subList(0, lines.size() - 1));
        assertEquals(2, Checkpoint.read(ck).epoch());
        double[] resumed = new double[theta.length];
        TrainingResult r = trainer(new Sgd(0.05)).withEpochs(4).withMetricsCsv(csv).withCheckpoints(ck, 1)
                .resume(ck, TRAIN, resumed);
        assertEquals(List.of("1", "2", "3", "4"), epochColumn(csv));
        List<String> rows = Files.readAllLines(csv).subList(1, 5);
        for (int e = 0; e < 4; e++) {
            assertEquals(r.history().get(e).csvRow(), rows.get(e));
        }
    }

    @Test
    void resumeInTheOtherPrecisionIsRefused() throws IOException {
        Path ck = dir.resolve("precision.ckpt");
        double[] theta = Problems.mlp().initialParameters(7);
        trainer(new Sgd(0.05)).withEpochs(1).withCheckpoints(ck, 1).train(TRAIN, theta);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(Problems.mlp().withPrecision(org.gn4j.linalg.blas.Precision.F32), new SquaredError(),
                        new Sgd(0.05)).withEpochs(3).withBatchSize(30).withSeed(42).resume(ck, TRAIN,
                        new double[theta.length]));
        assertTrue(e.getMessage().contains("precision f64 in the checkpoint, f32 now"), e.getMessage());
    }

    @Test
    void resumeWithOtherRunOptionsIsRefusedNamingEachDifference() throws IOException {
        Path ck = dir.resolve("opts.ckpt");
        double[] theta = Problems.mlp().initialParameters(7);
        Map<String, String> options = Map.of("--lr", "0.05", "--schedule", "constant", "--epochs", "3");
        trainer(new Sgd(0.05)).withEpochs(1).withRunOptions(options).withCheckpoints(ck, 1).train(TRAIN, theta);
        // the checkpoint records the network's product precision beside the run options
        Map<String, String> recorded = new java.util.TreeMap<>(options);
        recorded.put(Trainer.PRECISION_OPTION, "f64");
        assertEquals(recorded, Checkpoint.read(ck).runOptions());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer(new Sgd(0.05)).withRunOptions(Map.of("--lr", "0.1", "--schedule", "cosine",
                        "--epochs", "3")).resume(ck, TRAIN, new double[theta.length]));
        assertTrue(e.getMessage().contains(ck.toString()) && e.getMessage().contains("--lr 0.05 in the checkpoint, 0.1 now")
                && e.getMessage().contains("--schedule constant in the checkpoint, cosine now")
                && !e.getMessage().contains("--epochs"), e.getMessage());
        // the same options resume
        TrainingResult r = trainer(new Sgd(0.05)).withRunOptions(options).resume(ck, TRAIN, new double[theta.length]);
        assertEquals(3, r.epochs());
        assertThrows(IllegalArgumentException.class, () -> trainer(new Sgd(0.05)).withRunOptions(null));
    }

    @Test
    void timeBudgetBeyondTheNanosecondRangeDoesNotOverflow() throws IOException {
        double[] theta = Problems.mlp().initialParameters(7);
        TrainingResult r = trainer(new Sgd(0.05)).withEpochs(1).withTimeBudget(Duration.ofSeconds(Long.MAX_VALUE))
                .train(TRAIN, theta);
        assertEquals(TerminationReason.COMPLETED, r.status());
        r = trainer(new Sgd(0.05)).withEpochs(1).withTimeBudget(Duration.ofSeconds(1_000_000_000_000L))
                .train(TRAIN, theta);
        assertEquals(TerminationReason.COMPLETED, r.status());
    }
}
