package org.gn4j.spark;

import java.util.List;

/** A {@link RowModel} from a {@link RowFunction}. */
final class FunctionRowModel<T> implements RowModel<T> {
    private static final long serialVersionUID = 1L;
    private final int n;
    private final int c;
    private final List<String> names;
    private final RowFunction<T> function;

    FunctionRowModel(int n, int c, List<String> names, RowFunction<T> function) {
        if (n <= 0 || c <= 0) {
            throw new IllegalArgumentException("a model with " + n + " parameters and " + c
                    + " residuals per row, expected both positive");
        }
        if (function == null) {
            throw new IllegalArgumentException("function must not be null");
        }
        this.n = n;
        this.c = c;
        this.names = names == null ? null : List.copyOf(names);
        this.function = function;
    }

    @Override
    public int parameterCount() {
        return n;
    }

    @Override
    public int residualsPerRow() {
        return c;
    }

    @Override
    public List<String> parameterNames() {
        return names == null ? RowModel.super.parameterNames() : names;
    }

    @Override
    public RowEvaluator<T> evaluator() {
        return new RowEvaluator<>() {
            @Override
            public void residuals(double[] theta, T row, double[] r) {
                function.evaluate(theta, row, r, null);
            }

            @Override
            public void residualsAndJacobian(double[] theta, T row, double[] r, double[] jac) {
                function.evaluate(theta, row, r, jac);
            }
        };
    }
}
