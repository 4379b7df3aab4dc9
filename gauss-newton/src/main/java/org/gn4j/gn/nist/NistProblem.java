package org.gn4j.gn.nist;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.gn4j.gn.expr.CompiledModel;
import org.gn4j.gn.expr.ModelExpression;

/**
 * One NIST StRD nonlinear-regression problem: the model, two starting points, the certified solution and the data.
 * The fit is {@code response(y_i) ≈ f(x_i; β)} in the least-squares sense, where {@code response} is {@code y} itself
 * except for Nelson, which fits {@code log[y]}.
 *
 * <p>Immutable: arrays are copied on the way in and on the way out, and {@link #equals}/{@link #hashCode} compare
 * their contents.
 *
 * @param name                        the dataset name, for example {@code "Misra1a"}
 * @param difficulty                  NIST's level of difficulty: {@code "Lower"}, {@code "Average"} or {@code "Higher"}
 * @param responseText                the left-hand side of the model line: {@code "y"}, or {@code "log[y]"} for Nelson
 * @param modelText                   the right-hand side as written in the file, from after {@code "y = "} up to the
 *                                    error term {@code "+ e"}, continuation lines joined with one blank
 * @param variableNames               the predictor names from the data header, for example {@code [x]} or
 *                                    {@code [x1, x2]}
 * @param parameterNames              the parameter names, {@code [b1, ..., bp]}
 * @param certifiedValues             the certified parameter values (11 significant digits), length p
 * @param certifiedStandardDeviations the certified standard deviations of the parameters, length p
 * @param start1                      the first (farther) starting point, length p
 * @param start2                      the second (closer) starting point, length p
 * @param certifiedResidualSumOfSquares the certified residual sum of squares at {@code certifiedValues}
 * @param residualStandardDeviation   the certified residual standard deviation {@code sqrt(RSS / dof)}
 * @param degreesOfFreedom            the degrees of freedom {@code n - p}
 * @param x                           the predictors, {@code n} rows of {@code variableNames.size()} values
 * @param y                           the observed responses, length n, as written in the file (not transformed)
 */
