package org.gn4j.gn.core;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;
import org.gn4j.linalg.op.Structure;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.solvers.iterative.ConjugateGradient;

/**
 * Matrix-free conjugate gradient on {@code (G + λD²)x = −g} with {@code G = JᵀJ} applied through the linearization's
 * Gram operator (one JVP and one VJP, or one GGN product, per iteration): for large and operator-only Jacobians and
 * the Hessian-free mini-batch steps of SGN.
 *
 * <p>Configuration (immutable, {@code with…} methods): the relative tolerance and the iteration cap, either fixed,
 * {@code max(minimum, perParameter·n)}, or from a {@link CgIterations} rule whose cap k adapts to each step's gain
 * ratio; warm starts from the previous step; a diagonal preconditioner {@code M = diag(Ĝ) + λI} with {@code Ĝ} a
 * Hutchinson estimate of {@code diag(G)} (one extra product per step: a Rademacher vector z seeded by the seed and the
 * count of prepared steps, {@code Ĝ ← 0.95·Ĝ + 0.05·z∘Gz}). With λ = 0 and a singular G, a direction of negative or
 * zero curvature ends CG with its last iterate, a descent direction in the range of Jᵀ, reported as
 * {@link SolveStatus#MAX_ITERATIONS}.
 *
 * <p>The last product {@code (G + λD²)x} is kept, so the curvature {@code δᵀGδ} of the CG solution itself costs
 * nothing extra ({@link #curvature}).
 */
public final class CgSolver implements DampedSolver {
    private static final double DIAGONAL_DECAY = 0.95;

    private final double tolerance;
    private final int minIterations;
    private final int perParameter;
    private final CgIterations rule;
    private final boolean warmStart;
    private final boolean preconditioned;
    private final long seed;

    // ---- state ----
    private int k;
    private boolean hasPrevious;
    private double[] previous;
    private boolean hasDiagonal;
    private double[] diagonal;
    private long prepared;

    // ---- work ----
    private LinearOperator gram;
    private double lambda;
    private double[] scale;
    private double[] rhs;
    private double[] lastIn;
    private double[] lastOut;
    private double[] probe;
    private double[] gz;
    private double[] inverse;
    private LinearOperator op;
    private LinearOperator preconditioner;
    private ConjugateGradient cg;
    private int cgCap = -1;
    private int n = -1;

    private CgSolver(double tolerance, int minIterations, int perParameter, CgIterations rule, boolean warmStart,
            boolean preconditioned, long seed) {
        this.tolerance = tolerance;
        this.minIterations = minIterations;
        this.perParameter = perParameter;
        this.rule = rule;
        this.warmStart = warmStart;
        this.preconditioned = preconditioned;
        this.seed = seed;
        this.k = rule == null ? 0 : rule.initial();
    }

