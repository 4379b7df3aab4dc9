package org.gn4j.gn.fit;

import java.util.List;

import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.gn.RobustLoss;
import org.gn4j.gn.expr.CompiledModel;
import org.gn4j.gn.nist.NistProblem;
import org.gn4j.linalg.ArgumentChecks;

/**
 * Curve fitting: the least-squares problem {@code r_i(β) = t_i − f(x_i; β)} for a compiled model expression f, rows of
 * predictors {@code x_i} and targets {@code t_i}, with the exact Jacobian {@code J_ij = −∂f/∂β_j(x_i; β)} from the
 * model's reverse-mode gradients. Also the NIST StRD scoring helper {@link #logRelativeError}.
 *
 * <p>Thread safety: the problems built here are immutable and may be solved from several threads at once (each
 * thread evaluates the model on its own copy).
 */
public final class CurveFit {
    private CurveFit() {
    }

    /**
     * The fitting problem for {@code model} on the data.
     *
     * @param model the compiled model f with n parameters and k predictors
     * @param x the m rows of k predictors each (not retained: the problem copies them)
     * @param targets the m targets t_i
     * @return a new unweighted, unbounded plain least-squares problem
     * @throws IllegalArgumentException if the rows and targets differ in count, a row has the wrong number of
     *                                  predictors, there are fewer observations than parameters, or data are not
     *                                  finite (naming the row)
     */
    public static LeastSquaresProblem problem(CompiledModel model, double[][] x, double[] targets) {
        return problem(model, x, targets, RobustLoss.LINEAR, 1.0);
    }

    /**
     * The fitting problem with a robust loss ρ of scale c on the residuals (see {@link RobustLoss}).
     *
     * @param model the compiled model f with n parameters and k predictors
     * @param x the m rows of k predictors each (not retained: the problem copies them)
     * @param targets the m targets t_i
     * @param loss the robust loss ρ; not {@code null}
     * @param scale the loss scale c &gt; 0, in the units of the residuals
     * @return a new unweighted, unbounded problem
     * @throws IllegalArgumentException as {@link #problem(CompiledModel, double[][], double[])}, or for a scale that
     *                                  is not positive and finite
     */
    public static LeastSquaresProblem problem(CompiledModel model, double[][] x, double[] targets, RobustLoss loss,
            double scale) {
        return problem(model, x, targets, null, null, null, loss, scale);
    }

