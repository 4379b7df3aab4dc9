package org.gn4j.bench.nlls;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.StoppingCriteria;
import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.DampedSolvers;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.sparse.ScalableMgh;
import org.gn4j.gn.sparse.SparseLeastSquaresProblem;
import org.gn4j.gn.sparse.SparseObjective;

/**
 * The {@code sparse-mgh} suite: the scalable Moré-Garbow-Hillstrom functions ({@link ScalableMgh}) at large n,
 * solved by gn4j's Levenberg-Marquardt (trust-region damping, SciPy's default tolerances
 * {@code ftol = xtol = gtol = 1e-8}, zero-cost floor 1e-15; for the discrete boundary value function no gradient and
 * zero-cost tests, {@link #tolerances}) with the damped solver of the automatic choice (the sparse
 * Cholesky, switching to the sparse QR where it would lose the step's digits,
 * {@link org.gn4j.gn.sparse.SparseCholeskyOrQrSolver}) from the exact sparse Jacobian ({@code gn4j-lm}) or from
 * grouped forward differences ({@code gn4j-lm-fd}), or with the sparse Cholesky alone ({@code gn4j-lm-cholesky}) or
 * the sparse QR alone ({@code gn4j-lm-qr}) from the exact Jacobian; and by
 * SciPy {@code least_squares(method='trf', jac_sparsity=S, tr_solver='lsmr')} in a {@code python3} child per run
 * (class-path script {@code sparse_mgh.py}, residuals vectorized with NumPy, SciPy's grouped 2-point differences,
 * its default tolerances, or with its gradient test off). Times are end to end: building the problem and the start
 * point plus the solve (for SciPy, measured inside the child, interpreter start-up excluded). Peak heap is the JVM's
 * heap pools' peak usage during the run (after a GC and a reset); for SciPy, the child's peak resident set. The
 * discrete boundary value function is scored by the distance of the final point to its discrete solution
 * ({@link DiscreteBoundaryValueReference}), the others by the final cost.
 */
public final class SparseMghBenchmark {
    /**
     * A run's figures.
     *
     * @param function the function's label
     * @param n the problem size (parameters)
     * @param solver {@code gn4j-lm}, {@code gn4j-lm-cholesky}, {@code gn4j-lm-qr}, {@code gn4j-lm-fd},
     *               {@code scipy-trf-lsmr} or {@code scipy-trf-lsmr-gtol-off}
     * @param linearSolver the damped solver that ran at the end of a gn4j run ({@code sparse-cholesky},
     *                     {@code sparse-cholesky-then-qr}, {@code sparse-qr}), {@code -} for SciPy
     * @param seconds end-to-end wall-clock time, in seconds
     * @param iterations iterations of the loop (−1 for SciPy, which does not report them)
     * @param residualEvaluations residual evaluations
     * @param jacobianEvaluations Jacobian evaluations (SciPy's {@code njev})
     * @param initialCost cost at the start (NaN for SciPy)
     * @param cost final cost {@code ½‖r‖²}
     * @param status gn4j's termination reason, or {@code "status k"} with SciPy's status code
     * @param peakMiB peak heap (gn4j) or peak resident set of the child (SciPy), in MiB
     * @param error the final point's relative max-norm distance to the discrete solution
     *              ({@link DiscreteBoundaryValueReference}) for the discrete boundary value function, NaN for the
     *              others
     * @param solved for the discrete boundary value function, whether {@code error <=}
     *               {@link DiscreteBoundaryValueReference#tolerance(int)}; for the others, whether
     *               {@code cost <=} {@link #SOLVED_COST}
     */
    public record Row(String function, int n, String solver, String linearSolver, double seconds, int iterations,
            int residualEvaluations, int jacobianEvaluations, double initialCost, double cost, String status,
            double peakMiB, double error, boolean solved) {
    }

    /** A final cost at most this is the known minimum 0 reached. */
    public static final double SOLVED_COST = 1e-10;

    /**
     * gn4j's zero-cost floor for the functions whose residual terms are of order one at the start and at the minimum
     * (extended Rosenbrock, Broyden tridiagonal and banded): a cost at most this ({@code ‖r‖ <= 4.5e-8}, five orders
     * below {@link #SOLVED_COST}) is the known minimum 0.
     */
    public static final double ZERO_COST = 1e-15;

    /**
     * SciPy's default tolerances, {@code ftol = xtol = gtol = 1e-8}, for both sides (gn4j's gtol is MINPACK's
     * scale-invariant gradient cosine, SciPy's an absolute {@code ‖g‖∞}), and gn4j's {@link #ZERO_COST} floor.
     */
    public static final StoppingCriteria TOLERANCES = StoppingCriteria.defaults().withFunctionTolerance(1e-8)
            .withParameterTolerance(1e-8).withGradientTolerance(1e-8).withAbsoluteCostTolerance(ZERO_COST);

