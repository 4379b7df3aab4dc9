package org.gn4j.solvers.dense;

import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;

/**
 * Minimum-norm least-squares solver for a {@code m × n} matrix of any shape, by the thin singular value decomposition
 * {@code A = U Σ Vᵀ} ({@code k = min(m, n)}, U {@code m × k}, V {@code n × k}):
 * {@code x = A⁺b = Σ_{σ_i > c} v_i (u_iᵀ b) / σ_i}, the shortest x among the minimizers of {@code ‖Ax − b‖₂}.
 * Singular values at or below the cutoff {@code c = τ·σ_max} are treated as zero (relative tolerance τ, default
 * {@code max(m, n)·ε} with ε = 2⁻⁵², the LAPACK/NumPy default, see {@link #withTolerance(double)}); the numerical
 * rank is the number of singular values above c.
 *
 * <p>Statuses: {@link SolveStatus#CONVERGED} when {@code rank = min(m, n)}, {@link SolveStatus#RANK_DEFICIENT} when
 * smaller (the solution is still the minimum-norm least-squares one), {@link SolveStatus#NON_FINITE} for a matrix
 * with NaN or ±Inf, {@link SolveStatus#SINGULAR} when EJML's SVD fails to converge.
 *
 * <p>Solves cost O((m + n)·k) and report, like {@link DenseQrSolver}, the optimality residual
 * {@code residualNorm = ‖Aᵀ(b − Ax)‖₂} and {@code rhsNorm = ‖Aᵀb‖₂}.
 */
public final class DenseSvdSolver extends AbstractDenseSolver {
    private final double tolerance;
    private final DMatrixRMaj work = new DMatrixRMaj(0, 0);
    private final DMatrixRMaj u = new DMatrixRMaj(0, 0);
    private final DMatrixRMaj v = new DMatrixRMaj(0, 0);
    private SingularValueDecomposition_F64<DMatrixRMaj> svd;
    private int svdRows = -1;
    private int svdCols = -1;
    private double[] sigma = new double[0];
    private double[] coefficients = new double[0];
    private int k;
    private int rank;
    private double cutoff = Double.NaN;

    /** Creates an unprepared solver with the default relative tolerance {@code max(m, n)·ε}. */
    public DenseSvdSolver() {
        this(Double.NaN);
    }

    private DenseSvdSolver(double tolerance) {
        this.tolerance = tolerance;
    }

    /**
     * A new, unprepared solver whose singular-value cutoff is {@code tolerance·σ_max}.
     *
     * @param tolerance relative tolerance τ, finite and ≥ 0 (0 keeps every non-zero singular value)
     * @return a new unprepared solver with cutoff {@code tolerance·σ_max}; this one is unchanged
     * @throws IllegalArgumentException if {@code tolerance} is negative, NaN or infinite
     */
    public DenseSvdSolver withTolerance(double tolerance) {
        ArgumentChecks.requireNonNegative("tolerance", tolerance);
        return new DenseSvdSolver(tolerance);
    }

    /**
     * The relative tolerance τ used for an {@code m × n} matrix: the configured one or {@code max(m, n)·ε}.
     *
     * @param m rows of the matrix
     * @param n columns of the matrix
     * @return τ, the relative singular-value cutoff for that shape
     */
    public double tolerance(int m, int n) {
        return Double.isNaN(tolerance) ? Math.max(m, n) * EPS : tolerance;
    }

    /**
     * Factors {@code A}.
     *
     * @param a {@code m × n}, any shape; copied, never modified
     * @return CONVERGED, RANK_DEFICIENT (solves still work), NON_FINITE or SINGULAR, see the class documentation
     * @throws IllegalArgumentException if {@code a} is null
     */
    @Override
    public SolveResult factor(DMatrixRMaj a) {
        return super.factor(a);
    }

    /**
     * Computes the minimum-norm least-squares solution {@code x = A⁺b} with the last successful factorization.
     *
     * @param b right-hand side, length m, finite; unchanged unless it is the same array as {@code x} (possible only
     *          when m = n)
     * @param x output, length n; left unchanged when the status has no solution
     * @return CONVERGED or RANK_DEFICIENT with {@code ‖Aᵀ(b − Ax)‖₂} and {@code ‖Aᵀb‖₂}
     * @throws IllegalArgumentException if a length is wrong or {@code b} has a non-finite entry
     * @throws IllegalStateException    if no factorization has succeeded
     */
    @Override
    public SolveResult solve(double[] b, double[] x) {
        return super.solve(b, x);
    }

