package org.gn4j.gn.fit;

import org.gn4j.gn.LeastSquaresOptimizer;
import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.nist.NistProblem;

/**
 * One NIST StRD run scored against the certified values: the smallest LRE over the parameters and over their
 * standard errors, with the solver's counts and time.
 *
 * @param problem      data set name
 * @param start        1 or 2
 * @param solver       solver short name
 * @param minLre       smallest parameter LRE (0 when the run failed)
 * @param minLreStdErr smallest standard-error LRE (0 when the covariance is unavailable)
 * @param optimum      the solver's result
 */
public record NistRun(String problem, int start, String solver, double minLre, double minLreStdErr,
        Optimum optimum) {

    /**
     * Runs {@code solver} on {@code nist} from start 1 or 2 and scores the result.
     *
     * @param nist the NIST problem
     * @param start which certified start to use, 1 or 2
     * @param solver the solver to run
     * @return the scored run
     * @throws IllegalArgumentException if {@code start} is not 1 or 2
     */
    public static NistRun run(NistProblem nist, int start, LeastSquaresOptimizer solver) {
        if (start != 1 && start != 2) {
            throw new IllegalArgumentException("start is " + start + ", expected 1 or 2");
        }
        LeastSquaresProblem p = CurveFit.problem(nist);
        Optimum o = solver.optimize(p, start == 1 ? nist.start1() : nist.start2());
        double[] cert = nist.certifiedValues();
        double[] certSe = nist.certifiedStandardDeviations();
        double lre = Double.POSITIVE_INFINITY;
        for (int j = 0; j < cert.length; j++) {
            lre = Math.min(lre, CurveFit.logRelativeError(o.parameter(j), cert[j]));
        }
        double lreSe = 0;
        if (o.hasCovariance()) {
            double[] se = o.standardErrors();
            lreSe = Double.POSITIVE_INFINITY;
            for (int j = 0; j < cert.length; j++) {
                lreSe = Math.min(lreSe, CurveFit.logRelativeError(se[j], certSe[j]));
            }
        }
        return new NistRun(nist.name(), start, solver.name(), lre, lreSe, o);
    }

    /**
     * Iterations of the run.
     *
     * @return the number of iterations
     */
    public int iterations() {
        return optimum.iterations();
    }

    /**
     * Wall-clock seconds of the run.
     *
     * @return the elapsed seconds
     */
    public double seconds() {
        return optimum.seconds();
    }
}
