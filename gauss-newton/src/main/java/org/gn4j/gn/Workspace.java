package org.gn4j.gn;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.VectorOps;
import org.gn4j.linalg.VectorView;
import org.gn4j.linalg.blas.BlasProvider;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;
import org.gn4j.linalg.op.Structure;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.solvers.dense.DenseCholeskySolver;
import org.gn4j.solvers.dense.DenseQrSolver;
import org.gn4j.solvers.dense.DenseSvdSolver;
import org.gn4j.solvers.iterative.ConjugateGradient;

/**
 * The state and the parts shared by the Gauss-Newton-type solvers: evaluation with counting and budgets, the
 * robust-loss rescaling, the Jacobian (dense, or an operator on the matrix-free path), the damped linear step
 * {@code min ‖J̃δ + r̃‖² + λ‖Dδ‖²} through the chosen {@link StepSolver}, the predicted reduction, the trace, and the
 * final {@link Optimum} with its covariance.
 */
final class Workspace {
    final LeastSquaresProblem problem;
    final int n;
    final int m;
    final StoppingCriteria stop;
    final IterationListener listener;
    final StepSolver stepSolver;
    final String solverName;
    private final long start = System.nanoTime();
    private final long deadline;

    int iterations;
    int residualEvaluations;
    int jacobianEvaluations;
    final List<IterationRecord> trace = new ArrayList<>();

    final double[] x;
    final double[] r;
    double cost;
    double initialCost;
    final double[] xTrial;
    final double[] rTrial;
    double costTrial;

    /** Robust-scaled residuals r̃ and the row factors √(ρ' + 2ρ''s) applied to J. */
    final double[] rs;
    private final double[] rowScale;
    /** Dense Jacobian J̃ (weighted and robust-scaled), or null on the matrix-free path. */
    DMatrixRMaj jac;
    /** Matrix-free J̃, or null on the dense path. */
    LinearOperator jacOp;
    final boolean matrixFree;
    /** Gradient g = J̃ᵀr̃ = ∇F. */
    final double[] g;
    double gradientNorm0;
    private final double[] jd;
    private final double[] rho = new double[3];
    private final VectorView xView;

    private DenseQrSolver qr;
    private DenseSvdSolver svd;
    private DenseCholeskySolver chol;
    private DMatrixRMaj augmented;
    private DMatrixRMaj normal;
    /** {@code J̃ᵀJ̃}, formed once per Jacobian (Cholesky path); valid while {@link #gramValid}. */
    private DMatrixRMaj gram;
    private boolean gramValid;
    /** The Cholesky factor in {@link #chol} is of {@code gram + factoredLambda·diag(factoredD)²} while valid. */
    private boolean factorValid;
    private double factoredLambda;
    private double[] factoredD;
    private double[] rhsAug;
    private double[] rhsN;

    Workspace(String solverName, LeastSquaresProblem problem, double[] start, StoppingCriteria stop,
            IterationListener listener, StepSolver stepSolver) {
        if (problem == null) {
            throw new IllegalArgumentException("problem must not be null");
        }
        this.problem = problem;
        this.n = problem.parameterCount();
        this.m = problem.residualCount();
        ArgumentChecks.requireLength("start", start, n);
        ArgumentChecks.requireFinite("start", start);
        this.solverName = solverName;
        this.stop = stop;
        this.listener = listener;
        this.stepSolver = stepSolver;
        this.deadline = stop.timeBudget() == null ? Long.MAX_VALUE : this.start + stop.timeBudget().toNanos();
        this.matrixFree = problem.jacobianSource() == LeastSquaresProblem.JacobianSource.OPERATOR
                && stepSolver == StepSolver.CG;
        x = start.clone();
        xTrial = new double[n];
        r = new double[m];
        rTrial = new double[m];
        rs = new double[m];
        rowScale = new double[m];
        g = new double[n];
        columnNormCache = new double[n];
        jd = new double[m];
        xView = VectorView.of(x);
        if (!evaluate(x, r)) {
            int bad = firstNonFinite(r);
            throw new IllegalArgumentException("residual " + bad + " is " + r[bad] + " at the start point, expected "
                    + "finite residuals (check the start values and the model)");
        }
        cost = problem.cost(r);
        initialCost = cost;
    }

