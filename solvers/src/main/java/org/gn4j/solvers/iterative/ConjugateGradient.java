package org.gn4j.solvers.iterative;

import java.util.Arrays;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.VectorView;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Structure;
import org.gn4j.solvers.LinearSolver;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;

/**
 * Matrix-free (preconditioned) conjugate gradient for {@code A x = b} with A symmetric positive (semi)definite, the
 * inner solver of Hessian-free Gauss-Newton. Two phases: {@link #prepare} binds the operator and allocates the work
 * vectors once; {@link #solve} then runs without allocating, for any number of right-hand sides.
 *
 * <p>Configuration is immutable: each {@code with…} method returns a new, unprepared solver with one setting changed.
 * <ul>
 *   <li><b>Stopping</b>: {@code ‖b − Ax‖₂ <= max(relTol·‖b‖₂, absTol)}. When the recursive residual meets the
 *       tolerance, the true residual is recomputed; the solve only reports {@link SolveStatus#CONVERGED} when the true
 *       residual meets it too (otherwise the recursion restarts from the true residual; after
 *       {@value #MAX_RESTARTS} such restarts without success the status is {@link SolveStatus#STAGNATED}).</li>
 *   <li><b>True residual</b>: every {@code recomputeInterval} iterations {@code r} is replaced by {@code b − Ax}, so
 *       round-off in the recursion {@code r ← r − αAp} cannot fool the stopping test.</li>
 *   <li><b>Curvature</b>: {@code pᵀAp <= 0} stops with {@link SolveStatus#NEGATIVE_CURVATURE}; the output is the last
 *       iterate, or, with a trust region, the point where the direction p leaves it. On the first direction of a
 *       cold start without a trust region there is no iterate: the status is
 *       {@link SolveStatus#NOT_POSITIVE_DEFINITE} (no solution; {@link SolveResult#orThrow} throws) and x is
 *       zero.</li>
 *   <li><b>Preconditioning</b>: M⁻¹ given as an operator (applied to residuals), or Jacobi ({@code M = diag(A)}) taken
 *       from {@link LinearOperator#diagonal}. A non-positive {@code rᵀM⁻¹r} (indefinite preconditioner) stops with
 *       {@link SolveStatus#BREAKDOWN}.</li>
 *   <li><b>Trust region</b> (Steihaug-Toint): with a finite radius Δ, the iteration starts at {@code x = 0} (warm start
 *       is ignored, as the monotone growth of {@code ‖x_k‖} requires), and stops on the boundary
 *       {@code ‖x‖_M = Δ} when a step would leave the region or curvature is non-positive. With a preconditioner the
 *       region is measured in the M-norm {@code ‖x‖_M = sqrt(xᵀMx)}, tracked by the recurrences of Conn, Gould &amp;
 *       Toint (Trust-Region Methods, §7.5) so that M itself is never needed.</li>
 *   <li><b>Non-finite values</b> from the operator or preconditioner stop with {@link SolveStatus#NON_FINITE}; the
 *       output keeps the last finite iterate.</li>
 * </ul>
 * A solver instance is not thread-safe (it owns its work vectors).
 */
public final class ConjugateGradient implements LinearSolver {
    /** Restarts from the true residual allowed before the solve is declared {@link SolveStatus#STAGNATED}. */
    public static final int MAX_RESTARTS = 3;

    private enum PreconditionerKind { NONE, JACOBI, OPERATOR }

    // ---- configuration (immutable) ----
    private final double relTol;
    private final double absTol;
    private final int maxIterations; // <= 0: default 10n
    private final int recomputeInterval;
    private final double radius;
    private final boolean warmStart;
    private final PreconditionerKind preconditionerKind;
    private final LinearOperator preconditioner;
    private final CgListener listener;

    // ---- prepared state ----
    private LinearOperator a;
    private LinearOperator mInv;
    private double[] jacobiInverse;
    private int n = -1;
    private double[] bb;
    private double[] r;
    private double[] z;
    private double[] p;
    private double[] ap;
    private double[] xs;
    private VectorView xView;

