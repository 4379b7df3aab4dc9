package org.gn4j.gn.sparse;

import java.util.concurrent.atomic.AtomicInteger;

import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.FactoredShift;
import org.gn4j.gn.core.Linearization;
import org.gn4j.linalg.VectorOps;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.solvers.sparse.CsrMatrix;

/**
 * What the sparse factorizing damped solvers ({@link SparseCholeskySolver}, {@link SparseQrSolver}) share: the
 * {@link SparseAnalysis} of J's pattern, made once per pattern (natural order, or a minimum-degree order where the
 * natural one fills in), the column permutation it chose, the λ and D the numeric factor holds
 * ({@link FactoredShift}), the counters of analyses and numeric factorizations (shared by a solver and its
 * {@link #fresh()} copies, so a caller can see what a run did), and the skeleton of a solve: factor where the held
 * factor is not of this λ, D (and right-hand side, for a factor that carries it), solve in the analysed order, write
 * the step back in J's column order and check it is finite.
 */
abstract class SparseFactorSolver implements DampedSolver {
    /** Counters shared by a solver and its fresh copies. */
    record Counters(AtomicInteger analyses, AtomicInteger factorizations) {
        Counters() {
            this(new AtomicInteger(), new AtomicInteger());
        }
    }

    final boolean ordered;
    final Counters counters;
    private CsrMatrix pattern;
    /** The analysed column order: column q of the factor is J's column {@code perm[q]}. */
    int[] perm;
    /** Whether {@link #perm} is the identity. */
    boolean natural;
    private FactoredShift factored;
    private double[] permuted;

    SparseFactorSolver(boolean ordered, Counters counters) {
        this.ordered = ordered;
        this.counters = counters;
    }

    /** The factorization's name in messages ("sparse Cholesky", "sparse QR"). */
    abstract String label();

    /**
     * Sets up the numeric factor's structure from a new pattern's analysis.
     *
     * @param analysis the analysis of j's pattern
     * @param j the Jacobian (its values are those of the current linearization)
     */
    abstract void analysed(SparseAnalysis analysis, CsrMatrix j);

    /**
     * Per linearization, after the pattern is known: what the factor needs of J's values.
     *
     * @param j the Jacobian of the linearization
     * @return the outcome of {@link #prepare}
     */
    abstract SolveResult assemble(CsrMatrix j);

    /**
     * Why this solver cannot solve with these residuals, or null when it can.
     *
     * @param residual r of the solve, or null for a Gram-only linearization
     * @return a failed result, or null
     */
    SolveResult refuses(double[] residual) {
        return null;
    }

    /**
     * Whether the held factor serves this right-hand side as well (always, for a factor that does not carry one).
     *
     * @param residual r of the solve
     * @return true when the factor of this λ and D can be reused for it
     */
    boolean servesResidual(double[] residual) {
        return true;
    }

    /**
     * The numeric factorization of {@code JᵀJ + λD²} (or of {@code [J; √λD]}) into the analysed pattern.
     *
     * @param lambda the damping
     * @param d the scaling, or null for the identity
     * @param residual r (not refused by {@link #refuses}), for a factor that carries {@code −Qᵀr}
     * @return the outcome; a failure leaves no factor held
     */
    abstract SolveResult factor(double lambda, double[] d, double[] residual);

    /**
     * Solves with the held factor into {@code y}, in the analysed column order.
     *
     * @param gradient Jᵀr in J's column order
     * @param y the step in the analysed order (length n)
     */
    abstract void solveFactored(double[] gradient, double[] y);

    /**
     * The analysis that gave the current structure, for another solver of the same pattern, or null (a solver that
     * does not keep it).
     *
     * @return the analysis, or null
     */
    SparseAnalysis analysis() {
        return null;
    }

    /** The Jacobian whose pattern was analysed, or null before the first analysis. */
    final CsrMatrix pattern() {
        return pattern;
    }

    /**
     * Symbolic analyses (ordering and symbolic factorization) made by this solver and its fresh copies.
     *
     * @return the number of symbolic analyses so far
     */
    public final int symbolicAnalyses() {
        return counters.analyses().get();
    }

    /**
     * Numeric factorizations made by this solver and its fresh copies.
     *
     * @return the number of numeric factorizations so far
     */
    public final int numericFactorizations() {
        return counters.factorizations().get();
    }

    @Override
    public final boolean supports(Linearization lin) {
        return lin.sparseJacobian() != null;
    }

    @Override
    public final SolveResult prepare(Linearization lin) {
        CsrMatrix j = lin.sparseJacobian();
        if (j == null) {
            return SolveResult.failed(SolveStatus.BREAKDOWN, label() + " needs a sparse Jacobian");
        }
        if (pattern == null || !pattern.samePattern(j)) {
            counters.analyses().incrementAndGet();
            adopt(SparseAnalysis.of(j, ordered), j);
        }
        factored.invalidate();
        return assemble(j);
    }

    /**
     * Takes an analysis of j's pattern, made here (counted in {@link #symbolicAnalyses()}) or by another sparse solver
     * of the same pattern and ordering rule (not counted here).
     *
     * @param analysis the analysis of j's pattern
     * @param j the Jacobian
     */
    final void adopt(SparseAnalysis analysis, CsrMatrix j) {
        perm = analysis.normal().permutation();
        natural = analysis.natural();
        int n = perm.length;
        factored = new FactoredShift(n);
        permuted = natural ? null : new double[n];
        pattern = j;
        analysed(analysis, j);
    }

    @Override
    public final SolveResult solve(double lambda, double[] d, double[] residual, double[] gradient, double[] out) {
        SolveResult refused = refuses(residual);
        if (refused != null) {
            return refused;
        }
        if (!(factored.holds(lambda, d) && servesResidual(residual))) {
            factored.invalidate();
            counters.factorizations().incrementAndGet();
            SolveResult f = factor(lambda, d, residual);
            if (!f.hasSolution()) {
                return f;
            }
            factored.factored(lambda, d);
        }
        int n = perm.length;
        if (natural) {
            solveFactored(gradient, out);
        } else {
            solveFactored(gradient, permuted);
            for (int q = 0; q < n; q++) {
                out[perm[q]] = permuted[q];
            }
        }
        if (!VectorOps.allFinite(n, out, 0)) {
            return SolveResult.failed(SolveStatus.NON_FINITE, label() + " gave a non-finite step");
        }
        return SolveResult.ok(label() + ", " + factorNonZeros() + " entries in the factor");
    }

    /**
     * Entries of this instance's factor (L or R) from its last analysis, or 0 before it. The core loop solves with
     * a {@link #fresh()} copy of the solver it is given, so after a run the given instance reads 0 here; read the
     * count on the copy (for example from a damped-solver listener) or after calling {@code prepare} directly.
     *
     * @return the number of stored entries of the factor, or 0
     */
    public abstract long factorNonZeros();
}
