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
import org.gn4j.solvers.sparse.SparseQr;

/**
 * Sparse QR of the augmented matrix {@code [J; √λ·D]} for a sparse Jacobian: the damped step
 * {@code argmin ‖Jx + r‖² + λ‖Dx‖²} without forming {@code JᵀJ}, so the step meets the condition number of J rather
 * than its square (the sparse Cholesky of {@code JᵀJ + λD²} loses all digits once {@code κ(J)} nears 1e8). Once per
 * Jacobian pattern: the same analysis as {@link SparseCholeskySolver} (natural order, or a minimum-degree ordering
 * where the natural order fills in more than {@value SparseCholeskySolver#ORDERING_FILL_RATIO} times {@code JᵀJ}'s
 * entries) gives the column order and the pattern of R (that of Lᵀ), and {@link SparseQr} fixes the order in which
 * rows are merged. Once per λ (or D): one numeric QR by Givens rotations into that pattern, the right-hand side
 * {@code −r} rotated along, and a back substitution; a second solve with the same λ and D (geodesic acceleration)
 * reuses R (another right-hand side, as the geodesic acceleration's, needs its own QR, since Q is not kept). Nothing
 * depends on λ until the diagonal rows are merged, and they must be merged in column order among
 * J's rows to keep the rotations local, so each λ costs one numeric QR (about as many flops as a numeric Cholesky
 * plus the assembly of {@code JᵀJ} it replaces).
 *
 * <p>Copies made by {@link #fresh()} share the counters {@link #symbolicAnalyses()} and
 * {@link #numericFactorizations()} with the solver they came from.
 */
public final class SparseQrSolver implements DampedSolver {
    private final boolean ordered;
    private final AtomicInteger analyses;
    private final AtomicInteger factorizations;
    private CsrMatrix pattern;
    private CsrMatrix jacobian;
    private SparseQr qr;
    private int[] perm;
    private boolean natural;
    private double[] delta;
    private double[] rhs;
    private double[] y;
    private FactoredShift factored;

    /** With the minimum-degree ordering where the natural order fills in. */
    public SparseQrSolver() {
        this(true, new AtomicInteger(), new AtomicInteger());
    }

    private SparseQrSolver(boolean ordered, AtomicInteger analyses, AtomicInteger factorizations) {
        this.ordered = ordered;
        this.analyses = analyses;
        this.factorizations = factorizations;
    }

    /**
     * The same solver in the natural column order (for banded Jacobians and for tests).
     *
     * @return a new solver that never reorders the columns
     */
    public SparseQrSolver withNaturalOrder() {
        return new SparseQrSolver(false, analyses, factorizations);
    }

    /**
     * Symbolic analyses (ordering, pattern of R, merge order) made by this solver and its fresh copies.
     *
     * @return the number of symbolic analyses so far
     */
    public int symbolicAnalyses() {
        return analyses.get();
    }

    /**
     * Numeric QR factorizations made by this solver and its fresh copies.
     *
     * @return the number of numeric factorizations so far
     */
    public int numericFactorizations() {
        return factorizations.get();
    }

    /**
     * Entries of R of this instance's last analysis, or 0 before it (the core loop solves with a {@link #fresh()}
     * copy, so read this on the copy or after calling {@code prepare} directly).
     *
     * @return the number of stored entries of R, or 0
     */
    public long factorNonZeros() {
        return qr == null ? 0 : qr.factorNonZeros();
    }

    @Override
    public String name() {
        return "sparse-qr";
    }

    @Override
    public DampedSolver fresh() {
        return new SparseQrSolver(ordered, analyses, factorizations);
    }

    @Override
    public boolean supports(Linearization lin) {
        return lin.sparseJacobian() != null;
    }

    @Override
    public SolveResult prepare(Linearization lin) {
        CsrMatrix j = lin.sparseJacobian();
        if (j == null) {
            return SolveResult.failed(SolveStatus.BREAKDOWN, "sparse QR needs a sparse Jacobian");
        }
        if (pattern == null || !pattern.samePattern(j)) {
            // the column order and R's pattern (Lᵀ of the Cholesky of JᵀJ) from the sparse Cholesky's analysis
            SparseAnalysis analysis = SparseAnalysis.of(j, ordered);
            SparseNormalMatrix normal = analysis.normal();
            SparseCholesky symbolic = analysis.symbolic();
            int n = normal.size();
            perm = normal.permutation();
            natural = analysis.natural();
            qr = new SparseQr(j, natural ? null : normal.inversePermutation(), symbolic.factorColumnStarts(),
                    symbolic.factorRowIndices());
            delta = new double[n];
            y = new double[n];
            factored = new FactoredShift(n);
            rhs = new double[j.rows()];
            pattern = j;
            analyses.incrementAndGet();
        }
        jacobian = j;
        factored.invalidate();
        return SolveResult.ok("sparse QR, " + qr.factorNonZeros() + " entries in R");
    }

    @Override
    public SolveResult solve(double lambda, double[] d, double[] residual, double[] gradient, double[] out) {
        if (residual == null) {
            return SolveResult.failed(SolveStatus.BREAKDOWN, "sparse QR needs the residuals, found none");
        }
        int n = qr.size();
        // R carries Qᵀ(−r) with it: another right-hand side (the geodesic acceleration's r_vv) needs its own QR
        boolean sameRhs = true;
        for (int i = 0; i < rhs.length && sameRhs; i++) {
            sameRhs = rhs[i] == -residual[i];
        }
        if (!(factored.holds(lambda, d) && sameRhs)) {
            factored.invalidate();
            double root = Math.sqrt(lambda);
            for (int q = 0; q < n; q++) {
                delta[q] = root * (d == null ? 1 : d[perm[q]]);
            }
            for (int i = 0; i < rhs.length; i++) {
                rhs[i] = -residual[i];
            }
            factorizations.incrementAndGet();
            SolveResult f = qr.factor(jacobian, rhs, lambda > 0 ? delta : null);
            if (!f.hasSolution()) {
                return f;
            }
            factored.factored(lambda, d);
        }
        if (natural) {
            qr.solve(out);
        } else {
            qr.solve(y);
            for (int q = 0; q < n; q++) {
                out[perm[q]] = y[q];
            }
        }
        if (!VectorOps.allFinite(n, out, 0)) {
            return SolveResult.failed(SolveStatus.NON_FINITE, "sparse QR gave a non-finite step");
        }
        return SolveResult.ok("sparse QR, " + qr.factorNonZeros() + " entries in R");
    }

}
