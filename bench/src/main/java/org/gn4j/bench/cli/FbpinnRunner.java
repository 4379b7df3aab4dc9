package org.gn4j.bench.cli;

import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gn4j.bench.plot.HeatMapPng;
import org.gn4j.bench.plot.LinePlotPng;
import org.gn4j.linalg.blas.Blas;
import org.gn4j.linalg.blas.BlasProvider;
import org.gn4j.linalg.blas.Transpose;
import org.gn4j.pinn.dd.FbpinnProblem;
import org.gn4j.pinn.dd.FbpinnProblems;
import org.gn4j.pinn.dd.FbpinnTrainer;
import org.gn4j.pinn.train.TrainingOptions;

/**
 * {@code gn4j pinn --problem fbpinn1d|fbpinn2d|heat2d-ms-dd}: FBPINN runs, error table, solve timings, CSV and plots
 * (for the space-time {@code heat2d-ms-dd}, maps of the slice t = 0.5).
 *
 * <p>The {@code lm} run compares its first linear system's block-banded and dense solves before its clock starts
 * only when the budget affords it: the two dense solves ({@code m·n²} flops for the Gram matrix and {@code n³/3} for
 * the Cholesky factor each, for {@code m} residuals and {@code n} parameters) are estimated at the DGEMM rate
 * measured on a 256 × 256 product, and the comparison runs when that estimate is at most a quarter of the budget;
 * otherwise a line says it was skipped and why.
 */
final class FbpinnRunner {
    /** The FBPINN problems {@code --problem} accepts. */
    static final List<String> PROBLEMS = List.of("fbpinn1d", "fbpinn2d", "heat2d-ms-dd");

    private FbpinnRunner() {
    }

    /** Seconds two dense solves of the first LM system are estimated to take (see the class comment). */
    static double denseComparisonSeconds(FbpinnProblem p) {
        double n = p.parameterCount();
        double m = p.residualCount();
        double flops = 2 * (m * n * n + n * n * n / 3);
        return flops / dgemmRate();
    }

