package org.gn4j.bench.sgnpaper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.gn4j.bench.plot.LinePlot;
import org.gn4j.gn.TerminationReason;
import org.gn4j.nn.train.EpochMetrics;

/**
 * Turns the runs of one problem into the protocol's outputs: a CSV of the runs' histories, PNG plots (train loss
 * and the test metric against seconds and against epochs, one line per configuration, mean over seeds) and a Markdown
 * table (metric at both budgets, time and epochs to the target, cost of a step in gradient evaluations).
 *
 * <p>Definitions, also printed under the table: the <em>target</em> is the mean test metric of the best SGD learning
 * rate at the larger budget; a run's <em>time to target</em> is the training-clock time of the first evaluation (epoch
 * end or mid-epoch) whose test metric reaches it, averaged over the seeds that reach it (the count is shown); a step's <em>cost in gradient
 * evaluations</em> is the configuration's mean seconds per step divided by that of SGD (one forward and one backward
 * pass per step) on the same problem.
 */
public final class Report {
    private final Protocol.Problem problem;
    private final List<Run> runs;
    private final Map<String, List<Run>> byConfig = new LinkedHashMap<>();

    /**
     * A report of the runs of one problem, grouped by configuration in first-seen order.
     *
     * @param problem the problem the runs were made on (its budgets and metric are used)
     * @param runs every run of the problem, each configuration with one or more seeds (copied)
     */
    public Report(Protocol.Problem problem, List<Run> runs) {
        this.problem = problem;
        this.runs = List.copyOf(runs);
        for (Run r : runs) {
            byConfig.computeIfAbsent(r.config(), k -> new ArrayList<>()).add(r);
        }
    }

    /** Rows per run in the CSV: the plots' time grid. */
    static final int CSV_POINTS = 200;

