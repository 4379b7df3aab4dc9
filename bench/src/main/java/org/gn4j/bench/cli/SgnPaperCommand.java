package org.gn4j.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.gn4j.bench.sgnpaper.Protocol;
import org.gn4j.bench.sgnpaper.Report;
import org.gn4j.bench.sgnpaper.Run;
import org.gn4j.gn.stochastic.Optimizer;
import org.gn4j.linalg.blas.Precision;
import org.gn4j.nn.Sequential;
import org.gn4j.nn.data.DataDirectory;
import org.gn4j.nn.train.DatasetTrainingData;
import org.gn4j.nn.train.EpochMetrics;
import org.gn4j.nn.train.StepEvent;
import org.gn4j.nn.train.Trainer;
import org.gn4j.nn.train.TrainingListener;
import org.gn4j.nn.train.TrainingResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gn4j bench sgn-paper}: the SGN paper's protocol on this machine (see {@link Protocol}): every configuration
 * with every seed on each problem for the larger wall-clock budget, then per problem a CSV of the histories, four PNG
 * plots and a Markdown table ({@link Report}), plus {@code sgn-paper.md} with all tables.
 */
@Command(name = "sgn-paper", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run the SGN paper's benchmark protocol (SGD / Adam learning-rate grids, SGN with 2, 3, 5, 10 "
                + "and adaptive CG iterations, EGN) at equal wall-clock budgets.",
            "  gn4j bench sgn-paper                                   # all problems, 3 seeds (hours)",
            "  gn4j bench sgn-paper --problems sine --seeds 3         # a few minutes",
            "  gn4j bench sgn-paper --problems mnist-10k --only sgd,sgn --budget-scale 0.25"})