    /**
     * gn4j's stopping rules for f: {@link #TOLERANCES}, except for the discrete boundary value function, whose
     * zero-cost and gradient tests are off, so that it stops by the relative tests ftol and xtol (1e-8). Its
     * residuals are second differences of a solution of size {@code ‖x‖∞ ≈ 0.25} that nearly cancel at the start:
     * the start cost is of order {@code n⁻³} (6.5e-16 at 10⁵, below {@link #ZERO_COST}) though the start is 0.09
     * from the solution. And J's condition number grows as n² (4e9 at 10⁵): a residual along J's smooth, small
     * singular vectors has a gradient cosine {@code max_j |g_j| / (‖J_j‖·‖r‖)} near {@code σ_min / ‖J_j‖}, below
     * 1e-8 from 10⁵ on, wherever the point is, so the MINPACK gradient test would claim convergence far from the
     * solution. The run's convergence is still certified by the loop's first-order test (the residual at the
     * rounding level of {@code Jx}), and it is scored by the distance to the discrete solution.
     *
     * @param f the function
     * @param n the problem size
     * @return the stopping criteria of gn4j's run on f at size n (without the time budget)
     */
    public static StoppingCriteria tolerances(ScalableMgh f, int n) {
        return f == ScalableMgh.DISCRETE_BOUNDARY_VALUE ? TOLERANCES.withGradientTolerance(0)
                .withAbsoluteCostTolerance(StoppingCriteria.defaults().absoluteCostTolerance()) : TOLERANCES;
    }

    /** Wall-clock budget of each gn4j run, in seconds (the run then ends with {@code TIME_BUDGET}). */
    public static final int TIME_BUDGET_SECONDS = 60;

    /** Reference solutions of the discrete boundary value function by size (computed once, outside the timing). */
    private static final Map<Integer, double[]> REFERENCES = new HashMap<>();

    /**
     * The discrete boundary value function's discrete solution at size n ({@link DiscreteBoundaryValueReference}),
     * cached.
     *
     * @param n the problem size
     * @return the reference solution (shared; not to be modified)
     */
    public static synchronized double[] reference(int n) {
        return REFERENCES.computeIfAbsent(n, DiscreteBoundaryValueReference::solve);
    }

    /** The relative max-norm error to the reference for the discrete boundary value function, NaN for the others. */
    private static double error(ScalableMgh f, int n, double[] x) {
        return f == ScalableMgh.DISCRETE_BOUNDARY_VALUE ? DiscreteBoundaryValueReference.relativeError(x, reference(n))
                : Double.NaN;
    }

    /** Solved: by the distance to the discrete solution where there is a reference, else by the cost. */
    private static boolean solved(ScalableMgh f, int n, double cost, double error) {
        return f == ScalableMgh.DISCRETE_BOUNDARY_VALUE ? error <= DiscreteBoundaryValueReference.tolerance(n)
                : cost <= SOLVED_COST;
    }

    private SparseMghBenchmark() {
    }

    /** gn4j's configurations in the suite. */
    public enum Gn4jSolver {
        /**
         * Exact sparse Jacobian, the automatic choice of damped solver: sparse Cholesky of {@code JᵀJ + λD²}, sparse
         * QR once the Cholesky would lose the step's digits.
         */
        LM("gn4j-lm"),
        /** Exact sparse Jacobian, sparse Cholesky of {@code JᵀJ + λD²} alone. */
        LM_CHOLESKY("gn4j-lm-cholesky"),
        /** Exact sparse Jacobian, sparse QR of {@code [J; √λD]}. */
        LM_QR("gn4j-lm-qr"),
        /** Grouped forward differences, the automatic choice of damped solver. */
        LM_FD("gn4j-lm-fd");

        private final String label;

        Gn4jSolver(String label) {
            this.label = label;
        }

        /**
         * The name in reports.
         *
         * @return {@code gn4j-lm}, {@code gn4j-lm-cholesky}, {@code gn4j-lm-qr} or {@code gn4j-lm-fd}
         */
        public String label() {
            return label;
        }
    }

