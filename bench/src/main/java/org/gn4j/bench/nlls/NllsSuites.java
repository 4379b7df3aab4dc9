package org.gn4j.bench.nlls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gn4j.gn.fit.CurveFit;
import org.gn4j.gn.nist.NistDatasets;
import org.gn4j.gn.nist.NistProblem;
import org.gn4j.gn.suites.BoundedSuite;
import org.gn4j.gn.suites.BoundedTestProblem;
import org.gn4j.gn.suites.MoreGarbowHillstrom;
import org.gn4j.gn.suites.TestProblem;

/**
 * The problem suites of {@code gn4j bench nlls}:
 * <ul>
 *   <li>{@code nist}: the 27 NIST StRD nonlinear-regression data sets from both certified starts (54 runs); solved
 *       when the smallest parameter LRE against the certified values is at least {@value #NIST_LRE}
 *       ({@link CurveFit#logRelativeError});</li>
 *   <li>{@code mgh}: the Moré-Garbow-Hillstrom functions from x0, 10·x0 and 100·x0 ({@link #mghRuns()}); solved
 *       when the final cost is one of the function's acceptable costs ({@link TestProblem#isAcceptable});</li>
 *   <li>{@code bounded}: the 25 bound-constrained problems of {@link BoundedSuite} ({@link #bounded()}); solved
 *       at a KKT point that reaches the best known cost.</li>
 * </ul>
 */
public final class NllsSuites {
    /** The suite names. */
    public static final List<String> NAMES = List.of("nist", "mgh", "bounded");
    /** Digits a NIST run must agree with the certified values on (every parameter). */
    public static final double NIST_LRE = 6;

    private NllsSuites() {
    }

    /**
     * The runs of a suite.
     *
     * @param name {@code nist}, {@code mgh} or {@code bounded}
     * @return a new list of the suite's runs, in suite order
     * @throws IllegalArgumentException for an unknown name, or a suite this build does not have
     */
    public static List<NllsProblem> suite(String name) {
        switch (name) {
            case "nist":
                return nist();
            case "mgh":
                return mgh();
            case "bounded":
                return bounded();
            default:
                throw new IllegalArgumentException("suite '" + name + "', expected one of " + NAMES);
        }
    }

    /**
     * The runs whose family or run name is in {@code names} (case-insensitive), in suite order.
     *
     * @param runs the runs of a suite
     * @param names family or run names, surrounding spaces ignored
     * @return a new list of the matching runs, each once, in the order of {@code runs}
     * @throws IllegalArgumentException if a name matches no run (the message lists the families)
     */
    public static List<NllsProblem> select(List<NllsProblem> runs, List<String> names) {
        List<NllsProblem> chosen = new ArrayList<>();
        for (String raw : names) {
            String want = raw.trim().toLowerCase(Locale.ROOT);
            boolean any = false;
            for (NllsProblem p : runs) {
                if (p.family().toLowerCase(Locale.ROOT).equals(want) || p.name().toLowerCase(Locale.ROOT).equals(want)) {
                    any = true;
                }
            }
            if (!any) {
                Set<String> families = new LinkedHashSet<>();
                runs.forEach(p -> families.add(p.family()));
                throw new IllegalArgumentException("problem '" + raw.trim() + "' is not in the suite, expected one of "
                        + families);
            }
        }
        for (NllsProblem p : runs) {
            for (String raw : names) {
                String want = raw.trim().toLowerCase(Locale.ROOT);
                if (p.family().toLowerCase(Locale.ROOT).equals(want) || p.name().toLowerCase(Locale.ROOT).equals(want)) {
                    chosen.add(p);
                    break;
                }
            }
        }
        return chosen;
    }

    /**
     * The NIST StRD runs: every data set from start 1 and start 2.
     *
     * @return a new list, two runs per data set, solved when every parameter matches its certified value to the
     *         required {@link #NIST_LRE} digits
     */
    public static List<NllsProblem> nist() {
        List<NllsProblem> runs = new ArrayList<>();
        for (String name : NistDatasets.names()) {
            NistProblem nist = NistDatasets.load(name);
            double[] cert = nist.certifiedValues();
            NllsProblem.Judge judge = (x, cost) -> {
                for (int j = 0; j < cert.length; j++) {
                    if (CurveFit.logRelativeError(x[j], cert[j]) < NIST_LRE) {
                        return false;
                    }
                }
                return true;
            };
            runs.add(new NllsProblem(name + " start 1", name, 1, CurveFit.problem(nist), nist.start1(), judge));
            runs.add(new NllsProblem(name + " start 2", name, 2, CurveFit.problem(nist), nist.start2(), judge));
        }
        return runs;
    }

    /**
     * The MGH runs of {@link #mghRuns()} with the acceptable-cost judge.
     *
     * @return a new list of the 108 runs, solved when the final cost is acceptable for the function
     */
    public static List<NllsProblem> mgh() {
        List<NllsProblem> runs = new ArrayList<>();
        for (TestProblem t : mghRuns()) {
            String name = t.name();
            int factor = 1;
            int at = name.lastIndexOf(" x");
            if (at > 0 && name.substring(at + 2).matches("\\d+")) {
                factor = Integer.parseInt(name.substring(at + 2));
                name = name.substring(0, at);
            }
            runs.add(new NllsProblem(t.name(), name, factor, t.problem(), t.start(),
                    (x, cost) -> Double.isFinite(cost) && t.isAcceptable(cost)));
        }
        return runs;
    }

    /** The MGH runs: the 108 runs of {@link MoreGarbowHillstrom#runs()}. */
    static List<TestProblem> mghRuns() {
        return MoreGarbowHillstrom.runs();
    }

    /**
     * The bound-constrained runs: the 25 problems of {@link BoundedSuite#problems()} from their starts; solved when
     * the final point is a first-order (KKT) point of the bounded problem ({@link BoundedTestProblem#kktPoint}) and
     * its cost reaches the best known cost ({@link BoundedTestProblem#costMatches}).
     */
    static List<NllsProblem> bounded() {
        List<NllsProblem> runs = new ArrayList<>();
        for (BoundedTestProblem b : BoundedSuite.problems()) {
            runs.add(new NllsProblem(b.name(), b.name(), 1, b.problem(), b.start(),
                    (x, cost) -> Double.isFinite(cost) && b.kktPoint(x) && b.costMatches(cost)));
        }
        return runs;
    }
}
