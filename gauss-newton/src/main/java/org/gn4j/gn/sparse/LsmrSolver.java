package org.gn4j.gn.sparse;

import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.Linearization;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.solvers.sparse.CsrMatrix;
import org.gn4j.solvers.sparse.Lsmr;

/**
 * LSMR on {@code min ‖Jx + r‖² + λ‖Dx‖²}, matrix-free over J (a sparse Jacobian, or any Jacobian operator), with a
 * Jacobi preconditioner {@code S = diag(JᵀJ + λD²)^{-1/2}} from J's column norms (exact for a sparse J; the
 * identity where the linearization cannot give them cheaply). Each iteration costs one product with J and one with
 * Jᵀ; nothing of size n×n is formed. Stops at a relative normal-equation residual or an iteration cap, both
 * reported in the result.
 */
public final class LsmrSolver implements DampedSolver {
    private final double tolerance;
    private final int minIterations;
    private final int iterationsPerParameter;
    private LinearOperator jac;
    private double[] colSquares;
    private boolean haveNorms;
    private double[] b;
    private double[] e;
    private double[] s;
    private Lsmr lsmr;

    /**
     * @param tolerance              relative normal-equation residual {@code ‖Bᵀ(b − By)‖ / ‖Bᵀb‖} to stop at
     * @param minIterations          the iteration cap is {@code max(minIterations, iterationsPerParameter·n)}
     * @param iterationsPerParameter see minIterations
     * @throws IllegalArgumentException if the tolerance is not in (0, 1) or a count is negative
     */
    public LsmrSolver(double tolerance, int minIterations, int iterationsPerParameter) {
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance is " + tolerance + ", expected in (0, 1)");
        }
        if (minIterations < 1 || iterationsPerParameter < 0) {
            throw new IllegalArgumentException("iteration cap (" + minIterations + ", " + iterationsPerParameter
                    + " per parameter), expected >= 1 and >= 0");
        }
        this.tolerance = tolerance;
        this.minIterations = minIterations;
        this.iterationsPerParameter = iterationsPerParameter;
    }

    /**
     * The same solver stopping at another relative tolerance.
     *
     * @param relTolerance the relative normal-equation residual to stop at, in (0, 1)
     * @return a new solver
     * @throws IllegalArgumentException if the tolerance is not in (0, 1)
     */
    public LsmrSolver withTolerance(double relTolerance) {
        return new LsmrSolver(relTolerance, minIterations, iterationsPerParameter);
    }

    /**
     * The same solver with iteration cap {@code max(min, perParameter·n)}.
     *
     * @param min the smallest cap, ≥ 1
     * @param perParameter iterations allowed per parameter, ≥ 0
     * @return a new solver
     * @throws IllegalArgumentException if {@code min < 1} or {@code perParameter < 0}
     */
    public LsmrSolver withIterations(int min, int perParameter) {
        return new LsmrSolver(tolerance, min, perParameter);
    }

    @Override
    public String name() {
        return "lsmr";
    }

    @Override
    public DampedSolver fresh() {
        return new LsmrSolver(tolerance, minIterations, iterationsPerParameter);
    }

    @Override
    public boolean supports(Linearization lin) {
        return lin.jacobian() != null && lin.residuals() != null;
    }

    @Override
    public SolveResult prepare(Linearization lin) {
        if (!supports(lin)) {
            return SolveResult.failed(SolveStatus.BREAKDOWN, "LSMR needs residuals and a Jacobian operator");
        }
        jac = lin.jacobian();
        int m = jac.rows();
        int n = jac.cols();
        if (lsmr == null || b.length != m || colSquares.length != n) {
            lsmr = new Lsmr(m, n);
            b = new double[m];
            e = new double[n];
            s = new double[n];
            colSquares = new double[n];
        }
        CsrMatrix sparse = lin.sparseJacobian();
        if (sparse != null) {
            sparse.columnSquares(colSquares);
            haveNorms = true;
        } else {
            haveNorms = lin.columnNorms(colSquares);
            if (haveNorms) {
                for (int j = 0; j < n; j++) {
                    colSquares[j] *= colSquares[j];
                }
            }
        }
        return SolveResult.ok("LSMR, " + (haveNorms ? "Jacobi preconditioner" : "no preconditioner"));
    }

    @Override
    public SolveResult solve(double lambda, double[] d, double[] residual, double[] gradient, double[] out) {
        int m = jac.rows();
        int n = jac.cols();
        for (int i = 0; i < m; i++) {
            b[i] = -residual[i];
        }
        double sq = Math.sqrt(lambda);
        for (int j = 0; j < n; j++) {
            double dj = d == null ? 1 : d[j];
            e[j] = sq * dj;
            double diag = (haveNorms ? colSquares[j] : 0) + lambda * dj * dj;
            s[j] = haveNorms && diag > 0 ? 1 / Math.sqrt(diag) : 1;
        }
        int cap = (int) Math.min(Integer.MAX_VALUE, Math.max((long) minIterations, (long) iterationsPerParameter * n));
        return lsmr.solve(jac, b, lambda > 0 ? e : null, s, tolerance, cap, out);
    }
}
