package org.gn4j.pinn.train;

import java.util.Locale;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.VectorOps;
import org.gn4j.pinn.pde.PinnProblem;

/**
 * The quasi-Newton baseline: L-BFGS (two-loop recursion, memory m, initial scaling {@code sᵀy/yᵀy}) with a line
 * search satisfying the strong Wolfe conditions ({@code c₁ = 1e-4}, {@code c₂ = 0.9}; bracketing and zoom with
 * cubic interpolation, Nocedal &amp; Wright algorithms 3.5 and 3.6) on the loss {@code ½‖r‖²}. Commons Math 3 has no
 * L-BFGS, hence this one.
 */
public final class LbfgsTrainer implements PinnOptimizer {
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private final int memory;

    /** Memory 20. */
    public LbfgsTrainer() {
        this(20);
    }

    /** Memory m ≥ 1. */
    public LbfgsTrainer(int memory) {
        ArgumentChecks.requirePositive("memory", memory);
        this.memory = memory;
    }

    @Override
    public String name() {
        return "L-BFGS (m=" + memory + ", strong Wolfe)";
    }

    @Override
    public TrainingResult train(PinnProblem problem, double[] start, TrainingOptions options,
            TrainingListener listener) {
        Recorder rec = new Recorder(problem, start, options, listener);
        int n = problem.parameterCount();
        LossGradient lg = new LossGradient(problem);
        double[] x = start.clone();
        double[] g = new double[n];
        double f = lg.evaluate(x, g);
        double[][] s = new double[memory][n];
        double[][] y = new double[memory][n];
        double[] rho = new double[memory];
        double[] alphas = new double[memory];
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        int stored = 0;
        int head = 0;
        int it = 0;
        rec.sample(0, f, x, true);
        while (true) {
            if (rec.outOfTime()) {
                return rec.finish(name(), x, it, f, TrainingStatus.TIME_BUDGET, "budget reached");
            }
            if (it >= options.maxIterations()) {
                return rec.finish(name(), x, it, f, TrainingStatus.MAX_ITERATIONS, "iteration cap");
            }
            // two-loop recursion: d = −H g
            System.arraycopy(g, 0, d, 0, n);
            for (int k = 0; k < stored; k++) {
                int i = Math.floorMod(head - 1 - k, memory);
                alphas[i] = rho[i] * VectorOps.dot(s[i], d);
                VectorOps.axpy(-alphas[i], y[i], d);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, memory);
                VectorOps.scal(VectorOps.dot(s[last], y[last]) / VectorOps.dot(y[last], y[last]), d);
            } else {
                VectorOps.scal(1 / Math.max(1e-12, VectorOps.norm2(g)), d);
            }
            for (int k = stored - 1; k >= 0; k--) {
                int i = Math.floorMod(head - 1 - k, memory);
                double beta = rho[i] * VectorOps.dot(y[i], d);
                VectorOps.axpy(alphas[i] - beta, s[i], d);
            }
            VectorOps.scal(-1, d);
            double dg = VectorOps.dot(d, g);
            if (!(dg < 0)) {
                // not a descent direction: restart from steepest descent
                stored = 0;
                System.arraycopy(g, 0, d, 0, n);
                VectorOps.scal(-1 / Math.max(1e-12, VectorOps.norm2(g)), d);
                dg = VectorOps.dot(d, g);
                if (!(dg < 0)) {
                    return rec.finish(name(), x, it, f, TrainingStatus.CONVERGED, "zero gradient");
                }
            }
            double fNew = wolfe(lg, x, f, g, d, dg, xNew, gNew, rec);
            it++;
            if (Double.isNaN(fNew) || !(fNew < f)) {
                if (stored == 0) {
                    return rec.finish(name(), x, it, f, TrainingStatus.NO_PROGRESS,
                            "line search found no decrease along steepest descent");
                }
                stored = 0; // drop the curvature pairs and retry
                continue;
            }
            double[] sk = s[head];
            double[] yk = y[head];
            for (int j = 0; j < n; j++) {
                sk[j] = xNew[j] - x[j];
                yk[j] = gNew[j] - g[j];
            }
            double sy = VectorOps.dot(sk, yk);
            if (sy > 1e-16 * VectorOps.norm2(sk) * VectorOps.norm2(yk)) {
                rho[head] = 1 / sy;
                head = (head + 1) % memory;
                stored = Math.min(stored + 1, memory);
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            f = fNew;
            if (rec.sample(it, f, x, false)) {
                return rec.finish(name(), x, it, f, TrainingStatus.TARGET_REACHED, "target reached");
            }
        }
    }

