package org.gn4j.nn.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;

import org.gn4j.gn.TerminationReason;
import org.gn4j.gn.core.CallbackReturn;
import org.gn4j.gn.core.StepOutcome;
import org.gn4j.gn.stochastic.MiniBatchObjective;
import org.gn4j.gn.stochastic.Optimizer;
import org.gn4j.gn.stochastic.StepResult;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.nn.MiniBatchProducts;
import org.gn4j.nn.Sequential;
import org.gn4j.nn.loss.Loss;

/**
 * Mini-batch training of a {@link Sequential} network with an {@link Optimizer}: epochs of shuffled mini-batches,
 * evaluation on a test set after every epoch (and, on request, in between), a metrics CSV, listener callbacks and
 * checkpoints from which {@link #resume} continues a run exactly.
 *
 * <p><b>Determinism.</b> The permutation of epoch e (0-based) is a Fisher-Yates shuffle driven by
 * {@code new Random(seed + e·0x9E3779B97F4A7C15)}, so it depends only on the seed and the epoch index; together with
 * the optimizer state, the position in the epoch and the partial epoch's loss sum stored in a checkpoint, a run that
 * is interrupted and resumed produces bit for bit the parameters of the uninterrupted run, as long as both use the
 * same {@link org.gn4j.linalg.ComputePool} parallelism (which fixes how mini-batch sums are split and added).
 *
 * <p><b>Stopping.</b> After all epochs ({@link TerminationReason#COMPLETED}); before a step once the wall-clock
 * budget is spent ({@code TIME_BUDGET}) or the step limit is reached ({@code STEP_LIMIT}); or when a step reports
 * {@link StepOutcome#NON_FINITE} (a non-finite loss, gradient or step, or an optimizer giving up after repeated
 * failures): θ then holds the last parameters at which the mini-batch loss and gradient were finite and no checkpoint
 * is written, so the last good checkpoint stays on disk. A {@link StepOutcome#REJECTED} step (SGN, EGN: the
 * optimizer refused the step and raised its damping) leaves θ as it was; it counts as a step and training goes on
 * with the next mini-batch.
 *
 * <p><b>Checkpoints</b> are written every {@code every} completed epochs and when training ends with any status but
 * {@code NON_FINITE}. The configuration is immutable ({@code with…} methods return copies); the optimizer object is
 * shared, so one trainer runs one training at a time.
 */
public final class Trainer {
    private final Sequential net;
    private final Loss loss;
    private final Optimizer optimizer;
    private final int epochs;
    private final int batchSize;
    private final long seed;
    private final boolean dropLast;
    private final double timeBudgetSeconds;
    private final long maxSteps;
    private final TrainingData testData;
    private final Path metricsCsv;
    private final Path checkpointFile;
    private final int checkpointEvery;
    private final TrainingListener listener;
    /** Seconds of training clock between mid-epoch test evaluations; 0 for none. */
    private final double evaluationIntervalSeconds;
    /** Canonical option name → value of the run, stored in checkpoints and compared on resume. */
    private final Map<String, String> runOptions;

    /**
     * A trainer for one epoch with batches of 32, seed 0, the last partial batch kept, no test set, no files and no
     * limits.
     *
     * @param net the network trained; not null
     * @param loss the loss minimized, averaged over each mini-batch; not null
     * @param optimizer the optimizer; not null; shared by the copies the {@code with…} methods return
     */
    public Trainer(Sequential net, Loss loss, Optimizer optimizer) {
        this(net, loss, optimizer, 1, 32, 0L, false, Double.POSITIVE_INFINITY, Long.MAX_VALUE, null, null, null, 0,
                new TrainingListener() { }, 0, Map.of());
        if (net == null || loss == null || optimizer == null) {
            throw new IllegalArgumentException("net, loss and optimizer must not be null");
        }
    }

