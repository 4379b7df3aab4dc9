package org.gn4j.solvers.dense;

import org.ejml.data.DMatrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionCommon_DDRM;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.DecompositionInterface;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;

/**
 * The parts every dense direct solver shares: the private copy of {@code A}, the state machine (unprepared /
 * factored), argument checks, the b/x buffers that make {@code solve(b, b)} safe, the finiteness check on the
 * computed solution and the residual norms.
 */
abstract class AbstractDenseSolver implements DenseSolver {
    /** Machine epsilon of double, 2⁻⁵². */
    static final double EPS = Math.ulp(1.0);

    /** Private copy of the caller's {@code A}, untouched by the factorization; residuals are computed against it. */
    final DMatrixRMaj a = new DMatrixRMaj(0, 0);
    /** Right-hand side handed to EJML (EJML may overwrite it), {@code rows × 1}. */
    final DMatrixRMaj bVec = new DMatrixRMaj(0, 1);
    /** Solution written by EJML, {@code cols × 1}; copied to the caller's x only once it is known to be finite. */
    final DMatrixRMaj xVec = new DMatrixRMaj(0, 1);
    private double[] residual = new double[0];
    private double[] normalResidual = new double[0];

    int rows;
    int cols;
    private boolean factored;

    @Override
    public final int rows() {
        return rows;
    }

    @Override
    public final int cols() {
        return cols;
    }

    @Override
    public final boolean isFactored() {
        return factored;
    }

    @Override
    public SolveResult factor(DMatrixRMaj matrix) {
        if (matrix == null) {
            throw new IllegalArgumentException("a must not be null");
        }
        checkShape(matrix.numRows, matrix.numCols);
        factored = false;
        rows = matrix.numRows;
        cols = matrix.numCols;
        a.setTo(matrix);
        int bad = firstNonFinite(a.data, rows * cols);
        if (bad >= 0) {
            return SolveResult.failed(SolveStatus.NON_FINITE,
                    "a[" + bad / cols + "][" + bad % cols + "] is " + a.data[bad]);
        }
        bVec.reshape(rows, 1);
        xVec.reshape(cols, 1);
        if (residual.length < rows) {
            residual = new double[rows];
        }
        if (normalResidual.length < cols) {
            normalResidual = new double[cols];
        }
        SolveResult result = decompose();
        factored = result.hasSolution();
        return result;
    }

    @Override
    public SolveResult solve(double[] b, double[] x) {
        if (!factored) {
            throw new IllegalStateException("solve called before a successful factor(a)");
        }
        ArgumentChecks.requireLength("b", b, rows);
        ArgumentChecks.requireLength("x", x, cols);
        ArgumentChecks.requireFinite("b", b);
        System.arraycopy(b, 0, bVec.data, 0, rows);
        solveInto(bVec, xVec);
        int bad = firstNonFinite(xVec.data, cols);
        if (bad >= 0) {
            return SolveResult.failed(SolveStatus.NON_FINITE,
                    "solution entry " + bad + " is " + xVec.data[bad] + " (overflow in the triangular solves); x left"
                            + " unchanged");
        }
        // b is still intact here even when b == x: the caller's x is written only at the end.
        double residualNorm;
        double rhsNorm;
        if (reportsNormalResidual()) {
            residualNorm = normalResidualNorm(b, xVec.data);
            rhsNorm = transposeNorm(b);
        } else {
            residualNorm = residualNorm(b, xVec.data);
            rhsNorm = norm(b, rows);
        }
        System.arraycopy(xVec.data, 0, x, 0, cols);
        return new SolveResult(solvedStatus(), 0, residualNorm, rhsNorm, solvedMessage());
    }

    /** Throws {@link IllegalArgumentException} (found vs expected) for a shape this solver does not accept. */
    abstract void checkShape(int numRows, int numCols);

    /** Factors {@link #a} (finite, shape already checked, buffers sized); returns the factor result. */
    abstract SolveResult decompose();

    /** Solves for the right-hand side in {@code b} (may be overwritten) into {@code x} ({@code cols × 1}). */
    abstract void solveInto(DMatrixRMaj b, DMatrixRMaj x);

    /** True when solves report {@code ‖Aᵀ(b − Ax)‖₂} and {@code ‖Aᵀb‖₂}, false for {@code ‖b − Ax‖₂} and {@code ‖b‖₂}. */
    abstract boolean reportsNormalResidual();

    /** Status of a successful solve (CONVERGED, or RANK_DEFICIENT for a rank-deficient least-squares factor). */
    SolveStatus solvedStatus() {
        return SolveStatus.CONVERGED;
    }

    /** Message of a successful solve. */
    String solvedMessage() {
        return "";
    }

    /** ‖b − Ax‖₂ over the stored copy of A; leaves r = b − Ax in {@link #residual}. O(rows·cols). */
    private double residualNorm(double[] b, double[] x) {
        double[] ad = a.data;
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            double ri = b[i];
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                ri -= ad[row + j] * x[j];
            }
            residual[i] = ri;
            sum += ri * ri;
        }
        return Math.sqrt(sum);
    }

    /** ‖Aᵀ(b − Ax)‖₂: the gradient of ½‖Ax − b‖², zero exactly at a least-squares solution. */
    private double normalResidualNorm(double[] b, double[] x) {
        residualNorm(b, x);
        return transposeNormInto(residual);
    }

    /** ‖Aᵀb‖₂, the optimality residual of x = 0, used as the scale of the least-squares residual. */
    private double transposeNorm(double[] b) {
        return transposeNormInto(b);
    }

    /** ‖Aᵀv‖₂ for v of length rows, accumulated row by row (row-major A). */
    private double transposeNormInto(double[] v) {
        double[] ad = a.data;
        double[] g = normalResidual;
        java.util.Arrays.fill(g, 0, cols, 0.0);
        for (int i = 0; i < rows; i++) {
            double vi = v[i];
            if (vi == 0) {
                continue;
            }
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                g[j] += ad[row + j] * vi;
            }
        }
        return norm(g, cols);
    }

    static double norm(double[] v, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += v[i] * v[i];
        }
        return Math.sqrt(sum);
    }

    static int firstNonFinite(double[] data, int n) {
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(data[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Smallest and largest |t_ii|, i &lt; k, of the triangular factor held by an EJML Cholesky or QR decomposition.
     * Row-major EJML decompositions expose their internal storage (no copy); other kinds (the blocked ones EJML picks
     * for large matrices) are asked for a copy of the factor.
     *
     * @return {@code {min, max}}
     */
    static double[] triangularDiagonalRange(DecompositionInterface<?> decomposition, int k) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        if (decomposition instanceof QRDecompositionHouseholderColumn_DDRM qr) {
            double[][] columns = qr.getQR(); // column-major: columns[j][i] = R_ij for i <= j
            for (int i = 0; i < k; i++) {
                double d = Math.abs(columns[i][i]);
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
            return new double[] {min, max};
        }
        DMatrix t;
        if (decomposition instanceof CholeskyDecompositionCommon_DDRM chol) {
            t = chol.getT();
        } else if (decomposition instanceof CholeskyDecomposition_F64<?> chol) {
            t = (DMatrix) chol.getT(null);
        } else if (decomposition instanceof QRDecomposition<?> qr) {
            t = (DMatrix) qr.getR(null, true);
        } else {
            throw new IllegalStateException("unexpected EJML decomposition " + decomposition.getClass().getName());
        }
        for (int i = 0; i < k; i++) {
            double d = Math.abs(t.get(i, i));
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        return new double[] {min, max};
    }
}
