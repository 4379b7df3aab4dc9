package org.gn4j.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.gn4j.gn.TerminationReason;
import org.gn4j.gn.core.CgIterations;
import org.gn4j.gn.core.StepOutcome;
import org.gn4j.gn.stochastic.Adam;
import org.gn4j.gn.stochastic.Damping;
import org.gn4j.gn.stochastic.Egn;
import org.gn4j.gn.stochastic.LearningRateSchedule;
import org.gn4j.gn.stochastic.LineSearch;
import org.gn4j.gn.stochastic.Optimizer;
import org.gn4j.gn.stochastic.Sgd;
import org.gn4j.gn.stochastic.Sgn;
import org.gn4j.gn.stochastic.StepResult;
import org.gn4j.linalg.blas.Precision;
import org.gn4j.nn.Presets;
import org.gn4j.nn.Sequential;
import org.gn4j.nn.data.Cifar10Reader;
import org.gn4j.nn.data.DataDirectory;
import org.gn4j.nn.data.Dataset;
import org.gn4j.nn.data.MnistFormat;
import org.gn4j.nn.data.SineWave;
import org.gn4j.nn.loss.Loss;
import org.gn4j.nn.loss.SoftmaxCrossEntropy;
import org.gn4j.nn.loss.SquaredError;
import org.gn4j.nn.train.Checkpoint;
import org.gn4j.nn.train.DatasetTrainingData;
import org.gn4j.nn.train.EpochMetrics;
import org.gn4j.nn.train.StepEvent;
import org.gn4j.nn.train.Trainer;
import org.gn4j.nn.train.TrainingData;
import org.gn4j.nn.train.TrainingListener;
import org.gn4j.nn.train.TrainingResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gn4j train}: trains a preset network on MNIST-10k, Fashion-MNIST (the split in the data folder) or the SGN
 * paper's sine wave with SGD, Adam, SGN (Hessian-free stochastic Gauss-Newton) or EGN (exact low-rank step), shows a
 * progress line on stderr, prints one line per epoch, and writes metrics CSV and checkpoints on request.
 *
 * <p>{@code --resume} continues a checkpoint bit for bit. The checkpoint stores the options that define the run
 * ({@link #runOptions}); a resume with any of them changed is refused, naming each option with its old and new
 * value. {@code --budget}, {@code --max-steps}, {@code --metrics}, {@code --checkpoint}, {@code --data-dir} and
 * {@code --no-progress} only say where a run stops and where its files go, and may change on resume. Output paths
 * are checked before any work: their folders must exist and be writable, and neither may be a folder, an input
 * (the data files, {@code --resume}) or the other output; {@code --checkpoint} may name the {@code --resume} file
 * and an existing checkpoint, never another existing file.
 */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Train a network with a first-order or a stochastic Gauss-Newton optimizer.",
            "  gn4j train --dataset fashion-mnist --model lenet --optimizer sgd --lr 0.05 --momentum 0.9 --epochs 10",
            "  gn4j train --dataset mnist-10k --model mlp3x20 --optimizer adam --lr 1e-3 --budget 100",
            "  gn4j train --dataset mnist-10k --optimizer sgn --batch 1000 --cg-iterations adaptive --budget 25"})
