package org.gn4j.solvers.dense;

import java.util.Arrays;
import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.QRPDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;

/**
 * Least-squares solver {@code min ‖Ax − b‖₂} for a {@code m × n} matrix with {@code m ≥ n}, by Householder QR
 * ({@code A = QR}, {@code x = R⁻¹ Qᵀ b}); square non-singular systems are the special case {@code m = n}.
 *
 * <p><b>Rank test.</b> After the unpivoted QR the solver compares {@code min |r_ii| / max |r_ii|} with the relative
 * rank tolerance τ (default {@code max(m, n)·ε}, ε = 2⁻⁵², see {@link #withRankTolerance(double)}). Since
 * {@code σ_min ≤ |r_ii| ≤ σ_max}, a ratio below τ proves {@code κ₂(A) > 1/τ}. The solver then switches to
 * column-pivoted QR ({@code AP = QR}, EJML {@code leastSquaresQrPivot}), whose rank r is the number of pivots before
 * the largest remaining column entry falls to {@code τ·max|a_ij|}; solves then return the minimum-norm least-squares
 * solution of the rank-r problem (EJML upgrades the basic solution {@code x_B = P [R₁₁⁻¹ (Qᵀb)₁; 0]} by removing its
 * component in the null space of {@code [R₁₁ R₁₂]}) with status {@link SolveStatus#RANK_DEFICIENT} when r &lt; n.
 * EJML's own {@code quality()} is not used: it is a product of n ratios and shrinks geometrically with n.
 *
 * <p><b>Residual.</b> Solves report {@code residualNorm = ‖Aᵀ(b − Ax)‖₂}, the optimality residual (the gradient of
 * {@code ½‖Ax − b‖²}, zero at every least-squares solution, whereas {@code ‖b − Ax‖} need not be small), and
 * {@code rhsNorm = ‖Aᵀb‖₂} (the optimality residual of {@code x = 0}), both computed against the stored copy of A in
 * O(mn).
 *
 * <p>For {@code m < n} use {@link DenseSvdSolver}, which returns the minimum-norm solution of an underdetermined
 * system.
 */
public final class DenseQrSolver extends AbstractDenseSolver {
    private final double rankTolerance;
    private final DMatrixRMaj work = new DMatrixRMaj(0, 0);
    private LinearSolverDense<DMatrixRMaj> qr;
    private int qrRows = -1;
    private int qrCols = -1;
    private LinearSolverDense<DMatrixRMaj> qrp;
    private LinearSolverDense<DMatrixRMaj> active;
    private int rank;
    private boolean pivoted;

    /** Creates an unprepared solver with the default rank tolerance {@code max(m, n)·ε}. */
    public DenseQrSolver() {
        this(Double.NaN);
    }

    private DenseQrSolver(double rankTolerance) {
        this.rankTolerance = rankTolerance;
    }

    /**
     * A new, unprepared solver with the given relative rank tolerance τ (see the class documentation).
     *
     * @param tolerance τ, finite and ≥ 0; 0 switches to pivoted QR only when some {@code r_ii} is exactly 0
     * @return a new unprepared solver with rank tolerance τ; this one is unchanged
     * @throws IllegalArgumentException if {@code tolerance} is negative, NaN or infinite
     */
    public DenseQrSolver withRankTolerance(double tolerance) {
        ArgumentChecks.requireNonNegative("tolerance", tolerance);
        return new DenseQrSolver(tolerance);
    }

    /**
     * The relative rank tolerance τ used for an {@code m × n} matrix: the configured one or {@code max(m, n)·ε}.
     *
     * @param m rows of the matrix
     * @param n columns of the matrix
     * @return τ, the relative rank tolerance for that shape
     */
    public double rankTolerance(int m, int n) {
        return Double.isNaN(rankTolerance) ? Math.max(m, n) * EPS : rankTolerance;
    }

    /**
     * Factors {@code A}.
     *
     * @param a {@code m × n} with {@code m ≥ n}; copied, never modified
     * @return CONVERGED (full rank), RANK_DEFICIENT (pivoted QR found rank r &lt; n; solves still work), NON_FINITE
     *         (A holds NaN or ±Inf) or SINGULAR (EJML's pivoted QR failed)
     * @throws IllegalArgumentException if {@code a} is null or has fewer rows than columns
     */
    @Override
    public SolveResult factor(DMatrixRMaj a) {
        return super.factor(a);
    }