    /**
     * CG to a relative residual of {@code tolerance} with at most {@code max(minimum, perParameter·n)} iterations.
     *
     * @param tolerance the relative residual at which CG stops, in [0, 1)
     * @param minimum the smallest iteration cap, ≥ 1
     * @param perParameter iterations allowed per parameter, ≥ 1
     * @return a new CG solver
     * @throws IllegalArgumentException if the tolerance is not in [0, 1) or a count is below 1
     */
    public static CgSolver toTolerance(double tolerance, int minimum, int perParameter) {
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance is " + tolerance + ", expected a value in [0, 1)");
        }
        ArgumentChecks.requirePositive("minimum", minimum);
        ArgumentChecks.requirePositive("perParameter", perParameter);
        return new CgSolver(tolerance, minimum, perParameter, null, false, false, 0L);
    }

    /**
     * CG whose cap and tolerance follow a {@link CgIterations} rule (fixed or adaptive).
     *
     * @param rule the iteration rule; not {@code null}
     * @return a new CG solver
     * @throws IllegalArgumentException if {@code rule} is {@code null}
     */
    public static CgSolver withRule(CgIterations rule) {
        if (rule == null) {
            throw new IllegalArgumentException("CG iteration rule must not be null");
        }
        return new CgSolver(rule.tolerance(), 1, 1, rule, false, false, 0L);
    }

    /**
     * The same solver starting CG from the previous step's solution (or not).
     *
     * @param warm {@code true} to start CG from the previous solution, {@code false} to start from 0
     * @return a new solver with this setting
     */
    public CgSolver withWarmStart(boolean warm) {
        return new CgSolver(tolerance, minIterations, perParameter, rule, warm, preconditioned, seed);
    }

    /**
     * The same solver with (or without) the Hutchinson diagonal preconditioner, probes seeded by {@code seed}.
     *
     * @param on {@code true} to use the diagonal preconditioner
     * @param probeSeed the seed of the Rademacher probe vectors
     * @return a new solver with this setting
     */
    public CgSolver withDiagonalPreconditioner(boolean on, long probeSeed) {
        return new CgSolver(tolerance, minIterations, perParameter, rule, warmStart, on, probeSeed);
    }

    /**
     * The CG iteration cap the next solve uses.
     *
     * @param parameters the parameter count n
     * @return the maximum number of CG iterations of the next solve, ≥ 1
     */
    public int iterationCap(int parameters) {
        return rule != null ? k : Math.max(minIterations, (int) Math.min(Integer.MAX_VALUE,
                (long) perParameter * parameters));
    }

    /**
     * The iteration rule, or null for a fixed cap.
     *
     * @return the iteration rule, or {@code null} when the cap is {@code max(minimum, perParameter·n)}
     */
    public CgIterations rule() {
        return rule;
    }

    @Override
    public String name() {
        return "cg";
    }

    @Override
    public CgSolver fresh() {
        return new CgSolver(tolerance, minIterations, perParameter, rule, warmStart, preconditioned, seed);
    }

    @Override
    public boolean supports(Linearization lin) {
        return true;
    }

    @Override
    public SolveResult prepare(Linearization lin) {
        int size = lin.cols();
        if (size != n) {
            n = size;
            rhs = new double[n];
            lastIn = new double[n];
            lastOut = new double[n];
            scale = new double[n];
            inverse = new double[n];
            op = Operators.of(n, n, this::apply, this::apply, Structure.SYMMETRIC, Structure.POSITIVE_SEMIDEFINITE);
            preconditioner = Operators.of(n, n, this::applyInverse, this::applyInverse, Structure.SYMMETRIC,
                    Structure.POSITIVE_DEFINITE);
            cgCap = -1;
        }
        if (previous == null || previous.length != n) {
            previous = new double[n];
            hasPrevious = false;
        }
        gram = lin.gram();
        prepared++;
        if (preconditioned) {
            updateDiagonal();
        }
        return SolveResult.ok("operator " + n + "x" + n);
    }

    @Override
    public SolveResult solve(double lam, double[] d, double[] residual, double[] gradient, double[] out) {
        lambda = lam;
        for (int j = 0; j < n; j++) {
            double dj = d == null ? 1 : d[j];
            scale[j] = lam * dj * dj;
            rhs[j] = -gradient[j];
        }
        if (preconditioned) {
            for (int j = 0; j < n; j++) {
                inverse[j] = 1.0 / (Math.max(diagonal[j], 0) + Math.max(scale[j], 1e-12));
            }
        }
        int cap = iterationCap(n);
        if (cgCap != cap) {
            ConjugateGradient solver = new ConjugateGradient().withMaxIterations(cap).withRelativeTolerance(tolerance)
                    .withWarmStart(warmStart);
            cg = preconditioned ? solver.withPreconditioner(preconditioner) : solver;
            cgCap = cap;
        }
        cg.prepare(op);
        if (warmStart && hasPrevious) {
            System.arraycopy(previous, 0, out, 0, n);
        } else {
            Arrays.fill(out, 0.0);
        }
        Arrays.fill(lastIn, Double.NaN);
        SolveResult res = cg.solve(rhs, out);
        if (res.status() == SolveStatus.NEGATIVE_CURVATURE && lam == 0) {
            // a singular JᵀJ: the last iterate is a descent direction in the range of Jᵀ; keep it
            return new SolveResult(SolveStatus.MAX_ITERATIONS, res.iterations(), res.residualNorm(), res.rhsNorm(),
                    res.message());
        }
        return res;
    }

    /** {@code y = (G + λD²)x}, remembering the last product. */
    private void apply(double[] x, double[] y) {
        gram.apply(x, y);
        for (int i = 0; i < x.length; i++) {
            y[i] += scale[i] * x[i];
        }
        System.arraycopy(x, 0, lastIn, 0, x.length);
        System.arraycopy(y, 0, lastOut, 0, y.length);
    }

    private void applyInverse(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = inverse[i] * x[i];
        }
    }

    private void updateDiagonal() {
        if (diagonal == null || diagonal.length != n) {
            diagonal = new double[n];
            probe = new double[n];
            gz = new double[n];
            hasDiagonal = false;
        }
        if (gz == null) {
            gz = new double[n];
        }
        SplittableRandom rng = new SplittableRandom(seed + prepared * 0x9E3779B97F4A7C15L);
        for (int i = 0; i < n; i++) {
            probe[i] = rng.nextBoolean() ? 1.0 : -1.0;
        }
        gram.apply(probe, gz);
        for (int i = 0; i < n; i++) {
            double e = probe[i] * gz[i];
            diagonal[i] = hasDiagonal ? DIAGONAL_DECAY * diagonal[i] + (1 - DIAGONAL_DECAY) * e : e;
        }
        hasDiagonal = true;
    }

    @Override
    public double curvature(double[] s) {
        if (lastIn != null && Arrays.equals(lastIn, s)) {
            // the last product was (G + λD²)s
            double q = 0;
            for (int i = 0; i < s.length; i++) {
                q += s[i] * (lastOut[i] - scale[i] * s[i]);
            }
            return q;
        }
        return Double.NaN;
    }

    @Override
    public boolean usesGainRatio() {
        return rule != null && rule.isAdaptive();
    }

    @Override
    public void afterStep(double gainRatio, boolean accepted, SolveResult last, double[] step) {
        if (last != null && last.hasSolution() && Double.isFinite(gainRatio) && step != null) {
            System.arraycopy(step, 0, previous, 0, previous.length);
            hasPrevious = true;
        } else if (Double.isNaN(gainRatio)) {
            hasPrevious = false;
        }
        if (rule != null) {
            k = rule.next(k, last, gainRatio);
        }
    }

    @Override
    public void reset() {
        k = rule == null ? 0 : rule.initial();
        hasPrevious = false;
        hasDiagonal = false;
        prepared = 0;
    }

    /* Layout: [k, hasPrevious, hasDiagonal, prepared, previous (n if present), diagonal (n if present)]. */
    @Override
    public double[] state() {
        int len = previous == null ? 0 : previous.length;
        int p = hasPrevious ? len : 0;
        int q = hasDiagonal ? len : 0;
        double[] v = new double[4 + p + q];
        v[0] = k;
        v[1] = hasPrevious ? 1 : 0;
        v[2] = hasDiagonal ? 1 : 0;
        v[3] = prepared;
        if (hasPrevious) {
            System.arraycopy(previous, 0, v, 4, len);
        }
        if (hasDiagonal) {
            System.arraycopy(diagonal, 0, v, 4 + p, len);
        }
        return v;
    }

    @Override
    public int restore(double[] v, int from, int size) {
        if (v.length < from + 4) {
            throw new IllegalArgumentException("state has length " + v.length + ", expected at least " + (from + 4)
                    + " (CG state)");
        }
        int kk = (int) v[from];
        if (rule != null && kk < 1) {
            throw new IllegalArgumentException("state holds CG iterations " + v[from] + ", expected >= 1");
        }
        k = kk;
        hasPrevious = v[from + 1] != 0;
        hasDiagonal = v[from + 2] != 0;
        prepared = (long) v[from + 3];
        int need = 4 + (hasPrevious ? size : 0) + (hasDiagonal ? size : 0);
        if (v.length < from + need) {
            throw new IllegalArgumentException("state has length " + v.length + ", expected " + (from + need)
                    + " (CG state for " + size + " parameters)");
        }
        int pos = from + 4;
        previous = new double[size];
        if (hasPrevious) {
            System.arraycopy(v, pos, previous, 0, size);
            pos += size;
        }
        diagonal = new double[size];
        probe = new double[size];
        gz = new double[size];
        if (hasDiagonal) {
            System.arraycopy(v, pos, diagonal, 0, size);
        }
        return need;
    }

    @Override
    public String toString() {
        return "cg(" + (rule != null ? rule.toString() : "tol=" + tolerance + ", cap=max(" + minIterations + ", "
                + perParameter + "n)") + (warmStart ? ", warm" : "") + (preconditioned ? ", hutchinson" : "") + ")";
    }
}
