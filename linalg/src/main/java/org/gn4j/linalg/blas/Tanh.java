package org.gn4j.linalg.blas;

/**
 * {@code tanh} from additions, multiplications, fused multiply-adds and divisions only, so that one sequence of
 * correctly rounded operations gives the same bits whether it runs lane by lane in Java or in vector registers
 * (interpreted, C1 or C2): {@link VectorElementwise} evaluates exactly these steps on whole vectors and this class
 * on the tail and in the scalar fallback. The Vector API's own {@code TANH} is not used for that reason: it returns
 * {@link Math#tanh} before the JIT compiles it and a different library routine after, which broke bit-for-bit
 * checkpoint resumption.
 *
 * <p>With {@code a = |x|} and {@code m = expm1(r)} from its Taylor series through {@code r¹⁹/19!} (truncation below
 * 3·10⁻¹⁸ relative for {@code |r| ≤ 1.1}):
 * <ul>
 *   <li>{@code a < 0.55}: {@code m = expm1(−2a)}, {@code tanh a = −m / (2 + m)} (no cancellation near 0);</li>
 *   <li>otherwise {@code e = exp(−2a) = 2^k·(1 + expm1(ρ))} with {@code −2a = k·ln 2 + ρ}, {@code |ρ| ≤ ln 2 / 2}
 *       (Cody–Waite, {@code a} clamped at 20, past which tanh rounds to 1), {@code tanh a = (1 − e)/(1 + e)};</li>
 * </ul>
 * and the sign of x copied onto the result (so ±0 and ±∞ → ±1 come out as {@link Math#tanh} gives them); a NaN
 * argument is returned as it is.
 * Within 4 ulps of {@link Math#tanh} (tested over 200,000 arguments from 10⁻¹⁵ to saturation).
 */
final class Tanh {
    /** Below this |x| the expm1 form is used. */
    static final double SMALL = 0.55;
    /** |x| is clamped here: tanh(20) rounds to 1 and exp(−40) is far from underflow. */
    static final double CLAMP = 20.0;
    static final double LOG2E = 1.4426950408889634;
    /** ln 2 split so that {@code k·LN2_HI} is exact for |k| < 2²⁰ (fdlibm's constants). */
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5·2⁵²: adding it rounds to an integer held in the low bits. */
    static final double ROUNDER = 6755399441055744.0;
    /** {@code C_j = 1/(j+1)!}, j = 0 … 18 (correctly rounded): {@code expm1(r) = r·Σ C_j·r^j}. */
    static final double C0 = 1.0;
    static final double C1 = 0.5;
    static final double C2 = 0.16666666666666666;
    static final double C3 = 0.041666666666666664;
    static final double C4 = 0.008333333333333333;
    static final double C5 = 0.001388888888888889;
    static final double C6 = 0.0001984126984126984;
    static final double C7 = 2.48015873015873e-05;
    static final double C8 = 2.7557319223985893e-06;
    static final double C9 = 2.755731922398589e-07;
    static final double C10 = 2.505210838544172e-08;
    static final double C11 = 2.08767569878681e-09;
    static final double C12 = 1.6059043836821613e-10;
    static final double C13 = 1.1470745597729725e-11;
    static final double C14 = 7.647163731819816e-13;
    static final double C15 = 4.779477332387385e-14;
    static final double C16 = 2.8114572543455206e-15;
    static final double C17 = 1.5619206968586225e-16;
    static final double C18 = 8.22063524662433e-18;

    private Tanh() {
    }

    /** {@code Σ C_j·r^j} by Horner's rule with fused multiply-adds. */
    static double series(double r) {
        double p = C18;
        p = Math.fma(p, r, C17);
        p = Math.fma(p, r, C16);
        p = Math.fma(p, r, C15);
        p = Math.fma(p, r, C14);
        p = Math.fma(p, r, C13);
        p = Math.fma(p, r, C12);
        p = Math.fma(p, r, C11);
        p = Math.fma(p, r, C10);
        p = Math.fma(p, r, C9);
        p = Math.fma(p, r, C8);
        p = Math.fma(p, r, C7);
        p = Math.fma(p, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, C1);
        p = Math.fma(p, r, C0);
        return p;
    }

    /** tanh(x) by the steps above. */
    static double tanh(double x) {
        if (x != x) {
            // NaN comes back as it is
            return x;
        }
        double a = Math.abs(x);
        double t;
        if (a < SMALL) {
            double r = -2 * a;
            double m = r * series(r);
            t = -m / (2 + m);
        } else {
            double y = -2 * Math.min(a, CLAMP);
            double shifted = y * LOG2E + ROUNDER;
            double k = shifted - ROUNDER;
            double rho = Math.fma(-k, LN2_LO, Math.fma(-k, LN2_HI, y));
            double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(shifted) + 1023) << 52);
            double e = Math.fma(rho, series(rho), 1.0) * scale;
            t = (1 - e) / (1 + e);
        }
        return Math.copySign(t, x);
    }
}
