package org.gn4j.gn.stochastic;

import org.gn4j.gn.core.CgIterations;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;
import org.gn4j.linalg.op.Structure;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.iterative.ConjugateGradient;

/**
 * SGN, the stochastic generalized Gauss-Newton method of Gargiani et al. (2020), Hessian-free: on each mini-batch,
 * a few conjugate-gradient iterations on {@code (G + ρI)δ = −∇L} with {@code G = (1/b)JᵀQJ} applied through
 * {@link MiniBatchObjective#ggnTimes} (one forward-mode and one reverse-mode pass per CG iteration), then the step
 * of {@link DampedGaussNewton}'s parts: optional momentum, a {@link LineSearch}, a {@link Damping} rule fed by the
 * gain ratio.
 *
 * <p>Defaults: {@link Damping#gainRatio(double) gain-ratio damping} from ρ = 1e-4 (the paper's setting),
 * {@link CgIterations#adaptive() adaptive CG iterations} (see there for the rule), cold CG starts, backtracking
 * {@link LineSearch#armijo() Armijo}, no momentum, no preconditioner, and NON_FINITE after 10 failed steps in a row.
 *
 * <p><b>Options.</b>
 * <ul>
 *   <li>Warm start: CG starts from the previous step's direction δ instead of 0 (one extra GGN product for the
 *       initial residual).</li>
 *   <li>Diagonal preconditioner: {@code M = diag(Ĝ) + ρI} with {@code Ĝ} a Hutchinson estimate of {@code diag(G)}:
 *       each step draws a Rademacher vector z (seeded by the step attempt number, so a resumed run draws the same
 *       ones), computes {@code z∘(Gz)} with one extra GGN product, and keeps the exponential moving average
 *       {@code Ĝ ← 0.95·Ĝ + 0.05·z∘Gz} (the first step takes {@code z∘Gz} as it is); negative entries count as 0.
 *       {@code E[z∘Gz] = diag(G)}, and the average over steps smooths both the probe noise and the mini-batch
 *       noise.</li>
 *   <li>The gain ratio needs {@code sᵀGs}: for a step along the CG solution itself it is read from the solver's
 *       final residual product (no extra cost); with momentum one extra GGN product is spent. The trial loss is
 *       evaluated with {@link MiniBatchObjective#lossAt} (one forward pass per line-search try). With a fixed
 *       damping, a fixed k and no line search neither is computed.</li>
 * </ul>
 * The step report carries the CG iterations, the final CG relative residual, ρ, α, the gain ratio and the time.
 * Configuration is immutable ({@code with…} methods return a new optimizer with fresh state); a stateful instance
 * trains one parameter vector at a time.
 */
public final class Sgn extends DampedGaussNewton {
    private static final double DIAGONAL_DECAY = 0.95;

    private final CgIterations iterations;
    private final boolean warmStart;
    private final boolean preconditioned;
    private final long seed;

    // ---- state ----
    private int k;
    private boolean hasPrevious;
    private double[] previous;
    private boolean hasDiagonal;
    private double[] diagonal;

    // ---- work ----
    private MiniBatchObjective current;
    private double rho;
    private double[] rhs;
    private double[] lastIn;
    private double[] lastOut;
    private double[] gs;
    private double[] probe;
    private double[] inverse;
    private LinearOperator op;
    private LinearOperator preconditioner;
    private ConjugateGradient cg;
    private int cgCap = -1;

    /** SGN with the defaults listed in the class documentation. */
    public Sgn() {
        this(Damping.gainRatio(1e-4), LineSearch.armijo(), 0, 10, CgIterations.adaptive(), false, false, 0L);
    }

    private Sgn(Damping damping, LineSearch lineSearch, double momentum, int maxFailures, CgIterations iterations,
            boolean warmStart, boolean preconditioned, long seed) {
        super(damping, lineSearch, momentum, maxFailures);
        if (iterations == null) {
            throw new IllegalArgumentException("iterations must not be null");
        }
        this.iterations = iterations;
        this.warmStart = warmStart;
        this.preconditioned = preconditioned;
        this.seed = seed;
        this.k = iterations.initial();
    }

    /** The same method with another damping rule. */
    public Sgn withDamping(Damping d) {
        return new Sgn(d, lineSearch, momentum, maxFailures, iterations, warmStart, preconditioned, seed);
    }

