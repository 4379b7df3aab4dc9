package org.gn4j.pinn.train;

import java.util.Locale;

import org.gn4j.gn.TerminationReason;
import org.gn4j.gn.core.StepLength;
import org.gn4j.gn.core.StrongWolfe;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.VectorOps;
import org.gn4j.pinn.pde.CollocationProblem;

/**
 * The quasi-Newton baseline: L-BFGS (two-loop recursion, memory m, initial scaling {@code sᵀy/yᵀy}) with a line
 * search satisfying the strong Wolfe conditions (the core's {@link StrongWolfe}, {@code c₁ = 1e-4},
 * {@code c₂ = 0.9}) on the loss {@code ½‖r‖²}. Commons Math 3 has no
 * L-BFGS, hence this one.
 */
public final class LbfgsTrainer implements PinnOptimizer {
    private static final StrongWolfe WOLFE = new StrongWolfe(1e-4, 0.9);
    private final int memory;

    /** Memory 20. */
    public LbfgsTrainer() {
        this(20);
    }

    /**
     * Memory m ≥ 1.
     *
     * @param memory the number m of stored correction pairs, ≥ 1
     * @throws IllegalArgumentException if memory is not positive
     */
    public LbfgsTrainer(int memory) {
        ArgumentChecks.requirePositive("memory", memory);
        this.memory = memory;
    }

    @Override
    public String name() {
        return "L-BFGS (m=" + memory + ", strong Wolfe)";
    }

    @Override
    public TrainingResult train(CollocationProblem problem, double[] start, TrainingOptions options,
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
                return rec.finish(name(), x, it, f, TerminationReason.TIME_BUDGET, "budget reached");
            }
            if (it >= options.maxIterations()) {
                return rec.finish(name(), x, it, f, TerminationReason.MAX_ITERATIONS, "iteration cap");
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
                    return rec.finish(name(), x, it, f, TerminationReason.GRADIENT, "zero gradient");
                }
            }
            double fNew = wolfe(lg, x, f, dg, d, xNew, gNew, rec);
            it++;
            if (Double.isNaN(fNew) || !(fNew < f)) {
                if (stored == 0) {
                    return rec.finish(name(), x, it, f, TerminationReason.NO_PROGRESS,
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
                return rec.finish(name(), x, it, f, TerminationReason.TARGET_REACHED, "target reached");
            }
        }
    }

    /**
     * The core's strong-Wolfe search along d from x (loss f0, slope dg0 < 0); leaves the accepted point and its
     * gradient in xNew, gNew and returns its loss (NaN on failure).
     */
    private static double wolfe(LossGradient lg, double[] x, double f0, double dg0, double[] d, double[] xNew,
            double[] gNew, Recorder rec) {
        int n = x.length;
        double[] xt = new double[n];
        double[] gt = new double[n];
        StepLength.Result r = WOLFE.search(new StepLength.Trial() {
            private double slope = Double.NaN;

            @Override
            public double cost0() {
                return f0;
            }

            @Override
            public double slope0() {
                return dg0;
            }

            @Override
            public double cost(double alpha) {
                for (int j = 0; j < n; j++) {
                    xt[j] = x[j] + alpha * d[j];
                }
                double f = lg.evaluate(xt, gt);
                slope = VectorOps.dot(gt, d);
                return f;
            }

            @Override
            public double slope() {
                return slope;
            }

            @Override
            public void keep() {
                System.arraycopy(xt, 0, xNew, 0, n);
                System.arraycopy(gt, 0, gNew, 0, n);
            }

            @Override
            public boolean outOfTime() {
                return rec.outOfTime();
            }
        });
        return r.found() ? r.cost() : Double.NaN;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s", name());
    }
}