    /**
     * Numerical rank of the last factorization: the number of singular values above {@link #cutoff()}.
     *
     * @return the number of singular values above the cutoff, in [0, min(m, n)]
     */
    public int rank() {
        return rank;
    }

    /**
     * The absolute cutoff {@code τ·σ_max} of the last factorization (NaN before one).
     *
     * @return the absolute cutoff {@code τ·σ_max}, or NaN before the first factorization
     */
    public double cutoff() {
        return cutoff;
    }

    /**
     * A copy of the singular values of the last factorization, length {@code min(m, n)}, in the order EJML returns
     * them (not sorted).
     *
     * @return a new array of length {@code min(m, n)}
     */
    public double[] singularValues() {
        return java.util.Arrays.copyOf(sigma, k);
    }

    @Override
    void checkShape(int numRows, int numCols) {
        // any shape
    }

    @Override
    SolveResult decompose() {
        int m = rows;
        int n = cols;
        k = Math.min(m, n);
        rank = 0;
        cutoff = Double.NaN;
        if (k == 0) {
            cutoff = 0;
            return SolveResult.ok(m + "x" + n + " system");
        }
        if (svd == null || svdRows != m || svdCols != n) {
            svd = DecompositionFactory_DDRM.svd(m, n, true, true, true);
            svdRows = m;
            svdCols = n;
        }
        DMatrixRMaj input = a;
        if (svd.inputModified()) {
            work.setTo(a);
            input = work;
        }
        if (!svd.decompose(input)) {
            return SolveResult.failed(SolveStatus.SINGULAR, "SVD of the " + m + "x" + n + " matrix did not converge");
        }
        svd.getU(u, false);
        svd.getV(v, false);
        if (sigma.length < k) {
            sigma = new double[k];
            coefficients = new double[k];
        }
        System.arraycopy(svd.getSingularValues(), 0, sigma, 0, k);
        double sigmaMax = 0;
        for (int i = 0; i < k; i++) {
            sigmaMax = Math.max(sigmaMax, sigma[i]);
        }
        cutoff = tolerance(m, n) * sigmaMax;
        for (int i = 0; i < k; i++) {
            if (sigma[i] > cutoff) {
                rank++;
            }
        }
        String message = String.format(Locale.ROOT, "%dx%d, rank %d, sigma_max %.3e, cutoff %.3e", m, n, rank,
                sigmaMax, cutoff);
        return rank < k ? new SolveResult(SolveStatus.RANK_DEFICIENT, 0, Double.NaN, Double.NaN, message)
                : SolveResult.ok(message);
    }

    @Override
    void solveInto(DMatrixRMaj b, DMatrixRMaj x) {
        int m = rows;
        int n = cols;
        double[] ud = u.data;
        double[] vd = v.data;
        double[] bd = b.data;
        double[] xd = x.data;
        // c_i = (u_iᵀ b) / σ_i for the kept singular values, 0 for the discarded ones (Σ⁺ Uᵀ b).
        java.util.Arrays.fill(coefficients, 0, k, 0.0);
        for (int r = 0; r < m; r++) {
            double br = bd[r];
            int row = r * k;
            for (int i = 0; i < k; i++) {
                coefficients[i] += ud[row + i] * br;
            }
        }
        for (int i = 0; i < k; i++) {
            coefficients[i] = sigma[i] > cutoff ? coefficients[i] / sigma[i] : 0.0;
        }
        // x = V c.
        for (int j = 0; j < n; j++) {
            double s = 0;
            int row = j * k;
            for (int i = 0; i < k; i++) {
                s += vd[row + i] * coefficients[i];
            }
            xd[j] = s;
        }
    }

    @Override
    boolean reportsNormalResidual() {
        return true;
    }

    @Override
    SolveStatus solvedStatus() {
        return rank < k ? SolveStatus.RANK_DEFICIENT : SolveStatus.CONVERGED;
    }

    @Override
    String solvedMessage() {
        return rank < k ? "rank " + rank + " of " + k + ", minimum-norm least-squares solution" : "";
    }
}