    /** Floating-point operations per second of a 256 × 256 DGEMM on the chosen BLAS (best of three, after two). */
    private static double dgemmRate() {
        int k = 256;
        double[] a = new double[k * k];
        double[] b = new double[k * k];
        double[] c = new double[k * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 7) * 0.25;
            b[i] = (i % 5) * 0.5;
        }
        Blas blas = BlasProvider.blas();
        long best = Long.MAX_VALUE;
        for (int rep = 0; rep < 5; rep++) {
            long t = System.nanoTime();
            blas.dgemm(Transpose.NO, Transpose.NO, k, k, k, 1.0, a, 0, k, b, 0, k, 0.0, c, 0, k);
            long dt = System.nanoTime() - t;
            if (rep >= 2) {
                best = Math.min(best, dt);
            }
        }
        return 2.0 * k * k * k / (Math.max(1, best) / 1e9);
    }

    /** Boundary weight of fbpinn2d: about √(32π²), the interior residuals' scale (see FbpinnProblems.poisson2d). */
    static final double POISSON2D_BOUNDARY_WEIGHT = 10;

    static FbpinnProblem build(String problem, int subdomains, double overlap, int[] hidden, int points) {
        if (problem.equals("heat2d-ms-dd")) {
            // ten windows along x (two periods of sin 20πx each), 16 points per period of x; 3-16-16-1 subnets
            return FbpinnProblems.heat2dMs(subdomains > 0 ? subdomains : 10, overlap, points > 0 ? points : 160,
                    16, 16, hidden != null ? hidden : new int[] {16, 16});
        }
        boolean one = problem.equals("fbpinn1d");
        int[] h = hidden != null ? hidden : one ? new int[] {16, 16} : new int[] {12, 12};
        return one ? FbpinnProblems.multiScale1d(15, subdomains > 0 ? subdomains : 30, overlap,
                points > 0 ? points : 3000, h)
                : FbpinnProblems.poisson2d(4, 4, subdomains > 0 ? subdomains : 4, overlap,
                        points > 0 ? points : 60, points > 0 ? points : 60, POISSON2D_BOUNDARY_WEIGHT, h);
    }

    static int run(PrintWriter o, String problem, List<String> optimizers, double budget, Duration wallClock,
            int maxIt, double target, int subdomains, double overlap, int[] hidden, int[] singleHidden, int points,
            double lr, double lrFinal, long seed, Path out,
            List<org.gn4j.pinn.train.TrainingResult> results) throws IOException {
        boolean one = problem.equals("fbpinn1d");
        FbpinnProblem p = build(problem, subdomains, overlap, hidden, points);
        int dim = p.decomposition().dimension();
        int evalK = one ? 2000 : 101;
        double[] eval = dim == 3 ? FbpinnProblems.heat2dMsEvaluationGrid() : FbpinnProblems.evaluationGrid(p, evalK);
        TrainingOptions opts = TrainingOptions.defaults().withBudget(wallClock)
                .withEvaluationPoints(eval).withEvaluateEvery(1.0);
        if (target > 0) {
            opts = opts.withTargetRelativeL2(target);
        }
        if (maxIt > 0) {
            opts = opts.withMaxIterations(maxIt);
        }
        o.printf(Locale.ROOT, "problem %s: %d subdomains (overlap %.2f), subnet %s, %d parameters, %d residuals, "
                + "block bandwidth %d%n", problem, p.decomposition().size(), p.decomposition().overlap(),
                p.subnetwork(), p.parameterCount(), p.residualCount(), p.decomposition().blockBandwidth());
        StringBuilder table = new StringBuilder();
        table.append("| optimizer | params | iterations | seconds | rel L2 | max abs | solve s (in run) "
                + "| block s (1st system) | dense s (1st system) | status |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        List<LinePlotPng.Series> lines = new ArrayList<>();
        List<HeatMapPng.Panel> heat = new ArrayList<>();
        // the maps: a k × k grid over the unit square (x fastest, as HeatMapPng draws rows), at t = 0.5 in space-time
        double[] plot = eval;
        if (dim > 1) {
            plot = new double[dim * evalK * evalK];
            for (int i = 0; i < evalK; i++) {
                for (int j = 0; j < evalK; j++) {
                    int q = (i * evalK + j) * dim;
                    plot[q] = j / (evalK - 1.0);
                    plot[q + 1] = i / (evalK - 1.0);
                    if (dim == 3) {
                        plot[q + 2] = 0.5;
                    }
                }
            }
        }
        double[] exact = new double[plot.length / dim];
        {
            double[] x = new double[dim];
            for (int q = 0; q < exact.length; q++) {
                System.arraycopy(plot, q * dim, x, 0, dim);
                exact[q] = p.exact().value(x);
            }
        }
        lines.add(new LinePlotPng.Series("exact", exact, Color.BLACK));
        heat.add(new HeatMapPng.Panel("exact", exact, evalK));
        List<LinePlotPng.Series> errs = new ArrayList<>();
        Color[] colors = {Color.RED, Color.BLUE, new Color(0, 140, 0), Color.MAGENTA};
        int ci = 0;
        for (String name : optimizers) {
            FbpinnProblem pr = p;
            FbpinnTrainer t;
            switch (name) {
                case "lm": {
                    t = FbpinnTrainer.levenbergMarquardt(FbpinnTrainer.Solve.BLOCK_BANDED);
                    double estimate = denseComparisonSeconds(pr);
                    if (estimate <= budget / 4) {
                        t = t.withDenseComparison(2);
                    } else {
                        o.printf(Locale.ROOT, "lm: dense comparison skipped: its two dense solves are estimated at "
                                + "%.1f s, more than a quarter of the %s s budget%n", estimate, budget);
                        o.flush();
                    }
                    break;
                }
                case "lm-dense":
                    t = FbpinnTrainer.levenbergMarquardt(FbpinnTrainer.Solve.DENSE);
                    break;
                case "adam":
                    t = FbpinnTrainer.adam(lr, lrFinal);
                    break;
                case "single-lm": {
                    int[] sh = singleHidden != null ? singleHidden : one ? new int[] {40, 40} : new int[] {28, 28};
                    pr = build(problem, 1, overlap, sh, points);
                    t = FbpinnTrainer.levenbergMarquardt(FbpinnTrainer.Solve.DENSE);
                    break;
                }
                default:
                    throw new IllegalArgumentException("found optimizer '" + name
                            + "', expected lm, lm-dense, adam or single-lm for FBPINN problems");
            }
            FbpinnTrainer.Run r = t.train(pr, pr.initialParameters(seed), opts, null);
            var tr = r.training();
            results.add(tr);
            String label = name.equals("single-lm") ? "single network, " + tr.optimizer() : tr.optimizer();
            table.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.2e | %.2e | %s | %s | %s | %s |%n",
                    label,
                    pr.parameterCount(), tr.iterations(), tr.seconds(), tr.last().relativeL2(), tr.last().maxAbs(),
                    Double.isNaN(r.solveSeconds()) ? "-" : String.format(Locale.ROOT, "%.4f", r.solveSeconds()),
                    Double.isNaN(r.blockSeconds()) ? "-" : String.format(Locale.ROOT, "%.4f", r.blockSeconds()),
                    Double.isNaN(r.denseSeconds()) ? "-" : String.format(Locale.ROOT, "%.4f", r.denseSeconds()),
                    tr.status()));
            if (r.comparedSolves() > 0) {
                o.printf(Locale.ROOT, "%s: first system solved %d times each way before the clock started: block-banded %.4f s, "
                        + "dense %.4f s per solve (fastest), max relative step difference %.2e%n", label,
                        r.comparedSolves(), r.blockSeconds(), r.denseSeconds(), r.maxRelativeDiff());
            }
            if (out != null) {
                String file = name + ".csv";
                tr.writeCsv(out.resolve(file));
                double[] u = new double[exact.length];
                pr.solution(tr.parameters(), plot, exact.length, u);
                double[] e = new double[u.length];
                for (int q = 0; q < u.length; q++) {
                    e[q] = u[q] - exact[q];
                }
                Color c = colors[ci++ % colors.length];
                lines.add(new LinePlotPng.Series(name, u, c));
                errs.add(new LinePlotPng.Series(name, e, c));
                heat.add(new HeatMapPng.Panel(name + " u", u, evalK));
                double[] abs = new double[e.length];
                for (int q = 0; q < e.length; q++) {
                    abs[q] = Math.abs(e[q]);
                }
                heat.add(new HeatMapPng.Panel(name + " |error|", abs, evalK, true));
            }
        }
        o.print(table);
        o.flush();
        if (out != null) {
            Files.writeString(out.resolve("table.md"), table.toString(), StandardCharsets.UTF_8);
            PinnacleRunner.errorPlot(problem, results, out.resolve(problem + "-error.png"));
            if (one) {
                double[] x = eval.clone();
                LinePlotPng.write(out.resolve(problem + ".png"), x,
                        List.of(new LinePlotPng.Panel("solution and exact", lines),
                                new LinePlotPng.Panel("pointwise error u - exact", errs)));
            } else {
                HeatMapPng.write(out.resolve(problem + ".png"), heat, "x", dim == 3 ? "y (t = 0.5)" : "y");
            }
            o.println("wrote " + out);
        }
        return PinnCommand.exitCode(results);
    }
}