    /**
     * The fitting problem with per-row weights {@code w_i} (the residual used is {@code √w_i·r_i}; for measurement
     * errors σ_i take {@link #weightsFromSigma}), bounds {@code lower ≤ β ≤ upper} ({@code ±∞} for no bound on that
     * side) and a robust loss. Null weights: unweighted; null bounds: unbounded.
     *
     * @param model the compiled model f with n parameters and k predictors
     * @param x the m rows of k predictors each (not retained: the problem copies them)
     * @param targets the m targets t_i
     * @param weights the m weights w_i &gt; 0, or {@code null} for none
     * @param lower the n lower bounds, or {@code null} (together with {@code upper}) for none
     * @param upper the n upper bounds, or {@code null} (together with {@code lower}) for none
     * @param loss the robust loss ρ ({@link RobustLoss#LINEAR} for plain least squares); not {@code null}
     * @param scale the loss scale c &gt; 0, in the units of the residuals
     * @return a new problem
     * @throws IllegalArgumentException as {@link #problem(CompiledModel, double[][], double[], RobustLoss, double)},
     *                                  for weights of the wrong length or not positive and finite, for bounds of the
     *                                  wrong length, with a NaN or crossing ({@code lower[j] > upper[j]}), or for only
     *                                  one of the two bound arrays
     */
    public static LeastSquaresProblem problem(CompiledModel model, double[][] x, double[] targets, double[] weights,
            double[] lower, double[] upper, RobustLoss loss, double scale) {
        ArgumentChecks.requireNonNull("model", model);
        ArgumentChecks.requireNonNull("x", x);
        ArgumentChecks.requireNonNull("targets", targets);
        ArgumentChecks.requireNonNull("loss", loss);
        int m = targets.length;
        int p = model.parameterCount();
        int k = model.variableCount();
        if (x.length != m) {
            throw new IllegalArgumentException("x has " + x.length + " rows, expected " + m + " (one per target)");
        }
        if (m < p) {
            throw new IllegalArgumentException("only " + m + " observations for " + p
                    + " parameters, expected at least as many observations as parameters");
        }
        double[][] rows = new double[m][];
        for (int i = 0; i < m; i++) {
            if (x[i] == null) {
                throw new IllegalArgumentException("row " + (i + 1) + " of x is null, expected " + k + " predictors");
            }
            if (x[i].length != k) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + x[i].length + " predictors, expected "
                        + k + " " + model.variableNames());
            }
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("row " + (i + 1) + ": " + model.variableNames().get(j) + " is "
                            + x[i][j] + ", expected a finite value");
                }
            }
            if (!Double.isFinite(targets[i])) {
                throw new IllegalArgumentException("row " + (i + 1) + ": target is " + targets[i]
                        + ", expected a finite value");
            }
            rows[i] = x[i].clone();
        }
        if ((lower == null) != (upper == null)) {
            throw new IllegalArgumentException("lower bounds are " + (lower == null ? "null" : "given")
                    + " and upper bounds " + (upper == null ? "null" : "given") + ", expected both or neither");
        }
        double[] t = targets.clone();
        // the compiled model evaluates on its own scratch: each thread works on its own copy and gradient buffer
        CompiledModel template = model.copy();
        ThreadLocal<CompiledModel> models = ThreadLocal.withInitial(template::copy);
        ThreadLocal<double[]> grads = ThreadLocal.withInitial(() -> new double[p]);
        LeastSquaresProblem.Builder builder = LeastSquaresProblem.builder(p, m)
                .parameterNames(List.copyOf(model.parameterNames()))
                .residuals((beta, r) -> {
                    CompiledModel f = models.get();
                    for (int i = 0; i < m; i++) {
                        r[i] = t[i] - f.value(rows[i], beta);
                    }
                }).jacobian((beta, jac) -> {
                    CompiledModel f = models.get();
                    double[] grad = grads.get();
                    for (int i = 0; i < m; i++) {
                        f.valueAndGradient(rows[i], beta, grad);
                        for (int j = 0; j < p; j++) {
                            jac.data[i * p + j] = -grad[j];
                        }
                    }
                }).robustLoss(loss, scale);
        if (weights != null) {
            builder.weights(weights);
        }
        if (lower != null) {
            builder.bounds(lower, upper);
        }
        return builder.build();
    }

    /**
     * The weights {@code w_i = 1/σ_i²} for measurement standard deviations σ_i (as scipy's {@code curve_fit} uses its
     * {@code sigma}).
     *
     * @param sigma the m standard deviations σ_i &gt; 0, in the units of the targets
     * @return a new array of the m weights
     * @throws IllegalArgumentException if {@code sigma} is null or a σ_i is not positive and finite, or its square
     *                                  under- or overflows (naming the 1-based row)
     */
    public static double[] weightsFromSigma(double[] sigma) {
        ArgumentChecks.requireNonNull("sigma", sigma);
        double[] w = new double[sigma.length];
        for (int i = 0; i < sigma.length; i++) {
            w[i] = 1 / (sigma[i] * sigma[i]);
            if (!(sigma[i] > 0 && Double.isFinite(sigma[i]) && w[i] > 0 && Double.isFinite(w[i]))) {
                throw new IllegalArgumentException("row " + (i + 1) + ": sigma is " + sigma[i]
                        + ", expected a finite value > 0 whose inverse square is a finite positive double");
            }
        }
        return w;
    }

    /**
     * The fitting problem of a NIST StRD data set (targets transformed as its model line says, e.g. log[y]).
     *
     * @param nist the NIST problem; not {@code null}
     * @return a new unweighted problem of its model, predictors and transformed targets
     * @throws IllegalArgumentException if {@code nist} is {@code null}
     */
    public static LeastSquaresProblem problem(NistProblem nist) {
        ArgumentChecks.requireNonNull("nist", nist);
        return problem(nist.compiledModel(), nist.x(), nist.targets());
    }

    /**
     * The log relative error {@code LRE = −log10(|estimate − certified| / |certified|)}, the number of agreeing
     * significant digits, capped at 11 (the certified values carry 11 digits); for a certified 0 the absolute error is
     * used. NaN estimates score 0.
     *
     * @param estimate the computed value
     * @param certified the certified value
     * @return the LRE in [0, 11]
     */
    public static double logRelativeError(double estimate, double certified) {
        if (!Double.isFinite(estimate)) {
            return 0;
        }
        double err = certified == 0 ? Math.abs(estimate) : Math.abs(estimate - certified) / Math.abs(certified);
        if (err == 0) {
            return 11;
        }
        return Math.max(0, Math.min(11, -Math.log10(err)));
    }
}
