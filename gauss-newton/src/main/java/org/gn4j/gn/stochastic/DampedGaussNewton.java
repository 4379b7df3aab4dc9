package org.gn4j.gn.stochastic;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.solvers.SolveResult;

/**
 * The step both stochastic Gauss-Newton methods share, built from parts: a direction from the damped system
 * {@code (G + ρI)δ = −∇L} (the subclass: CG for {@link Sgn}, the low-rank solve for {@link Egn}), optional heavy-ball
 * momentum {@code s = δ + β·Δθ_prev}, a {@link LineSearch}, the gain ratio and a {@link Damping} rule.
 *
 * <p><b>Gain ratio.</b> {@code r = (L(θ) − L(θ + αs)) / (−α∇Lᵀs − ½α²sᵀGs)}: the predicted reduction is that of
 * the Gauss-Newton model of the loss <em>without</em> the damping term. ρ regularizes the subproblem and is not part
 * of the loss; for an exact LM step this is Nielsen's {@code ½δᵀ(ρδ − ∇L)}, and it stays meaningful for truncated CG
 * and momentum steps, where that identity fails.
 *
 * <p><b>Outcomes.</b> OK (θ += αs); REJECTED with θ untouched when no trial passed the line search (damping rules
 * see the ratio, at most 0) or when the direction or every trial loss was not finite, which counts as a failure
 * (damping rules see NaN and raise the damping, momentum and warm starts are dropped); after
 * {@code maxConsecutiveFailures} failures in a row, or when the loss or gradient at θ itself is not finite, the
 * status is NON_FINITE and a trainer stops with θ at the last good point.
 */
abstract class DampedGaussNewton implements Optimizer {
    final Damping damping;
    final LineSearch lineSearch;
    final double momentum;
    final int maxFailures;

    // ---- state ----
    boolean started;
    double lambda;
    int failures;
    long t;
    long attempts;
    boolean hasVelocity;
    double[] velocity;

    // ---- work buffers ----
    double[] grad;
    double[] delta;
    double[] s;
    double[] trial;

    DampedGaussNewton(Damping damping, LineSearch lineSearch, double momentum, int maxFailures) {
        if (damping == null || lineSearch == null) {
            throw new IllegalArgumentException("damping and lineSearch must not be null");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum is " + momentum + ", expected a value in [0, 1)");
        }
        ArgumentChecks.requirePositive("maxConsecutiveFailures", maxFailures);
        this.damping = damping;
        this.lineSearch = lineSearch;
        this.momentum = momentum;
        this.maxFailures = maxFailures;
    }

    /** What the inner solve reports. */
    record Inner(boolean ok, int iterations, double residual, double damping, SolveResult cg) {
    }

    /** Checks that the batch offers what the method needs (and its shapes). */
    void checkBatch(MiniBatchObjective batch) {
    }

    /**
     * Writes the solution of {@code (G + λI)δ = −∇L} into delta. May raise λ when the system cannot be solved with
     * it (reported in {@link Inner#damping}).
     */
    abstract Inner direction(MiniBatchObjective batch, double[] g, double lambda, double[] delta);

    /** {@code sᵀGs}; {@code sIsDelta} says s is exactly the last direction (products of the solve may be reused). */
    abstract double curvature(MiniBatchObjective batch, double[] s, boolean sIsDelta);

    /** Whether the method reads the gain ratio itself (beyond the damping rule). */
    boolean needsGainRatio() {
        return false;
    }

    /** Subclass state update after a step (ratio NaN for a failure). */
    void afterStep(Inner inner, double ratio, boolean accepted) {
    }

    /** Subclass state: fresh values. */
    void resetExtra() {
    }

    /** Subclass state as numbers (appended after the common state). */
    double[] extraState(int d) {
        return new double[0];
    }

    /** Reads the subclass state written by {@link #extraState}; returns the entries consumed. */
    int restoreExtra(double[] v, int from, int d) {
        return 0;
    }

