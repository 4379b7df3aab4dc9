package org.gn4j.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import org.gn4j.gn.expr.CompiledModel;
import org.gn4j.gn.expr.ModelExpression;

/**
 * A model written in gn4j's expression language, {@code y ≈ f(x; β)}, fitted row by row: a row is a
 * {@code double[]} holding the variables in {@link #variableNames()} order, then the target y, then (when
 * {@link #weighted()}) a weight {@code w > 0}; the residual is {@code √w·(y − f(x; β))} and its Jacobian row
 * {@code −√w·∇_β f}, as {@link org.gn4j.gn.fit.CurveFit} forms them on one machine. Only the expression's text and
 * names travel to the executors; each partition compiles its own {@link CompiledModel} (which is not thread-safe).
 */
public final class ExpressionRowModel implements RowModel<double[]> {
    private static final long serialVersionUID = 1L;
    /** The expression text, shipped to the executors and compiled there. */
    private final String text;
    /** The variable names, in row order (immutable). */
    private final List<String> variables;
    /** The parameter names, in θ order (immutable). */
    private final List<String> parameters;
    /** Whether each row ends with a weight after the target. */
    private final boolean weighted;

    private ExpressionRowModel(String text, List<String> variables, List<String> parameters, boolean weighted) {
        this.text = text;
        this.variables = List.copyOf(variables);
        this.parameters = List.copyOf(parameters);
        this.weighted = weighted;
    }

    /**
     * Compiles the expression once on the driver to check it.
     *
     * @param text the expression for f(x; β), e.g. {@code "a * exp(-b * x)"}
     * @param variables names of the variables x, in row order (copied)
     * @param parameters names of the parameters β, in θ order (copied)
     * @return an unweighted model: row = variables, then target
     * @throws org.gn4j.gn.expr.ExpressionParseException if the text is not a valid expression in these names
     * @throws IllegalArgumentException                  if an argument is null
     */
    public static ExpressionRowModel of(String text, List<String> variables, List<String> parameters) {
        return of(text, variables, parameters, false);
    }

    /**
     * As {@link #of(String, List, List)}, with a weight column after the target when {@code weighted}.
     *
     * @param text the expression for f(x; β)
     * @param variables names of the variables x, in row order (copied)
     * @param parameters names of the parameters β, in θ order (copied)
     * @param weighted true when each row ends with a weight {@code w > 0} after the target
     * @return the model
     * @throws org.gn4j.gn.expr.ExpressionParseException if the text is not a valid expression in these names
     * @throws IllegalArgumentException if an argument is null
     */
    public static ExpressionRowModel of(String text, List<String> variables, List<String> parameters,
            boolean weighted) {
        if (text == null || variables == null || parameters == null) {
            throw new IllegalArgumentException("text, variables and parameters must not be null");
        }
        CompiledModel check = ModelExpression.parse(text, variables, parameters);
        return new ExpressionRowModel(text, check.variableNames(), check.parameterNames(), weighted);
    }

    /**
     * The rows of a data frame (from Parquet, CSV, a table) in this model's layout: the columns named as the
     * variables, then the target column, then the weight column when {@link #weighted()}, each cast to double. Lazy:
     * nothing is read until a pass runs, and rows never pass through the driver.
     *
     * @param weight the weight column, or null for an unweighted model
     * @param data the data frame; its other columns are ignored
     * @param target the column holding y
     * @return a lazy RDD of rows of length {@link #rowLength()}
     * @throws IllegalArgumentException if a column is missing, or the weight column is given for an unweighted model
     *                                  or missing for a weighted one
     */
    public JavaRDD<double[]> rows(Dataset<Row> data, String target, String weight) {
        if (data == null || target == null) {
            throw new IllegalArgumentException("data and target must not be null");
        }
        if ((weight != null) != weighted) {
            throw new IllegalArgumentException("weight column is " + (weight == null ? "null" : "'" + weight + "'")
                    + ", expected " + (weighted ? "a column for this weighted model" : "null for an unweighted model"));
        }
        List<String> names = new ArrayList<>(variables);
        names.add(target);
        if (weight != null) {
            names.add(weight);
        }
        List<String> present = List.of(data.columns());
        Column[] cols = new Column[names.size()];
        for (int i = 0; i < cols.length; i++) {
            if (!present.contains(names.get(i))) {
                throw new IllegalArgumentException("column '" + names.get(i) + "' is missing, expected the columns "
                        + names + " in " + present);
            }
            cols[i] = functions.col(names.get(i)).cast("double");
        }
        int len = cols.length;
        return data.select(cols).toJavaRDD().map(row -> {
            double[] v = new double[len];
            for (int i = 0; i < len; i++) {
                v[i] = row.isNullAt(i) ? Double.NaN : row.getDouble(i);
            }
            return v;
        });
    }

    /**
     * The expression text.
     *
     * @return the expression text as given to {@link #of}
     */
    public String text() {
        return text;
    }

    /**
     * A new compiled instance of the expression (on the calling JVM; compiled models are not thread-safe).
     *
     * @return a freshly compiled model for this expression
     */
    public CompiledModel compiled() {
        return ModelExpression.parse(text, variables, parameters);
    }

    /**
     * The variable names, in row order.
     *
     * @return the variable names (immutable list)
     */
    public List<String> variableNames() {
        return variables;
    }

    /**
     * Whether each row ends with a weight.
     *
     * @return true when rows carry a weight column
     */
    public boolean weighted() {
        return weighted;
    }

    /**
     * The row length: variables, target, weight when weighted.
     *
     * @return the number of doubles in each row: variables + 1, + 1 more when weighted
     */
    public int rowLength() {
        return variables.size() + (weighted ? 2 : 1);
    }

    @Override
    public int parameterCount() {
        return parameters.size();
    }

    @Override
    public int residualsPerRow() {
        return 1;
    }

    @Override
    public List<String> parameterNames() {
        return parameters;
    }

    @Override
    public RowEvaluator<double[]> evaluator() {
        CompiledModel f = ModelExpression.parse(text, variables, parameters);
        int k = variables.size();
        int n = parameters.size();
        double[] x = new double[k];
        double[] grad = new double[n];
        return new RowEvaluator<>() {
            @Override
            public void residuals(double[] theta, double[] row, double[] r) {
                System.arraycopy(row, 0, x, 0, k);
                double sw = weighted ? Math.sqrt(row[k + 1]) : 1;
                r[0] = sw * (row[k] - f.value(x, theta));
            }

            @Override
            public void residualsAndJacobian(double[] theta, double[] row, double[] r, double[] jac) {
                System.arraycopy(row, 0, x, 0, k);
                double sw = weighted ? Math.sqrt(row[k + 1]) : 1;
                double v = f.valueAndGradient(x, theta, grad);
                r[0] = sw * (row[k] - v);
                for (int j = 0; j < n; j++) {
                    jac[j] = -sw * grad[j];
                }
            }
        };
    }
}