    /**
     * The runs' timelines on the plots' time grid: for each of {@value #CSV_POINTS} evenly spaced times up to the
     * larger budget, the last evaluation made by then (each once; the last column says whether it was a mid-epoch
     * evaluation), plus every run's final one. Fast
     * configurations finish thousands of epochs (one row each would be megabytes per problem); the table and the plots
     * read nothing finer than this grid.
     *
     * @param file the CSV file, UTF-8, replaced if it exists; its parent directories are created
     * @throws IOException if the file cannot be written
     */
    public void writeCsv(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.println("problem,config,seed,status," + EpochMetrics.CSV_HEADER + ",mid_epoch");
            for (Run r : runs) {
                Set<EpochMetrics> epochEnds = new HashSet<>(r.history());
                for (EpochMetrics m : onGrid(r.timeline(), problem.largeBudget())) {
                    w.println(problem.name() + ",\"" + r.config() + "\"," + r.seed() + "," + r.status() + ","
                            + m.csvRow() + "," + !epochEnds.contains(m));
                }
            }
        }
    }

    /** The epochs {@link #writeCsv} keeps, in order. */
    static List<EpochMetrics> onGrid(List<EpochMetrics> history, double horizon) {
        List<EpochMetrics> kept = new ArrayList<>();
        int next = 0;
        int last = -1;
        for (int i = 0; i < CSV_POINTS; i++) {
            double t = horizon * (i + 1) / CSV_POINTS;
            while (next < history.size() && history.get(next).seconds() <= t) {
                next++;
            }
            if (next - 1 > last) {
                last = next - 1;
                kept.add(history.get(last));
            }
        }
        if (!history.isEmpty() && last < history.size() - 1) {
            kept.add(history.get(history.size() - 1));
        }
        return kept;
    }

    /** Mean over a configuration's seeds of the metric at time t (NaN if a seed has no epoch yet or diverged). */
    double meanAt(List<Run> rs, double t, boolean trainLoss) {
        double sum = 0;
        for (Run r : rs) {
            EpochMetrics m = r.at(t);
            double v = m == null ? Double.NaN : trainLoss ? m.trainLoss() : Run.metric(m, problem.metric());
            if (!Double.isFinite(v) || (r.status() == TerminationReason.NON_FINITE && t > r.seconds())) {
                return Double.NaN;
            }
            sum += v;
        }
        return sum / rs.size();
    }

    /** Mean over seeds at the given epoch (NaN if a seed did not finish that epoch). */
    double meanAtEpoch(List<Run> rs, int epoch, boolean trainLoss) {
        double sum = 0;
        for (Run r : rs) {
            if (r.history().size() < epoch) {
                return Double.NaN;
            }
            EpochMetrics m = r.history().get(epoch - 1);
            double v = trainLoss ? m.trainLoss() : Run.metric(m, problem.metric());
            if (!Double.isFinite(v)) {
                return Double.NaN;
            }
            sum += v;
        }
        return sum / rs.size();
    }

    /**
     * The four plots; returns their paths.
     *
     * @param dir the directory to write into (created if missing); files are named {@code <problem>-<plot>.png}
     * @return the four PNG paths: train loss and test metric against seconds, then against epochs
     * @throws IOException if a file cannot be written
     */
    public List<Path> writePlots(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        int points = 200;
        double horizon = problem.largeBudget();
        boolean logMetric = problem.metric() == Protocol.Metric.TEST_LOSS;
        LinePlot trainT = new LinePlot(problem.name() + ": train loss vs time (mean over seeds)", "seconds",
                "train loss (epoch mean of mini-batch losses)", true);
        LinePlot testT = new LinePlot(problem.name() + ": " + problem.metric().label() + " vs time", "seconds",
                problem.metric().label(), logMetric);
        LinePlot trainE = new LinePlot(problem.name() + ": train loss vs epochs", "epoch", "train loss", true);
        LinePlot testE = new LinePlot(problem.name() + ": " + problem.metric().label() + " vs epochs", "epoch",
                problem.metric().label(), logMetric);
        for (Map.Entry<String, List<Run>> e : byConfig.entrySet()) {
            double[] t = new double[points];
            double[] tr = new double[points];
            double[] te = new double[points];
            for (int i = 0; i < points; i++) {
                t[i] = horizon * (i + 1) / points;
                tr[i] = meanAt(e.getValue(), t[i], true);
                te[i] = meanAt(e.getValue(), t[i], false);
            }
            trainT.add(e.getKey(), t, tr);
            testT.add(e.getKey(), t, te);
            int epochs = e.getValue().stream().mapToInt(r -> r.history().size()).min().orElse(0);
            double[] ep = new double[epochs];
            double[] er = new double[epochs];
            double[] ee = new double[epochs];
            for (int k = 1; k <= epochs; k++) {
                ep[k - 1] = k;
                er[k - 1] = meanAtEpoch(e.getValue(), k, true);
                ee[k - 1] = meanAtEpoch(e.getValue(), k, false);
            }
            trainE.add(e.getKey(), ep, er);
            testE.add(e.getKey(), ep, ee);
        }
        String[] names = {"train-loss-vs-seconds", "test-metric-vs-seconds", "train-loss-vs-epochs",
            "test-metric-vs-epochs"};
        LinePlot[] plots = {trainT, testT, trainE, testE};
        for (int i = 0; i < plots.length; i++) {
            Path p = dir.resolve(problem.name() + "-" + names[i] + ".png");
            plots[i].writePng(p, 1100, 600);
            out.add(p);
        }
        return out;
    }

    /**
     * The best SGD configuration at the larger budget and its mean metric (the target); null without SGD runs.
     *
     * @return the best SGD configuration's name with its mean test metric at the larger budget, or null without SGD
     *         runs
     */
    public Map.Entry<String, Double> target() {
        String best = null;
        double bestValue = Double.NaN;
        for (Map.Entry<String, List<Run>> e : byConfig.entrySet()) {
            if (!e.getValue().get(0).family().equals("sgd")) {
                continue;
            }
            double v = meanAt(e.getValue(), problem.largeBudget(), false);
            if (Double.isFinite(v) && (best == null || problem.metric().better(v, bestValue))) {
                best = e.getKey();
                bestValue = v;
            }
        }
        return best == null ? null : Map.entry(best, bestValue);
    }

    private double sgdSecondsPerStep() {
        double sum = 0;
        int n = 0;
        for (Run r : runs) {
            if (r.family().equals("sgd") && r.status() != TerminationReason.NON_FINITE
                    && Double.isFinite(r.secondsPerStep())) {
                sum += r.secondsPerStep();
                n++;
            }
        }
        return n > 0 ? sum / n : Double.NaN;
    }

    /**
     * The Markdown table with its definitions.
     *
     * @return the Markdown text: the table, then the definitions
     */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        double[] b = problem.budgets();
        Map.Entry<String, Double> target = target();
        String m = problem.metric().label();
        int seeds = byConfig.values().stream().mapToInt(List::size).max().orElse(0);
        sb.append(String.format(Locale.ROOT, "**%s** — %s; %d seed(s) per configuration, budgets %s s.%n%n",
                problem.name(), problem.description(), seeds, budgets()));
        sb.append("| configuration | train loss @").append(fmt(b[0])).append(" s | ").append(m).append(" @")
                .append(fmt(b[0])).append(" s | train loss @").append(fmt(b[1])).append(" s | ").append(m)
                .append(" @").append(fmt(b[1])).append(" s | time to target (s) | epochs to target | steps | "
                        + "step cost (gradient evals) |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        double sgdStep = sgdSecondsPerStep();
        for (Map.Entry<String, List<Run>> e : byConfig.entrySet()) {
            List<Run> rs = e.getValue();
            sb.append("| ").append(e.getKey());
            for (double budget : b) {
                sb.append(" | ").append(value(meanAt(rs, budget, true), false)).append(" | ")
                        .append(value(meanAt(rs, budget, false), problem.metric() == Protocol.Metric.TEST_ACCURACY));
            }
            sb.append(" | ").append(toTarget(rs, target, true)).append(" | ").append(toTarget(rs, target, false));
            double steps = rs.stream().mapToLong(Run::steps).average().orElse(Double.NaN);
            double perStep = rs.stream().mapToDouble(Run::secondsPerStep).average().orElse(Double.NaN);
            sb.append(" | ").append(String.format(Locale.ROOT, "%.0f", steps)).append(" | ")
                    .append(Double.isFinite(perStep / sgdStep) ? String.format(Locale.ROOT, "%.1f", perStep / sgdStep)
                            : "–")
                    .append(" |\n");
        }
        sb.append('\n');
        if (target != null) {
            sb.append(String.format(Locale.ROOT, "Target: %s = %s, reached by the best SGD (%s) at %s s. ", m,
                    value(target.getValue(), problem.metric() == Protocol.Metric.TEST_ACCURACY), target.getKey(),
                    fmt(problem.largeBudget())));
        }
        sb.append("Means over seeds; \"div.\" = a seed diverged (non-finite loss) or had no test evaluation by then; "
                + "time/epochs to target average the seeds that reach it (count in brackets); step cost = seconds per "
                + "step / SGD's seconds per step on this problem.\n");
        return sb.toString();
    }

    private String toTarget(List<Run> rs, Map.Entry<String, Double> target, boolean time) {
        if (target == null) {
            return "–";
        }
        double sum = 0;
        int reached = 0;
        for (Run r : rs) {
            for (EpochMetrics em : time ? r.timeline() : r.history()) {
                if (problem.metric().reaches(Run.metric(em, problem.metric()), target.getValue())) {
                    sum += time ? em.seconds() : em.epoch();
                    reached++;
                    break;
                }
            }
        }
        if (reached == 0) {
            return "not reached";
        }
        return String.format(Locale.ROOT, time ? "%.1f (%d/%d)" : "%.1f (%d/%d)", sum / reached, reached, rs.size());
    }

    private String budgets() {
        StringBuilder s = new StringBuilder();
        for (double b : problem.budgets()) {
            s.append(s.length() == 0 ? "" : " and ").append(fmt(b));
        }
        return s.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String value(double v, boolean percent) {
        if (!Double.isFinite(v)) {
            return "div.";
        }
        return percent ? String.format(Locale.ROOT, "%.2f %%", 100 * v) : String.format(Locale.ROOT, "%.3e", v);
    }
}