    /** The same method with gain-ratio damping starting at ρ₀. */
    public Sgn withInitialDamping(double rho0) {
        return withDamping(Damping.gainRatio(rho0));
    }

    /** The same method with a fixed CG iteration count k ≥ 1. */
    public Sgn withCgIterations(int cgIterations) {
        return withCgIterations(CgIterations.fixed(cgIterations));
    }

    /** The same method with a CG iteration rule (fixed or adaptive). */
    public Sgn withCgIterations(CgIterations rule) {
        return new Sgn(damping, lineSearch, momentum, maxFailures, rule, warmStart, preconditioned, seed);
    }

    /** The same method with another step-length rule. */
    public Sgn withLineSearch(LineSearch ls) {
        return new Sgn(damping, ls, momentum, maxFailures, iterations, warmStart, preconditioned, seed);
    }

    /** The same method with heavy-ball momentum β ∈ [0, 1) on the step. */
    public Sgn withMomentum(double beta) {
        return new Sgn(damping, lineSearch, beta, maxFailures, iterations, warmStart, preconditioned, seed);
    }

    /** The same method with CG warm-started from the previous direction (or not). */
    public Sgn withWarmStart(boolean warm) {
        return new Sgn(damping, lineSearch, momentum, maxFailures, iterations, warm, preconditioned, seed);
    }

    /** The same method with (or without) the Hutchinson diagonal preconditioner, probes seeded by {@code seed}. */
    public Sgn withDiagonalPreconditioner(boolean on, long probeSeed) {
        return new Sgn(damping, lineSearch, momentum, maxFailures, iterations, warmStart, on, probeSeed);
    }

    /** The same method, reporting NON_FINITE after {@code n ≥ 1} failed steps in a row. */
    public Sgn withMaxConsecutiveFailures(int n) {
        return new Sgn(damping, lineSearch, momentum, n, iterations, warmStart, preconditioned, seed);
    }

    /** The CG iteration cap the next step will use. */
    public int cgIterations() {
        return k;
    }

    /** The CG iteration rule. */
    public CgIterations cgIterationRule() {
        return iterations;
    }

    @Override
    public String name() {
        return "sgn";
    }

    @Override
    boolean needsGainRatio() {
        return iterations.isAdaptive();
    }

    @Override
    Inner direction(MiniBatchObjective batch, double[] g, double lam, double[] out) {
        int d = g.length;
        if (rhs == null || rhs.length != d) {
            rhs = new double[d];
            lastIn = new double[d];
            lastOut = new double[d];
            gs = new double[d];
            inverse = new double[d];
            op = Operators.of(d, d, this::apply, this::apply, Structure.SYMMETRIC,
                    Structure.POSITIVE_SEMIDEFINITE);
            preconditioner = Operators.of(d, d, this::applyInverse, this::applyInverse, Structure.SYMMETRIC,
                    Structure.POSITIVE_DEFINITE);
            cgCap = -1;
        }
        if (previous == null || previous.length != d) {
            previous = new double[d];
            hasPrevious = false;
        }
        current = batch;
        rho = lam;
        try {
            for (int i = 0; i < d; i++) {
                rhs[i] = -g[i];
            }
            if (preconditioned) {
                updateDiagonal(batch, d);
                for (int i = 0; i < d; i++) {
                    inverse[i] = 1.0 / (Math.max(diagonal[i], 0) + Math.max(lam, 1e-12));
                }
            }
            if (cgCap != k) {
                ConjugateGradient solver = new ConjugateGradient().withMaxIterations(k)
                        .withRelativeTolerance(iterations.tolerance()).withWarmStart(warmStart);
                cg = preconditioned ? solver.withPreconditioner(preconditioner) : solver;
                cgCap = k;
            }
            cg.prepare(op);
            if (warmStart && hasPrevious) {
                System.arraycopy(previous, 0, out, 0, d);
            } else {
                Arrays.fill(out, 0.0);
            }
            Arrays.fill(lastIn, Double.NaN);
            SolveResult res = cg.solve(rhs, out);
            return new Inner(res.hasSolution(), res.iterations(), res.relativeResidual(), lam, res);
        } finally {
            current = null;
        }
    }

