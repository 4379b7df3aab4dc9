package org.gn4j.bench.sgnpaper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gn4j.gn.TerminationReason;
import org.gn4j.nn.train.EpochMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's definitions on hand-made runs whose answers are known. */
class ReportTest {
    private static Run run(String config, String family, long seed, double[] seconds, double[] accuracy) {
        List<EpochMetrics> h = new ArrayList<>();
        for (int i = 0; i < seconds.length; i++) {
            h.add(new EpochMetrics(i + 1, 10L * (i + 1), 1000L * (i + 1), seconds[i], 1.0 / (i + 1), 1.0,
                    accuracy[i], 0.1));
        }
        return new Run("p", config, family, seed, h, TerminationReason.TIME_BUDGET, 10L * seconds.length,
                seconds[seconds.length - 1]);
    }

    private static Protocol.Problem problem() {
        return new Protocol.Problem("p", "test", dir -> null, () -> null, () -> null, 10, new double[] {2, 4},
                Protocol.Metric.TEST_ACCURACY);
    }

    @Test
    void targetIsTheBestSgdAtTheLargerBudgetAndTimeToTargetCountsSeeds() {
        List<Run> runs = List.of(
                run("sgd a", "sgd", 1, new double[] {1, 2, 3, 4}, new double[] {0.5, 0.6, 0.7, 0.8}),
                run("sgd a", "sgd", 2, new double[] {1, 2, 3, 4}, new double[] {0.5, 0.6, 0.7, 0.6}),
                run("sgd b", "sgd", 1, new double[] {1, 2, 3, 4}, new double[] {0.1, 0.2, 0.3, 0.4}),
                run("sgd b", "sgd", 2, new double[] {1, 2, 3, 4}, new double[] {0.1, 0.2, 0.3, 0.4}),
                // reaches 0.7 at 1.5 s with seed 1, never with seed 2
                run("sgn", "sgn", 1, new double[] {1.5, 3.5}, new double[] {0.75, 0.8}),
                run("sgn", "sgn", 2, new double[] {1.5, 3.5}, new double[] {0.65, 0.69}));
        Report report = new Report(problem(), runs);
        Map.Entry<String, Double> target = report.target();
        assertEquals("sgd a", target.getKey());
        assertEquals(0.7, target.getValue(), 1e-15); // mean of 0.8 and 0.6 at 4 s
        String md = report.markdown();
        assertTrue(md.contains("| sgn | "), md);
        // sgn: time to target 1.5 s from one of two seeds, epoch 1
        assertTrue(md.contains("| 1.5 (1/2) | 1.0 (1/2) |"), md);
        // sgd a at 2 s: mean accuracy 60 %
        assertTrue(md.contains("| sgd a | 5.000e-01 | 60.00 % |"), md);
        // mean over seeds at t = 3.6 s: sgn's last epochs before 3.6 s are 0.8 and 0.69
        List<Run> sgn = runs.subList(4, 6);
        assertEquals((0.8 + 0.69) / 2, report.meanAt(sgn, 3.6, false), 1e-15);
        assertTrue(Double.isNaN(report.meanAt(sgn, 1.0, false)), "no finished epoch yet");
    }

    @Test
    void csvKeepsTheLastEpochPerGridTimeOnceAndTheFinalEpoch() {
        // 1000 epochs 0.01 s apart over a 4 s horizon: grid steps of 0.02 s keep every second epoch up to 2 s
        List<EpochMetrics> h = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            h.add(new EpochMetrics(i + 1, i + 1, i + 1, 0.01 * (i + 1), 1, 1, 0.5, 0.1));
        }
        List<EpochMetrics> kept = Report.onGrid(h, 4.0);
        assertTrue(kept.size() <= Report.CSV_POINTS + 1, "rows " + kept.size());
        for (int i = 1; i < kept.size(); i++) {
            assertTrue(kept.get(i).epoch() > kept.get(i - 1).epoch(), "each epoch once, in order");
        }
        assertEquals(1000, kept.get(kept.size() - 1).epoch(), "the final epoch is kept");
        assertEquals(2, kept.get(0).epoch(), "last epoch by t = 0.02 s");
        // epochs slower than the grid spacing: every one is kept
        List<EpochMetrics> slow = List.of(new EpochMetrics(1, 1, 1, 1.0, 1, 1, 0.5, 0.1),
                new EpochMetrics(2, 2, 2, 2.0, 1, 1, 0.5, 0.1), new EpochMetrics(3, 3, 3, 3.0, 1, 1, 0.5, 0.1));
        assertEquals(slow, Report.onGrid(slow, 4.0));
    }

    @Test
    void midEpochEvaluationsCountForTheBudgetsTheTargetAndTheCsv(@TempDir Path dir) throws IOException {
        List<Run> runs = new ArrayList<>();
        runs.add(run("sgd a", "sgd", 1, new double[] {1, 2, 3, 4}, new double[] {0.5, 0.6, 0.7, 0.8}));
        // one epoch takes 3 s; mid-epoch evaluations at 1.2 s and 2.4 s
        EpochMetrics e1 = new EpochMetrics(1, 30, 3000, 3.0, 0.5, 1.0, 0.85, 0.1);
        List<EpochMetrics> timeline = List.of(new EpochMetrics(0, 12, 1200, 1.2, 0.9, 1.0, 0.65, 0.1),
                new EpochMetrics(0, 24, 2400, 2.4, 0.7, 1.0, 0.82, 0.1), e1);
        runs.add(new Run("p", "egn", "egn", 1, List.of(e1), timeline, TerminationReason.TIME_BUDGET, 40, 4.0));
        Report report = new Report(problem(), runs);
        List<Run> egn = runs.subList(1, 2);
        assertEquals(0.82, report.meanAt(egn, 2.0 + 0.5, false), 0.0);
        assertEquals(0.65, report.meanAt(egn, 2.0, false), 0.0);
        String md = report.markdown();
        // target 0.8 (sgd a at 4 s) first reached by the mid-epoch evaluation at 2.4 s; whole epochs: 1
        assertTrue(md.contains("| egn | 9.000e-01 | 65.00 % | 5.000e-01 | 85.00 % | 2.4 (1/1) | 1.0 (1/1) |"), md);
        Path csv = dir.resolve("r.csv");
        report.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).endsWith(",mid_epoch"), lines.get(0));
        assertEquals(3, lines.stream().filter(x -> x.startsWith("p,\"egn\"")).count());
        assertEquals(2, lines.stream().filter(x -> x.startsWith("p,\"egn\"") && x.endsWith(",true")).count());
    }
}
