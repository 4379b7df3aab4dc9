package org.gn4j.gn.suites;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bound-constrained least-squares problems built on the {@link MoreGarbowHillstrom} functions.
 *
 * <p><b>Bounds.</b> Ten problems carry the bounds of D. M. Gay, "A trust-region approach to linearly constrained
 * optimization", in Numerical Analysis (D. F. Griffiths, ed.), Lecture Notes in Mathematics 1066, Springer 1984,
 * pp. 72–105, as listed on A. Neumaier's bound-constrained test page (mat.univie.ac.at/~neum/glopt/bounds.html) and
 * transcribed in Ceres Solver's {@code examples/more_garbow_hillstrom.cc}; their names end in {@code "(Gay)"}, and
 * {@link #GAY_SUM_OF_SQUARES} holds the minima listed there ({@code Σf²}). Gay's Box 3-D has m = 3 residuals (his
 * listed minimum is reproduced with m = 3, not with MGH's m = 10). Gay's Gulf minimum (5.8281431e−5) is not
 * reproduced by our Gulf (m = 99) nor, in a SciPy check, with m = 10, 20, 50 or 100, with or without MGH's misprinted
 * {@code |yᵢmix₂|}; that problem is named {@code "Gulf (Gay bounds)"} and left out of {@link #GAY_SUM_OF_SQUARES}.
 * The other problems have bounds chosen here, each to cut off the unconstrained minimizer so that bounds are active
 * at the solution, with one-sided and infinite sides among them; {@link BoundedTestProblem#source()} says which.
 *
 * <p><b>Starts.</b> The MGH start {@code x0} moved strictly inside: {@code startⱼ = min(max(x0ⱼ, lⱼ + δⱼ), uⱼ − δⱼ)}
 * with {@code δⱼ = 0.1·min(1, uⱼ − lⱼ)}, so a start on or near a bound (Gay's Powell badly scaled starts at its lower
 * corner) is shifted by at most {@code δⱼ}. The bounds apply to the {@code x0} runs only; no scaled starts.
 *
 * <p><b>Best known costs.</b> Computed, not published: a projected Levenberg-Marquardt written for the tests only
 * ({@code ProjectedReferenceLm} in the test sources of this package), run to
 * {@code ‖x − P(x − g)‖∞ ≤ 1e-14·max(1, ‖g(start)‖∞)} (or until no step lowers F) from the start and from four random
 * feasible points (seed {@code 7 + name.hashCode()}; uniform in the box, {@code ±max(1, |startⱼ|)} around the start on
 * an infinite side), keeping the lowest cost; the point is recorded to 17 digits. Three values have closed forms
 * (Rosenbrock, extended Rosenbrock, linear full rank), and SciPy 1.17
 * {@code least_squares(method="trf", xtol=ftol=gtol=1e-15)} from a few starts gives the same value for Gay's Powell
 * badly scaled and Box 3-D and for Gulf with Gay's bounds ({@code Σf² = 5.12168572}). {@code BoundedSuiteTest} checks
 * that each recorded point is feasible, passes {@link BoundedTestProblem#kktPoint(double[])} and attains the recorded
 * cost, that the reference run from the start does not beat it, that Gay's minima agree to 5e-6 relative, and that
 * the closed forms agree.
 *
 * <p>Stateless; every call builds new immutable problems.
 */
public final class BoundedSuite {

    private static final double INF = Double.POSITIVE_INFINITY;

    private BoundedSuite() {
    }

    /**
     * Gay's (1984) minima of the bound-constrained MGH problems, {@code Σf²} as listed on Neumaier's page, keyed by
     * the problem name in {@link #problems()}.
     */
    public static final java.util.Map<String, Double> GAY_SUM_OF_SQUARES = java.util.Map.of(
            "Powell badly scaled (Gay)", 0.15125900e-9,
            "Brown badly scaled (Gay)", 0.78400000e3,
            "Beale (Gay)", 0.0,
            "Helical valley (Gay)", 0.99042212,
            "Gaussian (Gay)", 0.11279300e-7,
            "Box 3-D (Gay)", 0.30998153e-5,
            "Wood (Gay)", 0.15567008e1,
            "Brown-Dennis (Gay)", 0.88860479e5,
            "Biggs EXP6 (Gay)", 0.53209865e-3);

    /**
     * The suite: ten problems with Gay's bounds, then fifteen with bounds chosen here.
     *
     * @return a new list of 25 problems
     */
    public static List<BoundedTestProblem> problems() {
        List<BoundedTestProblem> all = new ArrayList<>();
        String gay = "Gay 1984 (Neumaier's bound-constrained test page)";
        all.add(make("Powell badly scaled (Gay)", MoreGarbowHillstrom.powellBadlyScaled(), v(0, 1), v(1, 9), gay,
                7.562968362191923E-11, v(1.1111111112629459E-5, 9.0)));
        all.add(make("Brown badly scaled (Gay)", MoreGarbowHillstrom.brownBadlyScaled(), v(0, 3e-5), v(1e6, 100), gay,
                391.99999964759195, v(999999.999159983, 3.0E-5)));
        all.add(make("Beale (Gay)", MoreGarbowHillstrom.beale(), v(0.6, 0.5), v(10, 100), gay,
                0.0, v(3.0, 0.5)));
        all.add(make("Helical valley (Gay)", MoreGarbowHillstrom.helicalValley(), v(-100, -1, -1), v(0.8, 1, 1), gay,
                0.4952110604806997, v(0.8, 0.5619366455931639, 0.9649340752127457)));
        all.add(make("Gaussian (Gay)", MoreGarbowHillstrom.gaussian(), v(0.398, 1, -0.5), v(4.2, 2, 0.1), gay,
                5.639663848091703E-9, v(0.39895613783875306, 1.0000190844877959, -2.7796195965226256E-12)));
        all.add(make("Gulf (Gay bounds)", MoreGarbowHillstrom.gulf(), v(1e-16, 0, 0), v(10, 10, 10), gay,
                2.5608428577915836, v(10.0, 10.0, 0.6169611487059208)));
        all.add(make("Box 3-D (Gay)", MoreGarbowHillstrom.box3d(3), v(0, 5, 0), v(2, 9.5, 20), gay,
                1.5499076716145385E-6, v(1.1541725930473348, 9.5, 0.9408023749594403)));
        all.add(make("Wood (Gay)", MoreGarbowHillstrom.wood(), v(-100, -100, -100, -100), v(0, 10, 100, 100), gay,
                0.7783504002192825, v(0.0, 0.005338856860262373, 1.3997288764709606, 1.9608274605742526)));
        all.add(make("Brown-Dennis (Gay)", MoreGarbowHillstrom.brownDennis(), v(-10, 0, -100, -20),
                v(100, 15, 0, 0.2), gay,
                44430.239883750204, v(-10.0, 12.677818288326417, -0.4855279955532487, 0.2)));
        all.add(make("Biggs EXP6 (Gay)", MoreGarbowHillstrom.biggsExp6(), v(0, 0, 0, 1, 0, 0), v(2, 8, 1, 7, 5, 5),
                gay,
                2.660493295391123E-4, v(0.9056765387372876, 8.0, 0.9043444024132591, 6.534399059994888,
                    4.486866781784654, 5.0)));

        all.add(make("Rosenbrock x1≤0.5", MoreGarbowHillstrom.rosenbrock(), v(-INF, -INF), v(0.5, INF),
                "chosen here: x₁ ≤ 0.5 cuts off (1, 1); minimum Σf² = 0.25 at (0.5, 0.25)",
                0.125, v(0.5, 0.2500000000048507)));
        all.add(make("Freudenstein-Roth x2≥4.2", MoreGarbowHillstrom.freudensteinRoth(), v(-INF, 4.2),
                v(INF, INF), "chosen here: x₂ ≥ 4.2 cuts off (5, 4) and the local minimum near (11.4, −0.9)",
                31.449664000000105, v(1.6799999999999944, 4.2)));
        all.add(make("Jennrich-Sampson x1≥0.3", MoreGarbowHillstrom.jennrichSampson(), v(0.3, -INF), v(INF, INF),
                "chosen here: x₁ ≥ 0.3 cuts off (0.2578, 0.2578)",
                68.24326836767045, v(0.3, 0.1968825181433123)));
        all.add(make("Bard x1≤0.05", MoreGarbowHillstrom.bard(), v(-INF, -INF, -INF), v(0.05, INF, INF),
                "chosen here: x₁ ≤ 0.05 cuts off x₁* = 0.0824",
                0.006474967263864492, v(0.05, 0.6616187686432621, 2.7703050958624345)));
        all.add(make("Powell singular x1≥0.1", MoreGarbowHillstrom.powellSingular(), v(0.1, -INF, -INF, -INF),
                v(INF, INF, INF, INF), "chosen here: x₁ ≥ 0.1 cuts off the origin",
                9.390981502915166E-5, v(0.1, -0.009982234157382135, 0.04307310776622867, 0.0437837414715782)));
        all.add(make("Kowalik-Osborne box", MoreGarbowHillstrom.kowalikOsborne(), v(0, 0, 0, 0),
                v(0.18, INF, INF, INF), "chosen here: x ≥ 0 and x₁ ≤ 0.18 cut off x₁* = 0.1928",
                1.8488882779845123E-4, v(0.18, 0.3744184148202834, 0.1212176051947175, 0.21548905954658115)));
        all.add(make("Osborne 1 x1≤0.37", MoreGarbowHillstrom.osborne1(), fill(5, -INF),
                v(0.37, INF, INF, INF, INF), "chosen here: x₁ ≤ 0.37 cuts off x₁* = 0.3754",
                3.3746072130796004E-5, v(0.37, 1.583515606562447, -1.1077197586116734, 0.011944079108494522,
                    0.024011081697144547)));
        all.add(make("Watson n=6 x1≥0", MoreGarbowHillstrom.watson(6), v(0, -INF, -INF, -INF, -INF, -INF),
                fill(6, INF), "chosen here: x₁ ≥ 0 cuts off x₁* = −0.0157",
                0.0013028786920956045, v(0.0, 1.013638406586457, -0.24430325623219912, 1.373770360144407,
                    -1.6856389000765786, 1.0980968053802826)));
        all.add(make("Penalty I n=10 box", MoreGarbowHillstrom.penaltyI(10), fill(10, -INF),
                v(0.15, 0.15, 0.15, 0.15, 0.15, INF, INF, INF, INF, INF),
                "chosen here: x₁..x₅ ≤ 0.15 cut off xⱼ* = 0.1581",
                3.545812176900056E-5, v(0.15, 0.15, 0.15, 0.15, 0.15, 0.16584639987263167, 0.16584636831872882,
                    0.16584642426099636, 0.1658463804591186, 0.1658464464015983)));
        all.add(make("Extended Rosenbrock n=10 box", MoreGarbowHillstrom.extendedRosenbrock(10),
                v(-INF, -INF, -INF, -INF, 1.5, -INF, -INF, -INF, -INF, -INF),
                v(0.5, INF, 0.8, INF, INF, INF, INF, INF, INF, INF),
                "chosen here: x₁ ≤ 0.5, x₃ ≤ 0.8, x₅ ≥ 1.5 cut off (1, …, 1); minimum Σf² = 0.25 + 0.04 + 0.25 = 0.54",
                0.27, v(0.5, 0.25, 0.8, 0.6400000000000001, 1.5, 2.25, 0.9999999986395737, 0.9999999972761927,
                    0.9999999986395737, 0.9999999972761927)));
        all.add(make("Brown almost-linear n=10 x≤0.9", MoreGarbowHillstrom.brownAlmostLinear(10), fill(10, -INF),
                fill(10, 0.9), "chosen here: x ≤ 0.9 cuts off the zeros (α, …, α, α^{1−n}) and (1, …, 1)",
                5.657109887195263, v(0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9)));
        all.add(make("Linear full rank x≥-0.5", MoreGarbowHillstrom.linearFullRank(5, 10), fill(5, -0.5),
                fill(5, INF), "chosen here: x ≥ −0.5 cuts off (−1, …, −1); convex, so the minimum is unique",
                3.125, v(-0.5, -0.5, -0.5, -0.5, -0.5)));
        all.add(make("Discrete boundary value n=10 x≥-0.1", MoreGarbowHillstrom.discreteBoundaryValue(10),
                fill(10, -0.1), fill(10, INF), "chosen here: x ≥ −0.1 cuts off the zero (down to −0.170)",
                1.6702874584937646E-4, v(-0.025416636694772666, -0.04705802235573912, -0.06512497815146018,
                    -0.07965823405997471, -0.09053530900156434, -0.09746796443927412, -0.1, -0.09750533617087294,
                    -0.08430365024299406, -0.054201968041000706)));
        all.add(make("Chebyquad n=8 box", MoreGarbowHillstrom.chebyquad(8), fill(8, 0), fill(8, 0.9),
                "chosen here: 0 ≤ x ≤ 0.9 cuts off every permutation of the minimizer (each has a coordinate 0.9568)",
                0.0035917186821921156, v(0.043476505031455816, 0.26182871790370144, 0.19574314905768453,
                    0.43901624970071373, 0.5174845456701626, 0.6575736465101724, 0.773222899482224, 0.9)));
        all.add(make("Trigonometric n=10 x≥0.06", MoreGarbowHillstrom.trigonometric(10), fill(10, 0.06),
                fill(10, INF), "chosen here: x ≥ 0.06 cuts off the zero near (0.048, …)",
                2.1951995653842176E-5, v(0.06, 0.06, 0.060895907003348564, 0.06333955649576621, 0.06627029469038692,
                    0.06991906868440645, 0.20635792610918774, 0.1619811128830616, 0.09414926946860053,
                    0.09616445057058275)));
        return all;
    }

    private static BoundedTestProblem make(String name, TestProblem base, double[] lower, double[] upper,
            String source, double cost, double[] point) {
        double[] x0 = base.start();
        double[] start = new double[x0.length];
        for (int j = 0; j < x0.length; j++) {
            double delta = 0.1 * Math.min(1, upper[j] - lower[j]);
            start[j] = Math.min(Math.max(x0[j], lower[j] + delta), upper[j] - delta);
        }
        return new BoundedTestProblem(name, base, lower, upper, start, cost, point == null ? start : point, source);
    }

    private static double[] v(double... values) {
        return values;
    }

    private static double[] fill(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }
}
