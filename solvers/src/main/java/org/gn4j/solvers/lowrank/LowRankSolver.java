package org.gn4j.solvers.lowrank;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.VectorOps;
import org.gn4j.linalg.blas.Blas;
import org.gn4j.linalg.blas.BlasProvider;
import org.gn4j.linalg.blas.Transpose;
import org.gn4j.solvers.LinearSolver;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;

/**
 * Solves damped systems whose matrix is a low-rank Gram matrix plus a shift, for a short and wide factor U
 * ({@code k×d}, {@code k ≪ d}: a mini-batch Jacobian), in the small {@code k}-dimensional space:
 * <ul>
 *   <li>push-through (Duncan-Guttman) form, the exact Levenberg-Marquardt step of EGN:
 *       {@code x = (UᵀU + μI)⁻¹Uᵀh = Uᵀ(UUᵀ + μI)⁻¹h} — {@link #solvePushThrough};</li>
 *   <li>normal form, by the Woodbury identity
 *       {@code (UᵀU + μI)⁻¹ = (1/μ)(I − Uᵀ(UUᵀ + μI)⁻¹U)} — {@link #solveNormal} (also {@link #solve});</li>
 *   <li>the small system itself {@code y = (UUᵀ + μI)⁻¹h} — {@link #solveSmall}.</li>
 * </ul>
 * Three phases, as the step loop of a damped method needs them: {@link #setFactor} computes the Gram matrix
 * {@code UUᵀ} once through the {@link Blas} seam ({@code syrk}, {@code O(k²d)}); {@link #factor} adds μ and takes the
 * Cholesky factor of the {@code k×k} matrix ({@code O(k³)}, repeated whenever the damping changes); the solves then
 * cost {@code O(kd)} each. No {@code d×d} matrix is ever formed.
 *
 * <p>U is referenced, not copied: it must not change between {@link #setFactor} and the solves. An instance owns its
 * work buffers and is not thread-safe.
 */
public final class LowRankSolver implements LinearSolver {
    private final Blas blas;

    private double[] u;
    private int k = -1;
    private int d = -1;
    private DMatrixRMaj gram;
    private DMatrixRMaj shifted;
    private CholeskyDecomposition_F64<DMatrixRMaj> cholesky;
    private DMatrixRMaj lower;
    private double mu = Double.NaN;
    private boolean factored;

    private double[] workK;
    private double[] workD;
    private double[] copyD;

    /** Uses the process-wide {@link BlasProvider#blas()}. */
    public LowRankSolver() {
        this(BlasProvider.blas());
    }

    /**
     * Uses the given BLAS for the Gram matrix and the {@code U}, {@code Uᵀ} products.
     *
     * @param blas the BLAS used for {@code syrk} and {@code dgemv} calls, not null
     * @throws IllegalArgumentException if blas is null
     */
    public LowRankSolver(Blas blas) {
        if (blas == null) {
            throw new IllegalArgumentException("blas must not be null");
        }
        this.blas = blas;
    }

    /**
     * Binds the factor given as an EJML matrix ({@code k×d}); see {@link #setFactor(double[], int, int)}.
     *
     * @param u the k×d factor, referenced (its row-major data array is used without copying)
     * @return as {@link #setFactor(double[], int, int)}
     */
    public SolveResult setFactor(DMatrixRMaj u) {
        return setFactor(u.data, u.numRows, u.numCols);
    }