    /** {@code y = (G + ρI)x}, remembering the last product (CG's final residual product gives Gδ for free). */
    private void apply(double[] x, double[] y) {
        current.ggnTimes(x, y);
        for (int i = 0; i < x.length; i++) {
            y[i] += rho * x[i];
        }
        System.arraycopy(x, 0, lastIn, 0, x.length);
        System.arraycopy(y, 0, lastOut, 0, y.length);
    }

    private void applyInverse(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = inverse[i] * x[i];
        }
    }

    private void updateDiagonal(MiniBatchObjective batch, int d) {
        if (diagonal == null || diagonal.length != d) {
            diagonal = new double[d];
            probe = new double[d];
            hasDiagonal = false;
        }
        SplittableRandom rng = new SplittableRandom(seed + attempts * 0x9E3779B97F4A7C15L);
        for (int i = 0; i < d; i++) {
            probe[i] = rng.nextBoolean() ? 1.0 : -1.0;
        }
        batch.ggnTimes(probe, gs);
        for (int i = 0; i < d; i++) {
            double e = probe[i] * gs[i];
            diagonal[i] = hasDiagonal ? DIAGONAL_DECAY * diagonal[i] + (1 - DIAGONAL_DECAY) * e : e;
        }
        hasDiagonal = true;
    }

    @Override
    double curvature(MiniBatchObjective batch, double[] step, boolean sIsDelta) {
        if (sIsDelta && Arrays.equals(lastIn, step)) {
            // the solver's last product was (G + ρI)δ
            double q = 0;
            for (int i = 0; i < step.length; i++) {
                q += step[i] * (lastOut[i] - rho * step[i]);
            }
            return q;
        }
        batch.ggnTimes(step, gs);
        return dot(step, gs);
    }

    @Override
    void afterStep(Inner inner, double ratio, boolean accepted) {
        if (inner != null && inner.ok() && Double.isFinite(ratio)) {
            System.arraycopy(delta, 0, previous, 0, previous.length);
            hasPrevious = true;
        } else if (Double.isNaN(ratio)) {
            hasPrevious = false;
        }
        k = iterations.next(k, inner == null ? null : inner.cg(), ratio);
    }

    @Override
    void resetExtra() {
        k = iterations.initial();
        hasPrevious = false;
        hasDiagonal = false;
    }

    /* Layout: [k, hasPrevious, hasDiagonal, previous (d if present), diagonal (d if present)]. */
    @Override
    double[] extraState(int d) {
        int p = hasPrevious ? d : 0;
        int q = hasDiagonal ? d : 0;
        double[] v = new double[3 + p + q];
        v[0] = k;
        v[1] = hasPrevious ? 1 : 0;
        v[2] = hasDiagonal ? 1 : 0;
        if (hasPrevious) {
            System.arraycopy(previous, 0, v, 3, d);
        }
        if (hasDiagonal) {
            System.arraycopy(diagonal, 0, v, 3 + p, d);
        }
        return v;
    }

    @Override
    int restoreExtra(double[] v, int from, int d) {
        if (v.length < from + 3) {
            throw new IllegalArgumentException("state has length " + v.length + ", expected at least " + (from + 3)
                    + " (sgn state)");
        }
        int kk = (int) v[from];
        if (kk < 1) {
            throw new IllegalArgumentException("state holds CG iterations " + v[from] + ", expected >= 1");
        }
        k = kk;
        hasPrevious = v[from + 1] != 0;
        hasDiagonal = v[from + 2] != 0;
        int need = 3 + (hasPrevious ? d : 0) + (hasDiagonal ? d : 0);
        if (v.length < from + need) {
            throw new IllegalArgumentException("state has length " + v.length + ", expected " + (from + need)
                    + " (sgn state for " + d + " parameters)");
        }
        int pos = from + 3;
        previous = new double[d];
        if (hasPrevious) {
            System.arraycopy(v, pos, previous, 0, d);
            pos += d;
        }
        diagonal = new double[d];
        probe = new double[d];
        if (hasDiagonal) {
            System.arraycopy(v, pos, diagonal, 0, d);
        }
        return need;
    }

    @Override
    public String toString() {
        return "Sgn[damping=" + damping + ", cg=" + iterations + ", lineSearch=" + lineSearch + ", momentum="
                + momentum + ", warmStart=" + warmStart + ", preconditioner=" + (preconditioned ? "hutchinson" : "none")
                + "]";
    }
}
