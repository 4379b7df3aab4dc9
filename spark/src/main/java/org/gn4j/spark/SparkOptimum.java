package org.gn4j.spark;

import java.util.List;

import org.gn4j.gn.IterationRecord;
import org.gn4j.gn.TerminationReason;
import org.gn4j.gn.core.GaussNewtonLoop;

/**
 * The result of a distributed fit: the point, cost, gradient norm, counts (iterations, residual and linearization
 * passes, residual rows), the termination reason and message, the trace, and the wall-clock time of the run and of
 * its aggregation passes.
 *
 * @param solver               the configuration that ran
 * @param parameters           the point found
 * @param parameterNames       the parameter names
 * @param initialCost          the cost at the start
 * @param cost                 the final cost {@code ½Σρ(rᵢ²)}
 * @param gradientNorm         {@code ‖g‖∞} at the point
 * @param residualCount        the residuals summed per pass
 * @param iterations           trial steps, accepted or not
 * @param residualEvaluations  cost-only passes (the start and every trial)
 * @param jacobianEvaluations  linearization passes
 * @param productPasses        Gram-product passes of the matrix-free form (0 otherwise)
 * @param reason               why the run ended
 * @param message              the termination message
 * @param trace                one record per iteration
 * @param seconds              wall-clock time of the run
 * @param aggregationSeconds   wall-clock time spent in aggregation passes
 */
public record SparkOptimum(String solver, double[] parameters, List<String> parameterNames, double initialCost,
        double cost, double gradientNorm, long residualCount, int iterations, int residualEvaluations,
        int jacobianEvaluations, int productPasses, TerminationReason reason, String message, List<IterationRecord> trace,
        double seconds, double aggregationSeconds) {

    /**
     * Copies the arrays and lists.
     *
     * @param solver the configuration that ran
     * @param parameters the point found, length n (copied)
     * @param parameterNames the parameter names, length n (copied)
     * @param initialCost the cost at the start
     * @param cost the final cost {@code ½Σρ(rᵢ²)}
     * @param gradientNorm {@code ‖g‖∞} at the point
     * @param residualCount the residuals summed per pass
     * @param iterations trial steps, accepted or not
     * @param residualEvaluations cost-only passes (the start and every trial)
     * @param jacobianEvaluations linearization passes
     * @param productPasses Gram-product passes of the matrix-free form (0 otherwise)
     * @param reason why the run ended
     * @param message the termination message
     * @param trace one record per iteration (copied)
     * @param seconds wall-clock time of the run, in seconds
     * @param aggregationSeconds wall-clock time spent in aggregation passes, in seconds
     */
    public SparkOptimum {
        parameters = parameters.clone();
        parameterNames = List.copyOf(parameterNames);
        trace = List.copyOf(trace);
    }

    /**
     * The point found.
     *
     * @return a copy of the parameters, length n, in {@link #parameterNames()} order
     */
    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /**
     * Aggregation passes of every kind.
     *
     * @return {@code residualEvaluations + jacobianEvaluations + productPasses}
     */
    public int passes() {
        return residualEvaluations + jacobianEvaluations + productPasses;
    }

    /**
     * Whether the run ended at a point where a convergence test holds.
     *
     * @return whether the termination reason is a convergence test
     */
    public boolean converged() {
        return reason.converged();
    }

    static SparkOptimum of(String solver, SparkLeastSquares<?> objective, GaussNewtonLoop.State st) {
        double aggregation = 0;
        int products = 0;
        for (SparkLeastSquares.Pass p : objective.passes()) {
            aggregation += p.seconds();
            if (p.kind() == SparkLeastSquares.PassKind.PRODUCT) {
                products++;
            }
        }
        double gn = st.gradientNorm();
        return new SparkOptimum(solver, st.x(), objective.model().parameterNames(), st.initialCost(), st.cost(),
                Double.isNaN(gn) ? Double.POSITIVE_INFINITY : gn, objective.residualCount(), st.iterations(),
                objective.residualEvaluations(), objective.jacobianEvaluations(), products, st.reason(), st.message(),
                st.trace(), st.seconds(), aggregation);
    }
}