    /**
     * Solves f at size n with gn4j: Levenberg-Marquardt with the stopping rules {@link #tolerances} and a budget of
     * {@value #TIME_BUDGET_SECONDS} s.
     *
     * @param f the function
     * @param n the problem size, as accepted by f
     * @param solver the configuration (Jacobian and damped solver)
     * @return the run's figures
     */
    public static Row gn4j(ScalableMgh f, int n, Gn4jSolver solver) {
        if (f == ScalableMgh.DISCRETE_BOUNDARY_VALUE) {
            reference(n); // outside the timing
        }
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        long t0 = System.nanoTime();
        SparseLeastSquaresProblem p = f.problem(n, solver != Gn4jSolver.LM_FD);
        double[] x0 = f.start(n);
        SparseObjective objective = new SparseObjective(p);
        // null: the automatic choice (LM, LM_FD)
        DampedSolver damped = solver == Gn4jSolver.LM_QR ? DampedSolvers.sparseQr()
                : solver == Gn4jSolver.LM_CHOLESKY ? DampedSolvers.sparseCholesky() : null;
        GaussNewtonLoop.State st = new LevenbergMarquardt()
                .withStopping(tolerances(f, n).withTimeBudget(Duration.ofSeconds(TIME_BUDGET_SECONDS))).loop()
                .withSolver(damped).run(objective, x0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        double error = error(f, n, st.x());
        return new Row(f.label(), n, solver.label(), st.solver() == null ? "-" : st.solver().name(), seconds,
                st.iterations(), objective.residualEvaluations(),
                objective.jacobianEvaluations(), st.initialCost(), st.cost(), String.valueOf(st.reason()),
                peak / 1048576.0, error, solved(f, n, st.cost(), error));
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
     * Solves f at size n with SciPy trf + lsmr in a child process; the child writes its final point to a temporary
     * file, read back here for the distance to the discrete solution.
     *
     * @param python the Python interpreter command, e.g. {@code python3}, with SciPy installed
     * @param f the function
     * @param n the problem size
     * @param gradientTest false to run SciPy with {@code gtol=None} (its gradient test off, {@code ftol} and
     *                     {@code xtol} at their 1e-8 defaults), true for its defaults
     * @param timeoutSeconds wall-clock limit for the child, in seconds; the child is killed when it is exceeded
     * @return the run's figures as SciPy reported them
     * @throws IOException when the interpreter cannot be run or its answer cannot be read (the message has its
     *                     stderr)
     */
    public static Row scipy(String python, ScalableMgh f, int n, boolean gradientTest, long timeoutSeconds)
            throws IOException {
        if (f == ScalableMgh.DISCRETE_BOUNDARY_VALUE) {
            reference(n);
        }
        Path script = Files.createTempFile("gn4j-sparse-mgh", ".py");
        Path err = Files.createTempFile("gn4j-sparse-mgh", ".log");
        Path xFile = Files.createTempFile("gn4j-sparse-mgh", ".f64");
        try {
            try (InputStream s = SparseMghBenchmark.class.getResourceAsStream("sparse_mgh.py")) {
                if (s == null) {
                    throw new IOException("class-path resource sparse_mgh.py is missing from the build");
                }
                Files.write(script, s.readAllBytes());
            }
            Process p = new ProcessBuilder(python, script.toString(), f.label(), Integer.toString(n),
                    gradientTest ? "default" : "gtol-off", xFile.toString()).redirectError(err.toFile()).start();
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
            double error = Double.NaN;
            if (f == ScalableMgh.DISCRETE_BOUNDARY_VALUE) {
                byte[] raw = Files.readAllBytes(xFile);
                if (raw.length != 8 * n) {
                    throw new IOException("SciPy's final point " + xFile + " has " + raw.length + " bytes, expected "
                            + 8 * n);
                }
                double[] x = new double[n];
                ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(x);
                error = DiscreteBoundaryValueReference.relativeError(x, reference(n));
            }
            return new Row(f.label(), n, gradientTest ? "scipy-trf-lsmr" : "scipy-trf-lsmr-gtol-off", "-",
                    number(out, "seconds"), -1, (int) number(out, "nfev"), (int) number(out, "njev"), Double.NaN,
                    cost, "status " + (int) number(out, "status"), number(out, "maxrss_kib") / 1024.0, error,
                    solved(f, n, cost, error));
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(err);
            Files.deleteIfExists(xFile);
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
        return String.format(Locale.ROOT, "%s,%d,%s,%s,%.4f,%d,%d,%d,%.6e,%.6e,%s,%.1f,%.6e,%s", r.function(),
                r.n(), r.solver(), r.linearSolver(), r.seconds(), r.iterations(), r.residualEvaluations(),
                r.jacobianEvaluations(),
                r.initialCost(), r.cost(), r.status(), r.peakMiB(), r.error(), r.solved());
    }

    /** The CSV header. */
    public static final String CSV_HEADER = "function,n,solver,linear_solver,seconds,iterations,residual_evaluations,"
            + "jacobian_evaluations,initial_cost,cost,status,peak_mib,solution_error,solved";
}
