package org.gn4j.gn.testproblems;

import org.gn4j.gn.suites.MoreGarbowHillstrom;
import org.gn4j.gn.suites.TestProblem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks the Moré-Garbow-Hillstrom set: sizes, Jacobians, recorded minima against the published ones, solvability. */
class MoreGarbowHillstromTest {

    /**
     * Published minima as MGH (1981) tabulate them: {@code Σ fᵢ²}, six significant figures, keyed by the base
     * problem name. Biggs EXP6's 0 is not in MGH (the data are exact, so it is immediate); the Freudenstein-Roth
     * local value 48.9842536792 is quoted to more digits, as it usually is.
     */
    private static final Map<String, double[]> PUBLISHED_SUM_OF_SQUARES = Map.ofEntries(
            Map.entry("Rosenbrock", new double[] {0}),
            Map.entry("Freudenstein-Roth", new double[] {0, 48.9842536792}),
            Map.entry("Powell badly scaled", new double[] {0}),
            Map.entry("Brown badly scaled", new double[] {0}),
            Map.entry("Beale", new double[] {0}),
            Map.entry("Jennrich-Sampson", new double[] {124.362}),
            Map.entry("Helical valley", new double[] {0}),
            Map.entry("Bard", new double[] {8.21487e-3, 17.4286}),
            Map.entry("Gaussian", new double[] {1.12793e-8}),
            Map.entry("Meyer", new double[] {87.9458}),
            Map.entry("Box 3-D", new double[] {0}),
            Map.entry("Powell singular", new double[] {0}),
            Map.entry("Wood", new double[] {0}),
            Map.entry("Kowalik-Osborne", new double[] {3.07505e-4, 1.02734e-3}),
            Map.entry("Brown-Dennis", new double[] {85822.2}),
            Map.entry("Osborne 1", new double[] {5.46489e-5}),
            Map.entry("Biggs EXP6", new double[] {0, 5.65565e-3}),
            Map.entry("Osborne 2", new double[] {4.01377e-2}),
            Map.entry("Watson n=6", new double[] {2.28767e-3}),
            Map.entry("Watson n=9", new double[] {1.39976e-6}),
            Map.entry("Penalty I n=4", new double[] {2.24997e-5}),
            Map.entry("Penalty I n=10", new double[] {7.08765e-5}),
            Map.entry("Trigonometric n=10", new double[] {0, 2.79506e-5}));

    /**
     * Problems on which the naive {@link ReferenceLm} does not reach an acceptable cost from the given start.
     * That is a property of the naive method, not of the problem definitions; the library's solvers are checked in MoreGarbowHillstromSolversTest.
     */
    private static final Set<String> REFERENCE_LM_FAILS = Set.of();

    static Stream<TestProblem> problems() {
        return MoreGarbowHillstrom.all().stream();
    }

    private static String baseName(TestProblem p) {
        String name = p.name();
        int variant = name.indexOf(" x");
        return variant < 0 ? name : name.substring(0, variant);
    }

    @Test
    void namesAreUniqueAndEveryProblemHasPublishedValues() {
        List<TestProblem> all = MoreGarbowHillstrom.all();
        Set<String> names = new HashSet<>();
        for (TestProblem p : all) {
            assertTrue(names.add(p.name()), "duplicate name " + p.name());
            assertTrue(PUBLISHED_SUM_OF_SQUARES.containsKey(baseName(p)), "no published values for " + p.name());
        }
        assertTrue(all.size() >= 18, "found " + all.size() + " problems, expected at least 18");
    }

