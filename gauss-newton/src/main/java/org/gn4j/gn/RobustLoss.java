package org.gn4j.gn;

/**
 * A robust loss {@code ρ(s)} applied to squared residuals {@code s = r_i²}, as in Ceres and scipy: the cost becomes
 * {@code ½ Σ ρ_c(r_i²)} with the scale c setting where outliers start ({@code ρ_c(s) = c²ρ(s/c²)}). Each loss
 * provides ρ, ρ' and ρ''; the solvers apply it by rescaling residuals and Jacobian rows (scipy's scheme):
 * {@code J̃_i = √(ρ' + 2ρ''s)·J_i}, {@code r̃_i = ρ'·r_i / √(ρ' + 2ρ''s)}, so that {@code J̃ᵀr̃ = Jᵀ(ρ'r)} is the exact
 * gradient and {@code J̃ᵀJ̃} the Gauss-Newton approximation of the Hessian, clipped to stay positive.
 */
public enum RobustLoss {
    /** Plain least squares: {@code ρ(s) = s}. */
    LINEAR {
        @Override
        void evaluate(double s, double[] out) {
            out[0] = s;
            out[1] = 1;
            out[2] = 0;
        }
    },
    /** Huber: quadratic for {@code s <= 1}, {@code 2√s − 1} beyond. */
    HUBER {
        @Override
        void evaluate(double s, double[] out) {
            if (s <= 1) {
                out[0] = s;
                out[1] = 1;
                out[2] = 0;
            } else {
                double r = Math.sqrt(s);
                out[0] = 2 * r - 1;
                out[1] = 1 / r;
                out[2] = -0.5 / (s * r);
            }
        }
    },
    /** Soft L1 (pseudo-Huber): {@code 2(√(1+s) − 1)}. */
    SOFT_L1 {
        @Override
        void evaluate(double s, double[] out) {
            double t = 1 + s;
            double r = Math.sqrt(t);
            out[0] = 2 * (r - 1);
            out[1] = 1 / r;
            out[2] = -0.5 / (t * r);
        }
    },
    /** Cauchy: {@code ln(1 + s)}. */
    CAUCHY {
        @Override
        void evaluate(double s, double[] out) {
            double t = 1 + s;
            out[0] = Math.log1p(s);
            out[1] = 1 / t;
            out[2] = -1 / (t * t);
        }
    },
    /** Arctan: {@code atan(s)}, bounded by π/2. */
    ARCTAN {
        @Override
        void evaluate(double s, double[] out) {
            double t = 1 + s * s;
            out[0] = Math.atan(s);
            out[1] = 1 / t;
            out[2] = -2 * s / (t * t);
        }
    };

    /** Writes {@code ρ(s), ρ'(s), ρ''(s)} into {@code out[0..2]} for the unscaled loss. */
    abstract void evaluate(double s, double[] out);

    /**
     * The cost {@code ½ Σ ρ_c(r_i²)} of residuals r with scale c ({@code ½‖r‖²} for {@link #LINEAR}).
     *
     * @param r     the residuals; not modified
     * @param scale the scale c &gt; 0 (ignored by {@link #LINEAR})
     * @return the cost
     */
    public double cost(double[] r, double scale) {
        double s = 0;
        if (this == LINEAR) {
            for (double v : r) {
                s += v * v;
            }
            return 0.5 * s;
        }
        double[] rho = new double[3];
        for (double v : r) {
            evaluate(v * v, scale, rho);
            s += rho[0];
        }
        return 0.5 * s;
    }

    /**
     * Writes {@code ρ_c(s), ρ_c'(s), ρ_c''(s)} for scale {@code c}: {@code ρ_c(s) = c²ρ(s/c²)}, {@code ρ_c' = ρ'(s/c²)},
     * {@code ρ_c'' = ρ''(s/c²)/c²}.
     *
     * @param s the squared residual {@code s = r² ≥ 0}
     * @param scale the scale c &gt; 0
     * @param out receives {@code ρ_c(s), ρ_c'(s), ρ_c''(s)} in its first three entries
     */
    public void evaluate(double s, double scale, double[] out) {
        double c2 = scale * scale;
        evaluate(s / c2, out);
        out[0] *= c2;
        out[2] /= c2;
    }
}