    /**
     * Binds the row-major factor U ({@code k×d}) and computes its Gram matrix {@code UUᵀ}. Any previous factorization
     * is discarded.
     *
     * @param u row-major k×d factor, length ≥ k·d; referenced, not copied
     * @param k rows of U (the small dimension), ≥ 0
     * @param d columns of U (the order of the normal system), ≥ 0
     * @return {@link SolveStatus#NON_FINITE} if U holds a NaN or infinity, else {@link SolveStatus#CONVERGED}
     * @throws IllegalArgumentException if the array is shorter than {@code k·d} or a dimension is negative
     */
    public SolveResult setFactor(double[] u, int k, int d) {
        ArgumentChecks.requireNonNegative("k", k);
        ArgumentChecks.requireNonNegative("d", d);
        ArgumentChecks.requireRange("u", u, 0, k * d);
        factored = false;
        mu = Double.NaN;
        if (!VectorOps.allFinite(k * d, u, 0)) {
            this.u = null;
            return SolveResult.failed(SolveStatus.NON_FINITE, "the factor U holds a non-finite value");
        }
        if (k != this.k) {
            gram = new DMatrixRMaj(k, k);
            shifted = new DMatrixRMaj(k, k);
            cholesky = DecompositionFactory_DDRM.chol(Math.max(1, k), true);
            lower = new DMatrixRMaj(k, k);
            workK = new double[k];
        }
        if (d != this.d) {
            workD = new double[d];
            copyD = new double[d];
        }
        this.u = u;
        this.k = k;
        this.d = d;
        // Gram matrix G = U Uᵀ (k×k), exactly symmetric
        blas.dsyrk(Transpose.NO, k, d, 1.0, u, 0, Math.max(1, d), 0.0, gram.data, 0, Math.max(1, k));
        return SolveResult.ok("Gram matrix " + k + "x" + k + " formed");
    }

    /**
     * Factors {@code UUᵀ + μI} by Cholesky.
     *
     * @param mu damping {@code μ >= 0}; 0 is allowed when U has full row rank
     * @return {@link SolveStatus#CONVERGED}; {@link SolveStatus#NOT_POSITIVE_DEFINITE} if Cholesky fails (μ = 0 with
     *         U rank-deficient); {@link SolveStatus#SINGULAR} if the factor's estimated condition
     *         {@code (max L_ii / min L_ii)²} exceeds {@code 1/(}{@value #SINGULAR_PIVOT_RATIO}{@code ·k·ε)} (a
     *         rank-deficient U with μ = 0 whose Cholesky survived on rounding-level pivots)
     * @throws IllegalArgumentException if μ is negative or not finite
     * @throws IllegalStateException    if no factor was set
     */
    public SolveResult factor(double mu) {
        ArgumentChecks.requireNonNegative("mu", mu);
        if (u == null) {
            throw new IllegalStateException("LowRankSolver.factor called before a successful setFactor");
        }
        factored = false;
        this.mu = mu;
        if (k == 0) {
            factored = true;
            return SolveResult.ok("empty factor");
        }
        shifted.setTo(gram);
        for (int i = 0; i < k; i++) {
            shifted.data[i * k + i] += mu;
        }
        if (!cholesky.decompose(shifted)) {
            return SolveResult.failed(SolveStatus.NOT_POSITIVE_DEFINITE,
                    "UU' + mu*I is not positive definite (mu = " + mu + ")");
        }
        cholesky.getT(lower);
        // (min/max of the Cholesky diagonal)² bounds 1/cond(UUᵀ + μI) from above: a cheap singularity test
        double minDiag = Double.POSITIVE_INFINITY;
        double maxDiag = 0;
        for (int i = 0; i < k; i++) {
            double v = Math.abs(lower.data[i * k + i]);
            minDiag = Math.min(minDiag, v);
            maxDiag = Math.max(maxDiag, v);
        }
        double q = minDiag / maxDiag;
        if (!(q * q > SINGULAR_PIVOT_RATIO * k * Math.ulp(1.0))) {
            return SolveResult.failed(SolveStatus.SINGULAR, String.format(
                    "UU' + mu*I is numerically singular (estimated condition %.1e, mu = %s)", 1 / (q * q), mu));
        }
        factored = true;
        return SolveResult.ok(String.format("Cholesky of %dx%d, estimated condition %.1e", k, k, 1 / (q * q)));
    }

    /**
     * Pivot ratio factor of the singularity test of {@link #factor}: a Cholesky factor whose
     * {@code (min L_ii / max L_ii)²} is below {@code SINGULAR_PIVOT_RATIO·k·ε} stands on rounding-level pivots.
     */
    public static final double SINGULAR_PIVOT_RATIO = 1e4;