public record NistProblem(
        String name,
        String difficulty,
        String responseText,
        String modelText,
        List<String> variableNames,
        List<String> parameterNames,
        double[] certifiedValues,
        double[] certifiedStandardDeviations,
        double[] start1,
        double[] start2,
        double certifiedResidualSumOfSquares,
        double residualStandardDeviation,
        int degreesOfFreedom,
        double[][] x,
        double[] y) {

    /**
     * Validates shapes and copies the arrays.
     *
     * @param name the dataset name
     * @param difficulty NIST's level of difficulty, may be {@code null}
     * @param responseText the left-hand side of the model line
     * @param modelText the right-hand side of the model line
     * @param variableNames the predictor names
     * @param parameterNames the p parameter names
     * @param certifiedValues the certified parameter values, length p (copied)
     * @param certifiedStandardDeviations their certified standard deviations, length p (copied)
     * @param start1 the first starting point, length p (copied)
     * @param start2 the second starting point, length p (copied)
     * @param certifiedResidualSumOfSquares the certified residual sum of squares
     * @param residualStandardDeviation the certified residual standard deviation
     * @param degreesOfFreedom the degrees of freedom n − p
     * @param x the predictors, n rows of one value per variable (copied)
     * @param y the n observed responses (copied)
     * @throws IllegalArgumentException if a component other than {@code difficulty} is null or holds a null, a
     *                                  per-parameter array does not have length p, {@code x} and {@code y} differ in
     *                                  length, or a row of {@code x} does not hold one value per variable
     */
    public NistProblem {
        requireNonNull("name", name);
        requireNonNull("modelText", modelText);
        requireNonNull("responseText", responseText);
        variableNames = copyOfNames("variableNames", variableNames);
        parameterNames = copyOfNames("parameterNames", parameterNames);
        requireNonNull("certifiedValues", certifiedValues);
        requireNonNull("certifiedStandardDeviations", certifiedStandardDeviations);
        requireNonNull("start1", start1);
        requireNonNull("start2", start2);
        requireNonNull("x", x);
        requireNonNull("y", y);
        int p = parameterNames.size();
        certifiedValues = copyOfLength("certifiedValues", certifiedValues, p);
        certifiedStandardDeviations = copyOfLength("certifiedStandardDeviations", certifiedStandardDeviations, p);
        start1 = copyOfLength("start1", start1, p);
        start2 = copyOfLength("start2", start2, p);
        y = y.clone();
        x = copyOfRows(x, y.length, variableNames.size());
    }

    private static void requireNonNull(String what, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is null");
        }
    }

    private static List<String> copyOfNames(String what, List<String> names) {
        requireNonNull(what, names);
        for (int i = 0; i < names.size(); i++) {
            requireNonNull(what + "[" + i + "]", names.get(i));
        }
        return List.copyOf(names);
    }

    private static double[] copyOfLength(String what, double[] array, int expected) {
        if (array.length != expected) {
            throw new IllegalArgumentException(what + " has length " + array.length + ", expected " + expected
                    + " (one per parameter)");
        }
        return array.clone();
    }

    private static double[][] copyOfRows(double[][] rows, int n, int k) {
        if (rows.length != n) {
            throw new IllegalArgumentException("x has " + rows.length + " rows, expected " + n + " (one per y)");
        }
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            requireNonNull("x[" + i + "]", rows[i]);
            if (rows[i].length != k) {
                throw new IllegalArgumentException("x[" + i + "] has length " + rows[i].length + ", expected " + k
                        + " (one per variable)");
            }
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /**
     * The number of observations n.
     *
     * @return the number of observations n
     */
    public int observationCount() {
        return y.length;
    }

    /**
     * The number of parameters p.
     *
     * @return the number of parameters p
     */
    public int parameterCount() {
        return parameterNames.size();
    }

    /**
     * A copy of the certified parameter values.
     *
     * @return a new array of the p certified values
     */
    @Override
    public double[] certifiedValues() {
        return certifiedValues.clone();
    }

    /**
     * A copy of the certified standard deviations.
     *
     * @return a new array of the p certified standard deviations
     */
    @Override
    public double[] certifiedStandardDeviations() {
        return certifiedStandardDeviations.clone();
    }

    /**
     * A copy of the first starting point.
     *
     * @return a new array of the p start values
     */
    @Override
    public double[] start1() {
        return start1.clone();
    }

    /**
     * A copy of the second starting point.
     *
     * @return a new array of the p start values
     */
    @Override
    public double[] start2() {
        return start2.clone();
    }

    /**
     * A copy of the predictors, n rows of {@code variableNames().size()} values.
     *
     * @return a new n × k array (k variables), row per observation
     */
    @Override
    public double[][] x() {
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            copy[i] = x[i].clone();
        }
        return copy;
    }

    /**
     * A copy of the observed responses as written in the file.
     *
     * @return a new array of the n responses, untransformed
     */
    @Override
    public double[] y() {
        return y.clone();
    }

    /**
     * The values the model is fitted to: {@code response(y_i)}, that is {@code y} itself, or {@code log(y_i)} for
     * Nelson, whose model line reads {@code log[y] = ...}. The transform is the {@link #responseText()} evaluated as an
     * expression in the variable {@code y}.
     *
     * @return a new array of length n
     */
    public double[] targets() {
        double[] t = y.clone();
        if (!"y".equals(responseText)) {
            CompiledModel response = ModelExpression.parse(responseText, List.of("y"), List.of());
            double[] yi = new double[1];
            double[] none = new double[0];
            for (int i = 0; i < t.length; i++) {
                yi[0] = y[i];
                t[i] = response.value(yi, none);
            }
        }
        return t;
    }

    /**
     * The model {@code f(x; β)} compiled from {@link #modelText()} with the variables {@link #variableNames()} and the
     * parameters {@link #parameterNames()}, in that order. Each call returns a new instance (compiled models are not
     * thread-safe).
     *
     * @return the compiled model with the variables and parameters named as in the file
     * @throws org.gn4j.gn.expr.ExpressionParseException if the model text is not a valid expression (a malformed
     *                                                   file)
     */
    public CompiledModel compiledModel() {
        return ModelExpression.parse(modelText, variableNames, parameterNames);
    }

    /** Compares all components, arrays by content. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NistProblem other)) {
            return false;
        }
        return name.equals(other.name) && Objects.equals(difficulty, other.difficulty)
                && responseText.equals(other.responseText) && modelText.equals(other.modelText)
                && variableNames.equals(other.variableNames) && parameterNames.equals(other.parameterNames)
                && Arrays.equals(certifiedValues, other.certifiedValues)
                && Arrays.equals(certifiedStandardDeviations, other.certifiedStandardDeviations)
                && Arrays.equals(start1, other.start1) && Arrays.equals(start2, other.start2)
                && Double.compare(certifiedResidualSumOfSquares, other.certifiedResidualSumOfSquares) == 0
                && Double.compare(residualStandardDeviation, other.residualStandardDeviation) == 0
                && degreesOfFreedom == other.degreesOfFreedom && Arrays.deepEquals(x, other.x)
                && Arrays.equals(y, other.y);
    }

    /** A hash of all components, arrays by content. */
    @Override
    public int hashCode() {
        int h = Objects.hash(name, difficulty, responseText, modelText, variableNames, parameterNames,
                certifiedResidualSumOfSquares, residualStandardDeviation, degreesOfFreedom);
        h = 31 * h + Arrays.hashCode(certifiedValues);
        h = 31 * h + Arrays.hashCode(certifiedStandardDeviations);
        h = 31 * h + Arrays.hashCode(start1);
        h = 31 * h + Arrays.hashCode(start2);
        h = 31 * h + Arrays.deepHashCode(x);
        return 31 * h + Arrays.hashCode(y);
    }

    /** A one-line summary: name, model, sizes and difficulty. */
    @Override
    public String toString() {
        return "NistProblem[" + name + ": " + responseText + " = " + modelText + "; " + parameterCount()
                + " parameters, " + observationCount() + " observations, " + difficulty + " difficulty]";
    }
}
