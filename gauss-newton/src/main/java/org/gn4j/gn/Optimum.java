package org.gn4j.gn;

import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.distribution.TDistribution;
import org.ejml.data.DMatrixRMaj;

/**
 * The result of a nonlinear least-squares solve: the parameters, cost {@code F = ½Σρ(r²)}, gradient norm, counts,
 * the termination reason, the per-iteration trace and, computed on request when the Jacobian at the solution has full
 * column rank and there are more residuals than parameters, the covariance {@code σ²(JᵀJ)⁻¹} with {@code σ² = 2F/(m − n)}, the
 * standard errors and Student-t confidence intervals.
 */
public final class Optimum {
    private final String solver;
    private final double[] parameters;
    private final List<String> parameterNames;
    private final double initialCost;
    private final double cost;
    private final double gradientNorm;
    private final int residualCount;
    private final int iterations;
    private final int residualEvaluations;
    private final int jacobianEvaluations;
    private final TerminationReason reason;
    private final String message;
    private final List<IterationRecord> trace;
    private final double seconds;
    private final Covariance covariance;
    private final int[] bound;

    Optimum(String solver, double[] parameters, List<String> parameterNames, double initialCost, double cost,
            double gradientNorm, int residualCount, int iterations, int residualEvaluations, int jacobianEvaluations,
            TerminationReason reason, String message, List<IterationRecord> trace, double seconds,
            Covariance covariance) {
        this(solver, parameters, parameterNames, initialCost, cost, gradientNorm, residualCount, iterations,
                residualEvaluations, jacobianEvaluations, reason, message, trace, seconds, covariance,
                new int[parameters.length]);
    }

    Optimum(String solver, double[] parameters, List<String> parameterNames, double initialCost, double cost,
            double gradientNorm, int residualCount, int iterations, int residualEvaluations, int jacobianEvaluations,
            TerminationReason reason, String message, List<IterationRecord> trace, double seconds,
            Covariance covariance, int[] bound) {
        this.bound = bound.clone();
        this.solver = solver;
        this.parameters = parameters.clone();
        this.parameterNames = parameterNames;
        this.initialCost = initialCost;
        this.cost = cost;
        this.gradientNorm = gradientNorm;
        this.residualCount = residualCount;
        this.iterations = iterations;
        this.residualEvaluations = residualEvaluations;
        this.jacobianEvaluations = jacobianEvaluations;
        this.reason = reason.given(parameters, new double[] {cost});
        this.message = this.reason == reason ? message : message + "; the result holds a non-finite value";
        this.trace = List.copyOf(trace);
        this.seconds = seconds;
        this.covariance = covariance;
    }

    /**
     * The result of a deterministic run of the loop on a least-squares objective (covariance on request, from the
     * dense Jacobian the run holds at the final point where it can).
     */
    static Optimum of(String solver, LeastSquaresObjective objective, org.gn4j.gn.core.GaussNewtonLoop.State st) {
        LeastSquaresProblem problem = objective.problem();
        org.gn4j.gn.core.Linearization lin = st.unmaskedLinearization();
        DMatrixRMaj held = null;
        if (lin != null && problem.loss() == RobustLoss.LINEAR && st.reason() != TerminationReason.NON_FINITE
                && lin.denseJacobian() != null) {
            held = lin.denseJacobian();
        }
        double gn = st.gradientNorm();
        int n = problem.parameterCount();
        int[] bound = new int[n];
        boolean[] onBound = new boolean[n];
        if (problem.bounded()) {
            double[] lo = problem.lowerBounds();
            double[] hi = problem.upperBounds();
            double[] x = st.x();
            for (int j = 0; j < n; j++) {
                bound[j] = x[j] <= lo[j] ? -1 : x[j] >= hi[j] ? 1 : 0;
                onBound[j] = bound[j] != 0;
            }
        }
        return new Optimum(solver, st.x(), problem.parameterNames(), st.initialCost(), st.cost(),
                Double.isNaN(gn) ? Double.POSITIVE_INFINITY : gn, problem.residualCount(), st.iterations(),
                objective.residualEvaluations(), objective.jacobianEvaluations(), st.reason(), st.message(),
                st.trace(), st.seconds(), new Covariance(problem, st.x(), held, objective.matrixFree(), onBound),
                bound);
    }

    /**
     * Name of the solver that produced this result.
     *
     * @return the solver's name
     */
    public String solver() {
        return solver;
    }

    /**
     * The parameters found (a copy).
     *
     * @return a new array of the n parameters
     */
    public double[] parameters() {
        return parameters.clone();
    }

    /**
     * Parameter {@code j}.
     *
     * @param j the parameter index, 0 ≤ j &lt; n
     * @return the parameter's value
     */
    public double parameter(int j) {
        return parameters[j];
    }

    /**
     * Parameter names.
     *
     * @return the n parameter names, unmodifiable
     */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /**
     * Cost at the start.
     *
     * @return the cost at the start point
     */
    public double initialCost() {
        return initialCost;
    }

    /**
     * Final cost {@code F = ½Σρ(r_i²)}; for plain least squares half the residual sum of squares.
     *
     * @return the final cost F ≥ 0
     */
    public double cost() {
        return cost;
    }

    /**
     * {@code ‖r‖₂ = √(2F)} (weighted residuals, plain least squares).
     *
     * @return {@code √(2F)}
     */
    public double residualNorm() {
        return Math.sqrt(2 * cost);
    }