    /** Defaults: relative tolerance 1e-10, no absolute tolerance, at most 10n iterations, true residual every 50
     * iterations, no trust region, cold start, no preconditioner, no listener. */
    public ConjugateGradient() {
        this(1e-10, 0.0, 0, 50, Double.POSITIVE_INFINITY, false, PreconditionerKind.NONE, null, null);
    }

    private ConjugateGradient(double relTol, double absTol, int maxIterations, int recomputeInterval, double radius,
            boolean warmStart, PreconditionerKind kind, LinearOperator preconditioner, CgListener listener) {
        this.relTol = relTol;
        this.absTol = absTol;
        this.maxIterations = maxIterations;
        this.recomputeInterval = recomputeInterval;
        this.radius = radius;
        this.warmStart = warmStart;
        this.preconditionerKind = kind;
        this.preconditioner = preconditioner;
        this.listener = listener;
    }

    private ConjugateGradient copy(double relTol, double absTol, int maxIterations, int recomputeInterval,
            double radius, boolean warmStart, PreconditionerKind kind, LinearOperator preconditioner,
            CgListener listener) {
        return new ConjugateGradient(relTol, absTol, maxIterations, recomputeInterval, radius, warmStart, kind,
                preconditioner, listener);
    }

    /**
     * Relative tolerance on {@code ‖b − Ax‖ / ‖b‖}.
     *
     * @param tol relative tolerance, ≥ 0 (default 1e-10; 0 leaves only the absolute test)
     * @return a copy of this solver with that tolerance (unprepared; this solver is unchanged)
     * @throws IllegalArgumentException if negative or not finite
     */
    public ConjugateGradient withRelativeTolerance(double tol) {
        ArgumentChecks.requireNonNegative("relativeTolerance", tol);
        return copy(tol, absTol, maxIterations, recomputeInterval, radius, warmStart, preconditionerKind,
                preconditioner, listener);
    }

    /**
     * Absolute tolerance on {@code ‖b − Ax‖}.
     *
     * @param tol absolute tolerance on the residual norm, ≥ 0 (default 0: none)
     * @return a copy of this solver with that tolerance (unprepared; this solver is unchanged)
     * @throws IllegalArgumentException if negative or not finite
     */
    public ConjugateGradient withAbsoluteTolerance(double tol) {
        ArgumentChecks.requireNonNegative("absoluteTolerance", tol);
        return copy(relTol, tol, maxIterations, recomputeInterval, radius, warmStart, preconditionerKind,
                preconditioner, listener);
    }

    /**
     * Iteration cap (operator products in the main loop).
     *
     * @param cap maximum number of iterations, ≥ 1 (default 10n)
     * @return a copy of this solver with that cap (unprepared; this solver is unchanged)
     * @throws IllegalArgumentException if not positive
     */
    public ConjugateGradient withMaxIterations(int cap) {
        ArgumentChecks.requirePositive("maxIterations", cap);
        return copy(relTol, absTol, cap, recomputeInterval, radius, warmStart, preconditionerKind, preconditioner,
                listener);
    }

    /**
     * Replace the recursive residual by the true residual {@code b − Ax} every {@code interval} iterations (one extra
     * operator product each time).
     *
     * @param interval iterations between true-residual recomputations, ≥ 1 (default 50)
     * @return a copy of this solver with that interval (unprepared; this solver is unchanged)
     * @throws IllegalArgumentException if not positive
     */
    public ConjugateGradient withResidualRecomputeInterval(int interval) {
        ArgumentChecks.requirePositive("residualRecomputeInterval", interval);
        return copy(relTol, absTol, maxIterations, interval, radius, warmStart, preconditionerKind, preconditioner,
                listener);
    }

