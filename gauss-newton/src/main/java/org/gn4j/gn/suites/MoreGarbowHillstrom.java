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
 * <p>{@link #functions()} gives the 36 instances (all 35 functions, Watson twice) at their standard starts;
 * {@link #runs()} gives the 108 runs from {@code x0}, {@code 10·x0} and {@code 100·x0} used by the MINPACK-1 test
 * drivers. Each factory's Javadoc states the function, the sizes (n, m) and where its minima come from: "MGH" for the
 * published six figures, "computed" for digits or points from our own solves.
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
     * The 36 MGH instances at their standard starting points, in MGH order: problems 1–35, with Watson (20) at
     * n = 6 and n = 9. Sizes where MGH leave n or m free: Gulf m = 99; extended Rosenbrock n = 10; extended Powell
     * n = 12; penalty I and II n = 10; variably dimensioned, trigonometric, Brown almost-linear, discrete boundary
     * value, discrete integral equation, Broyden tridiagonal and Broyden banded n = 10 (the MINPACK-1 test-driver
     * sizes for those it contains); linear full rank, rank 1 and rank 1 with zero columns and rows n = 5, m = 10
     * (MINPACK-1 {@code lmder} driver); Chebyquad n = m = 8 (MINPACK-1 {@code lmder} driver, the size with a
     * nonzero minimum in MGH's table).
     *
     * @return a new list of 36 problems, each named by its function (no start suffix)
     */
    public static List<TestProblem> functions() {
        return List.of(rosenbrock(), freudensteinRoth(), powellBadlyScaled(), brownBadlyScaled(), beale(),
                jennrichSampson(), helicalValley(), bard(), gaussian(), meyer(), gulf(), box3d(), powellSingular(),
                wood(), kowalikOsborne(), brownDennis(), osborne1(), biggsExp6(), osborne2(), watson(6), watson(9),
                extendedRosenbrock(10), extendedPowellSingular(12), penaltyI(10), penaltyII(10),
                variablyDimensioned(10), trigonometric(10), brownAlmostLinear(10), discreteBoundaryValue(10),
                discreteIntegralEquation(10), broydenTridiagonal(10), broydenBanded(10), linearFullRank(5, 10),
                linearRankOne(5, 10), linearRankOneZeroColumnsAndRows(5, 10), chebyquad(8));
    }

    /**
     * The 108 runs of the MINPACK-1 testing practice: every function of {@link #functions()} from {@code x0},
     * {@code 10·x0} and {@code 100·x0} (see {@link #scaled(TestProblem, int)}), named {@code "<name> x1"},
     * {@code "<name> x10"} and {@code "<name> x100"}. Each run carries the acceptable costs known from {@code x0};
     * from the far starts a solver may honestly stop elsewhere (MINPACK-1's own {@code lmder} stops at
     * {@code ‖f‖ = 795.1} on Meyer from 10·x0, for instance), so the far runs judge robustness, not correctness.
     *
     * @return a new list of 108 runs, grouped by function, x1 then x10 then x100
     */
    public static List<TestProblem> runs() {
        List<TestProblem> runs = new ArrayList<>();
        for (TestProblem p : functions()) {
            runs.add(scaled(p, 1));
            runs.add(scaled(p, 10));
            runs.add(scaled(p, 100));
        }
        return runs;
    }

    /**
     * The problem started from {@code factor·x0}, named {@code "<name> x<factor>"}. A start that is all zeros
     * (Watson) is replaced by {@code (factor, …, factor)} for {@code factor ≠ 1}, as the MINPACK-1 test drivers do
     * ({@code initpt}), since {@code factor·0} would repeat the first run.
     *
     * @param p      base problem
     * @param factor scale of the starting point, {@code ≥ 1}
     * @return the variant, with the same acceptable costs
     * @throws IllegalArgumentException if {@code factor < 1}
     */
    public static TestProblem scaled(TestProblem p, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor: found " + factor + ", expected ≥ 1");
        }
        double[] x = p.start();
        boolean allZero = true;
        for (double v : x) {
            allZero &= v == 0;
        }
        for (int j = 0; j < x.length; j++) {
            x[j] = allZero && factor != 1 ? factor : factor * x[j];
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
     * x0=(−1, 0, 0); F=0 at (1, 0, 0). θ jumps by 1 across the half-line x₁ = 0, x₂ &lt; 0.
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
     * MGH 11, Gulf research and development with m = 99: {@code fᵢ = exp(−|yᵢ − x₂|^{x₃}/x₁) − tᵢ},
     * {@code tᵢ = i/100}, {@code yᵢ = 25 + (−50 ln tᵢ)^{2/3}}; n=3, x0=(5, 2.5, 0.15); F=0 at (50, 25, 1.5). (MGH
     * print {@code |yᵢmix₂|}, a typesetting slip for {@code |yᵢ − x₂|}: only the difference makes the stated
     * minimizer exact.) MGH allow 3 ≤ m ≤ 100; m = 99 is our choice: it keeps {@code yᵢ > 25}, so
     * {@code ln|yᵢ − x₂|} in the Jacobian is finite at the solution (m = 100 would add {@code y₁₀₀ = 25 = x₂*}).
     *
     * @return the problem
     */
    public static TestProblem gulf() {
        int m = 99;
        double[] y = new double[m];
        for (int i = 1; i <= m; i++) {
            y[i - 1] = 25 + Math.pow(-50 * Math.log(i / 100.0), 2.0 / 3.0);
        }
        return new TestProblem("Gulf", 3, m, (x, f) -> {
            for (int i = 1; i <= m; i++) {
                double d = Math.abs(y[i - 1] - x[1]);
                f[i - 1] = Math.exp(-Math.pow(d, x[2]) / x[0]) - i / 100.0;
            }
        }, (x, j) -> {
            for (int i = 1; i <= m; i++) {
                // d = |yᵢ − x₂|, p = d^{x₃}, e = exp(−p/x₁): ∂e/∂x₁ = e·p/x₁², ∂e/∂x₂ = e·x₃·d^{x₃−1}·sign(yᵢ − x₂)/x₁,
                // ∂e/∂x₃ = −e·p·ln d/x₁ (p·ln d → 0 as d → 0 for x₃ > 0)
                double diff = y[i - 1] - x[1];
                double d = Math.abs(diff);
                double p = Math.pow(d, x[2]);
                double e = Math.exp(-p / x[0]);
                int r = 3 * (i - 1);
                j[r] = e * p / (x[0] * x[0]);
                j[r + 1] = d == 0 ? 0 : e * x[2] * (p / d) * Math.signum(diff) / x[0];
                j[r + 2] = d == 0 ? 0 : -e * p * Math.log(d) / x[0];
            }
        }, new double[] {5, 2.5, 0.15}, 0, new double[] {50, 25, 1.5}, ZERO_TOL);
    }

    /**
     * MGH 12, Box three-dimensional with m=10: {@code fᵢ = e^{−tᵢx₁} − e^{−tᵢx₂} − x₃(e^{−tᵢ} − e^{−10tᵢ})},
     * {@code tᵢ = 0.1i}; n=3, x0=(0, 10, 20). F=0 at (1, 10, 1), (10, 1, −1) and on the line x₁ = x₂, x₃ = 0, so no
     * unique minimizer.
     *
     * @return the problem
     */
    public static TestProblem box3d() {
        return box3d(10);
    }

    /**
     * MGH 12 with m residuals (MGH allow m ≥ 3); named {@code "Box 3-D"} for m = 10 and {@code "Box 3-D m=<m>"}
     * otherwise. Gay's (1984) bounded variant uses m = 3 (see {@link BoundedSuite}).
     *
     * @param m number of residuals, ≥ 3
     * @return the problem
     * @throws IllegalArgumentException if m &lt; 3
     */
    public static TestProblem box3d(int m) {
        requireSizes(3, m);
        return new TestProblem(m == 10 ? "Box 3-D" : "Box 3-D m=" + m, 3, m, (x, f) -> {
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

    /**
     * MGH 21, extended Rosenbrock: {@code f_{2i−1} = 10(x_{2i} − x_{2i−1}²)}, {@code f_{2i} = 1 − x_{2i−1}}; m = n
     * even, x0 = (−1.2, 1, −1.2, 1, …); F=0 at (1, …, 1).
     *
     * @param n number of unknowns, even and positive ({@link #functions()} uses 10)
     * @return the problem
     * @throws IllegalArgumentException if n is odd or not positive
     */
    public static TestProblem extendedRosenbrock(int n) {
        if (n < 2 || n % 2 != 0) {
            throw new IllegalArgumentException("n: found " + n + ", expected an even number ≥ 2");
        }
        double[] start = new double[n];
        double[] ones = new double[n];
        for (int k = 0; k < n; k += 2) {
            start[k] = -1.2;
            start[k + 1] = 1;
        }
        Arrays.fill(ones, 1);
        return new TestProblem("Extended Rosenbrock n=" + n, n, n, (x, f) -> {
            for (int k = 0; k < n; k += 2) {
                f[k] = 10 * (x[k + 1] - x[k] * x[k]);
                f[k + 1] = 1 - x[k];
            }
        }, (x, j) -> {
            Arrays.fill(j, 0, n * n, 0.0);
            for (int k = 0; k < n; k += 2) {
                j[k * n + k] = -20 * x[k];
                j[k * n + k + 1] = 10;
                j[(k + 1) * n + k] = -1;
            }
        }, start, 0, ones, ZERO_TOL);
    }

    /**
     * MGH 22, extended Powell singular: for each block of four, {@code f_{4i−3} = x_{4i−3} + 10x_{4i−2}},
     * {@code f_{4i−2} = √5(x_{4i−1} − x_{4i})}, {@code f_{4i−1} = (x_{4i−2} − 2x_{4i−1})²},
     * {@code f_{4i} = √10(x_{4i−3} − x_{4i})²}; m = n, a multiple of 4, x0 = (3, −1, 0, 1, 3, −1, 0, 1, …); F=0 at
     * the origin, where J has rank n/2.
     *
     * @param n number of unknowns, a positive multiple of 4 ({@link #functions()} uses 12)
     * @return the problem
     * @throws IllegalArgumentException if n is not a positive multiple of 4
     */
    public static TestProblem extendedPowellSingular(int n) {
        if (n < 4 || n % 4 != 0) {
            throw new IllegalArgumentException("n: found " + n + ", expected a positive multiple of 4");
        }
        double[] start = new double[n];
        for (int k = 0; k < n; k += 4) {
            start[k] = 3;
            start[k + 1] = -1;
            start[k + 2] = 0;
            start[k + 3] = 1;
        }
        return new TestProblem("Extended Powell singular n=" + n, n, n, (x, f) -> {
            for (int k = 0; k < n; k += 4) {
                double a = x[k + 1] - 2 * x[k + 2];
                double b = x[k] - x[k + 3];
                f[k] = x[k] + 10 * x[k + 1];
                f[k + 1] = SQRT5 * (x[k + 2] - x[k + 3]);
                f[k + 2] = a * a;
                f[k + 3] = SQRT10 * b * b;
            }
        }, (x, j) -> {
            Arrays.fill(j, 0, n * n, 0.0);
            for (int k = 0; k < n; k += 4) {
                double a = x[k + 1] - 2 * x[k + 2];
                double b = x[k] - x[k + 3];
                j[k * n + k] = 1;
                j[k * n + k + 1] = 10;
                j[(k + 1) * n + k + 2] = SQRT5;
                j[(k + 1) * n + k + 3] = -SQRT5;
                j[(k + 2) * n + k + 1] = 2 * a;
                j[(k + 2) * n + k + 2] = -4 * a;
                j[(k + 3) * n + k] = 2 * SQRT10 * b;
                j[(k + 3) * n + k + 3] = -2 * SQRT10 * b;
            }
        }, start, 0, new double[n], ZERO_TOL);
    }

    /**
     * MGH 24, penalty function II: {@code f₁ = x₁ − 0.2}; {@code fᵢ = √a(e^{xᵢ/10} + e^{x_{i−1}/10} − yᵢ)},
     * {@code yᵢ = e^{i/10} + e^{(i−1)/10}}, i=2..n; {@code fᵢ = √a(e^{x_{i−n+1}/10} − e^{−1/10})}, i=n+1..2n−1;
     * {@code f_{2n} = Σⱼ (n − j + 1)xⱼ² − 1}; a = 10⁻⁵, m = 2n, x0 = (½, …, ½). MGH: {@code Σf² = 9.37629e−6} for
     * n=4, {@code 2.93660e−4} for n=10. The extra digits and the minimizers are computed, not published: SciPy 1.17
     * {@code least_squares(method="lm", xtol=ftol=gtol=1e-15)} from x0 (MINPACK {@code lmder}).
     *
     * @param n 4 or 10
     * @return the problem
     * @throws IllegalArgumentException for other n
     */
    public static TestProblem penaltyII(int n) {
        double cost;
        double[] xs;
        if (n == 4) {
            cost = 0.5 * 9.376293007355e-6;
            xs = new double[] {0.19999933335036094, 0.19131671415385393, 0.4801015003538063, 0.5188453620323308};
        } else if (n == 10) {
            cost = 0.5 * 2.9366053745674e-4;
            xs = new double[] {0.19998360519627084, 0.010350645989499703, 0.019604910720718998,
                0.032089063301786215, 0.04993266909922296, 0.07651398893089466, 0.11862403268656523,
                0.1921448904806943, 0.3473206228664519, 0.36916435617596643};
        } else {
            throw new IllegalArgumentException("n: found " + n + ", expected 4 or 10");
        }
        double sqrtA = Math.sqrt(1e-5);
        double[] start = new double[n];
        Arrays.fill(start, 0.5);
        double e01 = Math.exp(-0.1);
        return new TestProblem("Penalty II n=" + n, n, 2 * n, (x, f) -> {
            f[0] = x[0] - 0.2;
            for (int i = 2; i <= n; i++) {
                double y = Math.exp(i / 10.0) + Math.exp((i - 1) / 10.0);
                f[i - 1] = sqrtA * (Math.exp(x[i - 1] / 10) + Math.exp(x[i - 2] / 10) - y);
            }
            for (int i = n + 1; i <= 2 * n - 1; i++) {
                f[i - 1] = sqrtA * (Math.exp(x[i - n] / 10) - e01);
            }
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += (n - k) * x[k] * x[k];
            }
            f[2 * n - 1] = s - 1;
        }, (x, j) -> {
            Arrays.fill(j, 0, 2 * n * n, 0.0);
            j[0] = 1;
            for (int i = 2; i <= n; i++) {
                j[(i - 1) * n + i - 1] = sqrtA * Math.exp(x[i - 1] / 10) / 10;
                j[(i - 1) * n + i - 2] = sqrtA * Math.exp(x[i - 2] / 10) / 10;
            }
            for (int i = n + 1; i <= 2 * n - 1; i++) {
                j[(i - 1) * n + i - n] = sqrtA * Math.exp(x[i - n] / 10) / 10;
            }
            for (int k = 0; k < n; k++) {
                j[(2 * n - 1) * n + k] = 2 * (n - k) * x[k];
            }
        }, start, cost, xs, REL_TOL);
    }

    /**
     * MGH 25, variably dimensioned: {@code fᵢ = xᵢ − 1}, i=1..n; {@code f_{n+1} = Σⱼ j(xⱼ − 1)};
     * {@code f_{n+2} = (Σⱼ j(xⱼ − 1))²}; m = n+2, {@code x0ⱼ = 1 − j/n}; F=0 at (1, …, 1).
     *
     * @param n number of unknowns ({@link #functions()} uses 10)
     * @return the problem
     * @throws IllegalArgumentException if n &lt; 1
     */
    public static TestProblem variablyDimensioned(int n) {
        requirePositive(n);
        double[] start = new double[n];
        double[] ones = new double[n];
        for (int k = 0; k < n; k++) {
            start[k] = 1 - (k + 1.0) / n;
            ones[k] = 1;
        }
        return new TestProblem("Variably dimensioned n=" + n, n, n + 2, (x, f) -> {
            double s = 0;
            for (int k = 0; k < n; k++) {
                f[k] = x[k] - 1;
                s += (k + 1) * (x[k] - 1);
            }
            f[n] = s;
            f[n + 1] = s * s;
        }, (x, j) -> {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += (k + 1) * (x[k] - 1);
            }
            Arrays.fill(j, 0, n * n, 0.0);
            for (int k = 0; k < n; k++) {
                j[k * n + k] = 1;
                j[n * n + k] = k + 1;
                j[(n + 1) * n + k] = 2 * s * (k + 1);
            }
        }, start, 0, ones, ZERO_TOL);
    }

    /**
     * MGH 27, Brown almost-linear: {@code fᵢ = xᵢ + Σⱼ xⱼ − (n + 1)}, i &lt; n; {@code f_n = Πⱼ xⱼ − 1}; m = n,
     * x0 = (½, …, ½). MGH: F=0 at (α, …, α, α^{1−n}) with {@code nαⁿ − (n+1)α^{n−1} + 1 = 0} (α = 1 is one root,
     * giving (1, …, 1)), and the local minimum {@code Σf² = 1} at (0, …, 0, n+1), acceptable. No unique minimizer.
     *
     * @param n number of unknowns, ≥ 2 ({@link #functions()} uses 10)
     * @return the problem
     * @throws IllegalArgumentException if n &lt; 2
     */
    public static TestProblem brownAlmostLinear(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("n: found " + n + ", expected ≥ 2");
        }
        double[] start = new double[n];
        Arrays.fill(start, 0.5);
        return new TestProblem("Brown almost-linear n=" + n, n, n, (x, f) -> {
            double s = 0;
            double prod = 1;
            for (int k = 0; k < n; k++) {
                s += x[k];
                prod *= x[k];
            }
            for (int k = 0; k < n - 1; k++) {
                f[k] = x[k] + s - (n + 1);
            }
            f[n - 1] = prod - 1;
        }, (x, j) -> {
            for (int i = 0; i < n - 1; i++) {
                for (int k = 0; k < n; k++) {
                    j[i * n + k] = i == k ? 2 : 1;
                }
            }
            // ∂(Π xⱼ)/∂x_k = Π_{j≠k} xⱼ, formed without division so zeros are handled
            for (int k = 0; k < n; k++) {
                double p = 1;
                for (int q = 0; q < n; q++) {
                    if (q != k) {
                        p *= x[q];
                    }
                }
                j[(n - 1) * n + k] = p;
            }
        }, start, 0, null, ZERO_TOL, new double[] {0, 0.5});
    }

    /**
     * MGH 28, discrete boundary value: {@code fᵢ = 2xᵢ − x_{i−1} − x_{i+1} + h²(xᵢ + tᵢ + 1)³/2}, {@code h = 1/(n+1)},
     * {@code tᵢ = ih}, {@code x₀ = x_{n+1} = 0}; m = n, {@code x0ⱼ = tⱼ(tⱼ − 1)}; F=0 (the discretised two-point
     * problem {@code u'' = (u + t + 1)³/2}, {@code u(0) = u(1) = 0}; the zero is unique but has no closed form).
     *
     * @param n number of unknowns ({@link #functions()} uses 10)
     * @return the problem
     * @throws IllegalArgumentException if n &lt; 1
     */
    public static TestProblem discreteBoundaryValue(int n) {
        requirePositive(n);
        double h = 1.0 / (n + 1);
        return new TestProblem("Discrete boundary value n=" + n, n, n, (x, f) -> {
            for (int i = 0; i < n; i++) {
                double t = (i + 1) * h;
                double left = i > 0 ? x[i - 1] : 0;
                double right = i < n - 1 ? x[i + 1] : 0;
                double c = x[i] + t + 1;
                f[i] = 2 * x[i] - left - right + h * h * c * c * c / 2;
            }
        }, (x, j) -> {
            Arrays.fill(j, 0, n * n, 0.0);
            for (int i = 0; i < n; i++) {
                double t = (i + 1) * h;
                double c = x[i] + t + 1;
                j[i * n + i] = 2 + 1.5 * h * h * c * c;
                if (i > 0) {
                    j[i * n + i - 1] = -1;
                }
                if (i < n - 1) {
                    j[i * n + i + 1] = -1;
                }
            }
        }, gridStart(n), 0, null, ZERO_TOL);
    }

    /**
     * MGH 29, discrete integral equation: {@code fᵢ = xᵢ + h[(1 − tᵢ)Σ_{j≤i} tⱼ(xⱼ + tⱼ + 1)³
     * + tᵢ Σ_{j>i} (1 − tⱼ)(xⱼ + tⱼ + 1)³]/2}, {@code h = 1/(n+1)}, {@code tᵢ = ih}; m = n,
     * {@code x0ⱼ = tⱼ(tⱼ − 1)}; F=0 (the trapezoidal discretisation of the integral form of MGH 28; its zero has no
     * closed form).
     *
     * @param n number of unknowns ({@link #functions()} uses 10)
     * @return the problem
     * @throws IllegalArgumentException if n &lt; 1
     */
    public static TestProblem discreteIntegralEquation(int n) {
        requirePositive(n);
        double h = 1.0 / (n + 1);
        return new TestProblem("Discrete integral equation n=" + n, n, n, (x, f) -> {
            for (int i = 0; i < n; i++) {
                double ti = (i + 1) * h;
                double below = 0;
                double above = 0;
                for (int k = 0; k < n; k++) {
                    double tk = (k + 1) * h;
                    double c = x[k] + tk + 1;
                    if (k <= i) {
                        below += tk * c * c * c;
                    } else {
                        above += (1 - tk) * c * c * c;
                    }
                }
                f[i] = x[i] + h * ((1 - ti) * below + ti * above) / 2;
            }
        }, (x, j) -> {
            for (int i = 0; i < n; i++) {
                double ti = (i + 1) * h;
                for (int k = 0; k < n; k++) {
                    double tk = (k + 1) * h;
                    double c = x[k] + tk + 1;
                    double w = k <= i ? (1 - ti) * tk : ti * (1 - tk);
                    j[i * n + k] = (i == k ? 1 : 0) + 1.5 * h * w * c * c;
                }
            }
        }, gridStart(n), 0, null, ZERO_TOL);
    }

    /**
     * MGH 30, Broyden tridiagonal: {@code fᵢ = (3 − 2xᵢ)xᵢ − x_{i−1} − 2x_{i+1} + 1}, {@code x₀ = x_{n+1} = 0};
     * m = n, x0 = (−1, …, −1); F=0.
     *
     * @param n number of unknowns ({@link #functions()} uses 10)
     * @return the problem
     * @throws IllegalArgumentException if n &lt; 1
     */
    public static TestProblem broydenTridiagonal(int n) {
        requirePositive(n);
        double[] start = new double[n];
        Arrays.fill(start, -1);
        return new TestProblem("Broyden tridiagonal n=" + n, n, n, (x, f) -> {
            for (int i = 0; i < n; i++) {
                double left = i > 0 ? x[i - 1] : 0;
                double right = i < n - 1 ? x[i + 1] : 0;
                f[i] = (3 - 2 * x[i]) * x[i] - left - 2 * right + 1;
            }
        }, (x, j) -> {
            Arrays.fill(j, 0, n * n, 0.0);
            for (int i = 0; i < n; i++) {
                j[i * n + i] = 3 - 4 * x[i];
                if (i > 0) {
                    j[i * n + i - 1] = -1;
                }
                if (i < n - 1) {
                    j[i * n + i + 1] = -2;
                }
            }
        }, start, 0, null, ZERO_TOL);
    }

    /**
     * MGH 31, Broyden banded: {@code fᵢ = xᵢ(2 + 5xᵢ²) + 1 − Σ_{j∈Jᵢ} xⱼ(1 + xⱼ)},
     * {@code Jᵢ = {j ≠ i : max(1, i − 5) ≤ j ≤ min(n, i + 1)}}; m = n, x0 = (−1, …, −1); F=0.
     *
     * @param n number of unknowns ({@link #functions()} uses 10)
     * @return the problem
     * @throws IllegalArgumentException if n &lt; 1
     */
    public static TestProblem broydenBanded(int n) {
        requirePositive(n);
        double[] start = new double[n];
        Arrays.fill(start, -1);
        return new TestProblem("Broyden banded n=" + n, n, n, (x, f) -> {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = Math.max(0, i - 5); k <= Math.min(n - 1, i + 1); k++) {
                    if (k != i) {
                        s += x[k] * (1 + x[k]);
                    }
                }
                f[i] = x[i] * (2 + 5 * x[i] * x[i]) + 1 - s;
            }
        }, (x, j) -> {
            Arrays.fill(j, 0, n * n, 0.0);
            for (int i = 0; i < n; i++) {
                for (int k = Math.max(0, i - 5); k <= Math.min(n - 1, i + 1); k++) {
                    j[i * n + k] = k == i ? 2 + 15 * x[i] * x[i] : -(1 + 2 * x[k]);
                }
            }
        }, start, 0, null, ZERO_TOL);
    }

    /**
     * MGH 32, linear function of full rank: {@code fᵢ = xᵢ − (2/m)Σⱼ xⱼ − 1}, i ≤ n;
     * {@code fᵢ = −(2/m)Σⱼ xⱼ − 1}, i &gt; n; x0 = (1, …, 1). MGH: {@code Σf² = m − n} at (−1, …, −1).
     *
     * @param n number of unknowns ({@link #functions()} uses 5)
     * @param m number of residuals, ≥ n ({@link #functions()} uses 10)
     * @return the problem
     * @throws IllegalArgumentException unless 1 ≤ n ≤ m
     */
    public static TestProblem linearFullRank(int n, int m) {
        requireSizes(n, m);
        double[] start = new double[n];
        double[] xs = new double[n];
        Arrays.fill(start, 1);
        Arrays.fill(xs, -1);
        return new TestProblem("Linear full rank n=" + n + " m=" + m, n, m, (x, f) -> {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += x[k];
            }
            for (int i = 0; i < m; i++) {
                f[i] = (i < n ? x[i] : 0) - 2 * s / m - 1;
            }
        }, (x, j) -> {
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < n; k++) {
                    j[i * n + k] = (i == k ? 1 : 0) - 2.0 / m;
                }
            }
        }, start, 0.5 * (m - n), xs, REL_TOL);
    }

    /**
     * MGH 33, linear function of rank 1: {@code fᵢ = i·Σⱼ j·xⱼ − 1}; x0 = (1, …, 1). MGH:
     * {@code Σf² = m(m − 1)/(2(2m + 1))} on the hyperplane {@code Σⱼ j·xⱼ = 3/(2m + 1)}, so no unique minimizer.
     *
     * @param n number of unknowns ({@link #functions()} uses 5)
     * @param m number of residuals, ≥ n ({@link #functions()} uses 10)
     * @return the problem
     * @throws IllegalArgumentException unless 1 ≤ n ≤ m
     */
    public static TestProblem linearRankOne(int n, int m) {
        requireSizes(n, m);
        double[] start = new double[n];
        Arrays.fill(start, 1);
        return new TestProblem("Linear rank 1 n=" + n + " m=" + m, n, m, (x, f) -> {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += (k + 1) * x[k];
            }
            for (int i = 0; i < m; i++) {
                f[i] = (i + 1) * s - 1;
            }
        }, (x, j) -> {
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < n; k++) {
                    j[i * n + k] = (i + 1.0) * (k + 1);
                }
            }
        }, start, 0.5 * m * (m - 1) / (2.0 * (2 * m + 1)), null, REL_TOL);
    }

    /**
     * MGH 34, linear function of rank 1 with zero columns and rows: {@code f₁ = f_m = −1},
     * {@code fᵢ = (i − 1)·Σ_{j=2..n−1} j·xⱼ − 1}, 2 ≤ i ≤ m−1; x0 = (1, …, 1). MGH:
     * {@code Σf² = (m² + 3m − 6)/(2(2m − 3))} on the hyperplane {@code Σ_{j=2..n−1} j·xⱼ = 3/(2m − 3)}, so no
     * unique minimizer.
     *
     * @param n number of unknowns, ≥ 3 ({@link #functions()} uses 5)
     * @param m number of residuals, ≥ n ({@link #functions()} uses 10)
     * @return the problem
     * @throws IllegalArgumentException unless 3 ≤ n ≤ m
     */
    public static TestProblem linearRankOneZeroColumnsAndRows(int n, int m) {
        requireSizes(n, m);
        if (n < 3) {
            throw new IllegalArgumentException("n: found " + n + ", expected ≥ 3");
        }
        double[] start = new double[n];
        Arrays.fill(start, 1);
        return new TestProblem("Linear rank 1 zero columns and rows n=" + n + " m=" + m, n, m, (x, f) -> {
            double s = 0;
            for (int k = 1; k < n - 1; k++) {
                s += (k + 1) * x[k];
            }
            for (int i = 0; i < m; i++) {
                f[i] = i == 0 || i == m - 1 ? -1 : i * s - 1;
            }
        }, (x, j) -> {
            Arrays.fill(j, 0, m * n, 0.0);
            for (int i = 1; i < m - 1; i++) {
                for (int k = 1; k < n - 1; k++) {
                    j[i * n + k] = i * (k + 1.0);
                }
            }
        }, start, 0.5 * (m * m + 3.0 * m - 6) / (2.0 * (2 * m - 3)), null, REL_TOL);
    }

    /**
     * MGH 35, Chebyquad with m = n: {@code fᵢ = (1/n)Σⱼ Tᵢ(xⱼ) − ∫₀¹ Tᵢ}, {@code Tᵢ} the Chebyshev polynomial shifted
     * to [0, 1], {@code ∫₀¹ Tᵢ = 0} for odd i and {@code −1/(i² − 1)} for even i; {@code x0ⱼ = j/(n+1)}. MGH: F=0
     * for n = 1..7 and 9; {@code Σf² = 3.51687e−3} for n = 8, {@code 6.50395e−3} for n = 10. Any permutation of a
     * minimizer is one, so none is unique. The extra digits for n = 8 are computed (SciPy 1.17
     * {@code least_squares(method="lm", xtol=ftol=gtol=1e-15)} from x0), not published.
     *
     * @param n 8, the size used here
     * @return the problem
     * @throws IllegalArgumentException for other n
     */
    public static TestProblem chebyquad(int n) {
        if (n != 8) {
            throw new IllegalArgumentException("n: found " + n + ", expected 8");
        }
        double[] start = new double[n];
        for (int k = 0; k < n; k++) {
            start[k] = (k + 1.0) / (n + 1);
        }
        return new TestProblem("Chebyquad n=" + n, n, n, (x, f) -> {
            Arrays.fill(f, 0, n, 0.0);
            for (int k = 0; k < n; k++) {
                // T₀ = 1, T₁ = y, T_{i+1} = 2yTᵢ − T_{i−1} with y = 2x − 1
                double y = 2 * x[k] - 1;
                double tPrev = 1;
                double t = y;
                for (int i = 0; i < n; i++) {
                    f[i] += t;
                    double next = 2 * y * t - tPrev;
                    tPrev = t;
                    t = next;
                }
            }
            for (int i = 0; i < n; i++) {
                int deg = i + 1;
                f[i] = f[i] / n + (deg % 2 == 0 ? 1.0 / (deg * deg - 1) : 0);
            }
        }, (x, j) -> {
            for (int k = 0; k < n; k++) {
                // d/dx of the recurrence: T'_{i+1} = 4Tᵢ + 2yT'ᵢ − T'_{i−1}, T'₀ = 0, T'₁ = 2
                double y = 2 * x[k] - 1;
                double tPrev = 1;
                double t = y;
                double dPrev = 0;
                double d = 2;
                for (int i = 0; i < n; i++) {
                    j[i * n + k] = d / n;
                    double next = 2 * y * t - tPrev;
                    double dNext = 4 * t + 2 * y * d - dPrev;
                    tPrev = t;
                    t = next;
                    dPrev = d;
                    d = dNext;
                }
            }
        }, start, 0.5 * 3.5168737256784e-3, null, REL_TOL);
    }

    /** {@code x0ⱼ = tⱼ(tⱼ − 1)}, {@code tⱼ = j/(n+1)}: the start of MGH 28 and 29. */
    private static double[] gridStart(int n) {
        double[] start = new double[n];
        for (int k = 0; k < n; k++) {
            double t = (k + 1.0) / (n + 1);
            start[k] = t * (t - 1);
        }
        return start;
    }

    private static void requirePositive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n: found " + n + ", expected ≥ 1");
        }
    }

    private static void requireSizes(int n, int m) {
        if (n < 1 || m < n) {
            throw new IllegalArgumentException("sizes: found n=" + n + ", m=" + m + ", expected 1 ≤ n ≤ m");
        }
    }
}