    @Override
    public final StepResult step(double[] theta, MiniBatchObjective batch) {
        long start = System.nanoTime();
        int d = batch.parameterCount();
        ArgumentChecks.requireLength("theta", theta, d);
        checkBatch(batch);
        if (velocity != null && velocity.length != d) {
            throw new IllegalArgumentException("optimizer state has length " + velocity.length + " per buffer, "
                    + "expected " + d + " (the network's parameter count): reset() before training another network");
        }
        if (grad == null || grad.length != d) {
            grad = new double[d];
            delta = new double[d];
            s = new double[d];
            trial = new double[d];
        }
        if (velocity == null) {
            velocity = new double[d];
        }
        if (!started) {
            lambda = damping.initial();
            started = true;
        }
        attempts++;
        double lam = lambda;
        double loss = batch.loss();
        if (!Double.isFinite(loss)) {
            return fail(loss, Double.NaN, lam, null, start, true);
        }
        batch.gradient(grad);
        double gn = norm(grad);
        if (!Double.isFinite(gn)) {
            return fail(loss, gn, lam, null, start, true);
        }
        if (gn == 0) {
            // a stationary point of the mini-batch: nothing to do, and nothing learned about the model
            t++;
            failures = 0;
            hasVelocity = false;
            return new StepResult(StepResult.Status.OK, loss, 0, 0, 0, 0, 0, lam, 0, Double.NaN, since(start));
        }
        Inner inner = direction(batch, grad, lam, delta);
        lam = inner.damping();
        if (!inner.ok() || !allFinite(delta)) {
            return fail(loss, gn, lam, inner, start, false);
        }
        // s = δ + β·Δθ_prev, dropped when it is not a descent direction
        boolean sIsDelta = true;
        double gs;
        if (momentum > 0 && hasVelocity) {
            for (int i = 0; i < d; i++) {
                s[i] = delta[i] + momentum * velocity[i];
            }
            gs = dot(grad, s);
            sIsDelta = false;
            if (!(gs < 0)) {
                System.arraycopy(delta, 0, s, 0, d);
                sIsDelta = true;
            }
        } else {
            System.arraycopy(delta, 0, s, 0, d);
        }
        gs = dot(grad, s);
        if (!(gs < 0)) {
            // the solve of an SPD system from a cold start always gives ∇Lᵀδ < 0; anything else is a broken solve
            return fail(loss, gn, lam, inner, start, false);
        }
        boolean model = damping.usesGainRatio() || needsGainRatio();
        double sGs = model ? curvature(batch, s, sIsDelta) : Double.NaN;
        if (model && !Double.isFinite(sGs)) {
            return fail(loss, gn, lam, inner, start, false);
        }
        double alpha = 1;
        boolean accepted = false;
        double lastAlpha = Double.NaN;
        double lastTrial = Double.NaN;
        if (!lineSearch.enabled() && !model) {
            accepted = true;
        } else {
            int tries = lineSearch.enabled() ? lineSearch.maxTries() : 1;
            for (int i = 0; i < tries; i++) {
                for (int j = 0; j < d; j++) {
                    trial[j] = theta[j] + alpha * s[j];
                }
                double lt = batch.lossAt(trial);
                if (Double.isFinite(lt)) {
                    lastAlpha = alpha;
                    lastTrial = lt;
                    if (!lineSearch.enabled() || lt <= loss + lineSearch.c() * alpha * gs) {
                        accepted = true;
                        break;
                    }
                }
                if (i + 1 < tries) {
                    alpha *= lineSearch.shrink();
                }
            }
            if (!accepted && Double.isNaN(lastTrial)) {
                return fail(loss, gn, lam, inner, start, false);
            }
        }
        double ratio = Double.NaN;
        if (model && !Double.isNaN(lastTrial)) {
            double actual = loss - lastTrial;
            double predicted = -(lastAlpha * gs + 0.5 * lastAlpha * lastAlpha * sGs);
            ratio = predicted > 0 ? actual / predicted : actual > 0 ? 1 : 0;
        }
        double cgRes = inner.residual();
        if (!accepted) {
            double r = Double.isNaN(ratio) ? 0 : Math.min(ratio, 0);
            hasVelocity = false;
            lambda = damping.next(lam, r, t);
            afterStep(inner, r, false);
            return new StepResult(StepResult.Status.REJECTED, loss, gn, 0, 0, inner.iterations(), cgRes, lam, 0,
                    ratio, since(start));
        }
        double sn = 0;
        for (int i = 0; i < d; i++) {
            double step = alpha * s[i];
            theta[i] += step;
            velocity[i] = step;
            sn += step * step;
        }
        hasVelocity = momentum > 0;
        t++;
        failures = 0;
        double r = model ? ratio : 1.0;
        lambda = damping.next(lam, r, t);
        afterStep(inner, model ? ratio : 1.0, true);
        return new StepResult(StepResult.Status.OK, loss, gn, Math.sqrt(sn), alpha, inner.iterations(), cgRes, lam,
                alpha, ratio, since(start));
    }

