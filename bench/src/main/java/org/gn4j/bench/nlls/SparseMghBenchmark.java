package org.gn4j.bench.nlls;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.StoppingCriteria;
import org.gn4j.gn.core.DampedSolvers;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.sparse.ScalableMgh;
import org.gn4j.gn.sparse.SparseCholeskySolver;
import org.gn4j.gn.sparse.SparseLeastSquaresProblem;
import org.gn4j.gn.sparse.SparseObjective;

/**
 * The {@code sparse-mgh} suite: the scalable Moré-Garbow-Hillstrom functions ({@link ScalableMgh}) at large n,
 * solved by gn4j's Levenberg-Marquardt (trust-region damping, SciPy's default tolerances
 * {@code ftol = xtol = gtol = 1e-8}) with the sparse Cholesky damped solver, from the exact
 * sparse Jacobian ({@code gn4j-lm}) or from grouped forward differences ({@code gn4j-lm-fd}); and by SciPy
 * {@code least_squares(method='trf', jac_sparsity=S, tr_solver='lsmr')} in a {@code python3} child per run (class-path
 * script {@code sparse_mgh.py}, residuals vectorized with NumPy, SciPy's grouped 2-point differences and default
 * tolerances). Times are end to end: building the problem and the start point plus the solve (for SciPy, measured
 * inside the child, interpreter start-up excluded). Peak heap is the JVM's heap pools' peak usage during the run
 * (after a GC and a reset); for SciPy, the child's peak resident set.
 */
public final class SparseMghBenchmark {
    /**
     * A run's figures.
     *
     * @param function the function's label
     * @param n the problem size (parameters)
     * @param solver {@code gn4j-lm}, {@code gn4j-lm-fd} or {@code scipy-trf-lsmr}
     * @param seconds end-to-end wall-clock time, in seconds
     * @param iterations iterations of the loop (−1 for SciPy, which does not report them)
     * @param residualEvaluations residual evaluations
     * @param jacobianEvaluations Jacobian evaluations (SciPy's {@code njev})
     * @param initialCost cost at the start (NaN for SciPy)
     * @param cost final cost {@code ½‖r‖²}
     * @param status gn4j's termination reason, or {@code "status k"} with SciPy's status code
     * @param peakMiB peak heap (gn4j) or peak resident set of the child (SciPy), in MiB
     * @param solved whether {@code cost ≤} {@link #SOLVED_COST}
     */
    public record Row(String function, int n, String solver, double seconds, int iterations, int residualEvaluations,
            int jacobianEvaluations, double initialCost, double cost, String status, double peakMiB, boolean solved) {
    }

    /** A final cost at most this is the known minimum 0 reached. */
    public static final double SOLVED_COST = 1e-10;

    /**
     * gn4j's zero-cost floor: a cost at most this ({@code ‖r‖ <= 4.5e-8}, five orders below {@link #SOLVED_COST})
     * is the known minimum 0, a first-order stop (at iteration 0 where the start is already there, as the discrete
     * boundary value problem's start at n = 10⁵ and 10⁶, whose cost is of order {@code n⁻³}).
     */
    public static final double ZERO_COST = 1e-15;

    /**
     * SciPy's default tolerances, {@code ftol = xtol = gtol = 1e-8}, for both sides (gn4j's gtol is MINPACK's
     * scale-invariant gradient cosine, SciPy's an absolute {@code ‖g‖∞}), and gn4j's {@link #ZERO_COST} floor.
     */
    public static final StoppingCriteria TOLERANCES = StoppingCriteria.defaults().withFunctionTolerance(1e-8)
            .withParameterTolerance(1e-8).withGradientTolerance(1e-8).withAbsoluteCostTolerance(ZERO_COST);

    private SparseMghBenchmark() {
    }

