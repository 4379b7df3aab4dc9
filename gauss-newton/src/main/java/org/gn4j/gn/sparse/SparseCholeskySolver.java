package org.gn4j.gn.sparse;

import java.util.Locale;

import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.solvers.sparse.CsrMatrix;
import org.gn4j.solvers.sparse.SparseCholesky;
import org.gn4j.solvers.sparse.SparseNormalMatrix;

/**
 * Sparse Cholesky of the normal equations {@code JᵀJ + λD²} for a sparse Jacobian. Once per Jacobian pattern: the
 * symbolic factorization (elimination tree, pattern of L) in the natural order and, where that order fills in more
 * than {@value #ORDERING_FILL_RATIO} times the entries of {@code JᵀJ}, a minimum-degree ordering of {@code JᵀJ}'s
 * graph and the symbolic factorization of the permuted matrix. Once per linearization: the values of {@code JᵀJ}
 * (column-parallel). Once per λ (or D): a numeric factorization into the analysed pattern and two triangular solves;
 * a second solve with the same λ and D (geodesic acceleration) reuses the factor. Squares the condition number, like
 * the dense cached-Gram Cholesky.
 *
 * <p>With a condition limit ({@link #withConditionLimit}), each numeric factorization is followed by an estimate of
 * the condition number of the equilibrated {@code JᵀJ + λD²} ({@link SparseCholesky#conditionEstimate}, a few more
 * triangular solves), and a factor above the limit is refused with {@link SolveStatus#ILL_CONDITIONED}: the
 * Cholesky solve's relative error is about that condition number times ε.
 *
 * <p>Copies made by {@link #fresh()} share the counters {@link #symbolicAnalyses()} and
 * {@link #numericFactorizations()} with the solver they came from, so a caller can see what a run did.
 */
public final class SparseCholeskySolver extends SparseFactorSolver {
    /**
     * The minimum-degree ordering is computed only when the natural order's factor would hold more than this many
     * times the entries of {@code JᵀJ}'s upper triangle (banded and block-diagonal Jacobians need no ordering).
     */
    public static final double ORDERING_FILL_RATIO = 2.0;

    private final double conditionLimit;
    private SparseAnalysis analysis;
    private SparseNormalMatrix normal;
    private SparseCholesky chol;
    private double[] shift;
    private double condition = Double.NaN;

    /** With the minimum-degree ordering and no condition limit. */
    public SparseCholeskySolver() {
        this(true, new Counters(), Double.POSITIVE_INFINITY);
    }

    private SparseCholeskySolver(boolean ordered, Counters counters, double conditionLimit) {
        super(ordered, counters);
        this.conditionLimit = conditionLimit;
    }

    /**
     * The same solver without a fill-reducing ordering (natural order; for banded Jacobians and for tests).
     *
     * @return a new solver with the natural order
     */
    public SparseCholeskySolver withNaturalOrder() {
        return new SparseCholeskySolver(false, counters, conditionLimit);
    }

    /**
     * The same solver refusing factors whose estimated condition number exceeds a limit.
     *
     * @param limit the largest accepted estimate of the 1-norm condition number of the equilibrated
     *              {@code JᵀJ + λD²}, ≥ 1; {@code +∞} for no estimate at all
     * @return a new solver with the limit (sharing this one's counters)
     * @throws IllegalArgumentException if limit is below 1 or NaN
     */
    public SparseCholeskySolver withConditionLimit(double limit) {
        if (!(limit >= 1)) {
            throw new IllegalArgumentException("condition limit is " + limit + ", expected >= 1");
        }
        return new SparseCholeskySolver(ordered, counters, limit);
    }

    /**
     * The condition limit.
     *
     * @return the limit, {@code +∞} when none is checked
     */
    public double conditionLimit() {
        return conditionLimit;
    }

    /**
     * The condition estimate of this instance's last numeric factorization (with a finite condition limit).
     *
     * @return the estimate of {@code κ₁} of the equilibrated {@code JᵀJ + λD²}, or NaN when none was made
     */
    public double lastConditionEstimate() {
        return condition;
    }

    @Override
    public long factorNonZeros() {
        return chol == null ? 0 : chol.factorNonZeros();
    }

    @Override
    public String name() {
        return "sparse-cholesky";
    }

    @Override
    public SparseCholeskySolver fresh() {
        return new SparseCholeskySolver(ordered, counters, conditionLimit);
    }

    @Override
    String label() {
        return "sparse Cholesky";
    }

    @Override
    void analysed(SparseAnalysis a, CsrMatrix j) {
        analysis = a;
        normal = a.normal();
        chol = a.symbolic();
        int n = normal.size();
        shift = new double[n];
    }

    @Override
    SparseAnalysis analysis() {
        return analysis;
    }

    @Override
    SolveResult assemble(CsrMatrix j) {
        normal.assemble(j);
        return SolveResult.ok("sparse JᵀJ, " + normal.nonZeros() + " entries in the upper triangle");
    }

    @Override
    SolveResult factor(double lambda, double[] d, double[] residual) {
        int n = normal.size();
        for (int q = 0; q < n; q++) {
            double dj = d == null ? 1 : d[perm[q]];
            shift[q] = lambda * dj * dj;
        }
        condition = Double.NaN;
        SolveResult f = chol.factor(normal.values(), shift, normal.diagonalPositions());
        if (!f.hasSolution() || conditionLimit == Double.POSITIVE_INFINITY) {
            return f;
        }
        condition = chol.conditionEstimate(normal.values(), shift);
        if (condition > conditionLimit) {
            return SolveResult.failed(SolveStatus.ILL_CONDITIONED, String.format(Locale.ROOT, "sparse Cholesky: "
                    + "estimated condition number %.2e of the equilibrated JᵀJ + λD² (λ = %.3e) above the limit "
                    + "%.2e", condition, lambda, conditionLimit));
        }
        return f;
    }

    @Override
    void solveFactored(double[] gradient, double[] y) {
        int n = y.length;
        if (natural) {
            for (int q = 0; q < n; q++) {
                y[q] = -gradient[q];
            }
        } else {
            for (int q = 0; q < n; q++) {
                y[q] = -gradient[perm[q]];
            }
        }
        chol.solve(y, y);
    }
}
