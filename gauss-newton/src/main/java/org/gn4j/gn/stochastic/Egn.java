package org.gn4j.gn.stochastic;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.Linearization;
import org.gn4j.gn.core.Objective;
import org.gn4j.gn.core.OperatorLinearization;
import org.gn4j.gn.core.PushThroughSolver;
import org.gn4j.linalg.blas.BlasProvider;
import org.gn4j.linalg.blas.Transpose;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;

/**
 * EGN, the exact Gauss-Newton step of Korbit et al. (2024): the Levenberg-Marquardt direction
 * {@code (G + λI)δ = −∇L} computed exactly in the mini-batch space of dimension {@code n = b·c} instead of the
 * parameter space. Needs a {@link PerSampleObjective}.
 *
 * <p><b>Formula.</b> With {@code G = (1/b)JᵀQJ}, {@code ∇L = (1/b)Jᵀg}, per-sample factors {@code Q_s = L_sL_sᵀ}, the
 * whitened Jacobian {@code U} (rows {@code L_sᵀJ_s}, so {@code UᵀU = JᵀQJ}) and any {@code h} with
 * {@code L_sh_s = g_s} (so {@code Uᵀh = Jᵀg}), multiplying the system by b and applying the push-through
 * (Duncan-Guttman) identity {@code (UᵀU + μI)⁻¹Uᵀ = Uᵀ(UUᵀ + μI)⁻¹}:
 * <pre>
 *   δ = −(UᵀU + bλI)⁻¹Jᵀg = −Uᵀ(UUᵀ + bλI)⁻¹h,
 * </pre>
 * an SPD {@code n×n} system: the core's {@link PushThroughSolver} on the least-squares form {@code J = U/√b},
 * {@code r = h/√b} (so {@code JᵀJ = G}, {@code Jᵀr = ∇L}, and the damping is λ itself). The identity holds for <em>every</em> h with {@code Lh = g}, so no
 * regularization of Q is needed: {@code h_s} is found per sample by Gaussian elimination with complete pivoting,
 * pivots below {@code c·ε·max|L_s|} counting as zero (the free components set to 0). For softmax cross-entropy,
 * {@code L = diag(√p) − p√pᵀ} has rank c − 1 and {@code g = p − y} lies in its range ({@code Σg = 0}), so the
 * system is consistent and the result exact ({@code h = g/√p}); no {@code Q + εI} perturbation enters the step.
 * {@code UUᵀ} is then singular (one zero direction per sample), which {@code bλ > 0} removes.
 *
 * <p><b>Path choice.</b> The small system is factored (Gram {@code UUᵀ} by {@code syrk}, then Cholesky) or solved by
 * conjugate gradient, matrix-free: {@code UUᵀy = Lᵀ(J(Jᵀ(Ly)))}, one reverse and one forward pass per iteration, at
 * most {@code smallCgIterations} (default 50) to a relative residual of 1e-6 (the report then carries CG
 * iterations). By default the path is chosen by estimated cost ({@link #factorIsCheaper}): with {@code n = b·c},
 * <pre>
 *   factor  ≈ n²·d + n³/3      (Gram matrix by syrk + Cholesky)
 *   CG      ≈ k·4·n·d          (k iterations, each one forward and one reverse pass ≈ 2·(2·n·d))
 * </pre>
 * with k the CG iteration cap, and the factorization taken when it is not dearer and {@code n ≤ 2048} (U takes
 * {@code 8·n·d} bytes). Taking k at its cap counts CG at its worst, so the rule leans to the exact factorization:
 * for {@code d ≫ n} it factors up to {@code n ≈ 4k = 200}. On the MNIST MLP (d = 16,750, c = 10) a factorization at
 * b = 128 takes about 3.3 s per step where CG takes tens of milliseconds (docs/BENCHMARKS.md); the rule switches
 * to CG from b = 20. {@link #withMaxFactorSize} replaces the rule by a fixed limit.
 *
 * <p>When the Cholesky factorization fails (non-positive pivot or numerical singularity), λ is raised tenfold and
 * the factorization repeated, at most 5 times; the λ actually used is reported. The rest of the step (momentum,
 * line search, gain ratio, damping rule, failure handling) is the core loop's stochastic step: defaults are
 * gain-ratio damping from λ = 1e-2 with a floor of 1e-3, Armijo line search, no momentum. The larger start and floor
 * than SGN's are deliberate: an exact step with {@code bc ≈ d} nearly interpolates the mini-batch, and the gain ratio
 * on that batch stays near 1, so the rule keeps lowering λ; on the sine-wave test (2-16-1 MLP, b = 64) EGN from
 * λ = 1e-4 with the 1e-8 floor diverges in the fourth epoch (test loss 0.04 → 2.7), from 1e-2 / 1e-3 it converges.
 * Truncated CG (SGN) regularizes implicitly and does not need this. {@code sᵀGs = ‖Us‖²/b} costs one
 * {@code n×d} matrix-vector product (one forward pass on the guard's path).
 */
