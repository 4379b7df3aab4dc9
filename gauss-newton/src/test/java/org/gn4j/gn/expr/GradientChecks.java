package org.gn4j.gn.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

/** Test helper: the gradient of a compiled model (reverse mode) against finite differences. */
public final class GradientChecks {
    private GradientChecks() {
    }

    /**
     * Compares the automatic-differentiation gradient with a central finite difference: the fourth-order stencil
     * {@code D(h) = (-f(β+2h) + 8f(β+h) - 8f(β-h) + f(β-2h)) / 12h} at h = 1e-4 |β_j| (1e-4 when β_j = 0), improved by
     * one Richardson step {@code (16 D(h/2) - D(h)) / 15} to sixth order, so that truncation stays below 1e-7 relative
     * even where the model varies on a scale much shorter than |β_j| (a Gaussian tail far from its centre). The
     * rounding error of the differences, about ε |f| / h, is allowed for by {@code 1e-13 |f| / h} on top of the
     * relative 1e-7.
     */
    public static void assertGradientMatches(CompiledModel m, double[] vars, double[] params) {
        int p = m.parameterCount();
        double[] g = new double[p];
        double f = m.valueAndGradient(vars, params, g);
        assertEquals(m.value(vars, params), f, 0.0, "value and valueAndGradient agree");
        for (int j = 0; j < p; j++) {
            final int k = j;
            double h = 1e-4 * (params[j] != 0 ? Math.abs(params[j]) : 1.0);
            double fd = (16 * stencil(m, vars, params, k, h / 2) - stencil(m, vars, params, k, h)) / 15;
            double tolerance = 1e-7 * Math.abs(g[j]) + 1e-13 * Math.abs(f) / h;
            assertEquals(fd, g[j], tolerance, () -> m.text() + " d/d" + m.parameterNames().get(k) + " at x="
                    + Arrays.toString(vars) + " b=" + Arrays.toString(params));
        }
    }

    private static double stencil(CompiledModel m, double[] vars, double[] params, int j, double h) {
        return (-shifted(m, vars, params, j, 2 * h) + 8 * shifted(m, vars, params, j, h)
                - 8 * shifted(m, vars, params, j, -h) + shifted(m, vars, params, j, -2 * h)) / (12 * h);
    }

    private static double shifted(CompiledModel m, double[] vars, double[] params, int j, double step) {
        double[] q = params.clone();
        q[j] += step;
        return m.value(vars, q);
    }
}