    /**
     * Steihaug-Toint trust-region radius Δ ({@code +∞} for none).
     *
     * @param delta trust radius Δ &gt; 0 in the (preconditioned) M-norm, or {@code Double.POSITIVE_INFINITY} for none
     *              (the default)
     * @return a copy of this solver with that radius (unprepared; this solver is unchanged)
     * @throws IllegalArgumentException if not positive
     */
    public ConjugateGradient withTrustRegionRadius(double delta) {
        ArgumentChecks.requirePositiveOrInfinite("trustRegionRadius", delta);
        return copy(relTol, absTol, maxIterations, recomputeInterval, delta, warmStart, preconditionerKind,
                preconditioner, listener);
    }

    /**
     * Start from the x passed to {@link #solve} instead of zero (ignored with a finite trust radius).
     *
     * @param warm true to start from the incoming x, false to start from zero (the default)
     * @return a copy of this solver with that setting (unprepared; this solver is unchanged)
     */
    public ConjugateGradient withWarmStart(boolean warm) {
        return copy(relTol, absTol, maxIterations, recomputeInterval, radius, warm, preconditionerKind,
                preconditioner, listener);
    }

    /**
     * Preconditioner given as the operator {@code M⁻¹} (symmetric positive definite, applied to residuals).
     *
     * @param mInverse the n×n operator M⁻¹, tagged symmetric; its size is checked against A at {@link #prepare}
     * @return a copy of this solver with that preconditioner (unprepared; this solver is unchanged)
     * @throws IllegalArgumentException if null, not square or not tagged symmetric
     */
    public ConjugateGradient withPreconditioner(LinearOperator mInverse) {
        if (mInverse == null) {
            throw new IllegalArgumentException("preconditioner must not be null (use withoutPreconditioner())");
        }
        if (!mInverse.isSquare() || !mInverse.is(Structure.SYMMETRIC)) {
            throw new IllegalArgumentException("preconditioner is " + mInverse.rows() + "x" + mInverse.cols()
                    + (mInverse.is(Structure.SYMMETRIC) ? "" : " and not tagged SYMMETRIC")
                    + ", expected a square symmetric operator");
        }
        return copy(relTol, absTol, maxIterations, recomputeInterval, radius, warmStart, PreconditionerKind.OPERATOR,
                mInverse, listener);
    }

    /**
     * Jacobi preconditioner {@code M = diag(A)}, read from {@link LinearOperator#diagonal} at {@link #prepare}; diagonal
     * entries that are not positive and finite are replaced by 1 (a dead parameter in a Gauss-Newton matrix has a zero
     * diagonal).
     *
     * @return a copy of this solver with the Jacobi preconditioner (unprepared; this solver is unchanged)
     */
    public ConjugateGradient withJacobiPreconditioner() {
        return copy(relTol, absTol, maxIterations, recomputeInterval, radius, warmStart, PreconditionerKind.JACOBI,
                null, listener);
    }

    /**
     * No preconditioner.
     *
     * @return a copy of this solver without a preconditioner (unprepared; this solver is unchanged)
     */
    public ConjugateGradient withoutPreconditioner() {
        return copy(relTol, absTol, maxIterations, recomputeInterval, radius, warmStart, PreconditionerKind.NONE,
                null, listener);
    }

    /**
     * Per-iteration listener (null for none).
     *
     * @param l listener called after each iteration, or null for none
     * @return a copy of this solver with that listener (unprepared; this solver is unchanged)
     */
    public ConjugateGradient withListener(CgListener l) {
        return copy(relTol, absTol, maxIterations, recomputeInterval, radius, warmStart, preconditionerKind,
                preconditioner, l);
    }

    /**
     * The configured relative tolerance.
     *
     * @return the relative tolerance on {@code ‖b − Ax‖ / ‖b‖}
     */
    public double relativeTolerance() {
        return relTol;
    }

