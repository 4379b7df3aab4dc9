package org.gn4j.pinn.train;

import java.util.Arrays;
import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.VectorOps;
import org.gn4j.linalg.blas.Blas;
import org.gn4j.linalg.blas.BlasProvider;
import org.gn4j.linalg.blas.Transpose;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;
import org.gn4j.linalg.op.Structure;
import org.gn4j.pinn.pde.PinnProblem;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.dense.DenseCholeskySolver;
import org.gn4j.solvers.iterative.ConjugateGradient;
import org.gn4j.solvers.lowrank.LowRankSolver;

/**
 * A PINN-specific damped Gauss-Newton loop built from parts: the step {@code (JᵀJ + λI)δ = −Jᵀr} solved densely
 * (Cholesky of {@code JᵀJ + λI}, the Gram matrix through the {@link Blas} seam), in residual space
 * ({@link LowRankSolver}, Woodbury / push-through {@code δ = −Jᵀ(JJᵀ + λI)⁻¹r}, for fewer residuals than parameters)
 * or matrix-free (CG on JVP/VJP products); the damping λ fixed (ENGD's μ) or adapted by Nielsen's rule from the gain
 * ratio; the step length 1 or chosen by ENGD's grid line search over {@code 2^-k, k = 0..K} (the grid point with the
 * least loss). A step is accepted when it lowers the loss (adaptive damping: gain ratio above 1e-4).
 */
public final class GaussNewtonTrainer implements PinnOptimizer {
    /** The inner linear solve. */
    public enum InnerSolve {
        /** Cholesky of the {@code P×P} matrix {@code JᵀJ + λI}. */
        CHOLESKY,
        /** Woodbury / push-through in the {@code m×m} residual space. */
        WOODBURY,
        /** Matrix-free conjugate gradient on {@code JᵀJ + λI} with JVP/VJP products. */
        CG
    }

    private static final double MAX_DAMPING = 1e16;

    private final InnerSolve inner;
    private final boolean adaptive;
    private final double damping;
    private final int lineSearchSteps;

    /** Cholesky, adaptive damping from λ₀ = 1e-3, no line search. */
    public GaussNewtonTrainer() {
        this(InnerSolve.CHOLESKY, true, 1e-3, 0);
    }

    private GaussNewtonTrainer(InnerSolve inner, boolean adaptive, double damping, int lineSearchSteps) {
        this.inner = inner;
        this.adaptive = adaptive;
        this.damping = damping;
        this.lineSearchSteps = lineSearchSteps;
    }

    /** ENGD as published: fixed damping μ and the grid line search over {@code 2^-k, k = 0..K}. */
    public static GaussNewtonTrainer engd(double mu, int gridSteps) {
        return new GaussNewtonTrainer().withFixedDamping(mu).withGridLineSearch(gridSteps);
    }

    public GaussNewtonTrainer withInnerSolve(InnerSolve s) {
        if (s == null) {
            throw new IllegalArgumentException("inner solve must not be null");
        }
        return new GaussNewtonTrainer(s, adaptive, damping, lineSearchSteps);
    }

    /** A fixed damping μ > 0. */
    public GaussNewtonTrainer withFixedDamping(double mu) {
        ArgumentChecks.requirePositive("damping", mu);
        return new GaussNewtonTrainer(inner, false, mu, lineSearchSteps);
    }

    /** Nielsen-adaptive damping from λ₀ > 0. */
    public GaussNewtonTrainer withAdaptiveDamping(double lambda0) {
        ArgumentChecks.requirePositive("damping", lambda0);
        return new GaussNewtonTrainer(inner, true, lambda0, lineSearchSteps);
    }

    /** The grid line search over {@code 2^-k, k = 0..K} (K = 0: unit steps). */
    public GaussNewtonTrainer withGridLineSearch(int maxHalvings) {
        ArgumentChecks.requireNonNegative("maxHalvings", maxHalvings);
        return new GaussNewtonTrainer(inner, adaptive, damping, maxHalvings);
    }

    @Override
    public String name() {
        return "GN (" + inner.name().toLowerCase(Locale.ROOT) + ", "
                + (adaptive ? "adaptive damping" : String.format(Locale.ROOT, "mu=%.0e", damping))
                + (lineSearchSteps > 0 ? ", grid line search 2^-0.." + lineSearchSteps : "") + ")";
    }