    /**
     * Every recorded acceptable cost, doubled, agrees with a published {@code Σf²}, and every published value is
     * recorded. MGH print six figures and an ellipsis, mostly truncated (Bard's 17.4286… is 17.428693…) but not
     * always (Biggs' 5.65565… is 5.6556499…), so the two may differ by up to one unit in the sixth figure, at most
     * 1e-5 relative; zero must be exactly zero.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void recordedCostsAgreeWithPublishedValues(TestProblem p) {
        double[] published = PUBLISHED_SUM_OF_SQUARES.get(baseName(p));
        double[] recorded = p.acceptableCosts();
        assertEquals(published.length, recorded.length, "number of acceptable costs");
        for (double c : recorded) {
            boolean found = false;
            for (double s : published) {
                found |= s == 0 ? c == 0 : Math.abs(2 * c - s) <= 1e-5 * s;
            }
            assertTrue(found, "recorded cost " + c + " (Σf² = " + 2 * c + ") matches no published value");
        }
        assertEquals(recorded[0], p.minimumCost());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void residualsFillExactlyMEntries(TestProblem p) {
        double[] x = p.start();
        assertEquals(p.n(), x.length);
        // An m-long array: writing past it throws, and NaN left behind means an entry was skipped.
        double[] f = new double[p.m()];
        Arrays.fill(f, Double.NaN);
        p.residuals().evaluate(x, f);
        for (int i = 0; i < p.m(); i++) {
            assertTrue(Double.isFinite(f[i]), "f[" + i + "] = " + f[i]);
        }
        double[] jac = new double[p.m() * p.n()];
        Arrays.fill(jac, Double.NaN);
        p.jacobian().evaluate(x, jac);
        for (int k = 0; k < jac.length; k++) {
            assertTrue(Double.isFinite(jac[k]), "J[" + k / p.n() + "," + k % p.n() + "] = " + jac[k]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void jacobianMatchesCentralDifferencesAtStart(TestProblem p) {
        assertJacobianMatchesCentralDifferences(p, p.start());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void jacobianMatchesCentralDifferencesAtPerturbedPoint(TestProblem p) {
        // x0 + 5% of max(1, |x0ⱼ|) in each coordinate, signs and sizes from a fixed seed
        Random rng = new Random(20240611L + p.name().hashCode());
        double[] x = p.start();
        for (int j = 0; j < x.length; j++) {
            x[j] += 0.05 * Math.max(1, Math.abs(x[j])) * (2 * rng.nextDouble() - 1);
        }
        assertJacobianMatchesCentralDifferences(p, x);
    }

    /**
     * Column j of J against {@code (f(x + hⱼeⱼ) − f(x − hⱼeⱼ)) / 2hⱼ} with {@code hⱼ = 1e-6·max(1, |xⱼ|)}. The
     * central difference has truncation error {@code O(hⱼ²)} (relative ~1e-12 here) and rounding error about
     * {@code ε‖f‖/hⱼ}; the test allows 1e-6 relative to the column norm plus 100 times that rounding floor, which
     * matters only where ‖f‖ dwarfs the derivative (Brown badly scaled: f₁ = x₁ − 10⁶).
     */
    private static void assertJacobianMatchesCentralDifferences(TestProblem p, double[] x) {
        int n = p.n();
        int m = p.m();
        double[] jac = new double[m * n];
        p.jacobian().evaluate(x, jac);
        double[] fPlus = new double[m];
        double[] fMinus = new double[m];
        double[] xs = x.clone();
        for (int j = 0; j < n; j++) {
            double h = 1e-6 * Math.max(1, Math.abs(x[j]));
            xs[j] = x[j] + h;
            p.residuals().evaluate(xs, fPlus);
            xs[j] = x[j] - h;
            p.residuals().evaluate(xs, fMinus);
            xs[j] = x[j];
            double actualHstep = 0.5 * ((x[j] + h) - (x[j] - h)); // the step as represented
            double err = 0;
            double colNorm = 0;
            double fNorm = 0;
            for (int i = 0; i < m; i++) {
                double fd = (fPlus[i] - fMinus[i]) / (2 * actualHstep);
                double an = jac[i * n + j];
                err += (fd - an) * (fd - an);
                colNorm += an * an;
                fNorm += fPlus[i] * fPlus[i] + fMinus[i] * fMinus[i];
            }
            err = Math.sqrt(err);
            double tol = 1e-6 * Math.sqrt(colNorm) + 100 * Math.ulp(1.0) * Math.sqrt(fNorm) / h;
            if (!(err <= tol)) {
                fail(p.name() + ": column " + j + " of J differs from central differences by " + err
                        + " (column norm " + Math.sqrt(colNorm) + ", tolerance " + tol + ") at x = "
                        + Arrays.toString(x));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void costAtRecordedMinimizerIsTheMinimum(TestProblem p) {
        double[] xs = p.minimizer();
        if (xs == null) {
            return; // non-unique minimizers: see knownPointsAttainAcceptableCosts
        }
        double c = p.cost(xs);
        assertTrue(p.costMatches(c, p.minimumCost()),
                p.name() + ": F(x*) = " + c + ", expected " + p.minimumCost() + " ± " + p.costTolerance());
    }

    /** Points for the problems whose minimizer is not unique, checked against their acceptable costs. */
    @Test
    void knownPointsAttainAcceptableCosts() {
        // exact zeros from the definitions
        assertAttains(MoreGarbowHillstrom.box3d(), 0, 1, 10, 1);
        assertAttains(MoreGarbowHillstrom.box3d(), 0, 10, 1, -1);
        assertAttains(MoreGarbowHillstrom.box3d(), 0, 3, 3, 0);
        assertAttains(MoreGarbowHillstrom.biggsExp6(), 0, 1, 10, 1, 5, 4, 3);
        assertAttains(MoreGarbowHillstrom.biggsExp6(), 0, 4, 10, 3, 5, 1, 1);
        // ours: points found by MINPACK lmder (SciPy), see MoreGarbowHillstrom
        assertAttains(MoreGarbowHillstrom.powellBadlyScaled(), 0, 1.0981593296997147e-05, 9.106146739867377);
        assertAttains(MoreGarbowHillstrom.powellBadlyScaled(), 0, 9.106146739867377, 1.0981593296997147e-05);
        assertAttains(MoreGarbowHillstrom.freudensteinRoth(), 0.5 * 48.98425367924, 11.412779008373768,
                -0.8968052512315554);
        double[] osborne1 = {0.37541005230501456, 1.9358469366299624, -1.4646871606784133, 0.012867534688355164,
            0.022122699564817497};
        assertAttains(MoreGarbowHillstrom.osborne1(), MoreGarbowHillstrom.osborne1().minimumCost(), osborne1);
        // the same fit with the two exponentials swapped
        assertAttains(MoreGarbowHillstrom.osborne1(), MoreGarbowHillstrom.osborne1().minimumCost(), osborne1[0],
                osborne1[2], osborne1[1], osborne1[4], osborne1[3]);
        assertAttains(MoreGarbowHillstrom.osborne2(), MoreGarbowHillstrom.osborne2().minimumCost(),
                1.3099771536684413, 0.43155379314449177, 0.6336616982709558, 0.5994305360610298, 0.7541832230287393,
                0.9042885834192231, 1.3658118476123187, 4.823698756727298, 2.3986848688748843, 4.568874595182424,
                5.675341469724071);
        // Biggs EXP6 valley: x₁ = x₅, x₃ + x₆ = 2.32628731823 split arbitrarily
        double a = 2.3262873182343133;
        assertAttains(MoreGarbowHillstrom.biggsExp6(), 0.5 * 5.6556499255e-3, 1.7114159931534527,
                17.68319843812035, 0.3 * a, 5.1865616725311785, 1.7114159931534527, 0.7 * a);
        assertAttains(MoreGarbowHillstrom.trigonometric(10), 0, 0.047911947303727734, 0.049184518166637985,
                0.05060870289457147, 0.052223049389789264, 0.05408309229485957, 0.05627330346630113,
                0.0589321385353418, 0.18639700138447476, 0.154341960401138, 0.12462537696307048);
    }

    private static void assertAttains(TestProblem p, double target, double... x) {
        double c = p.cost(x);
        assertTrue(p.costMatches(c, target), p.name() + ": F = " + c + ", expected " + target);
        assertTrue(p.isAcceptable(c), p.name() + ": F = " + c + " is not among the acceptable costs");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void referenceLmReachesAnAcceptableCost(TestProblem p) {
        if (REFERENCE_LM_FAILS.contains(p.name())) {
            return;
        }
        ReferenceLm.Result r = ReferenceLm.solve(p);
        assertTrue(p.isAcceptable(r.cost()), p.name() + ": naive LM stopped at F = " + r.cost() + " after "
                + r.iterations() + " trial steps; acceptable " + Arrays.toString(p.acceptableCosts()));
    }

    /** Keeps the list of naive-LM failures honest: each listed problem must still fail. */
    @Test
    void listedReferenceLmFailuresStillFail() {
        for (TestProblem p : MoreGarbowHillstrom.all()) {
            if (REFERENCE_LM_FAILS.contains(p.name())) {
                ReferenceLm.Result r = ReferenceLm.solve(p);
                assertTrue(!p.isAcceptable(r.cost()), p.name() + " is listed as failing but reached F = " + r.cost());
            }
        }
        assertTrue(REFERENCE_LM_FAILS.size() * 4 <= MoreGarbowHillstrom.all().size(),
                "the naive LM should solve most problems");
    }
}