    /**
     * Binds the operator and allocates the work vectors (reused when the size does not change).
     *
     * @param op square operator tagged {@link Structure#SYMMETRIC}
     * @return this solver, prepared
     * @throws IllegalArgumentException if the operator is not square or not tagged symmetric, if the preconditioner's
     *                                  size differs, or if Jacobi was requested and the operator has no diagonal
     */
    public ConjugateGradient prepare(LinearOperator op) {
        if (op == null) {
            throw new IllegalArgumentException("operator must not be null");
        }
        if (!op.isSquare()) {
            throw new IllegalArgumentException(
                    "operator is " + op.rows() + "x" + op.cols() + ", expected a square operator");
        }
        if (!op.is(Structure.SYMMETRIC)) {
            throw new IllegalArgumentException("operator is not tagged SYMMETRIC, expected a symmetric positive "
                    + "(semi)definite operator for conjugate gradient");
        }
        int size = op.rows();
        LinearOperator m = null;
        double[] jac = null;
        if (preconditionerKind == PreconditionerKind.OPERATOR) {
            ArgumentChecks.requireDimension("preconditioner size", preconditioner.rows(), size);
            m = preconditioner;
        } else if (preconditionerKind == PreconditionerKind.JACOBI) {
            jac = new double[size];
            if (!op.diagonal(jac)) {
                throw new IllegalArgumentException("operator " + op + " provides no diagonal, expected one for the "
                        + "Jacobi preconditioner (pass M^-1 with withPreconditioner instead)");
            }
            for (int i = 0; i < size; i++) {
                double d = jac[i];
                jac[i] = d > 0 && Double.isFinite(d) ? 1.0 / d : 1.0;
            }
        }
        this.a = op;
        this.mInv = m;
        this.jacobiInverse = jac;
        if (size != n) {
            n = size;
            bb = new double[n];
            r = new double[n];
            p = new double[n];
            ap = new double[n];
            xs = new double[n];
            z = preconditionerKind == PreconditionerKind.NONE ? r : new double[n];
            xView = VectorView.of(xs);
        } else if (preconditionerKind == PreconditionerKind.NONE) {
            z = r;
        } else if (z == r) {
            z = new double[n];
        }
        return this;
    }

    @Override
    public int rows() {
        requirePrepared();
        return n;
    }

    @Override
    public int cols() {
        return rows();
    }

    /** Solves {@code A x = b} with the configured trust radius. See the class documentation. */
    @Override
    public SolveResult solve(double[] b, double[] x) {
        return solve(b, x, radius);
    }