    private static int firstNonFinite(double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Weighted residuals at {@code beta} into {@code out}; false if any is non-finite. */
    boolean evaluate(double[] beta, double[] out) {
        residualEvaluations++;
        problem.residuals(beta, out);
        return VectorOps.allFinite(out);
    }

    /** Cost of weighted residuals. */
    double cost(double[] residuals) {
        return problem.cost(residuals);
    }

    /**
     * Evaluates the Jacobian at the current point, applies the robust rescaling, and forms the gradient.
     *
     * @return false if the Jacobian or gradient is non-finite
     */
    boolean evaluateJacobian() {
        jacobianEvaluations++;
        columnNormsValid = false;
        gramValid = false;
        factorValid = false;
        // robust rescaling (scipy): J̃ = √(ρ' + 2ρ''s)·J, r̃ = ρ'·r/√(ρ' + 2ρ''s), s = r²
        RobustLoss loss = problem.loss();
        for (int i = 0; i < m; i++) {
            if (loss == RobustLoss.LINEAR) {
                rowScale[i] = 1;
                rs[i] = r[i];
            } else {
                double s = r[i] * r[i];
                loss.evaluate(s, problem.lossScale(), rho);
                double js = Math.max(rho[1] + 2 * rho[2] * s, Math.ulp(1.0));
                double sq = Math.sqrt(js);
                rowScale[i] = sq;
                rs[i] = rho[1] * r[i] / sq;
            }
        }
        if (matrixFree) {
            LinearOperator op = problem.jacobianOperator(x);
            jacOp = problem.loss() == RobustLoss.LINEAR ? op : Operators.rowScaled(rowScale.clone(), op);
            jacOp.applyTranspose(rs, g);
        } else {
            if (jac == null) {
                jac = new DMatrixRMaj(m, n);
            }
            residualEvaluations += problem.jacobian(x, r, jac);
            if (loss != RobustLoss.LINEAR) {
                for (int i = 0; i < m; i++) {
                    double s = rowScale[i];
                    for (int j = 0; j < n; j++) {
                        jac.data[i * n + j] *= s;
                    }
                }
            }
            if (!VectorOps.allFinite(m * n, jac.data, 0)) {
                return false;
            }
            // g = J̃ᵀ r̃
            java.util.Arrays.fill(g, 0);
            for (int i = 0; i < m; i++) {
                double ri = rs[i];
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    g[j] += jac.data[row + j] * ri;
                }
            }
        }
        return VectorOps.allFinite(g);
    }

    private double[] columnNormCache;
    private boolean columnNormsValid;

    /** Largest n for which the matrix-free path computes exact column norms (n Jacobian-vector products). */
    static final int MATRIX_FREE_COLUMN_NORMS = 256;

    /**
     * Column norms of J̃ (Moré's scaling); zero columns give 1. On the matrix-free path they are computed exactly from
     * n products {@code J̃e_j} when {@code n <= 256}, and are all 1 above that.
     */
    void columnNorms(double[] out) {
        // cached per Jacobian: the scaling and the gradient test both need them, and on the matrix-free path they cost
        // n Jacobian-vector products
        if (!columnNormsValid) {
            computeColumnNorms(columnNormCache);
            columnNormsValid = true;
        }
        System.arraycopy(columnNormCache, 0, out, 0, n);
    }