    /**
     * Infinity norm of the gradient at the solution.
     *
     * @return ‖g‖∞ at the solution
     */
    public double gradientNorm() {
        return gradientNorm;
    }

    /**
     * Iterations (trial steps, accepted or not).
     *
     * @return the number of iterations
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Residual evaluations, including those spent on finite differences.
     *
     * @return the number of residual evaluations
     */
    public int residualEvaluations() {
        return residualEvaluations;
    }

    /**
     * Jacobian evaluations.
     *
     * @return the number of Jacobian evaluations
     */
    public int jacobianEvaluations() {
        return jacobianEvaluations;
    }

    /**
     * Why the solve stopped.
     *
     * @return the termination reason
     */
    public TerminationReason reason() {
        return reason;
    }

    /**
     * True when a convergence criterion fired.
     *
     * @return {@code true} if the solve converged
     */
    public boolean converged() {
        return reason.converged();
    }

    /**
     * One line of detail on the termination.
     *
     * @return the termination message
     */
    public String message() {
        return message;
    }

    /**
     * The per-iteration trace.
     *
     * @return the iteration records in order, unmodifiable
     */
    public List<IterationRecord> trace() {
        return trace;
    }

    /**
     * Wall-clock seconds of the solve.
     *
     * @return the elapsed seconds
     */
    public double seconds() {
        return seconds;
    }

    /**
     * True when the covariance can be computed (computed on the first call of a covariance method).
     *
     * @return {@code true} if {@link #covariance()} and {@link #standardErrors()} will not throw
     */
    public boolean hasCovariance() {
        return covariance.matrix() != null;
    }

    /**
     * Why the covariance is (un)available.
     *
     * @return a short explanation
     */
    public String covarianceNote() {
        return covariance.note();
    }

    /**
     * The covariance {@code σ²(JᵀJ)⁻¹} (a copy).
     *
     * @return a new n × n matrix; the rows and columns of parameters on a bound are NaN
     * @throws IllegalStateException when unavailable (see {@link #covarianceNote()})
     */
    public DMatrixRMaj covariance() {
        requireCovariance();
        return covariance.matrix().copy();
    }

    /**
     * Which bound parameter j sits on: −1 its lower bound, +1 its upper bound, 0 neither (or the problem has no
     * bounds). A parameter on a bound has no standard error (NaN) and is left out of the covariance.
     *
     * @param j the parameter index, 0 ≤ j &lt; n
     * @return −1, 0 or +1
     */
    public int bound(int j) {
        return bound[j];
    }

    /**
     * Whether any parameter sits on one of its bounds.
     *
     * @return {@code true} if some parameter is on a bound
     */
    public boolean anyOnBound() {
        for (int b : bound) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Standard errors {@code √diag(cov)}; NaN for a parameter on a bound ({@link #bound}).
     *
     * @return a new array of n standard errors
     */
    public double[] standardErrors() {
        requireCovariance();
        int n = parameters.length;
        double[] se = new double[n];
        for (int j = 0; j < n; j++) {
            se[j] = Math.sqrt(covariance.matrix().get(j, j));
        }
        return se;
    }

    /**
     * Two-sided confidence intervals {@code β_j ± t_{(1+level)/2, m−n}·se_j} from the Student t distribution.
     *
     * @param level confidence level in (0, 1), e.g. 0.95
     * @return n rows of {lower, upper}
     */
    public double[][] confidenceIntervals(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level is " + level + ", expected in (0, 1)");
        }
        double[] se = standardErrors();
        double t = new TDistribution(residualCount - parameters.length).inverseCumulativeProbability(
                0.5 + level / 2);
        double[][] ci = new double[parameters.length][];
        for (int j = 0; j < parameters.length; j++) {
            ci[j] = new double[] {parameters[j] - t * se[j], parameters[j] + t * se[j]};
        }
        return ci;
    }

    private void requireCovariance() {
        if (covariance.matrix() == null) {
            throw new IllegalStateException("covariance unavailable: " + covariance.note());
        }
    }

    /**
     * A Ceres-style summary block.
     *
     * @return a multi-line human-readable report of the solve
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %s (%s)%n", solver, reason, message));
        if (!reason.advice().isEmpty()) {
            sb.append("  what to try: ").append(reason.advice()).append(System.lineSeparator());
        }
        sb.append(String.format(Locale.ROOT, "  parameters %d, residuals %d%n", parameters.length, residualCount));
        if (anyOnBound()) {
            StringBuilder on = new StringBuilder();
            for (int j = 0; j < parameters.length; j++) {
                if (bound[j] != 0) {
                    on.append(on.length() == 0 ? "" : ", ").append(parameterNames.get(j)).append(bound[j] < 0
                            ? " at its lower bound" : " at its upper bound");
                }
            }
            sb.append("  on a bound: ").append(on).append(System.lineSeparator());
        }
        sb.append(String.format(Locale.ROOT, "  initial cost %.10e, final cost %.10e, |g|inf %.3e%n", initialCost,
                cost, gradientNorm));
        sb.append(String.format(Locale.ROOT, "  iterations %d, residual evaluations %d, Jacobian evaluations %d, "
                + "time %.4f s%n", iterations, residualEvaluations, jacobianEvaluations, seconds));
        return sb.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Optimum[%s, %s, cost %.6e, %d iterations]", solver, reason, cost,
                iterations);
    }
}
