package org.gn4j.gn.suites;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The least-squares problems of Moré, Garbow and Hillstrom, as {@link TestProblem}s.
 *
 * <p>Source of the definitions, starting points and minima: J. J. Moré, B. S. Garbow, K. E. Hillstrom, "Testing
 * unconstrained optimization software", ACM Trans. Math. Software 7(1):17–41, 1981 (MGH below; problem numbers
 * are theirs). The data tables were cross-checked against independent transcriptions (MINPACK-1 test drivers,
 * GSL's multifit tests, the Matlab MGH collection). MGH tabulates {@code Σ fᵢ²} to six significant figures; the
 * costs here are {@code F = ½ Σ fᵢ²}. Where a value has more than six digits, the extra digits come from our own
 * solves (MINPACK {@code lmder} through SciPy {@code least_squares(method="lm")} with all tolerances 1e-15, and
 * reduced one- to four-parameter solves for minima that lie on a symmetric line or at infinity); each agrees with
 * the published six digits, which {@code MoreGarbowHillstromTest} checks.
 *
 * <p>Variants named {@code "… x10"} start at {@code 10·x0}, as in the MINPACK-1 test runs, and are only included
 * where the acceptable costs are the same as from {@code x0}.
 *
 * <p>Every factory returns a fresh, immutable problem; the residual and Jacobian functions allocate nothing.
 */
public final class MoreGarbowHillstrom {

    /** Relative tolerance on costs known to ten or more digits: a converged solve agrees to ~1e-6 in x. */
    private static final double REL_TOL = 1e-8;
    /** Tolerance on a zero minimum: {@code F ≤ 1e-10}, i.e. {@code ‖f‖ ≤ 1.4e-5}. */
    private static final double ZERO_TOL = 1e-10;

    private MoreGarbowHillstrom() {
    }

    /**
     * Every problem in the set, with its scaled-start variants.
     *
     * @return a new list, in MGH order
     */
    public static List<TestProblem> all() {
        List<TestProblem> all = new ArrayList<>();
        all.add(rosenbrock());
        all.add(scaled(rosenbrock(), 10));
        all.add(freudensteinRoth());
        all.add(scaled(freudensteinRoth(), 10));
        all.add(powellBadlyScaled());
        all.add(brownBadlyScaled());
        all.add(beale());
        all.add(jennrichSampson());
        all.add(helicalValley());
        all.add(scaled(helicalValley(), 10));
        all.add(bard());
        all.add(scaled(bard(), 10));
        all.add(gaussian());
        all.add(meyer());
        all.add(box3d());
        all.add(powellSingular());
        all.add(scaled(powellSingular(), 10));
        all.add(wood());
        all.add(scaled(wood(), 10));
        all.add(kowalikOsborne());
        all.add(scaled(kowalikOsborne(), 10));
        all.add(brownDennis());
        all.add(scaled(brownDennis(), 10));
        all.add(osborne1());
        all.add(biggsExp6());
        all.add(osborne2());
        all.add(watson(6));
        all.add(watson(9));
        all.add(penaltyI(4));
        all.add(penaltyI(10));
        all.add(trigonometric(10));
        return all;
    }

    /**
     * The problem started from {@code factor·x0}, named {@code "<name> x<factor>"}.
     *
     * @param p      base problem
     * @param factor scale of the starting point
     * @return the variant, with the same acceptable costs
     */
    public static TestProblem scaled(TestProblem p, int factor) {
        double[] x = p.start();
        for (int j = 0; j < x.length; j++) {
            x[j] *= factor;
        }
        return p.withStart(p.name() + " x" + factor, x);
    }

    /**
     * MGH 1, Rosenbrock: {@code f₁ = 10(x₂ − x₁²)}, {@code f₂ = 1 − x₁}; n=2, m=2, x0=(−1.2, 1); F=0 at (1, 1).
     *
     * @return the problem
     */
    public static TestProblem rosenbrock() {
        return new TestProblem("Rosenbrock", 2, 2, (x, f) -> {
            f[0] = 10 * (x[1] - x[0] * x[0]);
            f[1] = 1 - x[0];
        }, (x, j) -> {
            j[0] = -20 * x[0];
            j[1] = 10;
            j[2] = -1;
            j[3] = 0;
        }, new double[] {-1.2, 1}, 0, new double[] {1, 1}, ZERO_TOL);
    }

    /**
     * MGH 2, Freudenstein and Roth: {@code f₁ = −13 + x₁ + ((5 − x₂)x₂ − 2)x₂},
     * {@code f₂ = −29 + x₁ + ((x₂ + 1)x₂ − 14)x₂}; n=2, m=2, x0=(0.5, −2). Global F=0 at (5, 4); the local minimum
     * {@code Σf² = 48.9842…} near (11.41, −0.8968) is where most LM codes stop from x0 and 10·x0, so it is
     * acceptable.
     *
     * @return the problem
     */
    public static TestProblem freudensteinRoth() {
        return new TestProblem("Freudenstein-Roth", 2, 2, (x, f) -> {
            f[0] = -13 + x[0] + ((5 - x[1]) * x[1] - 2) * x[1];
            f[1] = -29 + x[0] + ((x[1] + 1) * x[1] - 14) * x[1];
        }, (x, j) -> {
            // f₁ = −13 + x₁ + 5x₂² − x₂³ − 2x₂, f₂ = −29 + x₁ + x₂³ + x₂² − 14x₂
            j[0] = 1;
            j[1] = (10 - 3 * x[1]) * x[1] - 2;
            j[2] = 1;
            j[3] = (3 * x[1] + 2) * x[1] - 14;
        }, new double[] {0.5, -2}, 0, new double[] {5, 4}, ZERO_TOL,
                // MGH: Σf² = 48.9842…; ours 48.98425367924
                new double[] {0, 0.5 * 48.98425367924});
    }

    /**
     * MGH 3, Powell badly scaled: {@code f₁ = 10⁴x₁x₂ − 1}, {@code f₂ = e^{−x₁} + e^{−x₂} − 1.0001}; n=2, m=2,
     * x0=(0, 1); F=0 at (1.098…e−5, 9.106…) and, by the symmetry x₁ ↔ x₂, at the mirrored point, so no unique
     * minimizer.
     *
     * @return the problem
     */
    public static TestProblem powellBadlyScaled() {
        return new TestProblem("Powell badly scaled", 2, 2, (x, f) -> {
            f[0] = 1e4 * x[0] * x[1] - 1;
            f[1] = Math.exp(-x[0]) + Math.exp(-x[1]) - 1.0001;
        }, (x, j) -> {
            j[0] = 1e4 * x[1];
            j[1] = 1e4 * x[0];
            j[2] = -Math.exp(-x[0]);
            j[3] = -Math.exp(-x[1]);
        }, new double[] {0, 1}, 0, null, ZERO_TOL);
    }

    /**
     * MGH 4, Brown badly scaled: {@code f₁ = x₁ − 10⁶}, {@code f₂ = x₂ − 2·10⁻⁶}, {@code f₃ = x₁x₂ − 2}; n=2, m=3,
     * x0=(1, 1); F=0 at (10⁶, 2·10⁻⁶).
     *
     * @return the problem
     */
    public static TestProblem brownBadlyScaled() {
        return new TestProblem("Brown badly scaled", 2, 3, (x, f) -> {
            f[0] = x[0] - 1e6;
            f[1] = x[1] - 2e-6;
            f[2] = x[0] * x[1] - 2;
        }, (x, j) -> {
            j[0] = 1;
            j[1] = 0;
            j[2] = 0;
            j[3] = 1;
            j[4] = x[1];
            j[5] = x[0];
        }, new double[] {1, 1}, 0, new double[] {1e6, 2e-6}, ZERO_TOL);
    }

    private static final double[] BEALE_Y = {1.5, 2.25, 2.625};

    /**
     * MGH 5, Beale: {@code fᵢ = yᵢ − x₁(1 − x₂ⁱ)}, i=1..3, y=(1.5, 2.25, 2.625); n=2, m=3, x0=(1, 1); F=0 at (3, ½).
     *
     * @return the problem
     */
    public static TestProblem beale() {
        return new TestProblem("Beale", 2, 3, (x, f) -> {
            double p = 1; // x₂ⁱ
            for (int i = 0; i < 3; i++) {
                p *= x[1];
                f[i] = BEALE_Y[i] - x[0] * (1 - p);
            }
        }, (x, j) -> {
            double pPrev = 1; // x₂ⁱ⁻¹
            for (int i = 0; i < 3; i++) {
                j[2 * i] = -(1 - pPrev * x[1]);
                j[2 * i + 1] = x[0] * (i + 1) * pPrev; // ∂/∂x₂ of x₁x₂ⁱ = i·x₁x₂ⁱ⁻¹
                pPrev *= x[1];
            }
        }, new double[] {1, 1}, 0, new double[] {3, 0.5}, ZERO_TOL);
    }

    /**
     * MGH 6, Jennrich and Sampson with m=10: {@code fᵢ = 2 + 2i − (e^{ix₁} + e^{ix₂})}; n=2, x0=(0.3, 0.4).
     * MGH: {@code Σf² = 124.362} at x₁ = x₂ = 0.2578 (the minimizer lies on the symmetry line; ours from a
     * one-parameter solve on it).
     *
     * @return the problem
     */
    public static TestProblem jennrichSampson() {
        int m = 10;
        double xs = 0.25782521414451964;
        return new TestProblem("Jennrich-Sampson", 2, m, (x, f) -> {
            for (int i = 1; i <= m; i++) {
                f[i - 1] = 2 + 2 * i - (Math.exp(i * x[0]) + Math.exp(i * x[1]));
            }
        }, (x, j) -> {
            for (int i = 1; i <= m; i++) {
                j[2 * (i - 1)] = -i * Math.exp(i * x[0]);
                j[2 * (i - 1) + 1] = -i * Math.exp(i * x[1]);
            }
        }, new double[] {0.3, 0.4}, 0.5 * 124.36218235561, new double[] {xs, xs}, REL_TOL);
    }

    /**
     * MGH 7, helical valley: {@code f₁ = 10(x₃ − 10θ(x₁, x₂))}, {@code f₂ = 10(√(x₁² + x₂²) − 1)}, {@code f₃ = x₃},
     * where {@code 2πθ = arctan(x₂/x₁)} for {@code x₁ > 0} and {@code arctan(x₂/x₁) + π} for {@code x₁ < 0}; n=3, m=3,
     * x0=(−1, 0, 0); F=0 at (1, 0, 0). θ jumps by 1 across the half-line x₁ = 0, x₂ < 0.
     *
     * @return the problem
     */
    public static TestProblem helicalValley() {
        return new TestProblem("Helical valley", 3, 3, (x, f) -> {
            f[0] = 10 * (x[2] - 10 * helicalTheta(x[0], x[1]));
            f[1] = 10 * (Math.hypot(x[0], x[1]) - 1);
            f[2] = x[2];
        }, (x, j) -> {
            // ∂θ/∂x₁ = −x₂ / (2π r²), ∂θ/∂x₂ = x₁ / (2π r²), ∂r/∂xₖ = xₖ / r
            double r2 = x[0] * x[0] + x[1] * x[1];
            double r = Math.sqrt(r2);
            double c = 100 / (2 * Math.PI * r2);
            j[0] = c * x[1];
            j[1] = -c * x[0];
            j[2] = 10;
            j[3] = 10 * x[0] / r;
            j[4] = 10 * x[1] / r;
            j[5] = 0;
            j[6] = 0;
            j[7] = 0;
            j[8] = 1;
        }, new double[] {-1, 0, 0}, 0, new double[] {1, 0, 0}, ZERO_TOL);
    }

    private static double helicalTheta(double x1, double x2) {
        if (x1 == 0) {
            return Math.copySign(0.25, x2); // the limit from x₁ > 0
        }
        double t = Math.atan(x2 / x1) / (2 * Math.PI);
        return x1 < 0 ? t + 0.5 : t;
    }

    private static final double[] BARD_Y = {0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96,
        1.34, 2.10, 4.39};

    /**
     * MGH 8, Bard: {@code fᵢ = yᵢ − (x₁ + uᵢ/(vᵢx₂ + wᵢx₃))}, {@code uᵢ = i}, {@code vᵢ = 16 − i},
     * {@code wᵢ = min(uᵢ, vᵢ)}, i=1..15; n=3, x0=(1, 1, 1). MGH: {@code Σf² = 8.21487e−3}; also
     * {@code Σf² = 17.4286…} as x₂, x₃ → −∞ with x₁ → mean(y) = 0.8406…, which is acceptable (reached from 10·x0).
     *
     * @return the problem
     */
    public static TestProblem bard() {
        return new TestProblem("Bard", 3, 15, (x, f) -> {
            for (int i = 1; i <= 15; i++) {
                int v = 16 - i;
                f[i - 1] = BARD_Y[i - 1] - (x[0] + i / (v * x[1] + Math.min(i, v) * x[2]));
            }
        }, (x, j) -> {
            for (int i = 1; i <= 15; i++) {
                int v = 16 - i;
                int w = Math.min(i, v);
                double d = v * x[1] + w * x[2];
                double q = i / (d * d); // ∂/∂d of −u/d
                j[3 * (i - 1)] = -1;
                j[3 * (i - 1) + 1] = q * v;
                j[3 * (i - 1) + 2] = q * w;
            }
        }, new double[] {1, 1, 1}, 0.5 * 8.21487730657897e-3,
                new double[] {0.08241055991910239, 1.1330360975266844, 2.3436951733808242}, 1e-6,
                // limit at infinity: Σ(yᵢ − ȳ)², exactly 17.428693333… (rounded here)
                new double[] {0.5 * 8.21487730657897e-3, 0.5 * 17.428693333333});
    }

    private static final double[] GAUSSIAN_Y = {0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989,
        0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009};

    /**
     * MGH 9, Gaussian: {@code fᵢ = x₁ exp(−x₂(tᵢ − x₃)²/2) − yᵢ}, {@code tᵢ = (8 − i)/2}, i=1..15; n=3,
     * x0=(0.4, 1, 0). MGH: {@code Σf² = 1.12793e−8}. Data and t are symmetric about 0, so x₃ = 0 at the minimizer.
     *
     * @return the problem
     */
    public static TestProblem gaussian() {
        return new TestProblem("Gaussian", 3, 15, (x, f) -> {
            for (int i = 1; i <= 15; i++) {
                double d = (8 - i) / 2.0 - x[2];
                f[i - 1] = x[0] * Math.exp(-0.5 * x[1] * d * d) - GAUSSIAN_Y[i - 1];
            }
        }, (x, j) -> {
            for (int i = 1; i <= 15; i++) {
                double d = (8 - i) / 2.0 - x[2];
                double e = Math.exp(-0.5 * x[1] * d * d);
                j[3 * (i - 1)] = e;
                j[3 * (i - 1) + 1] = -0.5 * x[0] * e * d * d;
                j[3 * (i - 1) + 2] = x[0] * e * x[1] * d;
            }
        }, new double[] {0.4, 1, 0}, 0.5 * 1.12793276962e-8,
                new double[] {0.3989561378392485, 1.0000190844929462, 0}, REL_TOL);
    }

    private static final double[] MEYER_Y = {34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030,
        6005, 5147, 4427, 3820, 3307, 2872};

    /**
     * MGH 10, Meyer: {@code fᵢ = x₁ exp(x₂/(tᵢ + x₃)) − yᵢ}, {@code tᵢ = 45 + 5i}, i=1..16; n=3,
     * x0=(0.02, 4000, 250). MGH: {@code Σf² = 87.9458}. Very badly scaled.
     *
     * @return the problem
     */
    public static TestProblem meyer() {
        return new TestProblem("Meyer", 3, 16, (x, f) -> {
            for (int i = 1; i <= 16; i++) {
                f[i - 1] = x[0] * Math.exp(x[1] / (45 + 5 * i + x[2])) - MEYER_Y[i - 1];
            }
        }, (x, j) -> {
            for (int i = 1; i <= 16; i++) {
                double q = 1 / (45 + 5 * i + x[2]);
                double e = Math.exp(x[1] * q);
                j[3 * (i - 1)] = e;
                j[3 * (i - 1) + 1] = x[0] * e * q;
                j[3 * (i - 1) + 2] = -x[0] * e * x[1] * q * q;
            }
        }, new double[] {0.02, 4000, 250}, 0.5 * 87.945855170630,
                new double[] {0.005609636901025947, 6181.346282384252, 345.22363247315633}, REL_TOL);
    }

    /**
     * MGH 12, Box three-dimensional with m=10: {@code fᵢ = e^{−tᵢx₁} − e^{−tᵢx₂} − x₃(e^{−tᵢ} − e^{−10tᵢ})},
     * {@code tᵢ = 0.1i}; n=3, x0=(0, 10, 20). F=0 at (1, 10, 1), (10, 1, −1) and on the line x₁ = x₂, x₃ = 0, so no
     * unique minimizer.
     *
     * @return the problem
     */
    public static TestProblem box3d() {
        int m = 10;
        return new TestProblem("Box 3-D", 3, m, (x, f) -> {
            for (int i = 1; i <= m; i++) {
                double t = 0.1 * i;
                f[i - 1] = Math.exp(-t * x[0]) - Math.exp(-t * x[1]) - x[2] * (Math.exp(-t) - Math.exp(-10 * t));
            }
        }, (x, j) -> {
            for (int i = 1; i <= m; i++) {
                double t = 0.1 * i;
                j[3 * (i - 1)] = -t * Math.exp(-t * x[0]);
                j[3 * (i - 1) + 1] = t * Math.exp(-t * x[1]);
                j[3 * (i - 1) + 2] = -(Math.exp(-t) - Math.exp(-10 * t));
            }
        }, new double[] {0, 10, 20}, 0, null, ZERO_TOL);
    }

    private static final double SQRT5 = Math.sqrt(5);
    private static final double SQRT10 = Math.sqrt(10);

    /**
     * MGH 13, Powell singular: {@code f₁ = x₁ + 10x₂}, {@code f₂ = √5(x₃ − x₄)}, {@code f₃ = (x₂ − 2x₃)²},
     * {@code f₄ = √10(x₁ − x₄)²}; n=4, m=4, x0=(3, −1, 0, 1); F=0 at the origin, where J is singular (rank 2), so
     * Gauss-Newton converges only linearly there.
     *
     * @return the problem
     */
    public static TestProblem powellSingular() {
        return new TestProblem("Powell singular", 4, 4, (x, f) -> {
            double a = x[1] - 2 * x[2];
            double b = x[0] - x[3];
            f[0] = x[0] + 10 * x[1];
            f[1] = SQRT5 * (x[2] - x[3]);
            f[2] = a * a;
            f[3] = SQRT10 * b * b;
        }, (x, j) -> {
            double a = x[1] - 2 * x[2];
            double b = x[0] - x[3];
            Arrays.fill(j, 0, 16, 0.0);
            j[0] = 1;
            j[1] = 10;
            j[6] = SQRT5;
            j[7] = -SQRT5;
            j[9] = 2 * a;
            j[10] = -4 * a;
            j[12] = 2 * SQRT10 * b;
            j[15] = -2 * SQRT10 * b;
        }, new double[] {3, -1, 0, 1}, 0, new double[] {0, 0, 0, 0}, ZERO_TOL);
    }

    private static final double SQRT90 = Math.sqrt(90);

    /**
     * MGH 14, Wood: {@code f₁ = 10(x₂ − x₁²)}, {@code f₂ = 1 − x₁}, {@code f₃ = √90(x₄ − x₃²)}, {@code f₄ = 1 − x₃},
     * {@code f₅ = √10(x₂ + x₄ − 2)}, {@code f₆ = (x₂ − x₄)/√10}; n=4, m=6, x0=(−3, −1, −3, −1); F=0 at (1, 1, 1, 1).
     *
     * @return the problem
     */
    public static TestProblem wood() {
        return new TestProblem("Wood", 4, 6, (x, f) -> {
            f[0] = 10 * (x[1] - x[0] * x[0]);
            f[1] = 1 - x[0];
            f[2] = SQRT90 * (x[3] - x[2] * x[2]);
            f[3] = 1 - x[2];
            f[4] = SQRT10 * (x[1] + x[3] - 2);
            f[5] = (x[1] - x[3]) / SQRT10;
        }, (x, j) -> {
            Arrays.fill(j, 0, 24, 0.0);
            j[0] = -20 * x[0];
            j[1] = 10;
            j[4] = -1;
            j[10] = -2 * SQRT90 * x[2];
            j[11] = SQRT90;
            j[14] = -1;
            j[17] = SQRT10;
            j[19] = SQRT10;
            j[21] = 1 / SQRT10;
            j[23] = -1 / SQRT10;
        }, new double[] {-3, -1, -3, -1}, 0, new double[] {1, 1, 1, 1}, ZERO_TOL);
    }

    private static final double[] KOWALIK_Y = {0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342,
        0.0323, 0.0235, 0.0246};
    private static final double[] KOWALIK_U = {4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625};

    /**
     * MGH 15, Kowalik and Osborne: {@code fᵢ = yᵢ − x₁(uᵢ² + uᵢx₂)/(uᵢ² + uᵢx₃ + x₄)}, i=1..11; n=4,
     * x0=(0.25, 0.39, 0.415, 0.39). MGH: {@code Σf² = 3.07505e−4}; also {@code Σf² = 1.02734e−3} at
     * (+∞, −14.07…, −∞, −∞), acceptable (reached from 10·x0; ours from the three-parameter limit model).
     *
     * @return the problem
     */
    public static TestProblem kowalikOsborne() {
        return new TestProblem("Kowalik-Osborne", 4, 11, (x, f) -> {
            for (int i = 0; i < 11; i++) {
                double u = KOWALIK_U[i];
                f[i] = KOWALIK_Y[i] - x[0] * (u * u + u * x[1]) / (u * u + u * x[2] + x[3]);
            }
        }, (x, j) -> {
            for (int i = 0; i < 11; i++) {
                double u = KOWALIK_U[i];
                double num = u * u + u * x[1];
                double den = u * u + u * x[2] + x[3];
                double g = x[0] * num / (den * den); // −∂f/∂den
                j[4 * i] = -num / den;
                j[4 * i + 1] = -x[0] * u / den;
                j[4 * i + 2] = g * u;
                j[4 * i + 3] = g;
            }
        }, new double[] {0.25, 0.39, 0.415, 0.39}, 0.5 * 3.07505603849e-4,
                new double[] {0.19280693424194656, 0.1912823355192027, 0.12305650770080191, 0.13606233394719483},
                1e-6, new double[] {0.5 * 3.07505603849e-4, 0.5 * 1.02734304870e-3});
    }

    /**
     * MGH 16, Brown and Dennis with m=20: {@code fᵢ = (x₁ + tᵢx₂ − e^{tᵢ})² + (x₃ + x₄ sin tᵢ − cos tᵢ)²},
     * {@code tᵢ = i/5}; n=4, x0=(25, 5, −5, −1). MGH: {@code Σf² = 85822.2}.
     *
     * @return the problem
     */
    public static TestProblem brownDennis() {
        int m = 20;
        return new TestProblem("Brown-Dennis", 4, m, (x, f) -> {
            for (int i = 1; i <= m; i++) {
                double t = i / 5.0;
                double a = x[0] + t * x[1] - Math.exp(t);
                double b = x[2] + x[3] * Math.sin(t) - Math.cos(t);
                f[i - 1] = a * a + b * b;
            }
        }, (x, j) -> {
            for (int i = 1; i <= m; i++) {
                double t = i / 5.0;
                double a = x[0] + t * x[1] - Math.exp(t);
                double s = Math.sin(t);
                double b = x[2] + x[3] * s - Math.cos(t);
                j[4 * (i - 1)] = 2 * a;
                j[4 * (i - 1) + 1] = 2 * a * t;
                j[4 * (i - 1) + 2] = 2 * b;
                j[4 * (i - 1) + 3] = 2 * b * s;
            }
        }, new double[] {25, 5, -5, -1}, 0.5 * 85822.2016263666,
                new double[] {-11.59443713210722, 13.203629032471753, -0.40343967221564914, 0.2367789242169131},
                REL_TOL);
    }

    private static final double[] OSBORNE1_Y = {0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818,
        0.784, 0.751, 0.718, 0.685, 0.658, 0.628, 0.603, 0.580, 0.558, 0.538, 0.522, 0.506, 0.490, 0.478, 0.467,
        0.457, 0.448, 0.438, 0.431, 0.424, 0.420, 0.414, 0.411, 0.406};

    /**
     * MGH 17, Osborne 1: {@code fᵢ = yᵢ − (x₁ + x₂e^{−tᵢx₄} + x₃e^{−tᵢx₅})}, {@code tᵢ = 10(i − 1)}, i=1..33; n=5,
     * x0=(0.5, 1.5, −1, 0.01, 0.02). MGH: {@code Σf² = 5.46489e−5} (GSL: 5.464894697482687e−5) near
     * (0.3754, 1.9358, −1.4647, 0.01287, 0.02212); swapping (x₂, x₄) with (x₃, x₅) gives the same cost, so the
     * minimizer is not unique.
     *
     * @return the problem
     */
    public static TestProblem osborne1() {
        return new TestProblem("Osborne 1", 5, 33, (x, f) -> {
            for (int i = 0; i < 33; i++) {
                double t = 10.0 * i;
                f[i] = OSBORNE1_Y[i] - (x[0] + x[1] * Math.exp(-t * x[3]) + x[2] * Math.exp(-t * x[4]));
            }
        }, (x, j) -> {
            for (int i = 0; i < 33; i++) {
                double t = 10.0 * i;
                double e4 = Math.exp(-t * x[3]);
                double e5 = Math.exp(-t * x[4]);
                j[5 * i] = -1;
                j[5 * i + 1] = -e4;
                j[5 * i + 2] = -e5;
                j[5 * i + 3] = t * x[1] * e4;
                j[5 * i + 4] = t * x[2] * e5;
            }
        }, new double[] {0.5, 1.5, -1, 0.01, 0.02}, 0.5 * 5.464894697482687e-5, null, REL_TOL);
    }

    /**
     * MGH 18, Biggs EXP6 with m=13: {@code fᵢ = x₃e^{−tᵢx₁} − x₄e^{−tᵢx₂} + x₆e^{−tᵢx₅} − yᵢ},
     * {@code yᵢ = e^{−tᵢ} − 5e^{−10tᵢ} + 3e^{−4tᵢ}}, {@code tᵢ = 0.1i}; n=6, x0=(1, 2, 1, 1, 1, 1). The data are
     * exact, so F=0 at (1, 10, 1, 5, 4, 3) and (4, 10, 3, 5, 1, 1) (no unique minimizer; not listed by MGH). MGH's
     * {@code Σf² = 5.65565e−3} is the valley x₁ = x₅ = 1.71142, x₂ = 17.6832, x₃ + x₆ = 2.32629, x₄ = 5.18656 where
     * the two decaying terms merge; acceptable.
     *
     * @return the problem
     */
    public static TestProblem biggsExp6() {
        int m = 13;
        return new TestProblem("Biggs EXP6", 6, m, (x, f) -> {
            for (int i = 1; i <= m; i++) {
                double t = 0.1 * i;
                double y = Math.exp(-t) - 5 * Math.exp(-10 * t) + 3 * Math.exp(-4 * t);
                f[i - 1] = x[2] * Math.exp(-t * x[0]) - x[3] * Math.exp(-t * x[1]) + x[5] * Math.exp(-t * x[4]) - y;
            }
        }, (x, j) -> {
            for (int i = 1; i <= m; i++) {
                double t = 0.1 * i;
                double e1 = Math.exp(-t * x[0]);
                double e2 = Math.exp(-t * x[1]);
                double e5 = Math.exp(-t * x[4]);
                int r = 6 * (i - 1);
                j[r] = -t * x[2] * e1;
                j[r + 1] = t * x[3] * e2;
                j[r + 2] = e1;
                j[r + 3] = -e2;
                j[r + 4] = -t * x[5] * e5;
                j[r + 5] = e5;
            }
        }, new double[] {1, 2, 1, 1, 1, 1}, 0, null, REL_TOL, new double[] {0, 0.5 * 5.6556499255e-3});
    }

    private static final double[] OSBORNE2_Y = {1.366, 1.191, 1.112, 1.013, 0.991, 0.885, 0.831, 0.847, 0.786,
        0.725, 0.746, 0.679, 0.608, 0.655, 0.616, 0.606, 0.602, 0.626, 0.651, 0.724, 0.649, 0.649, 0.694, 0.644,
        0.624, 0.661, 0.612, 0.558, 0.533, 0.495, 0.500, 0.423, 0.395, 0.375, 0.372, 0.391, 0.396, 0.405, 0.428,
        0.429, 0.523, 0.562, 0.607, 0.653, 0.672, 0.708, 0.633, 0.668, 0.645, 0.632, 0.591, 0.559, 0.597, 0.625,
        0.739, 0.710, 0.729, 0.720, 0.636, 0.581, 0.428, 0.292, 0.162, 0.098, 0.054};

    /**
     * MGH 19, Osborne 2: {@code fᵢ = yᵢ − (x₁e^{−tᵢx₅} + x₂e^{−(tᵢ−x₉)²x₆} + x₃e^{−(tᵢ−x₁₀)²x₇}
     * + x₄e^{−(tᵢ−x₁₁)²x₈})}, {@code tᵢ = (i − 1)/10}, i=1..65; n=11, x0=(1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2, 4.5,
     * 5.5). MGH: {@code Σf² = 4.01377e−2}. The three Gaussian terms can be relabelled, so no unique minimizer.
     *
     * @return the problem
     */
    public static TestProblem osborne2() {
        return new TestProblem("Osborne 2", 11, 65, (x, f) -> {
            for (int i = 0; i < 65; i++) {
                double t = i / 10.0;
                double d9 = t - x[8];
                double d10 = t - x[9];
                double d11 = t - x[10];
                f[i] = OSBORNE2_Y[i] - (x[0] * Math.exp(-t * x[4]) + x[1] * Math.exp(-d9 * d9 * x[5])
                        + x[2] * Math.exp(-d10 * d10 * x[6]) + x[3] * Math.exp(-d11 * d11 * x[7]));
            }
        }, (x, j) -> {
            for (int i = 0; i < 65; i++) {
                double t = i / 10.0;
                double d9 = t - x[8];
                double d10 = t - x[9];
                double d11 = t - x[10];
                double e1 = Math.exp(-t * x[4]);
                double e2 = Math.exp(-d9 * d9 * x[5]);
                double e3 = Math.exp(-d10 * d10 * x[6]);
                double e4 = Math.exp(-d11 * d11 * x[7]);
                int r = 11 * i;
                j[r] = -e1;
                j[r + 1] = -e2;
                j[r + 2] = -e3;
                j[r + 3] = -e4;
                j[r + 4] = t * x[0] * e1;
                j[r + 5] = d9 * d9 * x[1] * e2;
                j[r + 6] = d10 * d10 * x[2] * e3;
                j[r + 7] = d11 * d11 * x[3] * e4;
                // ∂/∂c of −a·exp(−(t−c)²b) = −2(t−c)·b·a·exp(…)
                j[r + 8] = -2 * d9 * x[5] * x[1] * e2;
                j[r + 9] = -2 * d10 * x[6] * x[2] * e3;
                j[r + 10] = -2 * d11 * x[7] * x[3] * e4;
            }
        }, new double[] {1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2, 4.5, 5.5}, 0.5 * 4.013773629355e-2, null, REL_TOL);
    }

    /**
     * MGH 20, Watson with m=31: for {@code tᵢ = i/29}, i=1..29,
     * {@code fᵢ = Σ_{j=2..n} (j−1)xⱼtᵢ^{j−2} − (Σ_{j=1..n} xⱼtᵢ^{j−1})² − 1}; {@code f₃₀ = x₁},
     * {@code f₃₁ = x₂ − x₁² − 1}; x0 = 0. MGH: {@code Σf² = 2.28767e−3} for n=6, {@code 1.39976e−6} for n=9.
     * (It is the least-squares fit of a polynomial to the ODE {@code y' − y² = 1}.)
     *
     * @param n 6 or 9, the sizes whose minima are recorded here
     * @return the problem
     * @throws IllegalArgumentException for other n
     */
    public static TestProblem watson(int n) {
        double cost;
        double[] xs;
        if (n == 6) {
            cost = 0.5 * 2.2876700535524e-3;
            xs = new double[] {-0.015725087961056174, 1.0124348674841364, -0.23299160341429184, 1.260430012218166,
                -1.5137288326888891, 0.992996393937405};
        } else if (n == 9) {
            cost = 0.5 * 1.3997601381138e-6;
            xs = new double[] {-1.5307288605542247e-05, 0.9997897031158669, 0.014763960836483745,
                0.14634250115422986, 1.0008199780021045, -2.617728061905845, 4.1043989603695845, -3.143609448250003,
                1.0526256584664533};
        } else {
            throw new IllegalArgumentException("n: found " + n + ", expected 6 or 9");
        }
        return new TestProblem("Watson n=" + n, n, 31, (x, f) -> {
            for (int i = 1; i <= 29; i++) {
                double t = i / 29.0;
                // Horner for s = Σ xⱼ t^{j−1} and s' = Σ (j−1) xⱼ t^{j−2}
                double s = x[n - 1];
                double ds = 0;
                for (int k = n - 2; k >= 0; k--) {
                    ds = ds * t + s;
                    s = s * t + x[k];
                }
                f[i - 1] = ds - s * s - 1;
            }
            f[29] = x[0];
            f[30] = x[1] - x[0] * x[0] - 1;
        }, (x, j) -> {
            for (int i = 1; i <= 29; i++) {
                double t = i / 29.0;
                double s = 0;
                double p = 1;
                for (int k = 0; k < n; k++) {
                    s += x[k] * p;
                    p *= t;
                }
                // ∂fᵢ/∂x_{k+1} = k·t^{k−1} − 2s·t^k
                int r = n * (i - 1);
                double pk = 1; // t^k
                double pkm1 = 0; // t^{k−1}, 0 for k = 0
                for (int k = 0; k < n; k++) {
                    j[r + k] = k * pkm1 - 2 * s * pk;
                    pkm1 = pk;
                    pk *= t;
                }
            }
            for (int k = 0; k < n; k++) {
                j[29 * n + k] = 0;
                j[30 * n + k] = 0;
            }
            j[29 * n] = 1;
            j[30 * n] = -2 * x[0];
            j[30 * n + 1] = 1;
        }, new double[n], cost, xs, REL_TOL);
    }

    /**
     * MGH 23, penalty function I: {@code fᵢ = √a(xᵢ − 1)}, i=1..n, {@code f_{n+1} = Σ xⱼ² − ¼}, a = 10⁻⁵; m = n+1,
     * x0 = (1, 2, …, n). MGH: {@code Σf² = 2.24997e−5} for n=4, {@code 7.08765e−5} for n=10. The minimizer has
     * equal entries (ours from a one-parameter solve on that line).
     *
     * @param n 4 or 10
     * @return the problem
     * @throws IllegalArgumentException for other n
     */
    public static TestProblem penaltyI(int n) {
        double cost;
        double xs;
        if (n == 4) {
            cost = 0.5 * 2.2499775008999e-5;
            xs = 0.2500074995871044;
        } else if (n == 10) {
            cost = 0.5 * 7.0876514670904e-5;
            xs = 0.15812230111271644;
        } else {
            throw new IllegalArgumentException("n: found " + n + ", expected 4 or 10");
        }
        double sqrtA = Math.sqrt(1e-5);
        double[] start = new double[n];
        double[] minimizer = new double[n];
        for (int k = 0; k < n; k++) {
            start[k] = k + 1;
            minimizer[k] = xs;
        }
        return new TestProblem("Penalty I n=" + n, n, n + 1, (x, f) -> {
            double ss = 0;
            for (int k = 0; k < n; k++) {
                f[k] = sqrtA * (x[k] - 1);
                ss += x[k] * x[k];
            }
            f[n] = ss - 0.25;
        }, (x, j) -> {
            Arrays.fill(j, 0, n * n, 0.0);
            for (int k = 0; k < n; k++) {
                j[k * n + k] = sqrtA;
                j[n * n + k] = 2 * x[k];
            }
        }, start, cost, minimizer, REL_TOL);
    }

    /**
     * MGH 26, trigonometric with m = n: {@code fᵢ = n − Σⱼ cos xⱼ + i(1 − cos xᵢ) − sin xᵢ}, x0 = (1/n, …, 1/n).
     * MGH: F=0; for n=10 also {@code Σf² = 2.79506e−5}, the local minimum LM reaches from x0, acceptable. Zeros are
     * not unique (found from random starts).
     *
     * @param n 10, the size whose local minimum is recorded
     * @return the problem
     * @throws IllegalArgumentException for other n
     */
    public static TestProblem trigonometric(int n) {
        if (n != 10) {
            throw new IllegalArgumentException("n: found " + n + ", expected 10");
        }
        double[] start = new double[n];
        Arrays.fill(start, 1.0 / n);
        return new TestProblem("Trigonometric n=" + n, n, n, (x, f) -> {
            double sumCos = 0;
            for (int k = 0; k < n; k++) {
                sumCos += Math.cos(x[k]);
            }
            for (int i = 1; i <= n; i++) {
                double xi = x[i - 1];
                f[i - 1] = n - sumCos + i * (1 - Math.cos(xi)) - Math.sin(xi);
            }
        }, (x, j) -> {
            // ∂fᵢ/∂xⱼ = sin xⱼ + δᵢⱼ (i sin xᵢ − cos xᵢ)
            for (int i = 1; i <= n; i++) {
                int r = n * (i - 1);
                for (int k = 0; k < n; k++) {
                    j[r + k] = Math.sin(x[k]);
                }
                double xi = x[i - 1];
                j[r + i - 1] += i * Math.sin(xi) - Math.cos(xi);
            }
        }, start, 0, null, REL_TOL, new double[] {0, 0.5 * 2.795056121878e-5});
    }
}
