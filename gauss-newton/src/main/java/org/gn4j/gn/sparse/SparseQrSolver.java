package org.gn4j.gn.sparse;

import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.solvers.sparse.CsrMatrix;
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
public final class SparseQrSolver extends SparseFactorSolver {
    private CsrMatrix jacobian;
    private SparseQr qr;
    private double[] delta;
    private double[] rhs;

    /** With the minimum-degree ordering where the natural order fills in. */
    public SparseQrSolver() {
        this(true, new Counters());
    }

    private SparseQrSolver(boolean ordered, Counters counters) {
        super(ordered, counters);
    }

    /**
     * The same solver in the natural column order (for banded Jacobians and for tests).
     *
     * @return a new solver that never reorders the columns
     */
    public SparseQrSolver withNaturalOrder() {
        return new SparseQrSolver(false, counters);
    }

    @Override
    public long factorNonZeros() {
        return qr == null ? 0 : qr.factorNonZeros();
    }

    @Override
    public String name() {
        return "sparse-qr";
    }

    @Override
    public SparseQrSolver fresh() {
        return new SparseQrSolver(ordered, counters);
    }

    @Override
    String label() {
        return "sparse QR";
    }

    @Override
    void analysed(SparseAnalysis analysis, CsrMatrix j) {
        // the column order and R's pattern (Lᵀ of the Cholesky of JᵀJ) from the sparse Cholesky's analysis
        qr = new SparseQr(j, natural ? null : analysis.normal().inversePermutation(),
                analysis.symbolic().factorColumnStarts(), analysis.symbolic().factorRowIndices());
        delta = new double[qr.size()];
        rhs = new double[j.rows()];
    }

    @Override
    SolveResult assemble(CsrMatrix j) {
        jacobian = j;
        return SolveResult.ok("sparse QR, " + qr.factorNonZeros() + " entries in R");
    }

    @Override
    SolveResult refuses(double[] residual) {
        return residual == null ? SolveResult.failed(SolveStatus.BREAKDOWN, "sparse QR needs the residuals, found none")
                : null;
    }

    @Override
    boolean servesResidual(double[] residual) {
        // R carries Qᵀ(−r) with it: another right-hand side (the geodesic acceleration's r_vv) needs its own QR
        for (int i = 0; i < rhs.length; i++) {
            if (rhs[i] != -residual[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    SolveResult factor(double lambda, double[] d, double[] residual) {
        int n = qr.size();
        double root = Math.sqrt(lambda);
        for (int q = 0; q < n; q++) {
            delta[q] = root * (d == null ? 1 : d[perm[q]]);
        }
        for (int i = 0; i < rhs.length; i++) {
            rhs[i] = -residual[i];
        }
        return qr.factor(jacobian, rhs, lambda > 0 ? delta : null);
    }

    @Override
    void solveFactored(double[] gradient, double[] y) {
        qr.solve(y);
    }
}