    @Override
    public TrainingResult train(PinnProblem problem, double[] start, TrainingOptions options,
            TrainingListener listener) {
        Recorder rec = new Recorder(problem, start, options, listener);
        int pc = problem.parameterCount();
        double[] theta = start.clone();
        double[] trial = new double[pc];
        double[] best = new double[pc];
        double[] g = new double[pc];
        double[] delta = new double[pc];
        double[] rhs = new double[pc];
        Blas blas = BlasProvider.blas();
        PinnProblem p = problem;
        int m = p.residualCount();
        double[] r = new double[m];
        double[] rTrial = new double[m];
        double[] jd = new double[m];
        double[] jac = null;
        DMatrixRMaj gram = inner == InnerSolve.CHOLESKY ? new DMatrixRMaj(pc, pc) : null;
        DMatrixRMaj shifted = inner == InnerSolve.CHOLESKY ? new DMatrixRMaj(pc, pc) : null;
        DenseCholeskySolver chol = new DenseCholeskySolver();
        LowRankSolver lowRank = new LowRankSolver(blas);
        p.residuals(theta, r);
        double cost = Recorder.cost(r);
        rec.sample(0, cost, theta, true);
        double lambda = damping;
        double nu = 2;
        int it = 0;
        int round = 0;
        int sinceResample = 0;
        while (true) {
            if (rec.outOfTime()) {
                return rec.finish(name(), theta, it, cost, TrainingStatus.TIME_BUDGET, "budget reached");
            }
            if (it >= options.maxIterations()) {
                return rec.finish(name(), theta, it, cost, TrainingStatus.MAX_ITERATIONS, "iteration cap");
            }
            if (options.resampleEvery() > 0 && sinceResample >= options.resampleEvery()) {
                round++;
                sinceResample = 0;
                p = problem.atRound(round);
                if (p.residualCount() != m) {
                    m = p.residualCount();
                    r = new double[m];
                    rTrial = new double[m];
                    jd = new double[m];
                    jac = null;
                }
                p.residuals(theta, r);
                cost = Recorder.cost(r);
            }
            // the Jacobian (or its operator) and the gradient g = Jᵀr at θ
            LinearOperator jop;
            if (inner == InnerSolve.CG) {
                jop = p.jacobianOperator(theta);
            } else {
                if (jac == null) {
                    jac = new double[m * pc];
                }
                p.jacobian(theta, jac, 0, pc);
                if (!VectorOps.allFinite(m * pc, jac, 0)) {
                    return rec.finish(name(), theta, it, cost, TrainingStatus.NON_FINITE, "non-finite Jacobian");
                }
                jop = null;
                if (inner == InnerSolve.CHOLESKY) {
                    blas.dsyrk(Transpose.YES, pc, m, 1.0, jac, 0, pc, 0.0, gram.data, 0, pc);
                } else {
                    lowRank.setFactor(jac, m, pc);
                }
            }
            if (jop != null) {
                jop.applyTranspose(r, g);
            } else {
                blas.dgemv(Transpose.YES, m, pc, 1.0, jac, 0, pc, r, 0, 0.0, g, 0);
            }
            boolean accepted = false;
            while (!accepted) {
                if (rec.outOfTime()) {
                    return rec.finish(name(), theta, it, cost, TrainingStatus.TIME_BUDGET, "budget reached");
                }
                it++;
                sinceResample++;
                SolveResult s = solve(jac, jop, gram, shifted, chol, lowRank, r, g, lambda, rhs, delta, pc);
                if (!s.hasSolution() || !VectorOps.allFinite(delta)) {
                    if (!adaptive || (lambda *= nu) > MAX_DAMPING) {
                        return rec.finish(name(), theta, it, cost, TrainingStatus.NO_PROGRESS,
                                "step system unsolvable: " + s);
                    }
                    nu *= 2;
                    continue;
                }
                // grid line search: the least loss over α = 2^-k
                double alpha = 1;
                double bestCost = Double.POSITIVE_INFINITY;
                for (int k = 0; k <= lineSearchSteps; k++) {
                    double a = Math.scalb(1.0, -k);
                    for (int j = 0; j < pc; j++) {
                        trial[j] = theta[j] + a * delta[j];
                    }
                    p.residuals(trial, rTrial);
                    double c = Recorder.cost(rTrial);
                    if (c < bestCost) {
                        bestCost = c;
                        alpha = a;
                        System.arraycopy(trial, 0, best, 0, pc);
                    }
                }
                // predicted reduction of the GN model along αδ: −(α gᵀδ + ½α²‖Jδ‖²)
                if (jop != null) {
                    jop.apply(delta, jd);
                } else {
                    blas.dgemv(Transpose.NO, m, pc, 1.0, jac, 0, pc, delta, 0, 0.0, jd, 0);
                }
                double predicted = -(alpha * VectorOps.dot(g, delta) + 0.5 * alpha * alpha * VectorOps.dot(jd, jd));
                double actual = cost - bestCost;
                double gain = predicted > 0 ? actual / predicted : (actual > 0 ? 1 : Double.NEGATIVE_INFINITY);
                accepted = Double.isFinite(bestCost) && actual > 0 && (!adaptive || gain > 1e-4);
                if (accepted) {
                    System.arraycopy(best, 0, theta, 0, pc);
                    cost = bestCost;
                    if (adaptive) {
                        double t = 2 * gain - 1;
                        lambda = Math.max(1e-300, lambda * Math.max(1.0 / 3, 1 - t * t * t));
                        nu = 2;
                    }
                    p.residuals(theta, r);
                    if (rec.sample(it, cost, theta, false)) {
                        return rec.finish(name(), theta, it, cost, TrainingStatus.TARGET_REACHED, "target reached");
                    }
                } else if (adaptive) {
                    lambda *= nu;
                    nu *= 2;
                    if (lambda > MAX_DAMPING) {
                        return rec.finish(name(), theta, it, cost, TrainingStatus.NO_PROGRESS,
                                "damping exceeded " + MAX_DAMPING);
                    }
                } else {
                    return rec.finish(name(), theta, it, cost, TrainingStatus.NO_PROGRESS,
                            "no grid step lowered the loss");
                }
                if (it >= options.maxIterations()) {
                    break;
                }
            }
        }
    }