    /**
     * Largest relative residual {@code ‖h − (UUᵀ + μI)y‖ / ‖h‖} of a solve reported as converged; above it the solve
     * reports {@link SolveStatus#SINGULAR} (the factorization lost the system to rounding).
     */
    public static final double RESIDUAL_TOLERANCE = 1e-3;

    private static SolveResult checked(double residual, double rhsNorm, String what) {
        if (rhsNorm > 0 && !(residual <= RESIDUAL_TOLERANCE * rhsNorm)) {
            return new SolveResult(SolveStatus.SINGULAR, 0, residual, rhsNorm, String.format(java.util.Locale.ROOT,
                    "%s: relative residual %.3e > %.0e, the system is singular to working precision", what,
                    residual / rhsNorm, RESIDUAL_TOLERANCE));
        }
        return new SolveResult(SolveStatus.CONVERGED, 0, residual, rhsNorm, what);
    }

    /**
     * The damping of the current factorization (NaN before {@link #factor}).
     *
     * @return the μ passed to the last {@link #factor}, or NaN before the first one
     */
    public double mu() {
        return mu;
    }

    /**
     * Rows of U (dimension of the small space).
     *
     * @return k, the number of rows of U (−1 before {@link #setFactor})
     */
    public int smallDimension() {
        return k;
    }

    @Override
    public int rows() {
        requireFactor();
        return d;
    }

    @Override
    public int cols() {
        return rows();
    }

    /**
     * {@code y = (UUᵀ + μI)⁻¹h} in the small space. {@code h} and {@code y} may alias.
     *
     * @param h length k
     * @param y length k
     * @return residual reported is {@code ‖h − (UUᵀ + μI)y‖₂}
     */
    public SolveResult solveSmall(double[] h, double[] y) {
        requireFactored();
        ArgumentChecks.requireLength("h", h, k);
        ArgumentChecks.requireLength("y", y, k);
        ArgumentChecks.requireFinite("h", h);
        System.arraycopy(h, 0, workK, 0, k);
        smallSolve(workK);
        double res = smallResidual(h, workK);
        System.arraycopy(workK, 0, y, 0, k);
        return checked(res, VectorOps.norm2(h), "small-space Cholesky solve");
    }

    /**
     * Push-through form {@code x = Uᵀ(UUᵀ + μI)⁻¹h}, equal to {@code (UᵀU + μI)⁻¹Uᵀh}: the Levenberg-Marquardt /
     * EGN step for a Jacobian U and a residual-space vector h, in {@code O(k² + kd)} per solve.
     *
     * @param h length k
     * @param x length d (output)
     * @return residual reported is that of the small system, {@code ‖h − (UUᵀ + μI)y‖₂}
     */
    public SolveResult solvePushThrough(double[] h, double[] x) {
        requireFactored();
        ArgumentChecks.requireLength("h", h, k);
        ArgumentChecks.requireLength("x", x, d);
        ArgumentChecks.requireFinite("h", h);
        System.arraycopy(h, 0, workK, 0, k);
        smallSolve(workK);
        double res = smallResidual(h, workK);
        // x = Uᵀ y
        blas.dgemv(Transpose.YES, k, d, 1.0, u, 0, Math.max(1, d), workK, 0, 0.0, x, 0);
        return checked(res, VectorOps.norm2(h), "push-through solve");
    }

    /**
     * Normal form {@code (UᵀU + μI)x = b} by Woodbury: {@code x = (b − Uᵀ(UUᵀ + μI)⁻¹Ub)/μ}. Needs {@code μ > 0}
     * (for {@code μ = 0} and {@code d > k} the matrix {@code UᵀU} is singular). {@code b} and {@code x} may alias.
     * The subtraction cancels the row-space part of b, so the relative accuracy in x is that of a backward-stable
     * solve, {@code ~ ε·cond(UᵀU + μI)} in the worst case (b in the row space of U and μ tiny).
     *
     * @return residual reported is the true {@code ‖b − (UᵀU + μI)x‖₂}; {@link SolveStatus#SINGULAR} when μ = 0 and
     *         {@code d > k} (x unchanged)
     */
    @Override
    public SolveResult solve(double[] b, double[] x) {
        return solveNormal(b, x);
    }

