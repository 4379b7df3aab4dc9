package org.gn4j.gn.sparse;

import java.util.concurrent.atomic.AtomicInteger;

import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.FactoredShift;
import org.gn4j.gn.core.Linearization;
import org.gn4j.linalg.VectorOps;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.solvers.sparse.CsrMatrix;
import org.gn4j.solvers.sparse.SparseCholesky;
import org.gn4j.solvers.sparse.SparseNormalMatrix;

/**
 * Sparse Cholesky of the normal equations {@code JᵀJ + λD²} for a sparse Jacobian. Once per Jacobian pattern: the
 * symbolic factorization (elimination tree, pattern of L) in the natural order and, where that order fills in more
 * than {@value #ORDERING_FILL_RATIO} times the entries of {@code JᵀJ}, a minimum-degree ordering of {@code JᵀJ}'s
 * graph and the symbolic factorization of the permuted matrix. Once per linearization: the values of {@code JᵀJ} (column-parallel). Once per λ (or D): a
 * numeric factorization into the analysed pattern and two triangular solves; a second solve with the same λ and D
 * (geodesic acceleration) reuses the factor. Squares the condition number, like the dense cached-Gram Cholesky.
 *
 * <p>Copies made by {@link #fresh()} share the counters {@link #symbolicAnalyses()} and
 * {@link #numericFactorizations()} with the solver they came from, so a caller can see what a run did.
 */
public final class SparseCholeskySolver implements DampedSolver {
    /**
     * The minimum-degree ordering is computed only when the natural order's factor would hold more than this many
     * times the entries of {@code JᵀJ}'s upper triangle (banded and block-diagonal Jacobians need no ordering).
     */
    public static final double ORDERING_FILL_RATIO = 2.0;

    private final boolean ordered;
    private final AtomicInteger analyses;
    private final AtomicInteger factorizations;
    private CsrMatrix pattern;
    private SparseNormalMatrix normal;
    private SparseCholesky chol;
    private double[] shift;
    private double[] rhs;
    private FactoredShift factored;
    private boolean natural;

    /** With the minimum-degree ordering. */
    public SparseCholeskySolver() {
        this(true, new AtomicInteger(), new AtomicInteger());
    }

    private SparseCholeskySolver(boolean ordered, AtomicInteger analyses, AtomicInteger factorizations) {
        this.ordered = ordered;
        this.analyses = analyses;
        this.factorizations = factorizations;
    }

    /**
     * The same solver without a fill-reducing ordering (natural order; for banded Jacobians and for tests).
     *
     * @return a new solver with the natural order
     */
    public SparseCholeskySolver withNaturalOrder() {
        return new SparseCholeskySolver(false, analyses, factorizations);
    }

    /**
     * Symbolic analyses (ordering + symbolic factorization) made by this solver and its fresh copies.
     *
     * @return the number of symbolic analyses so far
     */
    public int symbolicAnalyses() {
        return analyses.get();
    }

    /**
     * Numeric factorizations made by this solver and its fresh copies.
     *
     * @return the number of numeric factorizations so far
     */
    public int numericFactorizations() {
        return factorizations.get();
    }

    /**
     * Entries of the last Cholesky factor L this instance computed, or 0 before its first analysis. The core loop
     * solves with a {@link #fresh()} copy of the solver it is given, so after a run the given instance reads 0 here;
     * read the count on the copy (for example from a damped-solver listener) or call {@code solve} directly.
     *
     * @return the number of non-zeros of L, or 0
     */
    public long factorNonZeros() {
        return chol == null ? 0 : chol.factorNonZeros();
    }

    @Override
    public String name() {
        return "sparse-cholesky";
    }

    @Override
    public DampedSolver fresh() {
        return new SparseCholeskySolver(ordered, analyses, factorizations);
    }

    @Override
    public boolean supports(Linearization lin) {
        return lin.sparseJacobian() != null;
    }

    @Override
    public SolveResult prepare(Linearization lin) {
        CsrMatrix j = lin.sparseJacobian();
        if (j == null) {
            return SolveResult.failed(SolveStatus.BREAKDOWN, "sparse Cholesky needs a sparse Jacobian");
        }
        if (pattern == null || !pattern.samePattern(j)) {
            SparseAnalysis analysis = SparseAnalysis.of(j, ordered);
            normal = analysis.normal();
            chol = analysis.symbolic();
            natural = analysis.natural();
            int n = normal.size();
            shift = new double[n];
            rhs = new double[n];
            factored = new FactoredShift(n);
            pattern = j;
            analyses.incrementAndGet();
        }
        normal.assemble(j);
        factored.invalidate();
        return SolveResult.ok("sparse JᵀJ, " + normal.nonZeros() + " entries in the upper triangle");
    }

    @Override
    public SolveResult solve(double lambda, double[] d, double[] residual, double[] gradient, double[] out) {
        int n = normal.size();
        int[] perm = normal.permutation();
        if (!factored.holds(lambda, d)) {
            factored.invalidate();
            for (int q = 0; q < n; q++) {
                double dj = d == null ? 1 : d[perm[q]];
                shift[q] = lambda * dj * dj;
            }
            factorizations.incrementAndGet();
            SolveResult f = chol.factor(normal.values(), shift, normal.diagonalPositions());
            if (!f.hasSolution()) {
                return f;
            }
            factored.factored(lambda, d);
        }
        if (natural) { // no permutation: solve in out
            for (int q = 0; q < n; q++) {
                out[q] = -gradient[q];
            }
            chol.solve(out, out);
        } else {
            for (int q = 0; q < n; q++) {
                rhs[q] = -gradient[perm[q]];
            }
            chol.solve(rhs, rhs);
            for (int q = 0; q < n; q++) {
                out[perm[q]] = rhs[q];
            }
        }
        if (!VectorOps.allFinite(n, out, 0)) {
            return SolveResult.failed(SolveStatus.NON_FINITE, "sparse Cholesky gave a non-finite step");
        }
        return SolveResult.ok("sparse Cholesky, " + chol.factorNonZeros() + " entries in L");
    }

}
