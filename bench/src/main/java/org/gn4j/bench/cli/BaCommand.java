package org.gn4j.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gn4j.gn.DampingRule;
import org.gn4j.gn.IterationRecord;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.ScalingRule;
import org.gn4j.gn.StoppingCriteria;
import org.gn4j.gn.ba.BalFormat;
import org.gn4j.gn.ba.BalProblem;
import org.gn4j.gn.ba.BundleAdjustmentObjective;
import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.DampedSolvers;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.linalg.ComputePool;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gn4j ba}: bundle adjustment of a BAL file by Levenberg-Marquardt (the core loop) with a Schur-complement
 * solver; {@code gn4j ba generate} writes synthetic BAL files. Prints the start and final cost, the iterations (trial
 * steps) and accepted steps, the time of the fit and, with {@code --trace}, one line per iteration with its cost and
 * seconds since the start (the data of a time-to-cost comparison). The fit's time starts before the objective is built
 * and ends when the loop returns; reading the file is not counted.
 */
@Command(name = "ba", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Bundle adjustment of a BAL file (Levenberg-Marquardt with a Schur-complement solver).",
            "  gn4j ba generate --cameras 50 --points 2000 --out /tmp/ba-50.bal",
            "  gn4j ba --file /tmp/ba-50.bal --solver dense-schur"},
        subcommands = {BaCommand.Generate.class, CommandLine.HelpCommand.class})
