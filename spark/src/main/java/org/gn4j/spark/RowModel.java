package org.gn4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A residual model evaluated one observation (row) at a time on the executors: each row of type T gives
 * {@link #residualsPerRow()} (weighted) residuals {@code rᵢ(θ)} and their Jacobian rows {@code ∂rᵢ/∂θ}. The model is
 * serialized into every task; {@link #evaluator()} is called once per partition and pass on the executor, so an
 * evaluator may hold buffers and state that is not thread-safe or not serializable (a compiled expression).
 *
 * @param <T> the row type of the data set
 */
public interface RowModel<T> extends Serializable {
    /**
     * The number of parameters n.
     *
     * @return n, the length of θ, ≥ 1
     */
    int parameterCount();

    /**
     * The residuals per row c (1 for a scalar model fitted to one response).
     *
     * @return c, the number of residuals each row contributes, ≥ 1
     */
    int residualsPerRow();

    /**
     * The parameter names (length n); {@code p0, p1, …} by default.
     *
     * @return the n parameter names in θ order
     */
    default List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < parameterCount(); j++) {
            names.add("p" + j);
        }
        return names;
    }

    /**
     * A new evaluator for one partition's rows (called on the executor).
     *
     * @return an evaluator that may keep per-partition buffers; used by one thread
     */
    RowEvaluator<T> evaluator();

    /**
     * A model from a serializable function of (θ, row).
     *
     * @param n parameters
     * @param c residuals per row
     * @param <T> the row type
     * @param function evaluates the c residuals of a row and, on request, their c×n Jacobian rows
     * @return a serializable model with parameter names {@code p0, p1, …}
     * @throws IllegalArgumentException if n or c is not positive or the function is null
     */
    static <T> RowModel<T> of(int n, int c, RowFunction<T> function) {
        return new FunctionRowModel<>(n, c, null, function);
    }

    /**
     * A model from a serializable function of (θ, row) with parameter names.
     *
     * @param <T> the row type
     * @param parameterNames the n parameter names in θ order (n = their count, ≥ 1)
     * @param c residuals per row, ≥ 1
     * @param function evaluates the c residuals of a row and, on request, their c×n Jacobian rows
     * @return a serializable model with those names
     * @throws IllegalArgumentException if the names are not n, or as {@link #of(int, int, RowFunction)}
     */
    static <T> RowModel<T> of(List<String> parameterNames, int c, RowFunction<T> function) {
        if (parameterNames == null) {
            throw new IllegalArgumentException("parameterNames must not be null");
        }
        return new FunctionRowModel<>(parameterNames.size(), c, parameterNames, function);
    }
}