    private StepResult fail(double loss, double gn, double lam, Inner inner, long start, boolean atTheta) {
        failures++;
        hasVelocity = false;
        lambda = damping.next(lam, Double.NaN, t);
        afterStep(inner, Double.NaN, false);
        StepResult.Status status = atTheta || failures >= maxFailures ? StepResult.Status.NON_FINITE
                : StepResult.Status.REJECTED;
        return new StepResult(status, loss, gn, 0, 0, inner == null ? 0 : inner.iterations(),
                inner == null ? Double.NaN : inner.residual(), lam, 0, Double.NaN, since(start));
    }

    /** The damping the next step will use (before the first step: the rule's initial value). */
    public double damping() {
        return started ? lambda : damping.initial();
    }

    /** Failed steps in a row (reset by an OK step). */
    public int consecutiveFailures() {
        return failures;
    }

    @Override
    public void reset() {
        started = false;
        lambda = damping.initial();
        failures = 0;
        t = 0;
        attempts = 0;
        hasVelocity = false;
        velocity = null;
        resetExtra();
    }

    @Override
    public long stepCount() {
        return t;
    }

    /*
     * State layout: [λ, failures, attempts, d, hasVelocity, velocity (d entries if hasVelocity), subclass state].
     */
    @Override
    public double[] stateVector() {
        if (!started) {
            return new double[0];
        }
        int d = velocity == null ? 0 : velocity.length;
        double[] extra = extraState(d);
        int vel = hasVelocity ? d : 0;
        double[] v = new double[5 + vel + extra.length];
        v[0] = lambda;
        v[1] = failures;
        v[2] = attempts;
        v[3] = d;
        v[4] = hasVelocity ? 1 : 0;
        if (hasVelocity) {
            System.arraycopy(velocity, 0, v, 5, d);
        }
        System.arraycopy(extra, 0, v, 5 + vel, extra.length);
        return v;
    }

    @Override
    public void restoreState(double[] v, long stepCount) {
        if (v == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        if (stepCount < 0) {
            throw new IllegalArgumentException("stepCount is " + stepCount + ", expected >= 0");
        }
        reset();
        t = stepCount;
        if (v.length == 0) {
            return;
        }
        if (v.length < 5) {
            throw new IllegalArgumentException("state has length " + v.length + ", expected at least 5 (" + name()
                    + " state header)");
        }
        int d = (int) v[3];
        boolean vel = v[4] != 0;
        if (d < 0 || v[3] != d || v.length < 5 + (vel ? d : 0)) {
            throw new IllegalArgumentException("state has length " + v.length + " for " + v[3] + " parameters, "
                    + "expected at least " + (5 + (vel ? d : 0)));
        }
        lambda = v[0];
        failures = (int) v[1];
        attempts = (long) v[2];
        started = true;
        velocity = d > 0 ? new double[d] : null;
        hasVelocity = vel;
        int pos = 5;
        if (vel) {
            System.arraycopy(v, 5, velocity, 0, d);
            pos += d;
        }
        int used = restoreExtra(v, pos, d);
        if (pos + used != v.length) {
            throw new IllegalArgumentException("state has length " + v.length + ", expected " + (pos + used)
                    + " for " + name() + " with " + d + " parameters");
        }
    }

    static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static double dot(double[] u, double[] v) {
        double s0 = 0;
        double s1 = 0;
        int n = u.length;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            s0 += u[i] * v[i];
            s1 += u[i + 1] * v[i + 1];
        }
        if (i < n) {
            s0 += u[i] * v[i];
        }
        return s0 + s1;
    }

    static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

}
