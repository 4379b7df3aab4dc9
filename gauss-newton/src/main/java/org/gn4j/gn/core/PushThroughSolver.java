package org.gn4j.gn.core;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.blas.BlasProvider;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;
import org.gn4j.linalg.op.Structure;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.solvers.iterative.ConjugateGradient;
import org.gn4j.solvers.lowrank.LowRankSolver;

/**
 * The damped step in residual space by the push-through (Woodbury, Duncan-Guttman) identity
 * {@code (JᵀJ + λI)⁻¹Jᵀ = Jᵀ(JJᵀ + λI)⁻¹}: {@code x = −Jᵀ(JJᵀ + λI)⁻¹r}, an {@code m × m} system instead of
 * {@code n × n}, for fewer residuals than parameters (EGN's mini-batch space, small PINNs with many parameters).
 * D must be the identity.
 *
 * <p>The small system is factored (Gram matrix {@code JJᵀ} by {@code syrk} through {@link LowRankSolver}, then
 * Cholesky per λ) or solved matrix-free by CG ({@code JJᵀy = J(Jᵀy)}, one VJP and one JVP per iteration, at most
 * {@code smallCgIterations} to a relative residual of 1e-6). By default the path is chosen by estimated cost
 * ({@link #factorIsCheaper}): factor while {@code m²n + m³/3 <= k·4mn} with k the CG cap and {@code m <= maxFactorSize}
 * (the dense J takes {@code 8mn} bytes); {@link #withMaxFactorSize} sets a fixed limit instead.
 */
public final class PushThroughSolver implements DampedSolver {
    /** Default memory cap of the factored path on m. */
    public static final int DEFAULT_MAX_FACTOR_SIZE = 2048;

    private final int maxFactorSize;
    private final int smallCgIterations;
    private final boolean costRule;

    private LowRankSolver lowRank;
    private boolean factored;
    private DMatrixRMaj jac;
    private LinearOperator jop;
    private int m;
    private int n;
    private double mu;
    private double[] h;
    private double[] y;
    private double[] work;
    private double[] workM;
    private LinearOperator smallOp;
    private ConjugateGradient smallCg;
    private int smallSize = -1;

    /** The cost rule below {@value #DEFAULT_MAX_FACTOR_SIZE} rows, small-space CG of at most 50 iterations. */
    public PushThroughSolver() {
        this(DEFAULT_MAX_FACTOR_SIZE, 50, true);
    }

    private PushThroughSolver(int maxFactorSize, int smallCgIterations, boolean costRule) {
        ArgumentChecks.requirePositive("maxFactorSize", maxFactorSize);
        ArgumentChecks.requirePositive("smallCgIterations", smallCgIterations);
        this.maxFactorSize = maxFactorSize;
        this.smallCgIterations = smallCgIterations;
        this.costRule = costRule;
    }

    /**
     * A fixed rule: factor while {@code m <= size}, above it CG with at most {@code cgIterations}.
     *
     * @param size the largest m that is factored, ≥ 1
     * @param cgIterations the small-space CG iteration cap, ≥ 1
     * @return a new solver with that rule
     * @throws IllegalArgumentException if {@code size} or {@code cgIterations} is below 1
     */
    public PushThroughSolver withMaxFactorSize(int size, int cgIterations) {
        return new PushThroughSolver(size, cgIterations, false);
    }

    /**
     * The cost rule below {@code m <= size}, CG at most {@code cgIterations} (also the k of the rule).
     *
     * @param size the memory cap on m for the factored path, ≥ 1
     * @param cgIterations the small-space CG iteration cap, also the k of the cost rule, ≥ 1
     * @return a new solver with that rule
     * @throws IllegalArgumentException if {@code size} or {@code cgIterations} is below 1
     */
    public PushThroughSolver withCostBasedPath(int size, int cgIterations) {
        return new PushThroughSolver(size, cgIterations, true);
    }

    /**
     * The cost rule: true when factoring the {@code m × m} system ({@code m²n + m³/3} flops: Gram matrix and
     * Cholesky) costs no more than k CG iterations in the small space ({@code k·4mn} flops: a forward and a reverse
     * product each).
     *
     * @param m the number of residuals
     * @param n the number of parameters
     * @param k the CG iteration estimate
     * @return {@code true} when the factorization costs no more than k CG iterations
     */
    public static boolean factorIsCheaper(int m, int n, int k) {
        double mm = m;
        double factor = mm * mm * n + mm * mm * mm / 3;
        double cg = (double) k * 4 * mm * n;
        return factor <= cg;
    }