public class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", defaultValue = "mnist-10k", paramLabel = "NAME",
            description = "mnist-10k, fashion-mnist, cifar10 (binary batches in DATA/cifar10) or sine "
                    + "(default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding mnist-10k/ and fashion-mnist/ (default: -Dgn4j.data, GN4J_DATA, or ../shared/datasets).")
    Path dataDir;

    @Option(names = "--model", defaultValue = "auto", paramLabel = "NAME",
            description = "mlp3x20, mlp2x100, mlp1024, lenet, cifar, or auto: lenet for fashion-mnist, cifar for "
                    + "cifar10, mlp3x20 otherwise (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--optimizer", defaultValue = "sgd", paramLabel = "sgd|adam|adamw|sgn|egn",
            description = "Optimizer (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.1", description = "Learning rate of sgd, adam and adamw (default: ${DEFAULT-VALUE} for each; Adam "
                    + "usually wants about 1e-3).")
    double lr;

    @Option(names = "--schedule", defaultValue = "constant", paramLabel = "constant|cosine|linear",
            description = "Learning-rate schedule over the whole run, decaying to 1 %% of --lr (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--momentum", paramLabel = "BETA", defaultValue = "0",
            description = "SGD momentum, or heavy-ball momentum on the SGN / EGN step (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--cg-iterations", defaultValue = "adaptive", paramLabel = "N|adaptive",
            description = "SGN: CG iterations per step, or adaptive (default: ${DEFAULT-VALUE}).")
    String cgIterations;

    @Option(names = "--curvature-fraction", paramLabel = "F", defaultValue = "1",
            description = "SGN: share of each mini-batch the GGN products of CG run on, in (0, 1] (the gradient "
                    + "and line search use the whole batch) (default: ${DEFAULT-VALUE}).")
    double curvatureFraction;

    @Option(names = "--damping", paramLabel = "RHO",
            description = "SGN / EGN: initial damping (default: 1e-4 for SGN, 1e-2 for EGN).")
    Double damping;

    @Option(names = "--damping-rule", defaultValue = "gain-ratio", paramLabel = "gain-ratio|fixed|linear|cosine",
            description = "SGN / EGN: damping rule; linear and cosine decay to 1 %% of --damping over the run "
                    + "(default: ${DEFAULT-VALUE}).")
    String dampingRule;

    @Option(names = "--line-search", defaultValue = "armijo", paramLabel = "armijo|none",
            description = "SGN / EGN: backtracking Armijo (c = 1e-4, halving, 10 tries) or none (default: "
                    + "${DEFAULT-VALUE}).")
    String lineSearch;

    @Option(names = "--warm-start", description = "SGN: start CG from the previous direction.")
    boolean warmStart;

    @Option(names = "--preconditioner", description = "SGN: Hutchinson estimate of diag(G) as CG preconditioner.")
    boolean preconditioner;

    @Option(names = "--nesterov", description = "Nesterov momentum for SGD (only with --optimizer sgd).")
    boolean nesterov;

    @Option(names = "--weight-decay", paramLabel = "LAMBDA", defaultValue = "0", description = "Weight decay (AdamW: decoupled) (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "100", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--budget", paramLabel = "SECONDS",
            description = "Wall-clock budget in seconds, counted across resumes; stops early when spent (Infinity: "
                    + "no limit) (default: none: the epochs decide).")
    Double budget;

    @Option(names = "--max-steps", paramLabel = "N",
            description = "Stop after N optimizer steps in all, counted across resumes (a checkpoint is written; "
                    + "--resume continues) (default: none).")
    Long maxSteps;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed for initialization and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--metrics", paramLabel = "FILE.csv", description = "Per-epoch metrics CSV (default: none).")
    Path metrics;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Write the result (options, ending, losses, per-epoch history) as JSON (default: none).")
    Path json;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Checkpoint file (written each epoch) (default: none).")
    Path checkpoint;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Resume from this checkpoint, with the same options (only --budget, --max-steps, the "
                    + "output files, --data-dir and --no-progress may change) (default: none: a fresh start).")
    Path resume;

    @Option(names = "--precision", defaultValue = "f32", paramLabel = "f32|f64",
            description = "Arithmetic of the network's products (forward, JVP, VJP, GGN); CG, damping and loss sums "
                    + "stay float64 (default: ${DEFAULT-VALUE}).")
    String precision;

    @Option(names = "--no-progress", description = "No progress line on stderr.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = dataset.toLowerCase(Locale.ROOT);
        if (!DATASETS.contains(name)) {
            throw new ParameterException(spec.commandLine(),
                    "dataset '" + dataset + "' unknown, expected mnist-10k, fashion-mnist, cifar10 or sine");
        }
        Duration timeBudget = budget == null ? null : BudgetOption.duration(spec.commandLine(), "--budget", budget);
        checkOptions();
        Precision p;
        try {
            p = Precision.parse(precision);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--precision: " + e.getMessage());
        }
        Path dir = name.equals("sine") ? null : dataFolder(name);
        new CommandPaths(spec.commandLine()).inputFolder("--data-dir", dir).input("--resume", resume)
                .outputFile("--checkpoint", checkpoint).outputFile("--metrics", metrics).outputFile("--json", json).check();
        if (checkpoint != null) {
            Checkpoint.requireReplaceable(checkpoint);
        }
        Dataset train;
        Dataset test;
        Loss loss;
        switch (name) {
            case "sine":
                train = SineWave.generate(1000, 0.01, seed);
                test = SineWave.generate(1000, 0.01, seed + 1);
                loss = new SquaredError();
                break;
            case "mnist-10k":
            case "fashion-mnist": {
                String what = name.equals("mnist-10k") ? "MNIST-10k (10,000-image subset, 8,000/2,000)"
                        : "Fashion-MNIST (60,000/10,000, not the official split)";
                train = MnistFormat.load(dir, "train", what + " train");
                test = MnistFormat.load(dir, "test", what + " test");
                loss = new SoftmaxCrossEntropy();
                break;
            }
            default: {
                train = Cifar10Reader.loadTrain(dir, "CIFAR-10 train (official binary batches 1-5)");
                test = Cifar10Reader.loadTest(dir, "CIFAR-10 test (official test batch)");
                loss = new SoftmaxCrossEntropy();
                break;
            }
        }
        Sequential net = network(train).withPrecision(p);
        long steps = (long) epochs * ((train.size() + batch - 1) / Math.max(1, batch));
        Optimizer opt = optimizer(steps);
        Trainer trainer = new Trainer(net, loss, opt).withEpochs(epochs).withBatchSize(batch).withSeed(seed)
                .withTestData(new DatasetTrainingData(test)).withRunOptions(runOptions());
        if (timeBudget != null) {
            trainer = trainer.withTimeBudget(timeBudget);
        }
        if (maxSteps != null) {
            trainer = trainer.withMaxSteps(maxSteps);
        }
        if (metrics != null) {
            trainer = trainer.withMetricsCsv(metrics);
        }
        if (checkpoint != null) {
            trainer = trainer.withCheckpoints(checkpoint, 1);
        }
        out.printf(Locale.ROOT, "%s on %s (%d train, %d test), %s, batch %d, up to %d epochs%s, seed %d%n", net,
                train.split(), train.size(), test.size(), opt.name(), batch, epochs,
                budget == null ? "" : String.format(Locale.ROOT, " or %s s", budget), seed);
        boolean gn = opt instanceof Sgn || opt instanceof Egn;
        out.println("epoch  step  seconds  train loss   test loss  test acc" + (gn ? "  cg it/step   damping  rejected" : ""));
        out.flush();
        Progress progress = new Progress(out, err, !noProgress, gn);
        trainer = trainer.withListener(progress);
        double[] theta = net.initialParameters(seed);
        TrainingData trainData = trainingData(train, modelName(), loss, net.precision());
        TrainingResult r = resume != null ? trainer.resume(resume, trainData, theta)
                : trainer.train(trainData, theta);
        progress.line.clear();
        out.printf(Locale.ROOT, "%s after %d epochs, %d steps, %.1f s: train loss %.5f, test loss %.5f, test accuracy "
                + "%s%n", r.status(), r.epochs(), r.steps(), r.seconds(), r.trainLoss(), r.testLoss(),
                percent(r.testAccuracy()));
        if (json != null) {
            ResultJson.writeFile(json, ResultJson.train(runOptions(), net.toString(), opt.name(), r));
            out.println("wrote " + json);
        }
        out.flush();
        return r.status() == TerminationReason.NON_FINITE ? 3 : 0;
    }

    /** The data sets {@code --dataset} accepts (in any letter case). */
    static final List<String> DATASETS = List.of("mnist-10k", "fashion-mnist", "cifar10", "sine");

    /** Refuses option values and combinations that would be ignored or fail deep inside training. */
    private void checkOptions() {
        if (epochs < 1) {
            throw new ParameterException(spec.commandLine(), "--epochs must be at least 1, found " + epochs);
        }
        if (batch < 1) {
            throw new ParameterException(spec.commandLine(), "--batch must be at least 1, found " + batch);
        }
        if (!(curvatureFraction > 0 && curvatureFraction <= 1)) {
            throw new ParameterException(spec.commandLine(), "--curvature-fraction must be in (0, 1], found "
                    + curvatureFraction);
        }
        if (maxSteps != null && maxSteps < 1) {
            throw new ParameterException(spec.commandLine(), "--max-steps must be at least 1, found " + maxSteps);
        }
        if (damping != null && !(damping >= 0 && damping <= Damping.CEILING)) {
            throw new ParameterException(spec.commandLine(), "--damping must be between 0 and "
                    + String.format(Locale.ROOT, "%.0e", Damping.CEILING) + " (the largest damping the rules use), "
                    + "found " + damping);
        }
        String o = optimizer.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<String>> e : READERS.entrySet()) {
            if (spec.commandLine().getParseResult().hasMatchedOption(e.getKey()) && !e.getValue().contains(o)) {
                throw new ParameterException(spec.commandLine(), e.getKey() + " applies to --optimizer "
                        + String.join(" or ", e.getValue()) + " only, found --optimizer " + optimizer);
            }
        }
    }

    /** The optimizers that read each optimizer-specific option; given with another optimizer it is refused. */
    private static final Map<String, List<String>> READERS = Map.ofEntries(
            Map.entry("--lr", List.of("sgd", "adam", "adamw")),
            Map.entry("--schedule", List.of("sgd", "adam", "adamw")),
            Map.entry("--weight-decay", List.of("sgd", "adam", "adamw")),
            Map.entry("--momentum", List.of("sgd", "sgn", "egn")),
            Map.entry("--nesterov", List.of("sgd")),
            Map.entry("--cg-iterations", List.of("sgn")),
            Map.entry("--curvature-fraction", List.of("sgn")),
            Map.entry("--warm-start", List.of("sgn")),
            Map.entry("--preconditioner", List.of("sgn")),
            Map.entry("--damping", List.of("sgn", "egn")),
            Map.entry("--damping-rule", List.of("sgn", "egn")),
            Map.entry("--line-search", List.of("sgn", "egn")));

    /**
     * The options that define the run, as the checkpoint stores them: every option that changes what is computed,
     * with its value in canonical form (lower-case names, Java's shortest form of numbers, defaults resolved).
     */
    Map<String, String> runOptions() {
        String o = optimizer.toLowerCase(Locale.ROOT);
        Map<String, String> m = new TreeMap<>();
        m.put("--dataset", dataset.toLowerCase(Locale.ROOT));
        m.put("--model", modelName());
        m.put("--optimizer", o);
        m.put("--lr", Double.toString(lr));
        m.put("--schedule", schedule.toLowerCase(Locale.ROOT));
        m.put("--momentum", Double.toString(momentum));
        m.put("--cg-iterations", cgIterations.toLowerCase(Locale.ROOT));
        if (curvatureFraction != 1) {
            m.put("--curvature-fraction", Double.toString(curvatureFraction));
        }
        m.put("--damping", Double.toString(damping != null ? damping : o.equals("egn") ? 1e-2 : 1e-4));
        m.put("--damping-rule", dampingRule.toLowerCase(Locale.ROOT));
        m.put("--line-search", lineSearch.toLowerCase(Locale.ROOT));
        m.put("--warm-start", Boolean.toString(warmStart));
        m.put("--preconditioner", Boolean.toString(preconditioner));
        m.put("--nesterov", Boolean.toString(nesterov));
        m.put("--weight-decay", Double.toString(weightDecay));
        m.put("--batch", Integer.toString(batch));
        m.put("--epochs", Integer.toString(epochs));
        m.put("--seed", Long.toString(seed));
        return m;
    }

    private static String percent(double accuracy) {
        return Double.isFinite(accuracy) ? String.format(Locale.ROOT, "%.2f %%", 100 * accuracy) : "-";
    }

    private Path dataFolder(String name) {
        if (dataDir != null) {
            return dataDir.resolve(name);
        }
        return DataDirectory.subfolder(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "no data folder with " + name + "/ found: pass --data-dir DIR, set -Dgn4j.data or GN4J_DATA, or "
                        + "fetch the official files with 'gn4j download'"));
    }

    /** The model name, {@code auto} resolved. */
    String modelName() {
        String m = model.toLowerCase(Locale.ROOT);
        if (m.equals("auto")) {
            m = dataset.equalsIgnoreCase("fashion-mnist") ? "lenet"
                    : dataset.equalsIgnoreCase("cifar10") ? "cifar" : "mlp3x20";
        }
        return m;
    }

    /**
     * Where the trainer's batches come from: the data set in this JVM; {@code gn4j spark train} spreads it over
     * Spark's executors.
     *
     * @param model the preset's name ({@code auto} resolved)
     * @param loss  the loss the run trains
     * @param precision the precision of the network's products
     */
    TrainingData trainingData(Dataset train, String model, Loss loss, Precision precision) throws Exception {
        return new DatasetTrainingData(train);
    }

    private Sequential network(Dataset train) {
        Sequential net = preset(modelName(), train.featureSize(), train.targetWidth());
        if (net == null) {
            throw new ParameterException(spec.commandLine(),
                    "model '" + model + "' unknown, expected mlp3x20, mlp2x100, mlp1024, lenet, cifar or auto");
        }
        return net;
    }

    /** The preset network of this name for these input and output sizes, or null for an unknown name. */
    static Sequential preset(String m, int in, int out) {
        switch (m) {
            case "mlp3x20":
                return Presets.mlp3x20Sigmoid(in, out);
            case "mlp2x100":
                return Presets.mlp2x100Sigmoid(in, out);
            case "mlp1024":
                return Presets.mlp784x1024x1024x10Tanh();
            case "lenet":
                return Presets.leNetFashion();
            case "cifar":
                return Presets.cifarCnn();
            default:
                return null;
        }
    }

    private LearningRateSchedule schedule(long steps) {
        switch (schedule.toLowerCase(Locale.ROOT)) {
            case "constant":
                return LearningRateSchedule.constant(lr);
            case "cosine":
                return LearningRateSchedule.cosineDecay(lr, 0.01 * lr, Math.max(1, steps));
            case "linear":
                return LearningRateSchedule.linearDecay(lr, 0.01 * lr, Math.max(1, steps));
            default:
                throw new ParameterException(spec.commandLine(),
                        "schedule '" + schedule + "' unknown, expected constant, cosine or linear");
        }
    }

    private Optimizer optimizer(long steps) {
        LearningRateSchedule s = schedule(steps);
        switch (optimizer.toLowerCase(Locale.ROOT)) {
            case "sgd":
                return new Sgd(s).withMomentum(momentum).withNesterov(nesterov).withWeightDecay(weightDecay);
            case "adam":
                return new Adam(s).withWeightDecay(weightDecay);
            case "adamw":
                return Adam.adamW(lr, weightDecay).withSchedule(s);
            case "sgn": {
                Sgn sgn = new Sgn().withDamping(dampingRule(damping != null ? damping : 1e-4, 1e-8, steps))
                        .withLineSearch(lineSearch()).withMomentum(momentum).withWarmStart(warmStart)
                        .withDiagonalPreconditioner(preconditioner, seed).withCurvatureFraction(curvatureFraction);
                return cgIterations.equalsIgnoreCase("adaptive") ? sgn.withCgIterations(CgIterations.adaptive())
                        : sgn.withCgIterations(parseIterations());
            }
            case "egn":
                return new Egn().withDamping(dampingRule(damping != null ? damping : 1e-2, 1e-3, steps))
                        .withLineSearch(lineSearch()).withMomentum(momentum);
            default:
                throw new ParameterException(spec.commandLine(),
                        "optimizer '" + optimizer + "' unknown, expected sgd, adam, adamw, sgn or egn");
        }
    }

    private int parseIterations() {
        try {
            int k = Integer.parseInt(cgIterations);
            if (k >= 1) {
                return k;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(),
                "--cg-iterations is '" + cgIterations + "', expected a positive integer or adaptive");
    }

    private Damping dampingRule(double initial, double floor, long steps) {
        if (!(initial >= 0) || Double.isInfinite(initial)) {
            throw new ParameterException(spec.commandLine(), "--damping is " + initial + ", expected a finite value >= 0");
        }
        switch (dampingRule.toLowerCase(Locale.ROOT)) {
            case "gain-ratio":
                return Damping.gainRatio(initial, Math.min(initial, floor), 0.25, 0.75, 1.5, 2.0 / 3.0);
            case "fixed":
                return Damping.fixed(initial);
            case "linear":
                return Damping.schedule(LearningRateSchedule.linearDecay(initial, 0.01 * initial, Math.max(1, steps)));
            case "cosine":
                return Damping.schedule(LearningRateSchedule.cosineDecay(initial, 0.01 * initial, Math.max(1, steps)));
            default:
                throw new ParameterException(spec.commandLine(),
                        "damping rule '" + dampingRule + "' unknown, expected gain-ratio, fixed, linear or cosine");
        }
    }

    private LineSearch lineSearch() {
        switch (lineSearch.toLowerCase(Locale.ROOT)) {
            case "armijo":
                return LineSearch.armijo();
            case "none":
                return LineSearch.none();
            default:
                throw new ParameterException(spec.commandLine(),
                        "line search '" + lineSearch + "' unknown, expected armijo or none");
        }
    }

    /** Prints a line per epoch and redraws a progress line on stderr at most ten times a second. */
    private static final class Progress implements TrainingListener {
        private final PrintWriter out;
        private final PrintWriter err;
        private final boolean show;
        private final boolean gaussNewton;
        private final ProgressLine line;
        private long epochSteps;
        private long epochCg;
        private long epochRejected;
        private double lastDamping = Double.NaN;

        Progress(PrintWriter out, PrintWriter err, boolean show, boolean gaussNewton) {
            this.out = out;
            this.err = err;
            this.show = show;
            this.gaussNewton = gaussNewton;
            this.line = new ProgressLine(err, show);
        }

        @Override
        public void onStep(StepEvent e) {
            StepResult r = e.result();
            epochSteps++;
            epochCg += r.cgIterations();
            if (r.status() == StepOutcome.REJECTED) {
                epochRejected++;
            }
            lastDamping = r.damping();
            if (!show) {
                return;
            }
            int total = Math.max(1, e.batchesPerEpoch());
            int seen = Math.min(total, Math.max(0, e.batch()));
            line.show(String.format(Locale.ROOT, "epoch %d %s %3d%% loss %.4f %.1f s%s", e.epoch(),
                    ProgressLine.bar((double) seen / total, 30), 100 * seen / total, r.loss(), e.seconds(),
                    gaussNewton ? String.format(Locale.ROOT, " cg %d damping %.1e", r.cgIterations(), r.damping())
                            : ""), false);
        }

        @Override
        public void onEpoch(EpochMetrics m) {
            line.clear();
            out.printf(Locale.ROOT, "%5d %5d %8.1f %11.5f %11.5f %9s", m.epoch(), m.step(), m.seconds(),
                    m.trainLoss(), m.testLoss(), percent(m.testAccuracy()));
            if (gaussNewton) {
                out.printf(Locale.ROOT, " %11.1f %9.2e %9d", epochSteps > 0 ? (double) epochCg / epochSteps : 0.0,
                        lastDamping, epochRejected);
            }
            out.println();
            out.flush();
            epochSteps = 0;
            epochCg = 0;
            epochRejected = 0;
        }
    }
}