public final class Egn extends DampedGaussNewton {
    private static final int FACTOR_RETRIES = 5;

    /** Default memory cap of the factored path on {@code b·c}. */
    public static final int DEFAULT_MAX_FACTOR_SIZE = PushThroughSolver.DEFAULT_MAX_FACTOR_SIZE;

    private final PushThroughSolver path;

    /** EGN with the defaults listed in the class documentation. */
    public Egn() {
        this(Damping.gainRatio(1e-2, 1e-3, 0.25, 0.75, 1.5, 2.0 / 3.0), LineSearch.armijo(), 0, 10,
                new PushThroughSolver());
    }

    private Egn(Damping damping, LineSearch lineSearch, double momentum, int maxFailures, PushThroughSolver path) {
        super(damping, lineSearch, momentum, maxFailures);
        this.path = path;
    }

    /**
     * The same method with another damping rule for λ.
     *
     * @param d the damping rule for λ; not {@code null}
     * @return a new optimizer with fresh state
     * @throws IllegalArgumentException if {@code d} is {@code null}
     */
    public Egn withDamping(Damping d) {
        return new Egn(d, lineSearch, momentum, maxFailures, path);
    }

    /**
     * The same method with gain-ratio damping starting at λ₀ (floor {@code min(λ₀, 1e-3)}).
     *
     * @param lambda0 the initial damping λ₀, finite and ≥ 0
     * @return a new optimizer with fresh state
     */
    public Egn withInitialDamping(double lambda0) {
        return withDamping(Damping.gainRatio(lambda0, Math.min(lambda0, 1e-3), 0.25, 0.75, 1.5, 2.0 / 3.0));
    }

    /**
     * The same method with another step-length rule.
     *
     * @param ls the step-length rule; not {@code null}
     * @return a new optimizer with fresh state
     * @throws IllegalArgumentException if {@code ls} is {@code null}
     */
    public Egn withLineSearch(LineSearch ls) {
        return new Egn(damping, ls, momentum, maxFailures, path);
    }

    /**
     * The same method with heavy-ball momentum β ∈ [0, 1) on the step.
     *
     * @param beta the momentum coefficient β ∈ [0, 1) (0: none)
     * @return a new optimizer with fresh state
     * @throws IllegalArgumentException if β is outside [0, 1)
     */
    public Egn withMomentum(double beta) {
        return new Egn(damping, lineSearch, beta, maxFailures, path);
    }

    /**
     * The same method, reporting NON_FINITE after {@code n ≥ 1} failed steps in a row.
     *
     * @param n the number of consecutive failed steps tolerated, ≥ 1
     * @return a new optimizer with fresh state
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Egn withMaxConsecutiveFailures(int n) {
        return new Egn(damping, lineSearch, momentum, n, path);
    }

    /**
     * The same method with a fixed path rule instead of the cost rule: the small system is factored while
     * {@code b·c ≤ n}; above it, CG in the small space with at most {@code cgIterations} iterations.
     *
     * @param n the largest {@code b·c} (batch size times outputs) that is factored
     * @param cgIterations the CG iteration cap above that size, ≥ 1
     * @return a new optimizer with fresh state
     */
    public Egn withMaxFactorSize(int n, int cgIterations) {
        return new Egn(damping, lineSearch, momentum, maxFailures, path.withMaxFactorSize(n, cgIterations));
    }

    /**
     * The same method with the cost rule (the default) below the memory cap {@code b·c ≤ n}, CG at most
     * {@code cgIterations} iterations (also the k of the rule).
     *
     * @param n the memory cap on {@code b·c} for the factored path
     * @param cgIterations the CG iteration cap, also the k of the cost rule, ≥ 1
     * @return a new optimizer with fresh state
     */
    public Egn withCostBasedPath(int n, int cgIterations) {
        return new Egn(damping, lineSearch, momentum, maxFailures, path.withCostBasedPath(n, cgIterations));
    }