    /**
     * Solves f at size n with gn4j; {@code analytic} chooses the exact Jacobian over grouped differences.
     *
     * @param f the function
     * @param n the problem size, as accepted by f
     * @param analytic true for the exact sparse Jacobian ({@code gn4j-lm}), false for grouped differences ({@code
     *                 gn4j-lm-fd})
     * @return the run's figures
     */
    public static Row gn4j(ScalableMgh f, int n, boolean analytic) {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        long t0 = System.nanoTime();
        SparseLeastSquaresProblem p = f.problem(n, analytic);
        double[] x0 = f.start(n);
        SparseObjective objective = new SparseObjective(p);
        SparseCholeskySolver chol = DampedSolvers.sparseCholesky();
        GaussNewtonLoop.State st = new LevenbergMarquardt().withStopping(TOLERANCES).loop().withSolver(chol)
                .run(objective, x0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new Row(f.label(), n, analytic ? "gn4j-lm" : "gn4j-lm-fd", seconds, st.iterations(),
                objective.residualEvaluations(), objective.jacobianEvaluations(), st.initialCost(), st.cost(),
                String.valueOf(st.reason()), peak / 1048576.0, st.cost() <= SOLVED_COST);
    }

    /** SciPy's versions line from the last {@link #scipy} run, or null. */
    private static String versions;

    /**
     * The interpreter and library versions SciPy reported, or null before a SciPy run.
     *
     * @return the versions line of the last SciPy run, or null
     */
    public static String scipyVersions() {
        return versions;
    }

    /**
     * Solves f at size n with SciPy trf + lsmr in a child process.
     *
     * @param python the Python interpreter command, e.g. {@code python3}, with SciPy installed
     * @param f the function
     * @param n the problem size
     * @param timeoutSeconds wall-clock limit for the child, in seconds; the child is killed when it is exceeded
     * @return the run's figures as SciPy reported them
     * @throws IOException when the interpreter cannot be run or its answer cannot be read (the message has its
     *                     stderr)
     */
    public static Row scipy(String python, ScalableMgh f, int n, long timeoutSeconds) throws IOException {
        Path script = Files.createTempFile("gn4j-sparse-mgh", ".py");
        Path err = Files.createTempFile("gn4j-sparse-mgh", ".log");
        try {
            try (InputStream s = SparseMghBenchmark.class.getResourceAsStream("sparse_mgh.py")) {
                if (s == null) {
                    throw new IOException("class-path resource sparse_mgh.py is missing from the build");
                }
                Files.write(script, s.readAllBytes());
            }
            Process p = new ProcessBuilder(python, script.toString(), f.label(), Integer.toString(n))
                    .redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException("SciPy run of " + f.label() + " at n = " + n + " exceeded "
                            + timeoutSeconds + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IOException("interrupted");
            }
            if (p.exitValue() != 0 || out.isEmpty()) {
                throw new IOException("'" + python + "' exited with " + p.exitValue() + ": "
                        + Files.readString(err).trim());
            }
            versions = text(out, "versions");
            double cost = number(out, "cost");
            return new Row(f.label(), n, "scipy-trf-lsmr", number(out, "seconds"), -1, (int) number(out, "nfev"),
                    (int) number(out, "njev"), Double.NaN, cost, "status " + (int) number(out, "status"),
                    number(out, "maxrss_kib") / 1024.0, cost <= SOLVED_COST);
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(err);
        }
    }

    private static double number(String json, String key) throws IOException {
        Matcher m = Pattern.compile("\"" + key + "\": ([-+0-9.eEinfaINF]+)").matcher(json);
        if (!m.find()) {
            throw new IOException("SciPy answer has no '" + key + "': " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String text(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /**
     * One CSV line for a row.
     *
     * @param r the run
     * @return the fields of r in {@link #CSV_HEADER} order, comma-separated, without a line end
     */
    public static String csv(Row r) {
        return String.format(Locale.ROOT, "%s,%d,%s,%.4f,%d,%d,%d,%.6e,%.6e,%s,%.1f,%s", r.function(), r.n(),
                r.solver(), r.seconds(), r.iterations(), r.residualEvaluations(), r.jacobianEvaluations(),
                r.initialCost(), r.cost(), r.status(), r.peakMiB(), r.solved());
    }

    /** The CSV header. */
    public static final String CSV_HEADER = "function,n,solver,seconds,iterations,residual_evaluations,"
            + "jacobian_evaluations,initial_cost,cost,status,peak_mib,solved";
}