    /**
     * Solves {@code min ‖Ax − b‖₂} with the last successful factorization.
     *
     * @param b right-hand side, length m, finite; unchanged unless it is the same array as {@code x} (possible only
     *          when m = n)
     * @param x output, length n; left unchanged when the status has no solution
     * @return CONVERGED or RANK_DEFICIENT with {@code ‖Aᵀ(b − Ax)‖₂} and {@code ‖Aᵀb‖₂}; NON_FINITE if the back
     *         substitution overflowed
     * @throws IllegalArgumentException if a length is wrong or {@code b} has a non-finite entry
     * @throws IllegalStateException    if no factorization has succeeded
     */
    @Override
    public SolveResult solve(double[] b, double[] x) {
        return super.solve(b, x);
    }

    /**
     * Numerical rank found by the last factorization: n when the unpivoted QR passed the rank test.
     *
     * @return the numerical rank, in [0, n]
     */
    public int rank() {
        return rank;
    }

    /**
     * True when the last factorization fell back to column-pivoted QR.
     *
     * @return true when column-pivoted QR was used, false for plain QR
     */
    public boolean isPivoted() {
        return pivoted;
    }

    @Override
    void checkShape(int numRows, int numCols) {
        if (numRows < numCols) {
            throw new IllegalArgumentException("a is " + numRows + "x" + numCols + ", expected rows >= cols (QR least"
                    + " squares); use DenseSvdSolver for the minimum-norm solution of an underdetermined system");
        }
    }

    @Override
    SolveResult decompose() {
        int m = rows;
        int n = cols;
        rank = 0;
        pivoted = false;
        active = null;
        if (n == 0) {
            return SolveResult.ok(m + "x0 system");
        }
        double tol = rankTolerance(m, n);
        if (qr == null || qrRows != m || qrCols != n) {
            qr = LinearSolverFactory_DDRM.leastSquares(m, n);
            qrRows = m;
            qrCols = n;
        }
        double ratio = 0;
        if (qr.setA(input(qr))) {
            double[] range = triangularDiagonalRange(qr.getDecomposition(), n);
            ratio = range[1] > 0 ? range[0] / range[1] : 0.0;
        }
        if (ratio > tol) {
            rank = n;
            active = qr;
            return SolveResult.ok(String.format(Locale.ROOT, "%dx%d, full rank, min/max |r_ii| %.3e", m, n, ratio));
        }

        // R is numerically rank deficient: AP = QR with column pivoting, rank from the pivot sizes.
        if (qrp == null) {
            qrp = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
        }
        QRPDecomposition_F64<DMatrixRMaj> decomposition = qrp.getDecomposition();
        decomposition.setSingularThreshold(tol);
        pivoted = true;
        if (!qrp.setA(input(qrp))) {
            return SolveResult.failed(SolveStatus.SINGULAR, "column-pivoted QR failed");
        }
        rank = decomposition.getRank();
        active = qrp;
        String message = String.format(Locale.ROOT, "%dx%d, rank %d (min/max |r_ii| %.3e of unpivoted QR < %.3e)", m,
                n, rank, ratio, tol);
        return rank < n ? new SolveResult(SolveStatus.RANK_DEFICIENT, 0, Double.NaN, Double.NaN, message)
                : SolveResult.ok(message);
    }

    private DMatrixRMaj input(LinearSolverDense<DMatrixRMaj> solver) {
        if (!solver.modifiesA()) {
            return a;
        }
        work.setTo(a);
        return work;
    }

    @Override
    void solveInto(DMatrixRMaj b, DMatrixRMaj x) {
        if (cols == 0) {
            return;
        }
        if (rank == 0) {
            // Every column is negligible: the minimum-norm least-squares solution is x = 0.
            Arrays.fill(x.data, 0, cols, 0.0);
            return;
        }
        active.solve(b, x);
    }

    @Override
    boolean reportsNormalResidual() {
        return true;
    }

    @Override
    SolveStatus solvedStatus() {
        return rank < cols ? SolveStatus.RANK_DEFICIENT : SolveStatus.CONVERGED;
    }

    @Override
    String solvedMessage() {
        return rank < cols ? "rank " + rank + " of " + cols + ", minimum-norm least-squares solution" : "";
    }
}