    /**
     * Strong-Wolfe line search along d from x (loss f0, slope dg0 < 0); leaves the accepted point and its gradient in
     * xNew, gNew and returns its loss (NaN on failure).
     */
    private static double wolfe(LossGradient lg, double[] x, double f0, double[] g0, double[] d, double dg0,
            double[] xNew, double[] gNew, Recorder rec) {
        double aPrev = 0;
        double fPrev = f0;
        double dPrev = dg0;
        double a = 1;
        for (int i = 0; i < 30 && !rec.outOfTime(); i++) {
            double fa = at(lg, x, d, a, xNew, gNew);
            double da = VectorOps.dot(gNew, d);
            if (!Double.isFinite(fa) || fa > f0 + C1 * a * dg0 || (i > 0 && fa >= fPrev)) {
                return zoom(lg, x, f0, dg0, d, aPrev, fPrev, dPrev, a, fa, da, xNew, gNew, rec);
            }
            if (Math.abs(da) <= -C2 * dg0) {
                return fa;
            }
            if (da >= 0) {
                return zoom(lg, x, f0, dg0, d, a, fa, da, aPrev, fPrev, dPrev, xNew, gNew, rec);
            }
            aPrev = a;
            fPrev = fa;
            dPrev = da;
            a *= 2;
        }
        return Double.NaN;
    }

    private static double zoom(LossGradient lg, double[] x, double f0, double dg0, double[] d, double lo,
            double fLo, double dLo, double hi, double fHi, double dHi, double[] xNew, double[] gNew, Recorder rec) {
        for (int i = 0; i < 30 && !rec.outOfTime(); i++) {
            double a = cubicMin(lo, fLo, dLo, hi, fHi, dHi);
            double left = Math.min(lo, hi);
            double width = Math.abs(hi - lo);
            if (!(a > left + 0.1 * width && a < left + 0.9 * width)) {
                a = 0.5 * (lo + hi);
            }
            double fa = at(lg, x, d, a, xNew, gNew);
            double da = VectorOps.dot(gNew, d);
            if (!Double.isFinite(fa) || fa > f0 + C1 * a * dg0 || fa >= fLo) {
                hi = a;
                fHi = fa;
                dHi = da;
            } else {
                if (Math.abs(da) <= -C2 * dg0) {
                    return fa;
                }
                if (da * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    dHi = dLo;
                }
                lo = a;
                fLo = fa;
                dLo = da;
            }
            if (width < 1e-14 * Math.max(1, Math.abs(lo))) {
                break;
            }
        }
        // return the best point seen (sufficient decrease holds at lo unless lo = 0)
        if (lo > 0) {
            return at(lg, x, d, lo, xNew, gNew);
        }
        return Double.NaN;
    }

    /** Minimizer of the cubic interpolating f and f' at a and b (N&amp;W eq. 3.59); NaN if none. */
    private static double cubicMin(double a, double fa, double da, double b, double fb, double db) {
        if (!Double.isFinite(fb) || !Double.isFinite(db)) {
            return Double.NaN;
        }
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - da * db;
        if (disc < 0) {
            return Double.NaN;
        }
        double d2 = Math.signum(b - a) * Math.sqrt(disc);
        return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
    }

    private static double at(LossGradient lg, double[] x, double[] d, double a, double[] xNew, double[] gNew) {
        for (int j = 0; j < x.length; j++) {
            xNew[j] = x[j] + a * d[j];
        }
        return lg.evaluate(xNew, gNew);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s", name());
    }
}