    private Trainer(Sequential net, Loss loss, Optimizer optimizer, int epochs, int batchSize, long seed,
            boolean dropLast, double timeBudgetSeconds, long maxSteps, TrainingData testData, Path metricsCsv,
            Path checkpointFile, int checkpointEvery, TrainingListener listener, double evaluationIntervalSeconds,
            Map<String, String> runOptions) {
        this.net = net;
        this.loss = loss;
        this.optimizer = optimizer;
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.seed = seed;
        this.dropLast = dropLast;
        this.timeBudgetSeconds = timeBudgetSeconds;
        this.maxSteps = maxSteps;
        this.testData = testData;
        this.metricsCsv = metricsCsv;
        this.checkpointFile = checkpointFile;
        this.checkpointEvery = checkpointEvery;
        this.listener = listener;
        this.evaluationIntervalSeconds = evaluationIntervalSeconds;
        this.runOptions = runOptions;
    }

    /**
     * Total number of epochs (a resumed run continues up to this count).
     *
     * @param n the total number of epochs, {@code >= 1}
     * @return a new trainer with this setting changed; this trainer is unchanged
     */
    public Trainer withEpochs(int n) {
        ArgumentChecks.requirePositive("epochs", n);
        return new Trainer(net, loss, optimizer, n, batchSize, seed, dropLast, timeBudgetSeconds, maxSteps, testData,
                metricsCsv, checkpointFile, checkpointEvery, listener,
                evaluationIntervalSeconds, runOptions);
    }

    /**
     * Mini-batch size b (1 ≤ b ≤ training set size, checked when training starts).
     *
     * @param b the mini-batch size, {@code >= 1}
     * @return a new trainer with this setting changed; this trainer is unchanged
     */
    public Trainer withBatchSize(int b) {
        ArgumentChecks.requirePositive("batchSize", b);
        return new Trainer(net, loss, optimizer, epochs, b, seed, dropLast, timeBudgetSeconds, maxSteps, testData,
                metricsCsv, checkpointFile, checkpointEvery, listener,
                evaluationIntervalSeconds, runOptions);
    }

    /**
     * Seed of the epoch permutations.
     *
     * @param s the seed; the permutation of epoch e depends only on it and e
     * @return a new trainer with this setting changed; this trainer is unchanged
     */
    public Trainer withSeed(long s) {
        return new Trainer(net, loss, optimizer, epochs, batchSize, s, dropLast, timeBudgetSeconds, maxSteps, testData,
                metricsCsv, checkpointFile, checkpointEvery, listener,
                evaluationIntervalSeconds, runOptions);
    }

    /**
     * Whether the last batch of an epoch is dropped when it has fewer than b samples (default: kept).
     *
     * @param drop true to drop a last batch smaller than b, false to train on it
     * @return a new trainer with this setting changed; this trainer is unchanged
     */
    public Trainer withDropLast(boolean drop) {
        return new Trainer(net, loss, optimizer, epochs, batchSize, seed, drop, timeBudgetSeconds, maxSteps, testData,
                metricsCsv, checkpointFile, checkpointEvery, listener,
                evaluationIntervalSeconds, runOptions);
    }