    /**
     * Solves {@code A x = b} within the trust radius {@code delta} ({@code +∞} for none), overriding the configured one
     * for this call (trust-region methods change Δ every outer iteration).
     *
     * @param b right-hand side, length n, finite; not modified and may be the same array as x
     * @param x receives the solution, length n; read first as the warm start when warm start is on and Δ is infinite
     * @param delta trust radius Δ &gt; 0, or {@code Double.POSITIVE_INFINITY} for an unconstrained solve
     * @return the status, iteration count and final true residual norm; x holds a usable answer when {@link
     *         SolveResult#hasSolution()}
     * @throws IllegalArgumentException for wrong lengths, non-finite b, a non-finite warm start or a non-positive Δ
     */
    public SolveResult solve(double[] b, double[] x, double delta) {
        requirePrepared();
        ArgumentChecks.requireLength("b", b, n);
        ArgumentChecks.requireLength("x", x, n);
        ArgumentChecks.requireFinite("b", b);
        ArgumentChecks.requirePositiveOrInfinite("trust radius", delta);
        boolean trust = delta < Double.POSITIVE_INFINITY;
        boolean warm = warmStart && !trust;
        if (warm) {
            ArgumentChecks.requireFinite("x (warm start)", x);
        }
        // b may alias x: keep our own copy of b, iterate on xs, write x at the end
        System.arraycopy(b, 0, bb, 0, n);
        double bnorm = norm(bb);
        double tol = Math.max(relTol * bnorm, absTol);
        int cap = maxIterations > 0 ? maxIterations : Math.max(1, 10 * n);

        if (warm) {
            System.arraycopy(x, 0, xs, 0, n);
            trueResidual();
        } else {
            Arrays.fill(xs, 0.0);
            System.arraycopy(bb, 0, r, 0, n);
        }
        double rnorm = norm(r);
        if (rnorm <= tol) {
            return finish(x, SolveStatus.CONVERGED, 0, bnorm, "initial residual within tolerance");
        }
        precondition();
        double rz = dot(r, z);
        if (!Double.isFinite(rz)) {
            return finish(x, SolveStatus.NON_FINITE, 0, bnorm, "preconditioner produced a non-finite value");
        }
        if (rz <= 0) {
            return finish(x, SolveStatus.BREAKDOWN, 0, bnorm, "r'M^-1 r = " + rz + " <= 0: preconditioner is not "
                    + "positive definite");
        }
        System.arraycopy(z, 0, p, 0, n);
        // Steihaug-Toint M-norm recurrences (x0 = 0): ‖x‖²_M, xᵀMp, pᵀMp
        double xMx = 0;
        double xMp = 0;
        double pMp = rz;
        int restarts = 0;
        int sinceRecompute = 0;

        for (int k = 0; k < cap; k++) {
            a.apply(p, ap);
            double pAp = dot(p, ap);
            if (!Double.isFinite(pAp)) {
                return finish(x, SolveStatus.NON_FINITE, k, bnorm, "operator produced a non-finite value");
            }
            if (pAp <= 0) {
                if (trust) {
                    stepToBoundary(xMx, xMp, pMp, delta);
                    return finish(x, SolveStatus.NEGATIVE_CURVATURE, k + 1, bnorm,
                            "p'Ap = " + pAp + " <= 0; stopped on the trust-region boundary");
                }
                if (k == 0 && !warm) {
                    return finish(x, SolveStatus.NOT_POSITIVE_DEFINITE, 1, bnorm,
                            "p'Ap = " + pAp + " <= 0 on the first direction: the operator is not positive definite");
                }
                return finish(x, SolveStatus.NEGATIVE_CURVATURE, k + 1, bnorm,
                        "p'Ap = " + pAp + " <= 0; returned the last iterate");
            }
            double alpha = rz / pAp;
            if (trust) {
                double xMxNext = xMx + 2 * alpha * xMp + alpha * alpha * pMp;
                if (xMxNext >= delta * delta) {
                    stepToBoundary(xMx, xMp, pMp, delta);
                    return finish(x, SolveStatus.TRUST_REGION_BOUNDARY, k + 1, bnorm,
                            "step left the trust region of radius " + delta);
                }
                xMx = xMxNext;
            }
            // x ← x + αp, r ← r − αAp
            for (int i = 0; i < n; i++) {
                xs[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            if (++sinceRecompute >= recomputeInterval) {
                trueResidual();
                sinceRecompute = 0;
            }
            rnorm = norm(r);
            if (listener != null) {
                listener.iteration(k + 1, rnorm, xView);
            }
            boolean restart = false;
            if (rnorm <= tol) {
                // confirm on the true residual before declaring convergence
                if (sinceRecompute != 0) {
                    trueResidual();
                    sinceRecompute = 0;
                    rnorm = norm(r);
                }
                if (rnorm <= tol) {
                    return finish(x, SolveStatus.CONVERGED, k + 1, bnorm, "residual within tolerance");
                }
                if (++restarts > MAX_RESTARTS) {
                    return finish(x, SolveStatus.STAGNATED, k + 1, bnorm,
                            "true residual stayed above the tolerance " + tol + " after " + MAX_RESTARTS
                                    + " restarts");
                }
                restart = true;
            }
            precondition();
            double rzNew = dot(r, z);
            if (!Double.isFinite(rzNew)) {
                return finish(x, SolveStatus.NON_FINITE, k + 1, bnorm, "non-finite residual");
            }
            if (rzNew <= 0) {
                return finish(x, SolveStatus.BREAKDOWN, k + 1, bnorm,
                        "r'M^-1 r = " + rzNew + " <= 0: preconditioner is not positive definite");
            }
            if (restart) {
                // restart the recursion along the preconditioned true residual; the M-norm recurrences assume
                // conjugacy with the previous directions, so in trust-region mode xᵀMp must be recomputed: it is
                // only available without a preconditioner (M = I), which is the case where restarts matter
                System.arraycopy(z, 0, p, 0, n);
                if (trust) {
                    xMp = mInv == null && jacobiInverse == null ? dot(xs, p) : xMp;
                }
                pMp = rzNew;
                rz = rzNew;
                continue;
            }
            double beta = rzNew / rz;
            for (int i = 0; i < n; i++) {
                p[i] = z[i] + beta * p[i];
            }
            if (trust) {
                xMp = beta * (xMp + alpha * pMp);
                pMp = rzNew + beta * beta * pMp;
            }
            rz = rzNew;
        }
        return finish(x, SolveStatus.MAX_ITERATIONS, cap, bnorm, "iteration cap " + cap + " reached");
    }

    /** x ← x + τp with τ ≥ 0 the root of {@code ‖x + τp‖²_M = Δ²}. */
    private void stepToBoundary(double xMx, double xMp, double pMp, double delta) {
        double c = xMx - delta * delta; // <= 0 inside the region
        double disc = Math.sqrt(Math.max(0, xMp * xMp - pMp * c));
        // numerically stable positive root of pMp·τ² + 2·xMp·τ + c = 0
        double tau = xMp >= 0 ? -c / (xMp + disc) : (disc - xMp) / pMp;
        if (!(tau >= 0) || !Double.isFinite(tau)) {
            tau = 0;
        }
        for (int i = 0; i < n; i++) {
            xs[i] += tau * p[i];
        }
    }

    /** r ← b − A·xs. */
    private void trueResidual() {
        a.apply(xs, ap);
        for (int i = 0; i < n; i++) {
            r[i] = bb[i] - ap[i];
        }
    }

    /** z ← M⁻¹ r (z aliases r without a preconditioner). */
    private void precondition() {
        if (mInv != null) {
            mInv.apply(r, z);
        } else if (jacobiInverse != null) {
            for (int i = 0; i < n; i++) {
                z[i] = jacobiInverse[i] * r[i];
            }
        }
    }

    /** Copies the iterate out (if finite) and reports the true residual. */
    private SolveResult finish(double[] x, SolveStatus status, int iterations, double bnorm, String message) {
        SolveStatus s = status;
        String msg = message;
        boolean finite = true;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(xs[i])) {
                finite = false;
                break;
            }
        }
        double resid;
        if (finite) {
            trueResidual();
            resid = norm(r);
            if (!Double.isFinite(resid) && s.hasSolution()) {
                s = SolveStatus.NON_FINITE;
                msg = "operator produced a non-finite value at the final iterate";
            }
        } else {
            s = SolveStatus.NON_FINITE;
            msg = "iterate became non-finite";
            resid = Double.NaN;
        }
        if (s.hasSolution() || finite) {
            if (finite) {
                System.arraycopy(xs, 0, x, 0, n);
            }
        }
        return new SolveResult(s, iterations, resid, bnorm, msg);
    }

    private void requirePrepared() {
        if (a == null) {
            throw new IllegalStateException("ConjugateGradient.solve called before prepare(operator)");
        }
    }

    private static double dot(double[] u, double[] v) {
        double s0 = 0, s1 = 0;
        int len = u.length;
        int i = 0;
        for (; i + 1 < len; i += 2) {
            s0 += u[i] * v[i];
            s1 += u[i + 1] * v[i + 1];
        }
        if (i < len) {
            s0 += u[i] * v[i];
        }
        return s0 + s1;
    }

    private static double norm(double[] u) {
        return org.gn4j.linalg.VectorOps.norm2(u);
    }
}
