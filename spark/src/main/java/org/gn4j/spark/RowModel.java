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
    /** The number of parameters n. */
    int parameterCount();

    /** The residuals per row c (1 for a scalar model fitted to one response). */
    int residualsPerRow();

    /** The parameter names (length n); {@code p0, p1, …} by default. */
    default List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < parameterCount(); j++) {
            names.add("p" + j);
        }
        return names;
    }

    /** A new evaluator for one partition's rows (called on the executor). */
    RowEvaluator<T> evaluator();

    /**
     * A model from a serializable function of (θ, row).
     *
     * @param n parameters
     * @param c residuals per row
     * @throws IllegalArgumentException if n or c is not positive or the function is null
     */
    static <T> RowModel<T> of(int n, int c, RowFunction<T> function) {
        return new FunctionRowModel<>(n, c, null, function);
    }

    /**
     * A model from a serializable function of (θ, row) with parameter names.
     *
     * @throws IllegalArgumentException if the names are not n, or as {@link #of(int, int, RowFunction)}
     */
    static <T> RowModel<T> of(List<String> parameterNames, int c, RowFunction<T> function) {
        if (parameterNames == null) {
            throw new IllegalArgumentException("parameterNames must not be null");
        }
        return new FunctionRowModel<>(parameterNames.size(), c, parameterNames, function);
    }
}