public final class BaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--file", paramLabel = "FILE", description = "The BAL file to fit (required unless a subcommand is given; default: none).")
    Path file;

    @Option(names = "--solver", paramLabel = "dense-schur|sparse-schur|iterative-schur", defaultValue = "dense-schur",
            description = "dense-schur, sparse-schur or iterative-schur (default: ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--damping", paramLabel = "trust-region|nielsen|marquardt", defaultValue = "trust-region",
            description = "trust-region (Moré, the LM default), nielsen or marquardt (default: ${DEFAULT-VALUE}).")
    String damping;

    @Option(names = "--scaling", paramLabel = "running-max|current|identity", defaultValue = "running-max",
            description = "running-max (Moré, the LM default), current (Ceres: sqrt(diag JᵀJ)) or identity "
                    + "(default: ${DEFAULT-VALUE}).")
    String scaling;

    @Option(names = "--initial-damping", paramLabel = "LAMBDA", defaultValue = "1e-4",
            description = "First λ of nielsen/marquardt damping, relative to D² (default: ${DEFAULT-VALUE}; Ceres "
                    + "starts at 1/initial_trust_region_radius = 1e-4).")
    double initialDamping;

    @Option(names = "--geodesic", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Geodesic acceleration (the LM default: on).")
    boolean geodesic;

    @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "100",
            description = "Iteration cap (default: ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--ftol", paramLabel = "TOL", defaultValue = "1e-14",
            description = "Relative cost-reduction tolerance (default: ${DEFAULT-VALUE}).")
    double ftol;

    @Option(names = "--xtol", paramLabel = "TOL", defaultValue = "1e-14",
            description = "Relative step tolerance (default: ${DEFAULT-VALUE}).")
    double xtol;

    @Option(names = "--gtol", paramLabel = "TOL", defaultValue = "1e-14",
            description = "Gradient tolerance (default: ${DEFAULT-VALUE}).")
    double gtol;

    @Option(names = "--target-cost", paramLabel = "COST", defaultValue = "0",
            description = "Stop as soon as the cost is at most this (default: none).")
    double targetCost;

    @Option(names = "--cg-tolerance", paramLabel = "TOL", defaultValue = "1e-6",
            description = "iterative-schur: CG relative residual (default: ${DEFAULT-VALUE}).")
    double cgTolerance;

    @Option(names = "--cg-max-iterations", paramLabel = "N", defaultValue = "500",
            description = "iterative-schur: CG iteration cap (default: ${DEFAULT-VALUE}).")
    int cgMaxIterations;

    @Option(names = "--trace", description = "Print one line per iteration: cost and seconds since the start "
            + "(default: off).")
    boolean trace;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
            description = "Solve the file N times first in this JVM, each from the file's start with a fresh "
                    + "objective and solver, and report the next solve (a warm JIT, as JMH's warm-up iterations); "
                    + "each warm-up solve prints a 'warmup K' line, and with --trace its iterations as "
                    + "'warmup K iter' lines, so the first one is the cold figure (default: ${DEFAULT-VALUE}: the "
                    + "reported solve is the JVM's first, cold).")
    int warmup;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the fitted problem as a BAL file (default: none, not written).")
    Path out;

    static DampedSolver solver(String name, double cgTolerance, int cgMax) {
        switch (name) {
            case "dense-schur":
                return DampedSolvers.denseSchur();
            case "sparse-schur":
                return DampedSolvers.sparseSchur();
            case "iterative-schur":
                return DampedSolvers.iterativeSchur(cgTolerance, cgMax);
            default:
                throw new IllegalArgumentException("--solver is '" + name
                        + "', expected dense-schur, sparse-schur or iterative-schur");
        }
    }

    private static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            StringBuilder sb = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw new IllegalArgumentException(option + " is '" + value + "', expected one of " + sb);
        }
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (file == null) {
            throw new IllegalArgumentException("--file is missing: give a BAL file (or use 'gn4j ba generate')");
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup is " + warmup + ", expected a count >= 0");
        }
        DampedSolver s = solver(solver, cgTolerance, cgMaxIterations);
        DampingRule rule = choice("--damping", damping, DampingRule.class);
        ScalingRule scale = choice("--scaling", scaling, ScalingRule.class);
        BalProblem p = BalFormat.read(file);
        StoppingCriteria stop = StoppingCriteria.defaults().withFunctionTolerance(ftol).withParameterTolerance(xtol)
                .withGradientTolerance(gtol).withMaxIterations(maxIterations).withMaxEvaluations(100 * maxIterations);
        // one run, as Ceres's solve at the same iteration cap: no second run after a cap (withRetryScaling)
        LevenbergMarquardt lm = new LevenbergMarquardt().withStopping(stop).withDampingRule(rule).withScaling(scale)
                .withGeodesicAcceleration(geodesic).withRetryScaling(null);
        if (rule != DampingRule.TRUST_REGION) {
            lm = lm.withInitialDamping(initialDamping);
        }
        GaussNewtonLoop loop = lm.loop().withSolver(s);
        if (targetCost > 0) {
            loop = loop.withBudget(loop.budget().withTargetCost(targetCost));
        }
        o.printf(Locale.ROOT, "ba: %s: %d cameras, %d points, %d observations, %d parameters; solver %s, damping %s, "
                + "scaling %s, geodesic %s, threads %d, warm-up solves %d%n", file, p.cameras(), p.points(),
                p.observations(), p.parameterCount(), s, damping, scaling, geodesic ? "on" : "off",
                ComputePool.parallelism(), warmup);
        for (int k = 1; k <= warmup; k++) {
            Fit w = fit(loop, p);
            if (trace) {
                printTrace(o, "warmup " + k + " ", w);
            }
            o.printf(Locale.ROOT, "warmup %d final_cost=%.12e iterations=%d seconds=%.3f%n", k, w.state().cost(),
                    w.state().iterations(), w.seconds());
        }
        Fit f = fit(loop, p);
        GaussNewtonLoop.State st = f.state();
        BundleAdjustmentObjective obj = f.objective();
        if (trace) {
            printTrace(o, "", f);
        }
        o.printf(Locale.ROOT, "result solver=%s initial_cost=%.12e final_cost=%.12e iterations=%d accepted=%d "
                + "jacobians=%d residual_evaluations=%d seconds=%.3f reason=%s%n", s.name(), st.initialCost(), st.cost(),
                st.iterations(), st.acceptedSteps(), obj.jacobianEvaluations(), obj.residualEvaluations(), f.seconds(),
                st.reason());
        o.printf(Locale.ROOT, "termination: %s%n", st.message());
        if (out != null) {
            BalFormat.write(out, p.withParameters(st.x()));
            o.printf("wrote %s%n", out);
        }
        return 0;
    }

    /**
     * One timed solve: the loop's final state, its objective (for the evaluation counts), its seconds, and the
     * seconds from the start of the timing to the start of the loop's own clock (building the objective; the loop's
     * clock counts the first cost evaluation), which the trace adds to each iteration's time.
     */
    private record Fit(GaussNewtonLoop.State state, BundleAdjustmentObjective objective, double seconds,
            double traceOffset) {
    }

    /**
     * Solves p from its start. The time starts before the objective is built (reading the file is not counted), and
     * so do the trace's times: the loop's own clock starts after the objective is built, so its iteration times are
     * shifted by the time before it.
     */
    private static Fit fit(GaussNewtonLoop loop, BalProblem p) {
        double[] x0 = p.parameters();
        long t0 = System.nanoTime();
        BundleAdjustmentObjective obj = new BundleAdjustmentObjective(p);
        GaussNewtonLoop.State st = loop.run(obj, x0);
        double loopSeconds = st.seconds();
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Fit(st, obj, seconds, Math.max(0, seconds - loopSeconds));
    }

    private static void printTrace(PrintWriter o, String prefix, Fit f) {
        for (IterationRecord r : f.state().trace()) {
            o.printf(Locale.ROOT, "%siter %d cost %.12e accepted %b seconds %.4f%n", prefix, r.iteration(), r.cost(),
                    r.accepted(), r.seconds() + f.traceOffset());
        }
    }

    /** {@code gn4j ba generate}: a synthetic BAL file from a random scene. */
    @Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Write a synthetic BAL problem: cameras on a ring around a point cloud, Gaussian pixel "
                    + "noise, a perturbed start.", "  gn4j ba generate --cameras 50 --points 2000 --out /tmp/ba-50.bal"})
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--cameras", paramLabel = "N", required = true, description = "Number of cameras.")
        int cameras;

        @Option(names = "--points", paramLabel = "N", required = true, description = "Number of points.")
        int points;

        @Option(names = "--views", paramLabel = "N", defaultValue = "5",
                description = "Cameras that see each point (default: ${DEFAULT-VALUE}).")
        int views;

        @Option(names = "--noise", paramLabel = "SIGMA", defaultValue = "0.5",
                description = "Pixel noise standard deviation (default: ${DEFAULT-VALUE}).")
        double noise;

        @Option(names = "--rotation-sigma", paramLabel = "SIGMA", defaultValue = "0.002",
                description = "Start perturbation of rotations, rad (default: ${DEFAULT-VALUE}).")
        double rotationSigma;

        @Option(names = "--position-sigma", paramLabel = "SIGMA", defaultValue = "0.02",
                description = "Start perturbation of translations and points (default: ${DEFAULT-VALUE}).")
        double positionSigma;

        @Option(names = "--focal-sigma", paramLabel = "SIGMA", defaultValue = "0.01",
                description = "Relative start perturbation of focal lengths (default: ${DEFAULT-VALUE}).")
        double focalSigma;

        @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
                description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The BAL file to write.")
        Path out;

        @Override
        public Integer call() {
            org.gn4j.gn.ba.BalGenerator g = new org.gn4j.gn.ba.BalGenerator(cameras, points, seed).withViewsPerPoint(views)
                    .withPixelNoise(noise).withPerturbation(rotationSigma, positionSigma, focalSigma);
            BalProblem p = g.generate();
            BalFormat.write(out, p);
            double[] r = new double[p.residualCount()];
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "wrote %s: %d cameras, %d points, %d observations; start cost %.6e, cost of the true scene %.6e%n",
                    out, p.cameras(), p.points(), p.observations(), p.residuals(p.parameters(), r),
                    p.residuals(g.truth(), r));
            return 0;
        }
    }
}
