package org.gn4j.gn.sparse;

import java.util.Arrays;

import org.gn4j.linalg.ComputePool;
import org.gn4j.solvers.sparse.CsrMatrix;

/**
 * Scalable Moré-Garbow-Hillstrom test functions ("Testing unconstrained optimization software", ACM TOMS 1981) with
 * exact sparse Jacobians, at any n (m = n; even n for the extended Rosenbrock function). Each is a square system
 * whose minimum cost is 0. Residuals and Jacobian values are evaluated row-parallel on the compute pool.
 */
public enum ScalableMgh {
    /** MGH 21: {@code f_{2i−1} = 10(x_{2i} − x_{2i−1}²)}, {@code f_{2i} = 1 − x_{2i−1}}; start (−1.2, 1, …). */
    EXTENDED_ROSENBROCK("extended-rosenbrock"),
    /**
     * MGH 28: {@code f_i = 2x_i − x_{i−1} − x_{i+1} + h²(x_i + t_i + 1)³/2}, {@code h = 1/(n+1)}, {@code t_i = ih},
     * {@code x_0 = x_{n+1} = 0}; start {@code t_i(t_i − 1)}.
     */
    DISCRETE_BOUNDARY_VALUE("discrete-boundary-value"),
    /** MGH 30: {@code f_i = (3 − 2x_i)x_i − x_{i−1} − 2x_{i+1} + 1}; start −1. */
    BROYDEN_TRIDIAGONAL("broyden-tridiagonal"),
    /**
     * MGH 31: {@code f_i = x_i(2 + 5x_i²) + 1 − Σ_{j ∈ J_i} x_j(1 + x_j)} with
     * {@code J_i = {j ≠ i : max(1, i − 5) ≤ j ≤ min(n, i + 1)}}; start −1.
     */
    BROYDEN_BANDED("broyden-banded");

    private static final int GRAIN = 8192;

    private final String label;

    ScalableMgh(String label) {
        this.label = label;
    }

    /**
     * The short name ("broyden-banded", …).
     *
     * @return the label used on command lines and in reports
     */
    public String label() {
        return label;
    }