    /**
     * Whether a system with m residuals and n parameters is factored.
     *
     * @param rows the number of residuals m
     * @param cols the number of parameters n
     * @return {@code true} for the factored path, {@code false} for CG
     */
    public boolean factors(int rows, int cols) {
        return rows <= maxFactorSize && (!costRule || factorIsCheaper(rows, cols, smallCgIterations));
    }

    /**
     * The memory cap of the factored path.
     *
     * @return the largest m that may be factored
     */
    public int maxFactorSize() {
        return maxFactorSize;
    }

    /**
     * Whether the last prepared linearization was factored (else CG in the small space).
     *
     * @return {@code true} if factored, {@code false} if solved by CG (or nothing prepared yet)
     */
    public boolean factored() {
        return factored;
    }

    @Override
    public String name() {
        return "push-through";
    }

    @Override
    public PushThroughSolver fresh() {
        return new PushThroughSolver(maxFactorSize, smallCgIterations, costRule);
    }

    @Override
    public boolean supports(Linearization lin) {
        return lin.residuals() != null && lin.jacobian() != null;
    }

    @Override
    public SolveResult prepare(Linearization lin) {
        if (lin.residuals() == null || lin.jacobian() == null) {
            return SolveResult.failed(SolveStatus.BREAKDOWN, "push-through needs residuals and a Jacobian");
        }
        m = lin.rows();
        n = lin.cols();
        jop = lin.jacobian();
        if (h == null || h.length != m) {
            h = new double[m];
            y = new double[m];
            workM = new double[m];
        }
        if (work == null || work.length != n) {
            work = new double[n];
        }
        factored = factors(m, n);
        mu = Double.NaN;
        if (factored) {
            jac = lin.denseJacobian();
            if (jac == null) {
                jac = Operators.toDense(jop);
            }
            if (lowRank == null) {
                lowRank = new LowRankSolver(BlasProvider.blas());
            }
            return lowRank.setFactor(jac.data, m, n);
        }
        jac = null;
        if (smallSize != m) {
            smallOp = Operators.of(m, m, this::applySmall, this::applySmall, Structure.SYMMETRIC,
                    Structure.POSITIVE_DEFINITE);
            smallCg = new ConjugateGradient().withMaxIterations(smallCgIterations).withRelativeTolerance(1e-6);
            smallSize = m;
        }
        return SolveResult.ok("small system " + m + "x" + m + " by CG");
    }

    @Override
    public SolveResult solve(double lambda, double[] d, double[] residual, double[] gradient, double[] out) {
        if (d != null) {
            for (double v : d) {
                if (v != 1) {
                    return SolveResult.failed(SolveStatus.BREAKDOWN, "push-through needs the identity scaling D = I");
                }
            }
        }
        for (int i = 0; i < m; i++) {
            h[i] = -residual[i];
        }
        if (factored) {
            if (lambda != mu) {
                SolveResult f = lowRank.factor(lambda);
                if (!f.hasSolution()) {
                    mu = Double.NaN;
                    return f;
                }
                mu = lambda;
            }
            SolveResult r = lowRank.solveSmall(h, y);
            // x = Jᵀy
            BlasProvider.blas().dgemv(org.gn4j.linalg.blas.Transpose.YES, m, n, 1.0, jac.data, 0, n, y, 0, 0.0, out,
                    0);
            return r;
        }
        mu = lambda;
        smallCg.prepare(smallOp);
        Arrays.fill(y, 0.0);
        SolveResult r = smallCg.solve(h, y);
        jop.applyTranspose(y, out);
        return r;
    }

    /** {@code z = (JJᵀ + μI)x}. */
    private void applySmall(double[] x, double[] z) {
        jop.applyTranspose(x, work);
        jop.apply(work, z);
        for (int i = 0; i < x.length; i++) {
            z[i] += mu * x[i];
        }
    }

    @Override
    public String toString() {
        return "push-through(" + (costRule ? "cost rule" : "fixed") + ", max " + maxFactorSize + ")";
    }
}
