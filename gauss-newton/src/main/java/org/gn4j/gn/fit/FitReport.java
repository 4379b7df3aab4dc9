package org.gn4j.gn.fit;

import java.util.List;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.ejml.data.DMatrixRMaj;
import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.expr.CompiledModel;
import org.gn4j.linalg.ArgumentChecks;

/**
 * What a curve fit gives at its solution: predictions and residuals per row, the parameter covariance, standard
 * errors, confidence intervals and correlations, goodness-of-fit statistics, and which parameters sit on a bound.
 *
 * <h2>Definitions</h2>
 *
 * With m rows, n parameters, predictions {@code f_i = f(x_i; β)}, residuals {@code r_i = t_i − f_i} (unweighted) and
 * weights {@code w_i} (1 for an unweighted fit; {@code 1/σ_i²} from measurement errors):
 * <ul>
 *   <li>chi-square {@code χ² = Σ w_i r_i²} (the residual sum of squares RSS of an unweighted fit), reduced
 *       chi-square {@code χ²/(m − n)};</li>
 *   <li>{@code R² = 1 − χ²/TSS} with {@code TSS = Σ w_i (t_i − t̄)²} and the weighted mean
 *       {@code t̄ = Σ w_i t_i / Σ w_i}: for an unweighted fit the usual {@code 1 − RSS/TSS}, for a weighted fit its
 *       weighted form ({@link #rSquaredWeighted()} says which);</li>
 *   <li>Gaussian-likelihood information criteria without constants, as statsmodels and lmfit report them:
 *       {@code AIC = m·ln(χ²/m) + 2n} and {@code BIC = m·ln(χ²/m) + n·ln m} (−∞ for an exact fit);</li>
 *   <li>covariance, as scipy's {@code curve_fit}: with {@code absoluteSigma} false the weights are relative and
 *       {@code C = s²(JᵀWJ)⁻¹} with {@code s² = χ²/(m − n)} (this is {@link Optimum#covariance()}); with
 *       {@code absoluteSigma} true the σ_i are absolute and {@code C = (JᵀWJ)⁻¹};</li>
 *   <li>confidence intervals {@code β_j ± q·se_j}: q the Student-t quantile with m − n degrees of freedom when s² is
 *       estimated, the normal quantile when σ is absolute (known);</li>
 *   <li>correlation {@code ρ_jk = C_jk / √(C_jj C_kk)};</li>
 *   <li>a parameter is at a bound when {@code |β_j − bound| ≤ 1e-10·max(1, |β_j|)}; its standard error then
 *       describes the unconstrained curvature only.</li>
 * </ul>
 * With a robust loss the statistics above still use the plain weighted squares; the covariance is the solver's
 * ({@link Optimum#covarianceNote()}).
 *
 * <p>Immutable; accessors return copies.
 */
public final class FitReport {
    /** Relative distance to a bound (times {@code max(1, |β_j|)}) within which the bound counts as active. */
    public static final double ACTIVE_BOUND_TOLERANCE = 1e-10;

    /** Where a parameter stands relative to its bounds. */
    public enum BoundState {
        /** Inside its bounds (or unbounded). */
        FREE,
        /** At its lower bound. */
        AT_LOWER,
        /** At its upper bound. */
        AT_UPPER
    }

    private final Optimum optimum;
    private final double[] parameters;
    private final List<String> parameterNames;
    private final double[] predictions;
    private final double[] residuals;
    private final double[] weights;
    private final boolean weighted;
    private final boolean absoluteSigma;
    private final double chiSquare;
    private final double totalSumOfSquares;
    private final double[][] covariance;
    private final String covarianceNote;
    private final double[] lower;
    private final double[] upper;
    private final BoundState[] boundStates;

