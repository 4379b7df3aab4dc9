package org.gn4j.gn.sparse;

import java.util.Locale;

import org.gn4j.gn.core.FactoredShift;
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
 * <p>With a condition limit ({@link #withConditionLimit}), a numeric factorization is followed by an estimate of the
 * condition number of the equilibrated {@code JᵀJ + λD²} ({@link SparseCholesky#conditionEstimate}, three more
 * pairs of triangular solves), and a factor above the limit is refused with {@link SolveStatus#ILL_CONDITIONED}:
 * the Cholesky solve's relative error is about that condition number times ε. Once a factor of a linearization
 * passes, those of the same linearization and D with a larger λ are not estimated again: the condition number of
 * {@code D⁻¹(JᵀJ + λD²)D⁻¹ = D⁻¹JᵀJD⁻¹ + λI}, {@code (σ²ₘₐₓ + λ)/(σ²ₘᵢₙ + λ)} with σ the singular values of
 * {@code JD⁻¹}, falls as λ grows (and the equilibrated matrix is that one where D holds J's column norms, as the
 * loop's scaling does), so in a run that does not switch most linearizations cost one estimate, at their first λ.
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
    private FactoredShift checked;
    private boolean checking = true;

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
     * The last condition estimate this instance made (with a finite condition limit): of its last numeric
     * factorization, or of one with a smaller λ at the same linearization and D.
     *
     * @return the estimate of {@code κ₁} of the equilibrated {@code JᵀJ + λD²}, or NaN when none was made or the last
     *         factorization broke down
     */
    public double lastConditionEstimate() {
        return condition;
    }

    /**
     * Turns the condition checks of the following factorizations on or off (on in a new solver): for a caller that
     * checks only where it has a reason to, as {@link SparseCholeskyOrQrSolver} does.
     *
     * @param on whether factorizations are checked against the limit
     */
    void checkConditions(boolean on) {
        checking = on;
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
        checked = new FactoredShift(n);
    }

    @Override
    SparseAnalysis analysis() {
        return analysis;
    }

    @Override
    SolveResult assemble(CsrMatrix j) {
        normal.assemble(j);
        checked.invalidate();
        return SolveResult.ok("sparse JᵀJ, " + normal.nonZeros() + " entries in the upper triangle");
    }

    @Override
    SolveResult factor(double lambda, double[] d, double[] residual) {
        int n = normal.size();
        for (int q = 0; q < n; q++) {
            double dj = d == null ? 1 : d[perm[q]];
            shift[q] = lambda * dj * dj;
        }
        SolveResult f = chol.factor(normal.values(), shift, normal.diagonalPositions());
        if (!f.hasSolution()) {
            condition = Double.NaN;
            return f;
        }
        if (conditionLimit == Double.POSITIVE_INFINITY || !checking || checked.holdsAtMost(lambda, d)) {
            return f; // no limit, checks paused, or one passed at a smaller λ with this J and D
        }
        condition = chol.conditionEstimate(normal.values(), shift);
        if (condition <= conditionLimit) {
            checked.factored(lambda, d);
        }
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
