package org.gn4j.bench.nlls;

/**
 * One solver on one problem.
 *
 * @param problem             run name ({@link NllsProblem#name()})
 * @param family              data set or function
 * @param start               start label
 * @param solver              solver name, e.g. {@code lm} or {@code scipy-trf}
 * @param solved              whether the suite's judge accepts the result
 * @param cost                {@code ½‖r‖²} at the final point, evaluated by gn4j (NaN when not finite or no point)
 * @param residualEvaluations residual evaluations counted on the Java side
 * @param jacobianEvaluations Jacobian evaluations counted on the Java side
 * @param reportedResiduals   the solver's own count (gn4j {@code Optimum.residualEvaluations()}, SciPy
 *                            {@code nfev}); -1 when none
 * @param reportedJacobians   the solver's own count (gn4j {@code Optimum.jacobianEvaluations()}, SciPy
 *                            {@code njev}); -1 when none
 * @param status              termination: the gn4j reason, {@code status N} for SciPy, or {@code error}
 * @param message             the solver's message
 * @param seconds             solver time, the smallest over the repeats: gn4j the wall time of {@code optimize};
 *                            SciPy the time of {@code least_squares} less its waits for gn4j, plus gn4j's
 *                            evaluation time
 * @param x                   final point (null after an error)
 */
public record RunResult(String problem, String family, int start, String solver, boolean solved, double cost,
        int residualEvaluations, int jacobianEvaluations, int reportedResiduals, int reportedJacobians,
        String status, String message, double seconds, double[] x) {

    /**
     * Residual plus Jacobian evaluations, the cost measure of the evaluation profile.
     *
     * @return {@code residualEvaluations + jacobianEvaluations}
     */
    public int evaluations() {
        return residualEvaluations + jacobianEvaluations;
    }

    /** The same result with another time. */
    RunResult withSeconds(double s) {
        return new RunResult(problem, family, start, solver, solved, cost, residualEvaluations, jacobianEvaluations,
                reportedResiduals, reportedJacobians, status, message, s, x);
    }
}
