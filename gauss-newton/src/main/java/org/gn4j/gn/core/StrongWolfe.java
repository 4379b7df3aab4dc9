package org.gn4j.gn.core;

/**
 * A line search for the strong Wolfe conditions {@code F(x + αs) <= F(x) + c₁αgᵀs} and
 * {@code |∇F(x + αs)ᵀs| <= c₂|gᵀs|} (Nocedal &amp; Wright, algorithms 3.5 and 3.6): α doubles from 1 until the
 * minimum is bracketed, then a zoom by safeguarded cubic interpolation; at most 30 costs in each phase. The trial
 * must report slopes ({@link StepLength.Trial#slope()}). Quasi-Newton methods (L-BFGS) need its curvature condition.
 */
public final class StrongWolfe implements StepLength {
    private final double c1;
    private final double c2;

    /**
     * A strong Wolfe line search with the given constants.
     *
     * @param c1 the sufficient-decrease constant c₁
     * @param c2 the curvature constant c₂, with {@code 0 < c1 < c2 < 1}
     * @throws IllegalArgumentException unless {@code 0 < c1 < c2 < 1}
     */
    public StrongWolfe(double c1, double c2) {
        if (!(c1 > 0 && c1 < c2 && c2 < 1)) {
            throw new IllegalArgumentException("constants are c1 = " + c1 + ", c2 = " + c2
                    + ", expected 0 < c1 < c2 < 1");
        }
        this.c1 = c1;
        this.c2 = c2;
    }

    @Override
    public Result search(Trial trial) {
        double f0 = trial.cost0();
        double dg0 = trial.slope0();
        double aPrev = 0;
        double fPrev = f0;
        double dPrev = dg0;
        double a = 1;
        int evals = 0;
        for (int i = 0; i < 30 && !trial.outOfTime(); i++) {
            double fa = trial.cost(a);
            double da = trial.slope();
            evals++;
            if (!Double.isFinite(fa) || fa > f0 + c1 * a * dg0 || (i > 0 && fa >= fPrev)) {
                return zoom(trial, f0, dg0, aPrev, fPrev, dPrev, a, fa, da, evals);
            }
            if (Math.abs(da) <= -c2 * dg0) {
                trial.keep();
                return new Result(true, a, fa, evals);
            }
            if (da >= 0) {
                return zoom(trial, f0, dg0, a, fa, da, aPrev, fPrev, dPrev, evals);
            }
            aPrev = a;
            fPrev = fa;
            dPrev = da;
            a *= 2;
        }
        return new Result(false, a, Double.NaN, evals);
    }

    private Result zoom(Trial trial, double f0, double dg0, double lo, double fLo, double dLo, double hi, double fHi,
            double dHi, int evals) {
        for (int i = 0; i < 30 && !trial.outOfTime(); i++) {
            double a = cubicMin(lo, fLo, dLo, hi, fHi, dHi);
            double left = Math.min(lo, hi);
            double width = Math.abs(hi - lo);
            if (!(a > left + 0.1 * width && a < left + 0.9 * width)) {
                a = 0.5 * (lo + hi);
            }
            double fa = trial.cost(a);
            double da = trial.slope();
            evals++;
            if (!Double.isFinite(fa) || fa > f0 + c1 * a * dg0 || fa >= fLo) {
                hi = a;
                fHi = fa;
                dHi = da;
            } else {
                if (Math.abs(da) <= -c2 * dg0) {
                    trial.keep();
                    return new Result(true, a, fa, evals);
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
        // the best point seen: sufficient decrease holds at lo unless lo = 0
        if (lo > 0) {
            double f = trial.cost(lo);
            trial.keep();
            return new Result(Double.isFinite(f), lo, f, evals + 1);
        }
        return new Result(false, lo, Double.NaN, evals);
    }

    /** Minimizer of the cubic interpolating f and f' at a and b (Nocedal &amp; Wright eq. 3.59); NaN if none. */
    static double cubicMin(double a, double fa, double da, double b, double fb, double db) {
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

    @Override
    public String toString() {
        return "strongWolfe(c1=" + c1 + ", c2=" + c2 + ")";
    }
}
