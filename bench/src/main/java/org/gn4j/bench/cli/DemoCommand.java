package org.gn4j.bench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gn4j.bench.Flops;
import org.gn4j.linalg.DenseMatrices;
import org.gn4j.linalg.blas.Blas;
import org.gn4j.linalg.blas.BlasProvider;
import org.gn4j.linalg.VectorOps;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;
import org.gn4j.linalg.op.Structure;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.fit.NistRun;
import org.gn4j.gn.nist.NistDatasets;
import org.gn4j.gn.nist.NistProblem;
import org.gn4j.solvers.dense.DenseCholeskySolver;
import org.gn4j.solvers.dense.DenseQrSolver;
import org.gn4j.solvers.dense.DenseSvdSolver;
import org.gn4j.solvers.iterative.ConjugateGradient;
import org.gn4j.solvers.lowrank.LowRankSolver;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gn4j demo}: a short tour that exercises the toolkit on seeded inputs, prints timings, and checks every
 * answer against a reference. The whole demo must stay well under 20 s on a 2-core machine.
 *
 * <p>The demo is a list of {@link Section}s run in order (see {@link #sections()}). Each section prints its findings
 * to the writer it is given and signals failure by throwing (use {@link #check}); a failed section is reported on
 * stderr, the remaining sections still run, and the exit code is 1. {@code --only NAME[,NAME...]} runs a subset.
 *
 * <h2>Adding a section (e.g. CG, Cholesky, low-rank)</h2>
 * Write one method with the {@link SectionBody} shape and register it with one line in {@link #sections()}:
 * <pre>{@code
 * private void cg(PrintWriter out) {
 *     // build a seeded problem from `seed`, solve it, then:
 *     Timing t = time(1, 3, () -> solver.solve(b, x));
 *     out.printf(Locale.ROOT, "  %-16s %s%n", "time", t);
 *     check(result.status() == SolveStatus.CONVERGED, "CG did not converge: %s", result);
 * }
 * // in sections():
 * new Section("CG", "matrix-free conjugate gradient on an SPD operator", this::cg),
 * }</pre>
 * Keep each section to a few seconds: use {@link #time} with few repetitions and sizes that finish quickly, print
 * {@code key value} lines indented by two spaces (as the BLAS section does) so the output reads as one report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run a short demo of gn4j's kernels and solvers, checked against references (about 45 s).")
public final class DemoCommand implements Callable<Integer> {
    /** Body of a section: prints to {@code out}, throws on failure. */
    @FunctionalInterface
    public interface SectionBody {
        /**
         * Runs the section.
         *
         * @param out where the section prints its report lines
         * @throws Exception when the section fails (a result disagrees with its reference, or an error)
         */
        void run(PrintWriter out) throws Exception;
    }

    /**
     * One demo section.
     *
     * @param name    short name, used by {@code --only} (case-insensitive)
     * @param summary one line printed as the section heading
     * @param body    the code of the section
     */
    public record Section(String name, String summary, SectionBody body) {
    }

    /** Thrown by {@link #check} when a section's result is wrong. */
    public static final class DemoFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DemoFailure(String message) {
            super(message);
        }
    }

    /** Wall-clock times of repeated runs, in milliseconds. */
    public record Timing(double bestMillis, double medianMillis, int repetitions) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "best %.2f ms, median %.2f ms of %d", bestMillis, medianMillis,
                    repetitions);
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--only", split = ",", paramLabel = "SECTION",
            description = "Run only these sections (case-insensitive), e.g. --only BLAS (default: every section).")
    List<String> only;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261123", description = "Seed for all inputs (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--plot-dir", paramLabel = "DIR",
            description = "Where the PINN and RACE sections write their plots (default: the system temporary folder).")
    java.nio.file.Path plotDir;

    /** The sections, in the order they run. Register a new section here (one line). */
    List<Section> sections() {
        return List.of(
                new Section("BLAS", "512x512 DGEMM through the Blas seam, checked against EJML", this::blas),
                new Section("CG", "matrix-free conjugate gradient on a 2D Poisson operator (n = 90,000)", this::cg),
                new Section("DENSE", "dense Cholesky, Householder QR and SVD solves, checked against each other",
                        this::dense),
                new Section("NIST", "nonlinear least squares on NIST StRD problems, scored against certified values",
                        this::nist),
                new Section("NN", "a 3x20 sigmoid MLP on the SGN paper's sine wave: Adam training and the GGN product",
                        this::network),
                new Section("LOWRANK", "damped step with a 200x5000 Jacobian: push-through solve vs matrix-free CG",
                        this::lowRank),
                new Section("PINN", "2D Poisson PINN (tanh 2-14-14-1, hard Dirichlet constraint) trained by "
                        + "Levenberg-Marquardt", this::pinn),
                new Section("RACE", "SGN, EGN, SGD and Adam race on the sine wave for 7 s each (loss vs time plot)",
                        this::race));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Section> selected = select(sections());
        long start = System.nanoTime();
        List<String> failed = new ArrayList<>();
        for (Section s : selected) {
            out.printf(Locale.ROOT, "== %s: %s ==%n", s.name(), s.summary());
            out.flush();
            try {
                s.body().run(out);
                out.println("  OK");
            } catch (Exception | AssertionError | LinkageError e) {
                failed.add(s.name());
                out.println("  FAILED");
                err.printf(Locale.ROOT, "gn4j demo: section %s failed: %s%n", s.name(),
                        e instanceof DemoFailure ? e.getMessage() : e.toString());
            }
            out.println();
            out.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.isEmpty()) {
            out.printf(Locale.ROOT, "demo: %d section(s) passed in %.1f s%n", selected.size(), seconds);
        } else {
            out.printf(Locale.ROOT, "demo: %d of %d section(s) failed (%s) in %.1f s%n", failed.size(),
                    selected.size(), String.join(", ", failed), seconds);
        }
        out.flush();
        err.flush();
        return failed.isEmpty() ? 0 : 1;
    }

    private List<Section> select(List<Section> all) {
        if (only == null || only.isEmpty()) {
            return all;
        }
        List<Section> chosen = new ArrayList<>();
        for (String name : only) {
            Section s = all.stream().filter(x -> x.name().equalsIgnoreCase(name.trim())).findFirst()
                    .orElseThrow(() -> new ParameterException(spec.commandLine(), "--only: unknown section '" + name
                            + "', expected one of " + all.stream().map(Section::name).collect(Collectors.joining(", "))));
            if (!chosen.contains(s)) {
                chosen.add(s);
            }
        }
        return chosen;
    }

    // ---------------------------------------------------------------- sections

    /** C = A·B for seeded Gaussian 512×512 A, B through {@link BlasProvider#blas()}, against CommonOps_DDRM.mult. */
    private void blas(PrintWriter out) {
        final int n = 512;
        DMatrixRMaj a = DenseMatrices.gaussian(n, n, seed);
        DMatrixRMaj b = DenseMatrices.gaussian(n, n, seed + 1);
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        Blas blas = BlasProvider.blas();
        Timing t = time(3, 5, () -> blas.gemm(false, false, 1.0, a, b, 0.0, c));

        DMatrixRMaj ref = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(a, b, ref);
        double maxDev = 0;
        for (int i = 0; i < ref.data.length; i++) {
            maxDev = Math.max(maxDev, Math.abs(c.data[i] - ref.data[i]));
        }
        double scale = CommonOps_DDRM.elementMaxAbs(ref);
        // each entry is a length-n dot product: rounding differences between summation orders stay far below n·ε·max|C|
        double tol = n * 1e-14 * scale;

        out.printf(Locale.ROOT, "  %-16s %s (BlasProvider.blas(); gn4j info says why)%n", "implementation",
                blas.name());
        out.printf(Locale.ROOT, "  %-16s %s%n", "time", t);
        out.printf(Locale.ROOT, "  %-16s %.2f GFLOP/s (best; 2n^3 = %.3g flop)%n", "rate",
                Flops.gemmGflops(n, t.bestMillis()), Flops.gemm(n, n, n));
        out.printf(Locale.ROOT, "  %-16s %.3g vs CommonOps_DDRM.mult (max|C| = %.3g, tolerance %.3g)%n",
                "max |deviation|", maxDev, scale, tol);
        check(maxDev <= tol, "max |deviation| %.3g from CommonOps_DDRM.mult exceeds %.3g", maxDev, tol);
    }

    /**
     * 5-point Laplacian on a 300×300 grid plus a shift, applied matrix-free; b = A·x_true for a seeded x_true, solved by
     * CG plain and with a Steihaug trust region; the error against x_true is checked.
     */
    private void cg(PrintWriter out) {
        final int m = 300;
        final int n = m * m;
        final double shift = 1e-2;
        LinearOperator laplacian = Operators.of(n, n, (u, v) -> {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    int p = i * m + j;
                    double s = (4 + shift) * u[p];
                    if (i > 0) {
                        s -= u[p - m];
                    }
                    if (i < m - 1) {
                        s -= u[p + m];
                    }
                    if (j > 0) {
                        s -= u[p - 1];
                    }
                    if (j < m - 1) {
                        s -= u[p + 1];
                    }
                    v[p] = s;
                }
            }
        }, null, Structure.SYMMETRIC, Structure.POSITIVE_DEFINITE);
        double[] xTrue = DenseMatrices.gaussianVector(n, seed);
        double[] b = new double[n];
        laplacian.apply(xTrue, b);
        double[] x = new double[n];
        int[] iterations = {0};
        ConjugateGradient cg = new ConjugateGradient().withRelativeTolerance(1e-10)
                .withListener((k, r, view) -> iterations[0] = k).prepare(laplacian);
        SolveResult[] result = new SolveResult[1];
        Timing t = time(1, 3, () -> result[0] = cg.solve(b, x));
        double err = relativeError(x, xTrue);
        out.printf(Locale.ROOT, "  %-16s %s%n", "result", result[0]);
        out.printf(Locale.ROOT, "  %-16s %s (%.1f us per iteration)%n", "time", t,
                1e3 * t.bestMillis() / Math.max(1, result[0].iterations()));
        out.printf(Locale.ROOT, "  %-16s %.2e relative to the generating solution%n", "error", err);
        check(result[0].status() == SolveStatus.CONVERGED, "CG did not converge: %s", result[0]);
        check(err < 1e-6, "CG error %.3g against the generating solution", err);

        double[] y = new double[n];
        double radius = 0.1 * norm(x);
        SolveResult tr = cg.solve(b, y, radius);
        out.printf(Locale.ROOT, "  %-16s %s, |x| = %.6g for radius %.6g%n", "trust region", tr.status(), norm(y),
                radius);
        check(tr.status() == SolveStatus.TRUST_REGION_BOUNDARY && Math.abs(norm(y) - radius) <= 1e-10 * radius,
                "Steihaug step not on the boundary: %s", tr);
    }

    /**
     * Dense direct solves on seeded systems: an SPD system of condition 1e6 by Cholesky (and by CG for comparison), an
     * overdetermined 600×300 least-squares problem by QR against SVD, and a rank-deficient one where QR falls back to
     * column pivoting and SVD returns the minimum-norm solution.
     */
    private void dense(PrintWriter out) {
        final int n = 400;
        DMatrixRMaj spd = DenseMatrices.spd(n, 1e6, seed + 4);
        double[] xTrue = DenseMatrices.gaussianVector(n, seed + 5);
        double[] b = new double[n];
        Operators.dense(spd).apply(xTrue, b);
        DenseCholeskySolver chol = new DenseCholeskySolver();
        double[] x = new double[n];
        SolveResult[] f = new SolveResult[2];
        Timing tChol = time(1, 3, () -> {
            f[0] = chol.factor(spd);
            f[1] = chol.solve(b, x);
        });
        double errChol = relativeError(x, xTrue);
        out.printf(Locale.ROOT, "  %-16s %s; %s; error %.1e (cond 1e6)%n", "Cholesky " + n, tChol, f[1].status(),
                errChol);
        check(f[0].converged() && errChol < 1e-8, "Cholesky: %s, error %.3g", f[0], errChol);

        DMatrixRMaj tall = DenseMatrices.gaussian(600, 300, seed + 6);
        double[] rhs = DenseMatrices.gaussianVector(600, seed + 7);
        DenseQrSolver qr = new DenseQrSolver();
        DenseSvdSolver svd = new DenseSvdSolver();
        double[] xq = new double[300];
        double[] xs = new double[300];
        Timing tQr = time(1, 3, () -> {
            qr.factor(tall).orThrow();
            qr.solve(rhs, xq);
        });
        Timing tSvd = time(1, 3, () -> {
            svd.factor(tall).orThrow();
            svd.solve(rhs, xs);
        });
        double dq = relativeError(xq, xs);
        out.printf(Locale.ROOT, "  %-16s QR %s; SVD %s; QR vs SVD %.1e%n", "LSQ 600x300", tQr, tSvd, dq);
        check(dq < 1e-10, "QR and SVD least-squares solutions differ by %.3g", dq);

        // rank-deficient: the last column repeats the first
        DMatrixRMaj deficient = tall.copy();
        for (int i = 0; i < 600; i++) {
            deficient.set(i, 299, deficient.get(i, 0));
        }
        SolveResult fq = qr.factor(deficient);
        SolveResult fs = svd.factor(deficient);
        SolveResult sq = qr.solve(rhs, xq);
        SolveResult ss = svd.solve(rhs, xs);
        double dd = relativeError(xq, xs);
        out.printf(Locale.ROOT, "  %-16s QR rank %d (%s), SVD rank %d (%s), solutions differ by %.1e%n",
                "rank-deficient", qr.rank(), sq.status(), svd.rank(), ss.status(), dd);
        check(fq.hasSolution() && fs.hasSolution() && qr.rank() == 299 && svd.rank() == 299 && dd < 1e-8,
                "rank-deficient solves: %s / %s, difference %.3g", sq, ss, dd);
    }


    /**
     * The Levenberg-Marquardt step {@code (JᵀJ + μI)⁻¹Jᵀh} for a seeded 200×5000 "Jacobian": once through the
     * push-through identity in the 200-dimensional residual space ({@link LowRankSolver}), once by matrix-free CG on the
     * 5000-dimensional normal equations; the two must agree.
     */
    private void lowRank(PrintWriter out) {
        final int k = 200;
        final int d = 5000;
        final double mu = 1e-3;
        DMatrixRMaj u = DenseMatrices.gaussian(k, d, seed + 2);
        double[] h = DenseMatrices.gaussianVector(k, seed + 3);
        LowRankSolver lr = new LowRankSolver();
        double[] x = new double[d];
        SolveResult[] res = new SolveResult[1];
        Timing tPush = time(1, 3, () -> {
            lr.setFactor(u).orThrow();
            lr.factor(mu).orThrow();
            res[0] = lr.solvePushThrough(h, x);
        });
        LinearOperator jac = Operators.dense(u);
        double[] rhs = new double[d];
        jac.applyTranspose(h, rhs);
        ConjugateGradient cg = new ConjugateGradient().withRelativeTolerance(1e-12)
                .prepare(Operators.shifted(Operators.normal(jac), mu));
        double[] y = new double[d];
        SolveResult[] cgRes = new SolveResult[1];
        Timing tCg = time(1, 3, () -> cgRes[0] = cg.solve(rhs, y));
        double diff = relativeError(x, y);
        out.printf(Locale.ROOT, "  %-16s %s (setFactor + factor + solve)%n", "push-through", tPush);
        out.printf(Locale.ROOT, "  %-16s %s, %d iterations%n", "CG on J'J+muI", tCg, cgRes[0].iterations());
        out.printf(Locale.ROOT, "  %-16s %.2e relative%n", "difference", diff);
        check(res[0].converged() && cgRes[0].converged(), "solves failed: %s / %s", res[0], cgRes[0]);
        check(diff < 1e-9, "push-through and CG differ by %.3g", diff);
    }

    /**
     * Levenberg-Marquardt (the default solver) on four NIST StRD problems of rising difficulty from the far start; the
     * log relative error (LRE) counts the digits that agree with NIST's certified parameters.
     */
    private void nist(PrintWriter out) {
        for (String name : List.of("Misra1a", "Thurber", "MGH09", "Bennett5")) {
            NistProblem p = NistDatasets.load(name);
            NistRun run = NistRun.run(p, 1, new LevenbergMarquardt());
            out.printf(Locale.ROOT, "  %-9s %-7s start 1: LRE %4.1f (std errors %4.1f), %3d iterations, %6.1f ms, %s%n",
                    name, p.difficulty(), run.minLre(), run.minLreStdErr(), run.iterations(), 1e3 * run.seconds(),
                    run.optimum().reason());
            check(run.minLre() >= 6, "%s: LRE %.2f below 6", name, run.minLre());
        }
        out.printf(Locale.ROOT, "  %-16s ./gn4j fit --nist-all (all 27 problems, both starts, GN / LM / dogleg)%n",
                "whole suite");
    }

    /**
     * The SGN paper's regression problem (y = sin 10x + noise) with its 3×20 sigmoid MLP: 300 epochs of Adam through
     * the Trainer (first-order methods need many small steps here; larger batches plateau near the variance of the
     * sine, the difficulty the SGN paper's second-order method targets), then the generalized Gauss-Newton product {@code (1/b)JᵀQJv} from one tangent and one adjoint pass,
     * checked against the dense product assembled from the per-sample Jacobian.
     */
    private void network(PrintWriter out) throws java.io.IOException {
        org.gn4j.nn.data.Dataset train = org.gn4j.nn.data.SineWave.generate(1000, 0.01, seed);
        org.gn4j.nn.data.Dataset test = org.gn4j.nn.data.SineWave.generate(1000, 0.01, seed + 1);
        org.gn4j.nn.Sequential net = org.gn4j.nn.Presets.mlp3x20Sigmoid(1, 1);
        double[] theta = net.initialParameters(seed);
        org.gn4j.nn.train.TrainingResult r = new org.gn4j.nn.train.Trainer(net, new org.gn4j.nn.loss.SquaredError(),
                new org.gn4j.gn.stochastic.Adam(0.003)).withEpochs(300).withBatchSize(20).withSeed(seed)
                .withTestData(new org.gn4j.nn.train.DatasetTrainingData(test))
                .train(new org.gn4j.nn.train.DatasetTrainingData(train), theta);
        out.printf(Locale.ROOT, "  %-16s %s, 300 epochs (batch 20, lr 0.003) in %.2f s: train MSE %.2e, test MSE %.2e (%d parameters)%n",
                "Adam", r.status(), r.seconds(), r.trainLoss(), r.testLoss(), net.parameterCount());
        check(r.testLoss() < 0.02, "test loss %.4f did not fall below 0.02 (the variance of the sine is 0.5)", r.testLoss());

        int b = 64;
        int d = net.parameterCount();
        org.gn4j.nn.MiniBatchProducts mb = new org.gn4j.nn.MiniBatchProducts(net,
                new org.gn4j.nn.loss.SquaredError(), b);
        double[] x = new double[b];
        double[] y = new double[b];
        train.copyFeatures(java.util.stream.IntStream.range(0, b).toArray(), 0, b, x);
        train.copyTargets(java.util.stream.IntStream.range(0, b).toArray(), 0, b, y);
        mb.evaluate(theta, b, x, 0, y, 0);
        double[] v = DenseMatrices.gaussianVector(d, seed + 9);
        double[] gv = new double[d];
        Timing t = time(3, 10, () -> mb.ggnTimes(v, gv));
        double[] jac = new double[b * d];
        mb.perSampleJacobian(jac);
        // squared error: Q = 2I, so G v = (2/b) Jᵀ(J v)
        double[] jv = new double[b];
        for (int i = 0; i < b; i++) {
            jv[i] = VectorOps.dot(d, jac, i * d, v, 0);
        }
        double[] dense = new double[d];
        for (int i = 0; i < b; i++) {
            VectorOps.axpy(d, 2.0 * jv[i] / b, jac, i * d, dense, 0);
        }
        double err = relativeError(gv, dense);
        out.printf(Locale.ROOT, "  %-16s %s; vs dense (2/b)J'Jv from the per-sample Jacobian: %.1e%n", "GGN product",
                t, err);
        check(err < 1e-12, "GGN product differs from the dense one by %.3g", err);
    }

    private static double norm(double[] v) {
        return VectorOps.norm2(v);
    }

    private static double relativeError(double[] a, double[] ref) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - ref[i]) * (a[i] - ref[i]);
            den += ref[i] * ref[i];
        }
        return Math.sqrt(num / den);
    }

    /**
     * A small 2D Poisson solve {@code −Δu = 2π² sin(πx) sin(πy)}: 20×20 collocation grid, LM until the relative L2
     * error on a 101×101 grid is below 1e-5 (at most 30 s), then a PNG of solution, exact solution and error.
     */
    private void pinn(PrintWriter out) throws java.io.IOException {
        org.gn4j.pinn.problems.Benchmarks.Setup s = org.gn4j.pinn.problems.Benchmarks.setup("poisson2d", null, 400,
                0, true);
        org.gn4j.pinn.pde.PinnProblem p = s.problem();
        org.gn4j.pinn.train.TrainingResult r = new org.gn4j.pinn.train.LevenbergMarquardtTrainer().train(p,
                p.network().initialParameters(1), org.gn4j.pinn.train.TrainingOptions.defaults()
                        .withBudget(java.time.Duration.ofSeconds(30)).withEvaluationPoints(s.evaluationPoints())
                        .withEvaluateEvery(0.2).withTargetRelativeL2(1e-5), null);
        out.printf(Locale.ROOT, "  %-16s %s, %d residuals%n", "network", p.network(), p.residualCount());
        out.printf(Locale.ROOT, "  %-16s %s: %d iterations in %.1f s (%s)%n", "training", r.optimizer(),
                r.iterations(), r.seconds(), r.status().name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "  %-16s %.3e (max abs %.3e) on 101x101 points%n", "relative L2", r.last().relativeL2(),
                r.last().maxAbs());
        java.nio.file.Path dir = plotDir != null ? plotDir : java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Path png = dir.resolve("gn4j-demo-pinn-poisson2d.png");
        PinnCommand.plot(s, r.parameters(), png, r.optimizer());
        out.printf(Locale.ROOT, "  %-16s %s%n", "plot", png.toAbsolutePath());
        check(r.last().relativeL2() <= 1e-4, "relative L2 error %.3e, expected <= 1e-4", r.last().relativeL2());
    }

    /** The four optimizer families on the SGN paper's sine wave, equal wall-clock budgets, one plot. */
    private void race(PrintWriter out) throws java.io.IOException {
        org.gn4j.bench.sgnpaper.Protocol.Problem p = org.gn4j.bench.sgnpaper.Protocol.sine();
        org.gn4j.bench.sgnpaper.Protocol.Data data = p.data().load(null);
        List<String> names = List.of("sgd lr=0.1", "adam lr=0.01", "sgn cg=adaptive", "egn");
        org.gn4j.bench.plot.LinePlot plot = new org.gn4j.bench.plot.LinePlot(
                "sine wave, 3x20 sigmoid MLP, batch 101: train loss vs time", "seconds",
                "train loss (epoch mean)", true);
        double bestFirstOrder = Double.POSITIVE_INFINITY;
        double bestGaussNewton = Double.POSITIVE_INFINITY;
        for (org.gn4j.bench.sgnpaper.Protocol.Config c : org.gn4j.bench.sgnpaper.Protocol.configs()) {
            if (!names.contains(c.name())) {
                continue;
            }
            org.gn4j.nn.Sequential net = p.network().get();
            org.gn4j.nn.train.TrainingResult r = new org.gn4j.nn.train.Trainer(net, p.loss().get(),
                    c.factory().create(seed)).withEpochs(1_000_000).withBatchSize(p.batch()).withSeed(seed)
                    .withTestData(new org.gn4j.nn.train.DatasetTrainingData(data.test()))
                    .withTimeBudget(java.time.Duration.ofSeconds(7))
                    .train(new org.gn4j.nn.train.DatasetTrainingData(data.train()), net.initialParameters(seed));
            double[] t = r.history().stream().mapToDouble(org.gn4j.nn.train.EpochMetrics::seconds).toArray();
            double[] l = r.history().stream().mapToDouble(org.gn4j.nn.train.EpochMetrics::trainLoss).toArray();
            plot.add(c.name(), t, l);
            out.printf(Locale.ROOT, "  %-16s %6d steps in %.1f s: train loss %.3e, test loss %.3e%n", c.name(),
                    r.steps(), r.seconds(), r.trainLoss(), r.testLoss());
            if (c.family().equals("sgn") || c.family().equals("egn")) {
                bestGaussNewton = Math.min(bestGaussNewton, r.testLoss());
            } else {
                bestFirstOrder = Math.min(bestFirstOrder, r.testLoss());
            }
        }
        java.nio.file.Path dir = plotDir != null ? plotDir : java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        java.nio.file.Path png = dir.resolve("gn4j-demo-race-sine.png");
        plot.writePng(png, 1000, 560);
        out.printf(Locale.ROOT, "  %-16s %s%n", "plot", png.toAbsolutePath());
        check(bestGaussNewton < bestFirstOrder, "best Gauss-Newton test loss %.3e, expected below the best "
                + "first-order one %.3e", bestGaussNewton, bestFirstOrder);
    }

    // ---------------------------------------------------------------- helpers for sections

    /**
     * Runs {@code work} {@code warmups} times untimed, then {@code repetitions} times timed.
     *
     * @throws IllegalArgumentException when {@code repetitions < 1} or {@code warmups < 0}
     */
    static Timing time(int warmups, int repetitions, Runnable work) {
        if (repetitions < 1 || warmups < 0) {
            throw new IllegalArgumentException(
                    "warmups " + warmups + ", repetitions " + repetitions + ", expected >= 0 and >= 1");
        }
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        double[] ms = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long t0 = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        double median = repetitions % 2 == 1 ? ms[repetitions / 2]
                : 0.5 * (ms[repetitions / 2 - 1] + ms[repetitions / 2]);
        return new Timing(ms[0], median, repetitions);
    }

    /** Fails the current section with a formatted message unless {@code ok}. */
    static void check(boolean ok, String format, Object... args) {
        if (!ok) {
            throw new DemoFailure(String.format(Locale.ROOT, format, args));
        }
    }
}