    /**
     * Wall-clock budget, counted across resumes; checked before each step.
     *
     * @param budget the wall-clock budget, positive; null, zero or negative throws {@link IllegalArgumentException}
     * @return a new trainer with this setting changed; this trainer is unchanged
     */
    public Trainer withTimeBudget(Duration budget) {
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("timeBudget is " + budget + ", expected a positive duration");
        }
        // seconds and nanoseconds apart: toNanos() overflows beyond about 292 years
        double seconds = budget.getSeconds() + budget.getNano() / 1e9;
        return new Trainer(net, loss, optimizer, epochs, batchSize, seed, dropLast, seconds, maxSteps,
                testData, metricsCsv, checkpointFile, checkpointEvery, listener,
                evaluationIntervalSeconds, runOptions);
    }

    /**
     * Largest total number of optimizer steps, counted across resumes.
     *
     * @param n the largest total number of steps, {@code >= 1}
     * @return a new trainer with this setting changed; this trainer is unchanged
     */
    public Trainer withMaxSteps(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("maxSteps is " + n + ", expected > 0");
        }
        return new Trainer(net, loss, optimizer, epochs, batchSize, seed, dropLast, timeBudgetSeconds, n, testData,
                metricsCsv, checkpointFile, checkpointEvery, listener,
                evaluationIntervalSeconds, runOptions);
    }

    /**
     * Data evaluated after every epoch (mean loss; accuracy when it has labels); {@code null} for none. The evaluation
     * is left out of the training clock (the time budget and the reported seconds), so optimizers compared at equal
     * budgets are not charged for how often they finish an epoch.
     *
     * @param test the test data, or null for none
     * @return a new trainer with this setting changed; this trainer is unchanged
     */
    public Trainer withTestData(TrainingData test) {
        return new Trainer(net, loss, optimizer, epochs, batchSize, seed, dropLast, timeBudgetSeconds, maxSteps, test,
                metricsCsv, checkpointFile, checkpointEvery, listener,
                evaluationIntervalSeconds, runOptions);
    }

    /**
     * A CSV file receiving one {@link EpochMetrics} row per epoch, flushed each epoch. A fresh run replaces the file
     * and writes the header. A resumed run rewrites the file as the header and the checkpoint's history (one row per
     * epoch the checkpoint has completed), then appends: rows written after the checkpoint by an interrupted run are
     * dropped and rows it lost are restored, so every epoch appears exactly once. At the end of an epoch the
     * checkpoint (when one is due) is written before the row.
     *
     * @param file the CSV file, or null for none
     * @return a new trainer with this setting changed; this trainer is unchanged
     */
    public Trainer withMetricsCsv(Path file) {
        return new Trainer(net, loss, optimizer, epochs, batchSize, seed, dropLast, timeBudgetSeconds, maxSteps,
                testData, file, checkpointFile, checkpointEvery, listener,
                evaluationIntervalSeconds, runOptions);
    }

    /**
     * Checkpoints to {@code file} every {@code every} completed epochs (0: only at the end) and when training ends
     * other than by {@code NON_FINITE}.
     *
     * @param file the checkpoint file, or null for none
     * @param every epochs between checkpoints, {@code >= 0}; 0 writes one only when training ends
     * @return a new trainer with this setting changed; this trainer is unchanged
     */
    public Trainer withCheckpoints(Path file, int every) {
        ArgumentChecks.requireNonNegative("every", every);
        return new Trainer(net, loss, optimizer, epochs, batchSize, seed, dropLast, timeBudgetSeconds, maxSteps,
                testData, metricsCsv, file, every, listener, evaluationIntervalSeconds, runOptions);
    }

    /**
     * Also evaluates the test set in the middle of an epoch, once at least {@code interval} of training clock has
     * passed since the last evaluation, and reports the row through {@link TrainingListener#onEvaluation} (not into
     * the history, the metrics CSV or checkpoints). Epochs of a large training set can take longer than the budgets
     * optimizers are compared at; these rows show where each stands in between. Like the epoch-end evaluations, they
     * are left out of the training clock. {@link Duration#ZERO} (the default) turns them off.
     *
     * @param interval training-clock time between mid-epoch evaluations, {@code >= 0}; not null
     * @return a new trainer with this setting changed; this trainer is unchanged
     */
    public Trainer withEvaluationInterval(Duration interval) {
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("evaluation interval is " + interval
                    + ", expected a non-negative duration");
        }
        return new Trainer(net, loss, optimizer, epochs, batchSize, seed, dropLast, timeBudgetSeconds, maxSteps,
                testData, metricsCsv, checkpointFile, checkpointEvery, listener, interval.toNanos() / 1e9, runOptions);
    }

    /**
     * The options that define the run, as canonical name → value strings (for example the command-line options and
     * their values). They are stored in every checkpoint, and {@link #resume} refuses a checkpoint whose options
     * differ, listing each differing option with both values. Options that only say where a run stops or where its
     * files go (time budget, step limit, file names) belong outside this map, so that a resume may change them.
     *
     * @param options canonical option name → value; not null; copied
     * @return a new trainer with this setting changed; this trainer is unchanged
     * @throws IllegalArgumentException if the map, a name or a value is null
     */
    public Trainer withRunOptions(Map<String, String> options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("run options must not hold null names or values, found "
                        + e.getKey() + " = " + e.getValue());
            }
            copy.put(e.getKey(), e.getValue());
        }
        return new Trainer(net, loss, optimizer, epochs, batchSize, seed, dropLast, timeBudgetSeconds, maxSteps,
                testData, metricsCsv, checkpointFile, checkpointEvery, listener, evaluationIntervalSeconds,
                java.util.Collections.unmodifiableMap(copy));
    }

    /**
     * The run options a checkpoint records: those of {@link #withRunOptions} plus {@value #PRECISION_OPTION}, the
     * network's product precision ("f32" or "f64"), so that a run is never resumed in the other precision.
     */
    java.util.SortedMap<String, String> recordedOptions() {
        TreeMap<String, String> all = new TreeMap<>(runOptions);
        all.put(PRECISION_OPTION, net.precision().label());
        return java.util.Collections.unmodifiableSortedMap(all);
    }

    /** The run option under which checkpoints record the network's precision. */
    public static final String PRECISION_OPTION = "precision";

    /**
     * The listener for per-step and per-epoch callbacks.
     *
     * @param l the listener, or null for one that does nothing
     * @return a new trainer with this setting changed; this trainer is unchanged
     */
    public Trainer withListener(TrainingListener l) {
        return new Trainer(net, loss, optimizer, epochs, batchSize, seed, dropLast, timeBudgetSeconds, maxSteps,
                testData, metricsCsv, checkpointFile, checkpointEvery, l == null ? new TrainingListener() { } : l,
                evaluationIntervalSeconds, runOptions);
    }

    /**
     * The optimizer.
     *
     * @return the optimizer object this trainer steps (shared, not a copy)
     */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * Trains from θ (updated in place) after resetting the optimizer.
     *
     * @param data the training data; its feature size and target width must match the network
     * @param theta the parameters, length {@code net.parameterCount()}; updated in place to the final parameters
     * @return the status, counters, final losses and per-epoch history of the run
     * @throws IllegalArgumentException on a wrong θ length, a batch size larger than the data, or data whose feature
     *                                  size or target width does not match the network (naming found and expected)
     * @throws IOException              if the metrics CSV or a checkpoint cannot be written
     */
    public TrainingResult train(TrainingData data, double[] theta) throws IOException {
        validate(data, theta);
        optimizer.reset();
        RunState s = new RunState();
        if (metricsCsv != null) {
            writeHeader(true);
        }
        return run(data, theta, s);
    }

    /**
     * Continues the run saved in {@code checkpoint}: its parameters are copied into θ, the optimizer state is
     * restored, and training goes on up to this trainer's epoch count (and limits), exactly as if it had not been
     * interrupted.
     *
     * @param checkpoint the checkpoint file a run of an equal configuration wrote
     * @param data the same training data as the interrupted run
     * @param theta receives the checkpoint's parameters, length {@code net.parameterCount()}; updated in place
     * @return the result of the whole run, history included, as {@link #train} would have returned it
     * @throws IllegalArgumentException if the checkpoint does not fit this trainer: another optimizer, seed, batch
     *                                  size, drop-last option, parameter count or run options (see
     *                                  {@link #withRunOptions}; naming found and expected), or the data do not fit
     *                                  as in {@link #train}
     * @throws IOException              naming the file if the checkpoint cannot be read, is foreign or truncated
     */
    public TrainingResult resume(Path checkpoint, TrainingData data, double[] theta) throws IOException {
        validate(data, theta);
        Checkpoint c = Checkpoint.read(checkpoint);
        String where = "checkpoint " + checkpoint + ": ";
        if (!c.optimizerName().equals(optimizer.name())) {
            throw new IllegalArgumentException(where + "optimizer is " + c.optimizerName() + ", expected "
                    + optimizer.name());
        }
        if (c.theta().length != theta.length) {
            throw new IllegalArgumentException(where + "has " + c.theta().length + " parameters, expected "
                    + theta.length + " (the network's parameter count)");
        }
        if (c.seed() != seed) {
            throw new IllegalArgumentException(where + "seed is " + c.seed() + ", expected " + seed
                    + " (the trainer's seed)");
        }
        if (c.batchSize() != batchSize) {
            throw new IllegalArgumentException(where + "batch size is " + c.batchSize() + ", expected " + batchSize
                    + " (the trainer's batch size)");
        }
        if (c.dropLast() != dropLast) {
            throw new IllegalArgumentException(where + "dropLast is " + c.dropLast() + ", expected " + dropLast);
        }
        List<String> differences = Checkpoint.optionDifferences(c.runOptions(), recordedOptions());
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException(where + "written by a run with other options (a resume continues the "
                    + "same run): " + String.join("; ", differences));
        }
        if (c.samplesSeen() > 0 && c.batchInEpoch() > batchesPerEpoch(data.size())) {
            throw new IllegalArgumentException(where + "is at batch " + c.batchInEpoch() + " of an epoch, expected at "
                    + "most " + batchesPerEpoch(data.size()) + " (is this the same training set?)");
        }
        optimizer.restoreState(c.optimizerState(), c.optimizerStep());
        System.arraycopy(c.theta(), 0, theta, 0, theta.length);
        RunState s = new RunState();
        s.epoch = c.epoch();
        s.batchInEpoch = c.batchInEpoch();
        s.step = c.step();
        s.samples = c.samplesSeen();
        s.secondsOffset = c.seconds();
        s.epochLossSum = c.epochLossSum();
        s.epochSamples = c.epochSamples();
        s.history.addAll(c.history());
        if (metricsCsv != null) {
            rewriteMetrics(c.history());
        }
        return run(data, theta, s);
    }

    /** Mutable progress of one run. */
    private static final class RunState {
        int epoch;
        int batchInEpoch;
        long step;
        long samples;
        double secondsOffset;
        /** Time spent evaluating the test set, which the training clock leaves out. */
        long evaluationNanos;
        double epochLossSum;
        long epochSamples;
        double lastRate = Double.NaN;
        /** Training-clock second after which the next mid-epoch evaluation is due. */
        double nextEvaluation;
        final List<EpochMetrics> history = new ArrayList<>();
    }

    private int batchesPerEpoch(int n) {
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    private TrainingResult run(TrainingData data, double[] theta, RunState s) throws IOException {
        long start = System.nanoTime();
        s.nextEvaluation = s.secondsOffset + evaluationIntervalSeconds;
        int n = data.size();
        int in = net.inputShape().size();
        int c = net.outputShape().size();
        int d = theta.length;
        int batches = batchesPerEpoch(n);
        MiniBatchProducts mb = new MiniBatchProducts(net, loss, batchSize);
        BatchEvaluator evaluator = data.batchEvaluator(mb);
        double[] x = new double[batchSize * in];
        double[] y = new double[batchSize * c];
        double[] before = new double[d];
        double[] lastFinite = null;
        int[] order = new int[n];
        TerminationReason status = TerminationReason.COMPLETED;
        outer:
        while (s.epoch < epochs) {
            permutation(s.epoch, order);
            for (int b = s.batchInEpoch; b < batches; b++) {
                if (s.step >= maxSteps) {
                    status = TerminationReason.MAX_ITERATIONS;
                    break outer;
                }
                if (seconds(s, start) >= timeBudgetSeconds) {
                    status = TerminationReason.TIME_BUDGET;
                    break outer;
                }
                int from = b * batchSize;
                int count = Math.min(batchSize, n - from);
                MiniBatchObjective objective = evaluator.evaluate(theta, order, from, count);
                System.arraycopy(theta, 0, before, 0, d);
                StepResult r = optimizer.step(theta, objective);
                if (r.status() == StepOutcome.NON_FINITE) {
                    // θ is untouched; if its loss is not finite, go back to the start of the last OK step
                    System.arraycopy(before, 0, theta, 0, d);
                    if (!Double.isFinite(r.loss()) && lastFinite != null) {
                        System.arraycopy(lastFinite, 0, theta, 0, d);
                    }
                    return finish(TerminationReason.NON_FINITE, s, start, data, theta, mb, false);
                }
                // the point before this OK or REJECTED step had a finite loss and gradient (a REJECTED step left θ
                // as it was, and the next batch continues from it)
                double[] tmp = lastFinite == null ? new double[d] : lastFinite;
                lastFinite = before;
                before = tmp;
                s.step++;
                s.samples += count;
                s.epochLossSum += r.loss() * count;
                s.epochSamples += count;
                s.batchInEpoch = b + 1;
                if (r.ok()) {
                    s.lastRate = r.learningRate();
                }
                CallbackReturn answer = listener.afterStep(new StepEvent(s.epoch + 1, b + 1, batches, s.step,
                        s.samples, seconds(s, start), r));
                if (answer != CallbackReturn.CONTINUE) {
                    status = answer == CallbackReturn.STOP ? TerminationReason.USER_SUCCESS
                            : TerminationReason.USER_ABORT;
                    break outer;
                }
                if (evaluationIntervalSeconds > 0 && b + 1 < batches && testData != null
                        && seconds(s, start) >= s.nextEvaluation) {
                    long evalStart = System.nanoTime();
                    double[] test = evaluateTest(theta, mb, x, y);
                    s.evaluationNanos += System.nanoTime() - evalStart;
                    double now = seconds(s, start);
                    s.nextEvaluation = now + evaluationIntervalSeconds;
                    listener.onEvaluation(new EpochMetrics(s.epoch, s.step, s.samples, now,
                            s.epochLossSum / s.epochSamples, test[0], test[1], s.lastRate));
                }
            }
            s.epoch++;
            s.batchInEpoch = 0;
            long evalStart = System.nanoTime();
            double[] test = evaluateTest(theta, mb, x, y);
            s.evaluationNanos += System.nanoTime() - evalStart;
            EpochMetrics m = new EpochMetrics(s.epoch, s.step, s.samples, seconds(s, start),
                    s.epochSamples > 0 ? s.epochLossSum / s.epochSamples : Double.NaN, test[0], test[1],
                    s.lastRate);
            s.history.add(m);
            s.nextEvaluation = m.seconds() + evaluationIntervalSeconds;
            s.epochLossSum = 0;
            s.epochSamples = 0;
            // checkpoint before the row: a run interrupted between the two resumes from this checkpoint, and the
            // resume rewrites the CSV from the checkpoint's history, so the row is neither lost nor repeated
            if (checkpointFile != null && s.epoch < epochs && checkpointEvery > 0 && s.epoch % checkpointEvery == 0) {
                writeCheckpoint(s, start, theta);
            }
            if (metricsCsv != null) {
                appendRow(m);
            }
            listener.onEpoch(m);
        }
        return finish(status, s, start, data, theta, mb, true);
    }

    private TrainingResult finish(TerminationReason status, RunState s, long start, TrainingData data,
            double[] theta, MiniBatchProducts mb, boolean checkpoint) throws IOException {
        double trainLoss;
        double testLoss;
        double testAccuracy;
        EpochMetrics last = s.history.isEmpty() ? null : s.history.get(s.history.size() - 1);
        if (s.epochSamples == 0 && last != null && status != TerminationReason.NON_FINITE) {
            trainLoss = last.trainLoss();
            testLoss = last.testLoss();
            testAccuracy = last.testAccuracy();
        } else {
            trainLoss = s.epochSamples > 0 ? s.epochLossSum / s.epochSamples
                    : last != null ? last.trainLoss() : Double.NaN;
            int in = net.inputShape().size();
            int c = net.outputShape().size();
            double[] test = evaluateTest(theta, mb, new double[batchSize * in], new double[batchSize * c]);
            testLoss = test[0];
            testAccuracy = test[1];
        }
        if (checkpoint && checkpointFile != null) {
            writeCheckpoint(s, start, theta);
        }
        return new TrainingResult(status, s.epoch, s.step, s.samples, seconds(s, start), trainLoss, testLoss,
                testAccuracy, s.history);
    }

    /** Mean test loss and accuracy (NaN where not available) at θ, in batches of the training batch size. */
    private double[] evaluateTest(double[] theta, MiniBatchProducts mb, double[] x, double[] y) {
        if (testData == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int n = testData.size();
        int c = net.outputShape().size();
        int[] labels = testData.labels();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] out = labels != null ? new double[batchSize * c] : null;
        double sum = 0;
        long correct = 0;
        for (int from = 0; from < n; from += batchSize) {
            int count = Math.min(batchSize, n - from);
            testData.copyBatch(order, from, count, x, y);
            sum += mb.evaluate(theta, count, x, 0, y, 0) * count;
            if (labels != null) {
                mb.outputs(out);
                for (int k = 0; k < count; k++) {
                    int best = 0;
                    for (int j = 1; j < c; j++) {
                        if (out[k * c + j] > out[k * c + best]) {
                            best = j;
                        }
                    }
                    if (best == labels[from + k]) {
                        correct++;
                    }
                }
            }
        }
        return new double[] {sum / n, labels != null ? (double) correct / n : Double.NaN};
    }

    /** Fisher-Yates shuffle of 0..n−1 from a generator seeded by the seed and the epoch index only. */
    private void permutation(int epochIndex, int[] order) {
        Random rng = new Random(seed + epochIndex * 0x9E3779B97F4A7C15L);
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static double seconds(RunState s, long start) {
        return s.secondsOffset + (System.nanoTime() - start - s.evaluationNanos) / 1e9;
    }

    private void writeCheckpoint(RunState s, long start, double[] theta) throws IOException {
        new Checkpoint(optimizer.name(), optimizer.stepCount(), optimizer.stateVector(), theta.clone(), seed,
                batchSize, dropLast, s.epoch, s.batchInEpoch, s.step, s.samples, seconds(s, start), s.epochLossSum,
                s.epochSamples, s.history, recordedOptions()).write(checkpointFile);
    }

    private void writeHeader(boolean replace) throws IOException {
        Path abs = metricsCsv.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        if (replace) {
            Files.writeString(metricsCsv, EpochMetrics.CSV_HEADER + "\n", StandardCharsets.UTF_8);
        }
    }

    /** Replaces the metrics CSV by the header and {@code rows}, through a temporary file and a move. */
    private void rewriteMetrics(List<EpochMetrics> rows) throws IOException {
        Path abs = metricsCsv.toAbsolutePath();
        StringBuilder sb = new StringBuilder(EpochMetrics.CSV_HEADER).append('\n');
        for (EpochMetrics m : rows) {
            sb.append(m.csvRow()).append('\n');
        }
        Path tmp = org.gn4j.nn.data.SafeFiles.temporaryBeside(abs, ".tmp");
        try {
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            org.gn4j.nn.data.SafeFiles.moveIntoPlace(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void appendRow(EpochMetrics m) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(metricsCsv, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            w.write(m.csvRow());
            w.write('\n');
        }
    }

    private void validate(TrainingData data, double[] theta) {
        if (data == null) {
            throw new IllegalArgumentException("training data must not be null");
        }
        ArgumentChecks.requireLength("theta", theta, net.parameterCount());
        checkData("training data", data);
        if (batchSize > data.size()) {
            throw new IllegalArgumentException("batchSize is " + batchSize + ", expected at most the training set size "
                    + data.size());
        }
        if (testData != null) {
            checkData("test data", testData);
        }
    }

    private void checkData(String what, TrainingData data) {
        int in = net.inputShape().size();
        int c = net.outputShape().size();
        if (data.size() <= 0) {
            throw new IllegalArgumentException(what + " has " + data.size() + " samples, expected at least 1");
        }
        if (data.featureSize() != in) {
            throw new IllegalArgumentException(what + " has feature size " + data.featureSize() + ", expected " + in
                    + " (the network's input shape " + net.inputShape() + ")");
        }
        if (data.targetWidth() != c) {
            throw new IllegalArgumentException(what + " has target width " + data.targetWidth() + ", expected " + c
                    + " (the network's output shape " + net.outputShape() + ")");
        }
    }
}
