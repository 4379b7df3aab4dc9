package org.gn4j.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gn4j.bench.plot.HeatMapPng;
import org.gn4j.bench.plot.LinePlot;
import org.gn4j.linalg.ComputePool;
import org.gn4j.pinn.pde.ErrorMetrics;
import org.gn4j.pinn.pde.PdeSystemProblem;
import org.gn4j.pinn.problems.Pinnacle;
import org.gn4j.pinn.train.AdamTrainer;
import org.gn4j.pinn.train.GaussNewtonTrainer;
import org.gn4j.pinn.train.HistoryPoint;
import org.gn4j.pinn.train.LbfgsTrainer;
import org.gn4j.pinn.train.LevenbergMarquardtTrainer;
import org.gn4j.pinn.train.PinnOptimizer;
import org.gn4j.pinn.train.TrainingListener;
import org.gn4j.pinn.train.TrainingOptions;
import org.gn4j.pinn.train.TrainingResult;

import picocli.CommandLine.ParameterException;

/**
 * {@code gn4j pinn --problem <PINNacle problem>}: trains the problem with each optimizer, Gauss-Newton-type ones on
 * the problem's default network and constraints, {@code adam} under PINNacle's protocol (its 5×100 tanh network,
 * boundary data as residuals unless {@code --constraint hard}, learning rate {@code --lr}, default 1e-3), and reports the relative L2 error over every field with a reference together (NS2d-C:
 * the velocity (u, v); PInv: u and the coefficient a together, and each of them alone on the same line); with
 * {@code --out}, history CSVs, the error-versus-time plot, solution / error maps and every field's values on the
 * evaluation points ({@code <problem>-<optimizer>-fields.csv}: coordinates, then one column per field).
 */
final class PinnacleRunner {
    private PinnacleRunner() {
    }

    static boolean handles(String problem) {
        return List.of(Pinnacle.NAMES).contains(problem);
    }