    /**
     * The cost rule ({@link PushThroughSolver#factorIsCheaper}): true when factoring the {@code n × n} small system
     * costs no more than {@code k} CG iterations in the small space.
     *
     * @param n {@code b·c}, the size of the small system
     * @param d the parameter count
     * @param k the CG iteration estimate (the cap)
     * @return {@code true} when the factorization costs no more than k CG iterations
     */
    public static boolean factorIsCheaper(int n, int d, int k) {
        return PushThroughSolver.factorIsCheaper(n, d, k);
    }

    /**
     * Whether a mini-batch with {@code b·c = n} and d parameters is solved by the factorization.
     *
     * @param n the size {@code b·c} of the small system
     * @param d the parameter count
     * @return {@code true} if that mini-batch takes the factored path, {@code false} if CG
     */
    public boolean factors(int n, int d) {
        return path.factors(n, d);
    }

    /**
     * The factor limit on {@code b·c}.
     *
     * @return the largest {@code b·c} that may be factored
     */
    public int maxFactorSize() {
        return path.maxFactorSize();
    }

    @Override
    public String name() {
        return "egn";
    }

    @Override
    DampedSolver solver() {
        return path.fresh();
    }

    @Override
    int solveRetries() {
        return FACTOR_RETRIES;
    }

    @Override
    public Objective objective(MiniBatchObjective batch) {
        if (!(batch instanceof PerSampleObjective)) {
            throw new IllegalArgumentException("batch is a " + batch.getClass().getName() + ", expected a "
                    + "PerSampleObjective (EGN needs per-sample Jacobians and loss factors)");
        }
        return new WhitenedObjective((PerSampleObjective) batch);
    }

    /**
     * The mini-batch in the whitened least-squares form the push-through solver reads: {@code J = U/√b} with U the
     * whitened Jacobian (rows {@code L_sᵀJ_s}), {@code r = h/√b} with {@code L_sh_s = g_s}, so that {@code JᵀJ = G}
     * and {@code Jᵀr = ∇L}. J is applied matrix-free ({@code Jv = Lᵀ(J_net v)/√b}, {@code Jᵀy = J_netᵀ(Ly)/√b}) and
     * formed densely only when the solver factors.
     */
    private static final class WhitenedObjective extends BatchObjective {
        private final PerSampleObjective ps;
        private double[] factors;
        private double[] g;
        private double[] h;
        private double[] small;
        private double[] small2;
        private double[] pivotWork;
        private int[] rowPerm;
        private int[] colPerm;
        private double[] u;

        WhitenedObjective(PerSampleObjective ps) {
            super(ps);
            this.ps = ps;
        }

        @Override
        public Linearization linearize(double[] x) {
            countLinearization();
            int b = ps.batchSize();
            int c = ps.outputCount();
            int d = ps.parameterCount();
            int n = b * c;
            ensure(n, c);
            double[] grad = gradient();
            ps.lossGradient(g);
            ps.hessianFactors(factors);
            double scale = 1 / Math.sqrt(b);
            double[] r = new double[n];
            for (int s = 0; s < b; s++) {
                consistentSolve(c, factors, s * c * c, g, s * c, h, s * c);
            }
            for (int i = 0; i < n; i++) {
                r[i] = scale * h[i];
            }
            LinearOperator j = Operators.of(n, d, (v, out) -> {
                ps.jvp(v, small2);
                applyFactor(b, c, small2, out, true);
                for (int i = 0; i < n; i++) {
                    out[i] *= scale;
                }
            }, (y, out) -> {
                applyFactor(b, c, y, small, false);
                ps.vjp(small, out);
                for (int i = 0; i < out.length; i++) {
                    out[i] *= scale;
                }
            });
            return new OperatorLinearization(j, r, grad, ps.loss()) {
                private DMatrixRMaj dense;

                @Override
                public DMatrixRMaj denseJacobian() {
                    if (dense == null) {
                        if (u == null || u.length < n * d) {
                            u = new double[n * d];
                        }
                        ps.whitenedJacobian(factors, u);
                        for (int i = 0; i < n * d; i++) {
                            u[i] *= scale;
                        }
                        dense = DMatrixRMaj.wrap(n, d, u);
                    }
                    return dense;
                }

                @Override
                public double curvature(double[] s) {
                    if (dense == null) {
                        return super.curvature(s);
                    }
                    double[] us = new double[n];
                    BlasProvider.blas().dgemv(Transpose.NO, n, d, 1.0, dense.data, 0, d, s, 0, 0.0, us, 0);
                    double q = 0;
                    for (double v : us) {
                        q += v * v;
                    }
                    return q;
                }
            };
        }