    /**
     * The function with this short name.
     *
     * @param name the label, case-insensitive
     * @return the function
     * @throws IllegalArgumentException for an unknown name
     */
    public static ScalableMgh byLabel(String name) {
        for (ScalableMgh f : values()) {
            if (f.label.equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("scalable MGH function '" + name + "', expected one of "
                + Arrays.stream(values()).map(ScalableMgh::label).toList());
    }

    /**
     * The known minimum cost (0 for all four).
     *
     * @return 0
     */
    public double minimumCost() {
        return 0.0;
    }

    /**
     * The standard start point.
     *
     * @param n the size (n parameters, n residuals), ≥ 2 (even for the extended Rosenbrock function)
     * @return a new array of the n start values
     * @throws IllegalArgumentException if n is too small (or odd for the extended Rosenbrock function)
     */
    public double[] start(int n) {
        check(n);
        double[] x = new double[n];
        switch (this) {
            case EXTENDED_ROSENBROCK:
                for (int i = 0; i < n; i += 2) {
                    x[i] = -1.2;
                    x[i + 1] = 1;
                }
                break;
            case DISCRETE_BOUNDARY_VALUE:
                double h = 1.0 / (n + 1);
                for (int i = 0; i < n; i++) {
                    double t = (i + 1) * h;
                    x[i] = t * (t - 1);
                }
                break;
            default:
                Arrays.fill(x, -1);
        }
        return x;
    }

    private void check(int n) {
        if (n < 2 || this == EXTENDED_ROSENBROCK && n % 2 != 0) {
            throw new IllegalArgumentException(label + " with n = " + n + ", expected n >= 2"
                    + (this == EXTENDED_ROSENBROCK ? " and even" : ""));
        }
    }

    /** First and last column (0-based, inclusive) of row i; the Rosenbrock rows are special-cased. */
    private int lo(int i, int n) {
        switch (this) {
            case EXTENDED_ROSENBROCK:
                return i % 2 == 0 ? i : i - 1;
            case BROYDEN_BANDED:
                return Math.max(0, i - 5);
            default:
                return Math.max(0, i - 1);
        }
    }

    private int hi(int i, int n) {
        switch (this) {
            case EXTENDED_ROSENBROCK:
                return i % 2 == 0 ? i + 1 : i - 1;
            default:
                return Math.min(n - 1, i + 1);
        }
    }

    /**
     * The Jacobian pattern at size n (n×n, contiguous columns per row).
     *
     * @param n the size (n parameters, n residuals), ≥ 2 (even for the extended Rosenbrock function)
     * @return a new n × n pattern
     * @throws IllegalArgumentException if n is too small (or odd for the extended Rosenbrock function)
     */
    public CsrMatrix pattern(int n) {
        check(n);
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + hi(i, n) - lo(i, n) + 1;
        }
        int[] cols = new int[start[n]];
        for (int i = 0; i < n; i++) {
            int k = start[i];
            for (int j = lo(i, n); j <= hi(i, n); j++) {
                cols[k++] = j;
            }
        }
        return new CsrMatrix(n, n, start, cols, new double[start[n]]);
    }

    /**
     * The residuals at x.
     *
     * @param x the point, length n
     * @param f receives the n residuals, overwritten
     */
    public void residuals(double[] x, double[] f) {
        int n = x.length;
        ComputePool.parallelFor(n, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                f[i] = residual(x, i, n);
            }
        });
    }

    private double residual(double[] x, int i, int n) {
        double xl = i > 0 ? x[i - 1] : 0;
        double xr = i < n - 1 ? x[i + 1] : 0;
        switch (this) {
            case EXTENDED_ROSENBROCK:
                return i % 2 == 0 ? 10 * (x[i + 1] - x[i] * x[i]) : 1 - x[i - 1];
            case DISCRETE_BOUNDARY_VALUE: {
                double h = 1.0 / (n + 1);
                double t = (i + 1) * h;
                double s = x[i] + t + 1;
                return 2 * x[i] - xl - xr + h * h * s * s * s / 2;
            }
            case BROYDEN_TRIDIAGONAL:
                return (3 - 2 * x[i]) * x[i] - xl - 2 * xr + 1;
            default: {
                double s = x[i] * (2 + 5 * x[i] * x[i]) + 1;
                for (int j = lo(i, n); j <= hi(i, n); j++) {
                    if (j != i) {
                        s -= x[j] * (1 + x[j]);
                    }
                }
                return s;
            }
        }
    }

    /**
     * The Jacobian values at x on {@link #pattern(int)}.
     *
     * @param x the point, length n
     * @param values receives the Jacobian values in the order of the pattern's stored entries, overwritten
     */
    public void jacobian(double[] x, double[] values) {
        int n = x.length;
        ComputePool.parallelFor(n, GRAIN, (from, to) -> {
            int k = rowStart(from, n);
            for (int i = from; i < to; i++) {
                int lo = lo(i, n);
                int hi = hi(i, n);
                for (int j = lo; j <= hi; j++) {
                    values[k++] = derivative(x, i, j, n);
                }
            }
        });
    }

    private int rowStart(int i, int n) {
        switch (this) {
            case EXTENDED_ROSENBROCK:
                return i / 2 * 3 + (i % 2 == 0 ? 0 : 2);
            case BROYDEN_BANDED: {
                // rows 0..4 hold 2..6 entries, then 7 per row (the last row 6)
                int k = 0;
                for (int r = 0; r < Math.min(i, 5); r++) {
                    k += Math.min(n - 1, r + 1) + 1;
                }
                return i <= 5 ? k : k + 7 * (i - 5);
            }
            default:
                return i == 0 ? 0 : 2 + 3 * (i - 1);
        }
    }

    private double derivative(double[] x, int i, int j, int n) {
        switch (this) {
            case EXTENDED_ROSENBROCK:
                return i % 2 == 0 ? (j == i ? -20 * x[i] : 10) : -1;
            case DISCRETE_BOUNDARY_VALUE: {
                if (j != i) {
                    return -1;
                }
                double h = 1.0 / (n + 1);
                double s = x[i] + (i + 1) * h + 1;
                return 2 + 1.5 * h * h * s * s;
            }
            case BROYDEN_TRIDIAGONAL:
                return j == i ? 3 - 4 * x[i] : j < i ? -1 : -2;
            default:
                return j == i ? 2 + 15 * x[i] * x[i] : -(1 + 2 * x[j]);
        }
    }

    /**
     * The problem at size n with the exact sparse Jacobian ({@code analytic}) or grouped finite differences.
     *
     * @param n the size (n parameters, n residuals), ≥ 2 (even for the extended Rosenbrock function)
     * @param analytic {@code true} for the exact Jacobian, {@code false} for grouped finite differences
     * @return a new sparse problem
     * @throws IllegalArgumentException if n is too small (or odd for the extended Rosenbrock function)
     */
    public SparseLeastSquaresProblem problem(int n, boolean analytic) {
        SparseLeastSquaresProblem.Builder b = SparseLeastSquaresProblem.builder(n, n).pattern(pattern(n))
                .residuals(this::residuals);
        if (analytic) {
            b.jacobian(this::jacobian);
        }
        return b.build();
    }
}