    private SolveResult solve(double[] jac, LinearOperator jop, DMatrixRMaj gram, DMatrixRMaj shifted,
            DenseCholeskySolver chol, LowRankSolver lowRank, double[] r, double[] g, double lambda, double[] rhs,
            double[] delta, int pc) {
        switch (inner) {
            case CHOLESKY: {
                shifted.setTo(gram);
                for (int j = 0; j < pc; j++) {
                    shifted.data[j * pc + j] += lambda;
                }
                SolveResult f = chol.factor(shifted);
                if (!f.hasSolution()) {
                    return f;
                }
                for (int j = 0; j < pc; j++) {
                    rhs[j] = -g[j];
                }
                return chol.solve(rhs, delta);
            }
            case WOODBURY: {
                SolveResult f = lowRank.factor(lambda);
                if (!f.hasSolution()) {
                    return f;
                }
                double[] h = new double[r.length];
                for (int i = 0; i < h.length; i++) {
                    h[i] = -r[i];
                }
                // δ = Jᵀ(JJᵀ + λI)⁻¹(−r) = (JᵀJ + λI)⁻¹Jᵀ(−r)
                return lowRank.solvePushThrough(h, delta);
            }
            default: {
                LinearOperator a = Operators.sum(Operators.normal(jop),
                        Operators.diagonal(filled(pc, lambda)));
                for (int j = 0; j < pc; j++) {
                    rhs[j] = -g[j];
                }
                Arrays.fill(delta, 0.0);
                ConjugateGradient cg = new ConjugateGradient().withRelativeTolerance(1e-10)
                        .withMaxIterations(Math.max(50, 2 * pc))
                        .prepare(a.is(Structure.SYMMETRIC) ? a
                                : Operators.of(pc, pc, a::apply, a::apply, Structure.SYMMETRIC));
                return cg.solve(rhs, delta);
            }
        }
    }

    private static double[] filled(int n, double v) {
        double[] d = new double[n];
        Arrays.fill(d, v);
        return d;
    }
}