public final class SgnPaperCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--problems", defaultValue = "sine,mnist-10k,fashion-mnist", split = ",", paramLabel = "NAME",
            description = "sine, mnist-10k, fashion-mnist (default: ${DEFAULT-VALUE}).")
    List<String> problems;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3", description = "Seeds per configuration (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--only", split = ",", paramLabel = "FAMILY|CONFIG",
            description = "Run only these families (sgd, adam, sgn, egn) or configurations (e.g. 'sgn cg=5') (default: every configuration).")
    List<String> only;

    @Option(names = "--budget-scale", paramLabel = "FACTOR", defaultValue = "1",
            description = "Multiply every budget (quick looks; tables then name the scaled budgets) (default: ${DEFAULT-VALUE}).")
    double budgetScale;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding mnist-10k/ and fashion-mnist/ (default: -Dgn4j.data, GN4J_DATA, or ../shared/datasets).")
    Path dataDir;

    @Option(names = "--out", defaultValue = "sgn-paper-results", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--precision", defaultValue = "f32", paramLabel = "f32|f64",
            description = "Arithmetic of the networks' products (forward, JVP, VJP, GGN) for every configuration; CG, "
                    + "damping and loss sums stay float64 (default: ${DEFAULT-VALUE}).")
    String precision;

    @Option(names = "--no-progress", description = "No progress line on stderr.")
    boolean noProgress;

    /** The parsed {@link #precision}. */
    private Precision products;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            products = Precision.parse(precision);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--precision: " + e.getMessage());
        }
        if (seeds < 1) {
            throw new ParameterException(spec.commandLine(), "--seeds is " + seeds + ", expected >= 1");
        }
        if (!(budgetScale > 0) || Double.isInfinite(budgetScale)) {
            throw new ParameterException(spec.commandLine(), "--budget-scale is " + budgetScale + ", expected > 0");
        }
        List<Protocol.Problem> chosen = new ArrayList<>();
        for (String name : problems) {
            try {
                chosen.add(scaled(Protocol.problem(name.trim())));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        List<Protocol.Config> configs = configs();
        Files.createDirectories(out);
        StringBuilder all = new StringBuilder("# SGN paper protocol on this machine\n\n");
        all.append(String.format(Locale.ROOT, "Machine: %d threads, %s %s. Network products in %s. Command: gn4j bench "
                + "sgn-paper %s%n%n", org.gn4j.linalg.ComputePool.parallelism(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), products.label(), String.join(" ", spec.commandLine().getParseResult()
                        .originalArgs())));
        suiteTotal = chosen.size() * configs.size() * seeds;
        suiteDone = 0;
        suiteStart = System.nanoTime();
        for (Protocol.Problem p : chosen) {
            Protocol.Data data;
            try {
                data = p.data().load(dataFolder());
            } catch (IOException e) {
                err.println("skipping " + p.name() + ": " + e.getMessage());
                suiteTotal -= configs.size() * seeds;
                all.append("**").append(p.name()).append("**: not run (").append(e.getMessage()).append(")\n\n");
                continue;
            }
            o.printf(Locale.ROOT, "%s: %s; %d configurations x %d seeds x %.0f s, products in %s%n", p.name(),
                    p.description(), configs.size(), seeds, p.largeBudget(), products.label());
            o.flush();
            List<Run> runs = new ArrayList<>();
            for (Protocol.Config c : configs) {
                for (long seed = 1; seed <= seeds; seed++) {
                    Run r = run(p, data, c, seed, err);
                    suiteDone++;
                    runs.add(r);
                    EpochMetrics last = r.history().isEmpty() ? null : r.history().get(r.history().size() - 1);
                    o.printf(Locale.ROOT, "  %-16s seed %d: %-12s %6d steps %4d epochs %6.1f s  train loss %s  %s %s%n",
                            c.name(), seed, r.status(), r.steps(), r.history().size(), r.seconds(),
                            last == null ? "-" : String.format(Locale.ROOT, "%.4e", last.trainLoss()),
                            p.metric() == Protocol.Metric.TEST_ACCURACY ? "test acc" : "test loss",
                            last == null ? "-" : p.metric() == Protocol.Metric.TEST_ACCURACY
                                    ? String.format(Locale.ROOT, "%.2f %%", 100 * last.testAccuracy())
                                    : String.format(Locale.ROOT, "%.4e", last.testLoss()));
                    o.flush();
                }
            }
            Report report = new Report(p, runs);
            report.writeCsv(out.resolve(p.name() + "-epochs.csv"));
            List<Path> plots = report.writePlots(out);
            String table = report.markdown();
            Files.writeString(out.resolve(p.name() + ".md"), table, StandardCharsets.UTF_8);
            all.append(table).append('\n');
            for (Path plot : plots) {
                all.append("![").append(plot.getFileName()).append("](").append(plot.getFileName()).append(")\n");
            }
            all.append('\n');
            o.println();
            o.print(table);
            o.println("plots: " + plots.stream().map(Path::toString).collect(Collectors.joining(", ")));
            o.flush();
        }
        Path summary = out.resolve("sgn-paper.md");
        Files.writeString(summary, all.toString(), StandardCharsets.UTF_8);
        o.println("wrote " + summary);
        return 0;
    }

    private Protocol.Problem scaled(Protocol.Problem p) {
        if (budgetScale == 1) {
            return p;
        }
        double[] b = Arrays.stream(p.budgets()).map(x -> x * budgetScale).toArray();
        return new Protocol.Problem(p.name(), p.description(), p.data(), p.network(), p.loss(), p.batch(), b,
                p.metric());
    }

    private List<Protocol.Config> configs() {
        List<Protocol.Config> all = Protocol.configs();
        if (only == null || only.isEmpty()) {
            return all;
        }
        List<Protocol.Config> chosen = new ArrayList<>();
        for (Protocol.Config c : all) {
            for (String w : only) {
                if (c.family().equalsIgnoreCase(w.trim()) || c.name().equalsIgnoreCase(w.trim())) {
                    chosen.add(c);
                    break;
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--only " + only + " matches no configuration, expected "
                    + "a family (sgd, adam, sgn, egn) or one of " + all.stream().map(Protocol.Config::name)
                    .collect(Collectors.joining(", ")));
        }
        return chosen;
    }

    private Path dataFolder() {
        if (dataDir != null) {
            return dataDir;
        }
        return DataDirectory.find().orElse(Path.of("../shared/datasets"));
    }

    /** The suite's overall counter: runs in all, runs finished, and when the suite started. */
    private int suiteTotal;
    private int suiteDone;
    private long suiteStart;

    private Run run(Protocol.Problem p, Protocol.Data data, Protocol.Config c, long seed, PrintWriter err)
            throws IOException {
        ProgressLine line = new ProgressLine(err, !noProgress);
        Sequential net = p.network().get().withPrecision(products);
        Optimizer opt = c.factory().create(seed);
        List<EpochMetrics> timeline = new ArrayList<>();
        TrainingListener progress = new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics m) {
                timeline.add(m);
            }

            @Override
            public void onEvaluation(EpochMetrics m) {
                timeline.add(m);
            }

            @Override
            public void onStep(StepEvent e) {
                line.show(String.format(Locale.ROOT, "%s | %s %-16s seed %d %s %5.1f/%.0f s, step %d",
                        ProgressLine.eta(suiteDone, suiteTotal, (System.nanoTime() - suiteStart) / 1e9), p.name(),
                        c.name(), seed, ProgressLine.bar(e.seconds() / p.largeBudget(), 20), e.seconds(),
                        p.largeBudget(), e.step()), false);
            }
        };
        Trainer trainer = new Trainer(net, p.loss().get(), opt).withEpochs(1_000_000).withBatchSize(p.batch())
                .withSeed(seed).withTestData(new DatasetTrainingData(data.test()))
                .withTimeBudget(Duration.ofMillis((long) (p.largeBudget() * 1000)))
                .withEvaluationInterval(Duration.ofMillis((long) (p.largeBudget() * 1000 / Protocol.EVALUATIONS)))
                .withListener(progress);
        TrainingResult r = trainer.train(new DatasetTrainingData(data.train()), net.initialParameters(seed));
        line.clear();
        return new Run(p.name(), c.name(), c.family(), seed, r.history(), List.copyOf(timeline), r.status(), r.steps(),
                r.seconds());
    }
}