    static int run(picocli.CommandLine cl, PrintWriter o, PrintWriter err, boolean progress, String problem,
            List<String> optimizers, double budget, Duration wallClock, Integer maxIterations, double target,
            int[] hidden, int points, Boolean hard, int resample, double lr, long seed, Path out,
            List<TrainingResult> results) throws IOException {
        Path data = org.gn4j.nn.data.DataDirectory.find().orElse(null);
        List<Pinnacle.Setup> setups = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        table.append("| problem | optimizer | params | budget (s) | rel L2 | max err | iterations | time (s) | status |\n"
                + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (String raw : optimizers) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            boolean adam = name.equals("adam");
            Pinnacle.Setup setup;
            try {
                // Adam follows PINNacle's protocol, boundary data as residuals, unless --constraint says otherwise
                setup = Pinnacle.setup(problem, adam ? new int[] {100, 100, 100, 100, 100} : hidden, points, data,
                        hard != null ? hard : adam ? Boolean.FALSE : null);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(cl, e.getMessage());
            }
            PinnOptimizer opt = optimizer(cl, name, lr, budget);
            PdeSystemProblem p = setup.system().problem();
            if (results.isEmpty()) {
                o.printf(Locale.ROOT, "problem %s: %s, %d residuals, %d evaluation points%n", setup.name(),
                        setup.system(), p.residualCount(), setup.evaluationPoints().length / setup.system().dimension());
            }
            TrainingOptions options = TrainingOptions.defaults().withBudget(wallClock)
                    .withEvaluationPoints(setup.evaluationPoints())
                    .withEvaluateEvery(Math.min(60, Math.max(0.5, budget / 200))).withResampleEvery(resample)
                    .withTargetRelativeL2(target);
            if (maxIterations != null) {
                options = options.withMaxIterations(maxIterations);
            }
            ProgressLine line = new ProgressLine(err, progress);
            TrainingListener listener = h -> line.show(String.format(Locale.ROOT,
                    "%s %-24s %s %7.1f s it %6d loss %.3e rel L2 %.3e", setup.name(), opt.name(),
                    ProgressLine.bar(h.seconds() / budget, 20), h.seconds(), h.iteration(), h.loss(), h.relativeL2()),
                    false);
            TrainingResult r = opt.train(p, setup.system().initialParameters(seed), options, listener);
            line.clear();
            results.add(r);
            setups.add(setup);
            HistoryPoint h = r.last();
            String extra = "";
            if (setup.name().startsWith("pinv")) {
                ErrorMetrics u = p.errors(r.parameters(), setup.evaluationPoints(), setup.system().field("u"));
                ErrorMetrics a = p.errors(r.parameters(), setup.evaluationPoints(), setup.system().field("a"));
                extra = String.format(Locale.ROOT, "  u rel L2 %.3e  coefficient a rel L2 %.3e", u.relativeL2(),
                        a.relativeL2());
            }
            o.printf(Locale.ROOT, "  %-36s %5d params  rel L2 %.3e  max %.3e  %6d it  %6.1f s  %s%s%n", r.optimizer(),
                    p.parameterCount(), h.relativeL2(), h.maxAbs(), r.iterations(), r.seconds(), r.status(), extra);
            o.flush();
            table.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.2e | %.2e | %d | %.1f | %s |%n",
                    setup.name(), r.optimizer(), p.parameterCount(), budget, h.relativeL2(), h.maxAbs(),
                    r.iterations(), r.seconds(), r.status().name().toLowerCase(Locale.ROOT)));
            if (out != null) {
                String stem = setup.name() + "-" + name.replaceAll("[^a-z0-9-]", "");
                r.writeCsv(out.resolve(stem + "-history.csv"));
                writeFields(setup, p, r.parameters(), out.resolve(stem + "-fields.csv"));
                maps(setup, p, r.parameters(), out.resolve(stem + "-solution.png"), r.optimizer());
            }
        }
        o.println();
        o.print(table);
        if (out != null) {
            errorPlot(problem, results, out.resolve(problem + "-error.png"));
            java.nio.file.Files.writeString(out.resolve(problem + "-table.md"), table.toString());
            o.printf(Locale.ROOT, "wrote %s%n", out.toAbsolutePath());
        }
        o.flush();
        return PinnCommand.exitCode(results);
    }

    private static PinnOptimizer optimizer(picocli.CommandLine cl, String name, double lr, double budget) {
        switch (name) {
            case "lm":
                return new LevenbergMarquardtTrainer();
            case "gn":
                return new GaussNewtonTrainer();
            case "gn-cg":
                return new GaussNewtonTrainer().withInnerSolve(GaussNewtonTrainer.InnerSolve.CG);
            case "adam":
                return new AdamTrainer(lr);
            case "lbfgs":
                return new LbfgsTrainer();
            default:
                throw new ParameterException(cl, "optimizer '" + name + "' unknown for the PINNacle problems, "
                        + "expected lm, gn, gn-cg, adam or lbfgs");
        }
    }

    /**
     * Every field's values on the evaluation points, one row per point: the coordinates, then the fields (for
     * comparing two runs, or a run with an independent solution, outside this program).
     */
    private static void writeFields(Pinnacle.Setup setup, PdeSystemProblem p, double[] theta, Path file)
            throws IOException {
        org.gn4j.pinn.pde.PdeSystem sys = setup.system();
        int n = sys.dimension();
        double[] pts = setup.evaluationPoints();
        int count = pts.length / n;
        double[][] values = new double[sys.fieldCount()][];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("x").append(i);
        }
        for (int f = 0; f < values.length; f++) {
            values[f] = p.values(theta, f, pts);
            sb.append(',').append(sys.fieldName(f));
        }
        sb.append('\n');
        for (int q = 0; q < count; q++) {
            for (int i = 0; i < n; i++) {
                sb.append(i == 0 ? "" : ",").append(pts[q * n + i]);
            }
            for (double[] v : values) {
                sb.append(',').append(String.format(Locale.ROOT, "%.10e", v[q]));
            }
            sb.append('\n');
        }
        java.nio.file.Files.writeString(file, sb.toString());
    }

    /** The domain coordinates of a plot plane's edges: its first coordinate along x, its second along y. */
    static double[] range(org.gn4j.pinn.problems.Benchmarks.Plane plane) {
        double[] origin = plane.point(0, 0);
        return new double[] {origin[0], plane.point(1, 0)[0], origin[1], plane.point(0, 1)[1]};
    }

    /** The first error field's solution, and with an exact solution the exact field and |error|, on a 161 grid. */
    private static void maps(Pinnacle.Setup setup, PdeSystemProblem p, double[] theta, Path file, String title)
            throws IOException {
        int k = 161;
        int n = setup.system().dimension();
        double[] pts = new double[k * k * n];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double[] x = setup.plane().point((double) j / (k - 1), (double) i / (k - 1));
                System.arraycopy(x, 0, pts, (i * k + j) * n, n);
            }
        }
        int field = setup.errorFields()[0];
        double[] u = p.values(theta, field, pts);
        List<HeatMapPng.Panel> panels = new ArrayList<>();
        panels.add(new HeatMapPng.Panel(setup.system().fieldName(field) + ", " + title, u, k));
        if (setup.exact() != null) {
            double[] e = new double[k * k];
            double[] err = new double[k * k];
            ComputePool.parallelFor(e.length, 64, (from, to) -> {
                double[] x = new double[n];
                for (int q = from; q < to; q++) {
                    System.arraycopy(pts, q * n, x, 0, n);
                    e[q] = setup.exact().value(x);
                    err[q] = Math.abs(u[q] - e[q]);
                }
            });
            panels.add(new HeatMapPng.Panel("exact", e, k));
            panels.add(new HeatMapPng.Panel("|error|", err, k, true));
        }
        HeatMapPng.write(file, panels, setup.axes()[0], setup.axes()[1], range(setup.plane()));
    }

    /** The relative L2 error of each run against its training time, on a logarithmic axis, as a PNG. */
    static void errorPlot(String problem, List<TrainingResult> results, java.nio.file.Path file)
            throws java.io.IOException {
        LinePlot plot = new LinePlot(problem + ": relative L2 error against time", "seconds", "relative L2 error",
                true);
        for (TrainingResult r : results) {
            double[] t = r.history().stream().mapToDouble(HistoryPoint::seconds).toArray();
            double[] e = r.history().stream().mapToDouble(HistoryPoint::relativeL2).toArray();
            plot.add(r.optimizer(), t, e);
        }
        plot.writePng(file, 900, 500);
    }
}