    /**
     * See {@link #solve}.
     *
     * @param b right-hand side, length d, finite; may be the same array as x
     * @param x receives the solution, length d
     * @return as {@link #solve}
     */
    public SolveResult solveNormal(double[] b, double[] x) {
        requireFactored();
        ArgumentChecks.requireLength("b", b, d);
        ArgumentChecks.requireLength("x", x, d);
        ArgumentChecks.requireFinite("b", b);
        if (!(mu > 0) && d > k) {
            return SolveResult.failed(SolveStatus.SINGULAR,
                    "U'U is singular for d = " + d + " > k = " + k + " and mu = 0; factor with mu > 0");
        }
        System.arraycopy(b, 0, copyD, 0, d);
        double bnorm = VectorOps.norm2(copyD);
        if (mu == 0) {
            // square, full-rank U (d == k): (UᵀU)⁻¹b through the same Gram factor, x = U⁻¹(Uᵀ)⁻¹ b is not available
            // directly, so use x = Uᵀ (UUᵀ)⁻² U b, which equals (UᵀU)⁻¹ b for invertible square U
            blas.dgemv(Transpose.NO, k, d, 1.0, u, 0, Math.max(1, d), copyD, 0, 0.0, workK, 0);
            smallSolve(workK);
            smallSolve(workK);
            blas.dgemv(Transpose.YES, k, d, 1.0, u, 0, Math.max(1, d), workK, 0, 0.0, x, 0);
        } else {
            // t = U b; y = (UUᵀ + μI)⁻¹ t; x = (b − Uᵀy)/μ
            blas.dgemv(Transpose.NO, k, d, 1.0, u, 0, Math.max(1, d), copyD, 0, 0.0, workK, 0);
            smallSolve(workK);
            blas.dgemv(Transpose.YES, k, d, 1.0, u, 0, Math.max(1, d), workK, 0, 0.0, workD, 0);
            double inv = 1.0 / mu;
            for (int i = 0; i < d; i++) {
                x[i] = (copyD[i] - workD[i]) * inv;
            }
        }
        // true residual b − (Uᵀ(Ux) + μx)
        blas.dgemv(Transpose.NO, k, d, 1.0, u, 0, Math.max(1, d), x, 0, 0.0, workK, 0);
        blas.dgemv(Transpose.YES, k, d, 1.0, u, 0, Math.max(1, d), workK, 0, 0.0, workD, 0);
        double s = 0;
        for (int i = 0; i < d; i++) {
            double ri = copyD[i] - workD[i] - mu * x[i];
            s += ri * ri;
        }
        return checked(Math.sqrt(s), bnorm, "Woodbury solve");
    }

    /** In place: v ← (UUᵀ + μI)⁻¹ v through the Cholesky factor. */
    private void smallSolve(double[] v) {
        if (k == 0) {
            return;
        }
        // L Lᵀ v = rhs: forward substitution with L, then back substitution with Lᵀ
        TriangularSolver_DDRM.solveL(lower.data, v, k);
        TriangularSolver_DDRM.solveTranL(lower.data, v, k);
    }

    /** ‖h − (G + μI)y‖₂ using the unmodified Gram matrix. */
    private double smallResidual(double[] h, double[] y) {
        double s = 0;
        for (int i = 0; i < k; i++) {
            double t = mu * y[i];
            int row = i * k;
            for (int j = 0; j < k; j++) {
                t += gram.data[row + j] * y[j];
            }
            double ri = h[i] - t;
            s += ri * ri;
        }
        return Math.sqrt(s);
    }

    private void requireFactor() {
        if (u == null) {
            throw new IllegalStateException("LowRankSolver used before a successful setFactor");
        }
    }

    private void requireFactored() {
        requireFactor();
        if (!factored) {
            throw new IllegalStateException("LowRankSolver solve called before a successful factor(mu)");
        }
    }
}