    private FitReport(Optimum optimum, double[] predictions, double[] residuals, double[] weights, boolean weighted,
            boolean absoluteSigma, double chiSquare, double totalSumOfSquares, double[][] covariance,
            String covarianceNote, double[] lower, double[] upper) {
        this.optimum = optimum;
        this.parameters = optimum.parameters();
        this.parameterNames = optimum.parameterNames();
        this.predictions = predictions;
        this.residuals = residuals;
        this.weights = weights;
        this.weighted = weighted;
        this.absoluteSigma = absoluteSigma;
        this.chiSquare = chiSquare;
        this.totalSumOfSquares = totalSumOfSquares;
        this.covariance = covariance;
        this.covarianceNote = covarianceNote;
        this.lower = lower;
        this.upper = upper;
        this.boundStates = new BoundState[parameters.length];
        for (int j = 0; j < parameters.length; j++) {
            double tol = ACTIVE_BOUND_TOLERANCE * Math.max(1, Math.abs(parameters[j]));
            boundStates[j] = Math.abs(parameters[j] - lower[j]) <= tol ? BoundState.AT_LOWER
                    : Math.abs(parameters[j] - upper[j]) <= tol ? BoundState.AT_UPPER : BoundState.FREE;
        }
    }

    /**
     * The report of a solve of {@code problem} built by {@link CurveFit} from the same model and data.
     *
     * @param optimum       the result of solving {@code problem}
     * @param problem       the problem (its weights, bounds and cost at the solution are read)
     * @param model         the model of the problem
     * @param x             m rows of predictors
     * @param targets       m targets
     * @param weights       the m weights of the problem, or null for an unweighted problem
     * @param absoluteSigma whether the weights are absolute inverse variances (see the class comment)
     * @return the report
     * @throws IllegalArgumentException if an argument is null (weights excepted), the sizes disagree with the problem,
     *                                  or weights are given for an unweighted problem or missing for a weighted one
     */
    public static FitReport of(Optimum optimum, LeastSquaresProblem problem, CompiledModel model, double[][] x,
            double[] targets, double[] weights, boolean absoluteSigma) {
        ArgumentChecks.requireNonNull("optimum", optimum);
        ArgumentChecks.requireNonNull("problem", problem);
        ArgumentChecks.requireNonNull("model", model);
        ArgumentChecks.requireNonNull("x", x);
        ArgumentChecks.requireNonNull("targets", targets);
        int m = problem.residualCount();
        int n = problem.parameterCount();
        ArgumentChecks.requireLength("targets", targets, m);
        ArgumentChecks.requireDimension("rows of x", x.length, m);
        ArgumentChecks.requireDimension("parameters of the optimum", optimum.parameters().length, n);
        ArgumentChecks.requireDimension("parameters of the model", model.parameterCount(), n);
        if ((weights != null) != problem.weighted()) {
            throw new IllegalArgumentException("weights are " + (weights == null ? "null" : "given")
                    + " for a" + (problem.weighted() ? " weighted" : "n unweighted") + " problem, expected "
                    + (problem.weighted() ? "the problem's weights" : "null"));
        }
        double[] w = new double[m];
        if (weights == null) {
            java.util.Arrays.fill(w, 1);
        } else {
            ArgumentChecks.requireLength("weights", weights, m);
            System.arraycopy(weights, 0, w, 0, m);
        }
        double[] beta = optimum.parameters();
        CompiledModel f = model.copy();
        double[] pred = new double[m];
        double[] res = new double[m];
        double chi2 = 0;
        double sw = 0;
        double swt = 0;
        for (int i = 0; i < m; i++) {
            ArgumentChecks.requireNonNull("x[" + i + "]", x[i]);
            ArgumentChecks.requireDimension("predictors of row " + (i + 1), x[i].length, model.variableCount());
            pred[i] = f.value(x[i], beta);
            res[i] = targets[i] - pred[i];
            chi2 += w[i] * res[i] * res[i];
            sw += w[i];
            swt += w[i] * targets[i];
        }
        double mean = swt / sw;
        double tss = 0;
        for (int i = 0; i < m; i++) {
            double d = targets[i] - mean;
            tss += w[i] * d * d;
        }
        double[][] cov = null;
        String note = optimum.covarianceNote();
        if (optimum.hasCovariance()) {
            DMatrixRMaj c = optimum.covariance();
            double scale = 1;
            if (absoluteSigma) {
                // the optimum's covariance is s²(JᵀWJ)⁻¹ with s² = 2F/(m − n), F the problem's cost at β
                double[] r = new double[m];
                problem.residuals(beta, r);
                double s2 = 2 * problem.cost(r) / (m - n);
                scale = 1 / s2;
                note = "(J'WJ)^-1 with absolute sigma";
                if (!(s2 > 0) || !Double.isFinite(scale)) {
                    scale = Double.NaN;
                    note = "unavailable with absolute sigma: the residual variance s^2 = " + s2
                            + " cannot be divided out of the solver's covariance";
                }
            }
            if (!Double.isNaN(scale)) {
                cov = new double[n][n];
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        cov[a][b] = scale * c.get(a, b);
                    }
                }
            }
        }
        return new FitReport(optimum, pred, res, w, weights != null, absoluteSigma, chi2, tss, cov, note,
                problem.lowerBounds(), problem.upperBounds());
    }

    /**
     * The solver's result.
     *
     * @return the optimum the report was built from
     */
    public Optimum optimum() {
        return optimum;
    }

    /**
     * The parameters (a copy).
     *
     * @return a new array of the n fitted parameters
     */
    public double[] parameters() {
        return parameters.clone();
    }

    /**
     * The parameter names.
     *
     * @return the n parameter names, in the model's order
     */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /**
     * Number of rows m.
     *
     * @return the number of data rows m
     */
    public int rowCount() {
        return residuals.length;
    }

    /**
     * Degrees of freedom m − n.
     *
     * @return m − n
     */
    public int degreesOfFreedom() {
        return residuals.length - parameters.length;
    }

    /**
     * Model predictions {@code f(x_i; β)} per row (a copy).
     *
     * @return a new array of the m predictions
     */
    public double[] predictions() {
        return predictions.clone();
    }

    /**
     * Residuals {@code t_i − f(x_i; β)} per row, unweighted (a copy).
     *
     * @return a new array of the m unweighted residuals
     */
    public double[] residuals() {
        return residuals.clone();
    }

    /**
     * Weights per row (all 1 for an unweighted fit; a copy).
     *
     * @return a new array of the m weights
     */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * Whether the fit was weighted.
     *
     * @return {@code true} if the fit was weighted
     */
    public boolean weighted() {
        return weighted;
    }

    /**
     * Whether the covariance treats the weights as absolute inverse variances.
     *
     * @return {@code true} for absolute sigma, {@code false} when the covariance is scaled by the reduced χ²
     */
    public boolean absoluteSigma() {
        return absoluteSigma;
    }

    /**
     * {@code χ² = Σ w_i r_i²} (RSS when unweighted).
     *
     * @return χ² ≥ 0
     */
    public double chiSquare() {
        return chiSquare;
    }

    /**
     * {@code χ²/(m − n)} (NaN when m = n).
     *
     * @return the reduced χ², or NaN when m = n
     */
    public double reducedChiSquare() {
        int dof = degreesOfFreedom();
        return dof > 0 ? chiSquare / dof : Double.NaN;
    }

    /**
     * {@code 1 − χ²/TSS} (weighted sums for a weighted fit; NaN when every target is the same).
     *
     * @return R², or NaN
     */
    public double rSquared() {
        return totalSumOfSquares > 0 ? 1 - chiSquare / totalSumOfSquares : Double.NaN;
    }

    /**
     * True when {@link #rSquared()} is computed with weighted sums.
     *
     * @return {@code true} for weighted sums
     */
    public boolean rSquaredWeighted() {
        return weighted;
    }

    /**
     * {@code AIC = m·ln(χ²/m) + 2n}, constants of the Gaussian likelihood left out.
     *
     * @return the Akaike information criterion
     */
    public double aic() {
        int m = residuals.length;
        return m * Math.log(chiSquare / m) + 2.0 * parameters.length;
    }

    /**
     * {@code BIC = m·ln(χ²/m) + n·ln m}, constants of the Gaussian likelihood left out.
     *
     * @return the Bayesian information criterion
     */
    public double bic() {
        int m = residuals.length;
        return m * Math.log(chiSquare / m) + parameters.length * Math.log(m);
    }

    /**
     * Whether the covariance (and everything derived from it) is available.
     *
     * @return {@code true} if the covariance, standard errors and intervals are available
     */
    public boolean hasCovariance() {
        return covariance != null;
    }

    /**
     * How the covariance was computed, or why it is unavailable.
     *
     * @return a short explanation
     */
    public String covarianceNote() {
        return covarianceNote;
    }

    /**
     * The n × n covariance (a copy).
     *
     * @return a new n × n array, row-major by parameter
     * @throws IllegalStateException when unavailable (see {@link #covarianceNote()})
     */
    public double[][] covariance() {
        requireCovariance();
        double[][] c = new double[covariance.length][];
        for (int j = 0; j < c.length; j++) {
            c[j] = covariance[j].clone();
        }
        return c;
    }

    /**
     * Standard errors {@code √C_jj}.
     *
     * @return a new array of n standard errors
     * @throws IllegalStateException when the covariance is unavailable
     */
    public double[] standardErrors() {
        requireCovariance();
        double[] se = new double[parameters.length];
        for (int j = 0; j < se.length; j++) {
            se[j] = Math.sqrt(covariance[j][j]);
        }
        return se;
    }

    /**
     * The correlation matrix {@code C_jk / √(C_jj C_kk)}.
     *
     * @return a new n × n array of correlations in [−1, 1]
     * @throws IllegalStateException when the covariance is unavailable
     */
    public double[][] correlation() {
        double[] se = standardErrors();
        int n = se.length;
        double[][] rho = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                rho[a][b] = a == b ? 1 : covariance[a][b] / (se[a] * se[b]);
            }
        }
        return rho;
    }

    /**
     * Two-sided confidence intervals (see the class comment for the quantile).
     *
     * @param level confidence level in (0, 1), e.g. 0.95
     * @return n rows of {lower, upper}
     * @throws IllegalArgumentException for a level outside (0, 1)
     * @throws IllegalStateException    when the covariance is unavailable, or without degrees of freedom for an
     *                                  estimated s²
     */
    public double[][] confidenceIntervals(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level is " + level + ", expected in (0, 1)");
        }
        double[] se = standardErrors();
        double p = 0.5 + level / 2;
        double q;
        if (absoluteSigma) {
            q = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(p);
        } else {
            if (degreesOfFreedom() < 1) {
                throw new IllegalStateException("no degrees of freedom (m = n = " + parameters.length
                        + "), expected more rows than parameters for a t interval");
            }
            q = new TDistribution(null, degreesOfFreedom()).inverseCumulativeProbability(p);
        }
        double[][] ci = new double[se.length][];
        for (int j = 0; j < se.length; j++) {
            ci[j] = new double[] {parameters[j] - q * se[j], parameters[j] + q * se[j]};
        }
        return ci;
    }

    /**
     * Lower bounds (−∞ where none; a copy).
     *
     * @return a new array of the n lower bounds
     */
    public double[] lowerBounds() {
        return lower.clone();
    }

    /**
     * Upper bounds (+∞ where none; a copy).
     *
     * @return a new array of the n upper bounds
     */
    public double[] upperBounds() {
        return upper.clone();
    }

    /**
     * Per parameter: free, at its lower or at its upper bound (a copy).
     *
     * @return a new array of the n bound states
     */
    public BoundState[] boundStates() {
        return boundStates.clone();
    }

    /**
     * Whether any parameter is at a bound.
     *
     * @return {@code true} if some parameter is at a bound
     */
    public boolean anyAtBound() {
        for (BoundState s : boundStates) {
            if (s != BoundState.FREE) {
                return true;
            }
        }
        return false;
    }

    private void requireCovariance() {
        if (covariance == null) {
            throw new IllegalStateException("covariance unavailable: " + covarianceNote);
        }
    }
}
