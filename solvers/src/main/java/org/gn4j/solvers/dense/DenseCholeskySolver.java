package org.gn4j.solvers.dense;

import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;

/**
 * Cholesky solver for a symmetric positive definite {@code n × n} system {@code A x = b}: {@code A = L Lᵀ}, then two
 * triangular solves per right-hand side. EJML picks the kernel by size ({@link LinearSolverFactory_DDRM#chol(int)}:
 * row-major below 1000, blocked above).
 *
 * <p>Only the lower triangle of {@code A} is read by the factorization; {@code A} is assumed symmetric and this is not
 * checked. The residual reported by {@link #solve(double[], double[])} uses the whole stored copy of {@code A}.
 *
 * <p>Factor statuses:
 * <ul>
 *   <li>{@link SolveStatus#NON_FINITE}: A holds NaN or ±Inf (the message names the first entry);</li>
 *   <li>{@link SolveStatus#NOT_POSITIVE_DEFINITE}: a pivot {@code l_ii²} was not positive;</li>
 *   <li>{@link SolveStatus#SINGULAR}: the factorization succeeded but
 *       {@code min l_ii² / max l_ii² < n·ε} (see {@link #singularityThreshold()});</li>
 *   <li>{@link SolveStatus#CONVERGED} otherwise.</li>
 * </ul>
 *
 * <p>Solves report {@code residualNorm = ‖b − Ax‖₂} (computed against the stored copy of A, O(n²)) and
 * {@code rhsNorm = ‖b‖₂}.
 */
public final class DenseCholeskySolver extends AbstractDenseSolver {
    private final DMatrixRMaj work = new DMatrixRMaj(0, 0);
    private LinearSolverDense<DMatrixRMaj> chol;
    private int cholSize = -1;
    private double pivotRatio = Double.NaN;

    /** Creates an unprepared solver; call {@link #factor(DMatrixRMaj)} before solving. */
    public DenseCholeskySolver() {
    }

    /**
     * Factors the symmetric positive definite {@code A}.
     *
     * @param a square {@code n × n}, symmetric (lower triangle read); copied, never modified
     * @return CONVERGED, NON_FINITE, NOT_POSITIVE_DEFINITE or SINGULAR, see the class documentation
     * @throws IllegalArgumentException if {@code a} is null or not square
     */
    @Override
    public SolveResult factor(DMatrixRMaj a) {
        return super.factor(a);
    }

    /**
     * Solves {@code A x = b} with the last successful factorization.
     *
     * @param b right-hand side, length n, finite; unchanged unless it is the same array as {@code x}
     * @param x output, length n; may be {@code b}; left unchanged when the status has no solution
     * @return CONVERGED with {@code ‖b − Ax‖₂} and {@code ‖b‖₂}, or NON_FINITE if the triangular solves overflowed
     * @throws IllegalArgumentException if a length is wrong or {@code b} has a non-finite entry
     * @throws IllegalStateException    if no factorization has succeeded
     */
    @Override
    public SolveResult solve(double[] b, double[] x) {
        return super.solve(b, x);
    }

    /**
     * The ratio {@code min l_ii² / max l_ii²} of the last factorization (NaN before one). For SPD A the pivots
     * {@code l_ii²} are Schur complements and lie in {@code [λ_min, λ_max]}, so this ratio is at least
     * {@code 1/κ₂(A)}: a tiny ratio proves A is nearly singular (the converse does not hold; this is a cheap test,
     * not a condition estimate).
     *
     * @return the pivot ratio in [0, 1], or NaN before the first factorization
     */
    public double pivotRatio() {
        return pivotRatio;
    }

    /**
     * The threshold below which {@link #pivotRatio()} makes the factorization SINGULAR: {@code n·ε} with
     * {@code ε = 2⁻⁵²} (n of the last factorization). A ratio this small means {@code κ₂(A) > 1/(n·ε)}, where the
     * computed solution carries no correct digits.
     *
     * <p>EJML's own {@code quality()} is not used: for Cholesky and QR it is the <em>product</em> of
     * {@code |t_ii| / max |t_jj|}, which shrinks geometrically with n (about 1e-50 for a well-posed 50 × 50 matrix of
     * condition 1e4) and so cannot be compared with a fixed threshold.
     *
     * @return {@code n·2⁻⁵²} for the order n of the last factorization
     */
    public double singularityThreshold() {
        return rows * EPS;
    }

    @Override
    void checkShape(int numRows, int numCols) {
        if (numRows != numCols) {
            throw new IllegalArgumentException("a is " + numRows + "x" + numCols + ", expected a square matrix ("
                    + numRows + "x" + numRows + ")");
        }
    }

    @Override
    SolveResult decompose() {
        int n = rows;
        pivotRatio = Double.NaN;
        if (n == 0) {
            return SolveResult.ok("0x0 system");
        }
        if (chol == null || cholSize != n) {
            chol = LinearSolverFactory_DDRM.chol(n);
            cholSize = n;
        }
        DMatrixRMaj input = a;
        if (chol.modifiesA()) {
            work.setTo(a);
            input = work;
        }
        if (!chol.setA(input)) {
            return SolveResult.failed(SolveStatus.NOT_POSITIVE_DEFINITE,
                    "Cholesky met a non-positive pivot: the " + n + "x" + n + " matrix is not positive definite");
        }
        double[] range = triangularDiagonalRange(chol.getDecomposition(), n);
        double ratio = range[1] > 0 ? (range[0] / range[1]) * (range[0] / range[1]) : 0.0;
        pivotRatio = ratio;
        if (!(ratio >= singularityThreshold())) {
            return SolveResult.failed(SolveStatus.SINGULAR, String.format(Locale.ROOT, 
                    "min/max Cholesky pivot %.3e < n*eps = %.3e: singular to working precision", ratio,
                    singularityThreshold()));
        }
        return SolveResult.ok(String.format(Locale.ROOT, "%dx%d, min/max pivot %.3e", n, n, ratio));
    }

    @Override
    void solveInto(DMatrixRMaj b, DMatrixRMaj x) {
        if (rows == 0) {
            return;
        }
        chol.solve(b, x);
    }

    @Override
    boolean reportsNormalResidual() {
        return false;
    }
}