    private void computeColumnNorms(double[] out) {
        if (matrixFree) {
            if (n > MATRIX_FREE_COLUMN_NORMS) {
                java.util.Arrays.fill(out, 1.0);
                return;
            }
            double[] e = new double[n];
            double[] col = new double[m];
            for (int j = 0; j < n; j++) {
                e[j] = 1;
                jacOp.apply(e, col);
                e[j] = 0;
                double norm = VectorOps.norm2(col);
                out[j] = norm > 0 ? norm : 1.0;
            }
            return;
        }
        java.util.Arrays.fill(out, 0.0);
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                double v = jac.data[row + j];
                out[j] += v * v;
            }
        }
        for (int j = 0; j < n; j++) {
            out[j] = out[j] > 0 ? Math.sqrt(out[j]) : 1.0;
        }
    }

    /** Updates the scaling D for the rule ({@code first}: at the start point). */
    void scaling(ScalingRule rule, double[] d, boolean first) {
        switch (rule) {
            case IDENTITY:
                java.util.Arrays.fill(d, 1.0);
                break;
            case CURRENT:
                columnNorms(d);
                for (int j = 0; j < d.length; j++) {
                    d[j] = Math.sqrt(Math.min(Math.max(d[j] * d[j], 1e-6), 1e32));
                }
                break;
            default:
                if (first) {
                    columnNorms(d);
                } else {
                    double[] cn = new double[d.length];
                    columnNorms(cn);
                    for (int j = 0; j < d.length; j++) {
                        d[j] = Math.max(d[j], cn[j]);
                    }
                }
        }
    }

    /** {@code J̃·v}. */
    void jacobianTimes(double[] v, double[] out) {
        if (matrixFree) {
            jacOp.apply(v, out);
        } else {
            for (int i = 0; i < m; i++) {
                out[i] = VectorOps.dot(n, jac.data, i * n, v, 0);
            }
        }
    }

    /**
     * The damped step {@code δ = argmin ‖J̃δ + r̃‖² + λ‖Dδ‖²}, i.e. {@code (J̃ᵀJ̃ + λD²)δ = −g}.
     *
     * @param lambda damping λ ≥ 0 (0: the Gauss-Newton step, minimum-norm when J̃ is rank-deficient)
     * @param d      scaling D (length n, positive)
     */
    SolveResult dampedStep(double lambda, double[] d, double[] delta) {
        return dampedStep(rs, g, lambda, d, delta);
    }

    /**
     * The damped step for another residual-space vector: {@code δ = argmin ‖J̃δ + res‖² + λ‖Dδ‖²} (geodesic
     * acceleration solves with the second directional derivative in place of r̃).
     */
    SolveResult dampedStepFor(double[] res, double lambda, double[] d, double[] delta) {
        double[] grad = new double[n];
        if (matrixFree) {
            jacOp.applyTranspose(res, grad);
        } else {
            for (int i = 0; i < m; i++) {
                double ri = res[i];
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    grad[j] += jac.data[row + j] * ri;
                }
            }
        }
        return dampedStep(res, grad, lambda, d, delta);
    }

    private SolveResult dampedStep(double[] res, double[] grad, double lambda, double[] d, double[] delta) {
        switch (stepSolver) {
            case QR:
                if (!matrixFree) {
                    return qrStep(res, lambda, d, delta);
                }
                return cgStep(grad, lambda, d, delta);
            case CHOLESKY:
                if (!matrixFree) {
                    return choleskyStep(grad, lambda, d, delta);
                }
                return cgStep(grad, lambda, d, delta);
            default:
                return cgStep(grad, lambda, d, delta);
        }
    }

    private SolveResult qrStep(double[] res, double lambda, double[] d, double[] delta) {
        if (lambda == 0) {
            if (m < n) {
                if (svd == null) {
                    svd = new DenseSvdSolver();
                }
                SolveResult f = svd.factor(jac);
                if (!f.hasSolution()) {
                    return f;
                }
                negate(res, jd);
                return svd.solve(jd, delta);
            }
            if (qr == null) {
                qr = new DenseQrSolver();
            }
            SolveResult f = qr.factor(jac);
            if (!f.hasSolution()) {
                return f;
            }
            negate(res, jd);
            return qr.solve(jd, delta);
        }
        // least squares on the augmented system [J̃; √λ·D] δ = [−r̃; 0]
        if (augmented == null) {
            augmented = new DMatrixRMaj(m + n, n);
            rhsAug = new double[m + n];
        }
        System.arraycopy(jac.data, 0, augmented.data, 0, m * n);
        java.util.Arrays.fill(augmented.data, m * n, (m + n) * n, 0.0);
        double sl = Math.sqrt(lambda);
        for (int j = 0; j < n; j++) {
            augmented.data[(m + j) * n + j] = sl * d[j];
        }
        for (int i = 0; i < m; i++) {
            rhsAug[i] = -res[i];
        }
        java.util.Arrays.fill(rhsAug, m, m + n, 0.0);
        if (qr == null) {
            qr = new DenseQrSolver();
        }
        SolveResult f = qr.factor(augmented);
        if (!f.hasSolution()) {
            return f;
        }
        return qr.solve(rhsAug, delta);
    }

    /**
     * Cholesky of {@code J̃ᵀJ̃ + λD²}. The Gram matrix {@code J̃ᵀJ̃} (O(mn²), the dominant cost for m ≫ n) is formed once
     * per Jacobian through the {@code Blas} seam ({@code dsyrk}, multi-threaded) and cached; a trial λ costs a copy,
     * the diagonal and the O(n³/3) factorization, and a second solve with the same λ and D (geodesic acceleration)
     * reuses the factor.
     */
    private SolveResult choleskyStep(double[] grad, double lambda, double[] d, double[] delta) {
        if (normal == null) {
            normal = new DMatrixRMaj(n, n);
            gram = new DMatrixRMaj(n, n);
            rhsN = new double[n];
            factoredD = new double[n];
            chol = new DenseCholeskySolver();
        }
        if (!gramValid) {
            BlasProvider.blas().syrk(true, 1.0, jac, 0.0, gram);
            gramValid = true;
            factorValid = false;
        }
        if (!(factorValid && lambda == factoredLambda && java.util.Arrays.equals(d, factoredD))) {
            factorValid = false;
            System.arraycopy(gram.data, 0, normal.data, 0, n * n);
            for (int j = 0; j < n; j++) {
                normal.data[j * n + j] += lambda * d[j] * d[j];
            }
            SolveResult f = chol.factor(normal);
            if (!f.hasSolution()) {
                return f;
            }
            factorValid = true;
            factoredLambda = lambda;
            System.arraycopy(d, 0, factoredD, 0, n);
        }
        negate(grad, rhsN);
        return chol.solve(rhsN, delta);
    }

    private SolveResult cgStep(double[] grad, double lambda, double[] d, double[] delta) {
        LinearOperator j = matrixFree ? jacOp : Operators.dense(jac);
        LinearOperator gn = Operators.normal(j);
        LinearOperator a = gn;
        if (lambda > 0) {
            double[] dd = new double[n];
            for (int k = 0; k < n; k++) {
                dd[k] = lambda * d[k] * d[k];
            }
            a = Operators.sum(gn, Operators.diagonal(dd));
        }
        double[] rhs = new double[n];
        negate(grad, rhs);
        ConjugateGradient cg = new ConjugateGradient().withRelativeTolerance(1e-13)
                .withMaxIterations(Math.max(50, 20 * n)).prepare(a.is(Structure.SYMMETRIC) ? a
                        : Operators.of(n, n, a::apply, a::apply, Structure.SYMMETRIC));
        SolveResult res = cg.solve(rhs, delta);
        if (res.status() == SolveStatus.NEGATIVE_CURVATURE && lambda == 0) {
            // a singular JᵀJ: the last iterate is a descent direction in the range of J̃ᵀ; keep it
            return new SolveResult(SolveStatus.MAX_ITERATIONS, res.iterations(), res.residualNorm(), res.rhsNorm(),
                    res.message());
        }
        return res;
    }

    private static void negate(double[] src, double[] dst) {
        for (int i = 0; i < src.length; i++) {
            dst[i] = -src[i];
        }
    }

    /** Predicted reduction of the Gauss-Newton model: {@code ½‖r̃‖² − ½‖r̃ + J̃δ‖² = −(gᵀδ + ½‖J̃δ‖²)}. */
    double predictedReduction(double[] delta) {
        jacobianTimes(delta, jd);
        double jj = VectorOps.dot(jd, jd);
        return -(VectorOps.dot(g, delta) + 0.5 * jj);
    }

    /** Euclidean norm of {@code D·v}. */
    static double scaledNorm(double[] d, double[] v) {
        double s = 0;
        for (int j = 0; j < v.length; j++) {
            double t = d[j] * v[j];
            s += t * t;
        }
        return Math.sqrt(s);
    }

    /** The budget criterion that fired, or null. */
    TerminationReason budgetExceeded() {
        if (iterations >= stop.maxIterations()) {
            return TerminationReason.MAX_ITERATIONS;
        }
        if (residualEvaluations >= stop.maxEvaluations()) {
            return TerminationReason.MAX_EVALUATIONS;
        }
        if (System.nanoTime() > deadline) {
            return TerminationReason.TIME_BUDGET;
        }
        return null;
    }

    /**
     * The gradient stopping measure. Dense Jacobian: MINPACK's scale-invariant {@code max_j |g_j| / (‖J̃_j‖·‖r̃‖)}, the
     * largest cosine between the residual and a Jacobian column (0 at a stationary point, unaffected by the units of
     * parameters or residuals). Matrix-free with {@code n > 256}: {@code ‖g‖∞ / ‖g₀‖∞}.
     */
    double gradientMeasure() {
        if (matrixFree && n > MATRIX_FREE_COLUMN_NORMS) {
            return gradientNorm0 > 0 ? gradientNorm() / gradientNorm0 : 0;
        }
        double rn = VectorOps.norm2(rs);
        if (rn == 0) {
            return 0;
        }
        double[] cn = new double[n];
        columnNorms(cn);
        double worst = 0;
        for (int j = 0; j < n; j++) {
            worst = Math.max(worst, Math.abs(g[j]) / (cn[j] * rn));
        }
        return worst;
    }

    /** Infinity norm of the gradient. */
    double gradientNorm() {
        return VectorOps.normInf(g);
    }

    /** Appends a trace record and informs the listener. */
    void record(double stepNorm, double damping, double gain, boolean accepted) {
        IterationRecord rec = new IterationRecord(iterations, cost, gradientNorm(), stepNorm, damping, gain, accepted,
                seconds());
        trace.add(rec);
        if (listener != null) {
            listener.iteration(rec, xView);
        }
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Accepts the trial point as the current one (residuals and cost). */
    void acceptTrial() {
        System.arraycopy(xTrial, 0, x, 0, n);
        System.arraycopy(rTrial, 0, r, 0, m);
        cost = costTrial;
    }

    /**
     * The checks every solver makes at the start point: a finite Jacobian, a non-zero cost and gradient. Returns the
     * final result when one fires, else null (and records {@code ‖g₀‖∞}).
     */
    Optimum startChecks() {
        if (!evaluateJacobian()) {
            return finish(TerminationReason.NON_FINITE, "non-finite Jacobian at the start point");
        }
        gradientNorm0 = gradientNorm();
        if (cost <= stop.absoluteCostTolerance()) {
            return finish(TerminationReason.ZERO_COST, "cost is zero at the start");
        }
        if (gradientNorm0 == 0) {
            return finish(TerminationReason.GRADIENT, "gradient is zero at the start");
        }
        return null;
    }

    /**
     * The convergence tests after an accepted step (zero cost, relative cost reduction with both the actual and the
     * predicted reduction below {@code ftol·F}, gradient measure). Returns the final result when one fires, else
     * null.
     */
    Optimum convergedAfterStep(double costBefore, double actual, double predicted) {
        if (cost <= stop.absoluteCostTolerance()) {
            return finish(TerminationReason.ZERO_COST, "cost reached zero");
        }
        double ftol = stop.functionTolerance() * costBefore;
        if (actual <= ftol && predicted <= ftol) {
            return finish(TerminationReason.COST_REDUCTION, String.format(java.util.Locale.ROOT,
                    "relative cost reduction %.3e <= %.1e", actual / costBefore, stop.functionTolerance()));
        }
        double gm = gradientMeasure();
        if (gm <= stop.gradientTolerance()) {
            return finish(TerminationReason.GRADIENT, String.format(java.util.Locale.ROOT,
                    "gradient measure %.3e <= %.1e", gm, stop.gradientTolerance()));
        }
        return null;
    }

    /** Builds the result, with the covariance at the final point. */
    Optimum finish(TerminationReason reason, String message) {
        DMatrixRMaj cov = null;
        String note;
        if (m <= n) {
            note = "needs more residuals than parameters (m = " + m + ", n = " + n + ")";
        } else {
            try {
                DMatrixRMaj j = new DMatrixRMaj(m, n);
                double[] rr = new double[m];
                problem.residuals(x, rr);
                problem.jacobian(x, rr, j);
                if (!VectorOps.allFinite(m * n, j.data, 0)) {
                    note = "the Jacobian at the solution is not finite";
                } else {
                    // (JᵀJ)⁻¹ = V Σ⁻² Vᵀ from the SVD of J: never forms JᵀJ, detects rank deficiency
                    SingularValueDecomposition_F64<DMatrixRMaj> svdJ = DecompositionFactory_DDRM.svd(m, n, false,
                            true, true);
                    if (!svdJ.decompose(j)) {
                        note = "SVD of the Jacobian failed";
                    } else {
                        double[] sv = svdJ.getSingularValues();
                        double smax = 0;
                        double smin = Double.POSITIVE_INFINITY;
                        for (double s : sv) {
                            smax = Math.max(smax, s);
                            smin = Math.min(smin, s);
                        }
                        if (!(smin > Math.max(m, n) * Math.ulp(1.0) * smax)) {
                            note = String.format(java.util.Locale.ROOT,
                                    "the Jacobian is rank-deficient (singular values %.3e .. %.3e)", smin, smax);
                        } else {
                            DMatrixRMaj v = svdJ.getV(null, false);
                            double sigma2 = 2 * problem.cost(rr) / (m - n);
                            cov = new DMatrixRMaj(n, n);
                            for (int a = 0; a < n; a++) {
                                for (int b = 0; b < n; b++) {
                                    double s = 0;
                                    for (int k = 0; k < sv.length; k++) {
                                        s += v.get(a, k) * v.get(b, k) / (sv[k] * sv[k]);
                                    }
                                    cov.set(a, b, sigma2 * s);
                                }
                            }
                            note = String.format(java.util.Locale.ROOT,
                                    "sigma^2 (J'J)^-1 with sigma^2 = RSS/(m-n) = %.6e, cond(J) = %.3e", sigma2,
                                    smax / smin);
                        }
                    }
                }
            } catch (RuntimeException e) {
                note = "covariance failed: " + e.getMessage();
            }
        }
        return new Optimum(solverName, x, problem.parameterNames(), initialCost, cost, gradientNorm(), m, iterations,
                residualEvaluations, jacobianEvaluations, reason, message, trace, seconds(), cov, note);
    }
}