        private void ensure(int n, int c) {
            if (g == null || g.length != n) {
                g = new double[n];
                h = new double[n];
                small = new double[n];
                small2 = new double[n];
            }
            if (factors == null || factors.length < n * c) {
                factors = new double[n * c];
            }
            if (pivotWork == null || rowPerm.length != c) {
                pivotWork = new double[c * c + c];
                rowPerm = new int[c];
                colPerm = new int[c];
            }
        }

        /** Per sample {@code out_s = L_s·x_s} (or {@code L_sᵀ·x_s}). */
        private void applyFactor(int b, int c, double[] x, double[] out, boolean transpose) {
            for (int s = 0; s < b; s++) {
                int lb = s * c * c;
                int o = s * c;
                for (int i = 0; i < c; i++) {
                    double t = 0;
                    for (int j = 0; j < c; j++) {
                        t += (transpose ? factors[lb + j * c + i] : factors[lb + i * c + j]) * x[o + j];
                    }
                    out[o + i] = t;
                }
            }
        }

        /**
         * {@code h[hOff..] = } a solution of {@code L·h = g} for the c×c factor at {@code lOff}, by Gaussian elimination
         * with complete pivoting; pivots below {@code c·ε·max|L|} are treated as zero and their unknowns set to 0 (exact
         * for a consistent system such as softmax cross-entropy's).
         */
        void consistentSolve(int c, double[] l, int lOff, double[] gv, int gOff, double[] out, int hOff) {
            double[] a = pivotWork;
            double max = 0;
            for (int i = 0; i < c * c; i++) {
                a[i] = l[lOff + i];
                max = Math.max(max, Math.abs(a[i]));
            }
            for (int i = 0; i < c; i++) {
                a[c * c + i] = gv[gOff + i];
                rowPerm[i] = i;
                colPerm[i] = i;
            }
            double tol = c * Math.ulp(1.0) * max;
            int rank = 0;
            for (int p = 0; p < c; p++) {
                // largest remaining entry
                int br = p;
                int bc = p;
                double best = -1;
                for (int i = p; i < c; i++) {
                    for (int j = p; j < c; j++) {
                        double v = Math.abs(a[rowPerm[i] * c + colPerm[j]]);
                        if (v > best) {
                            best = v;
                            br = i;
                            bc = j;
                        }
                    }
                }
                if (!(best > tol)) {
                    break;
                }
                int t = rowPerm[p];
                rowPerm[p] = rowPerm[br];
                rowPerm[br] = t;
                t = colPerm[p];
                colPerm[p] = colPerm[bc];
                colPerm[bc] = t;
                int pr = rowPerm[p];
                int pc = colPerm[p];
                double piv = a[pr * c + pc];
                for (int i = p + 1; i < c; i++) {
                    int r = rowPerm[i];
                    double f = a[r * c + pc] / piv;
                    if (f != 0) {
                        for (int j = p; j < c; j++) {
                            a[r * c + colPerm[j]] -= f * a[pr * c + colPerm[j]];
                        }
                        a[c * c + r] -= f * a[c * c + pr];
                    }
                }
                rank++;
            }
            // back substitution on the rank×rank upper block, free unknowns 0
            for (int j = 0; j < c; j++) {
                out[hOff + j] = 0;
            }
            for (int p = rank - 1; p >= 0; p--) {
                int pr = rowPerm[p];
                double v = a[c * c + pr];
                for (int j = p + 1; j < rank; j++) {
                    v -= a[pr * c + colPerm[j]] * out[hOff + colPerm[j]];
                }
                out[hOff + colPerm[p]] = v / a[pr * c + colPerm[p]];
            }
        }
    }

    @Override
    public String toString() {
        return "Egn[damping=" + damping + ", lineSearch=" + lineSearch + ", momentum=" + momentum + ", path=" + path
                + "]";
    }
}
