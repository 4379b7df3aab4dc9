package org.gn4j.spark;

import java.util.Iterator;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.gn.RobustLoss;
import org.gn4j.linalg.blas.BlasProvider;
import org.gn4j.linalg.blas.Transpose;

/**
 * The sums one aggregation pass forms, as flat {@code double[]} accumulators that Spark serializes and adds in its
 * tree: for a linearization, the upper triangle of {@code G = Σ J̃ᵢᵀJ̃ᵢ} packed row by row ({@code n(n+1)/2}
 * entries), {@code g = Σ J̃ᵢᵀr̃ᵢ} (n), the cost {@code ½Σρ(rᵢ²)}, {@code Σr̃ᵢ²}, the residual count and the count
 * of non-finite residual rows; for a trial, the cost, the residual count and the non-finite count. Rows with a
 * non-finite residual or Jacobian entry are counted and left out of the sums. A robust loss is linearized row by
 * row as {@link org.gn4j.gn.LeastSquaresObjective} does (Triggs' correction where {@code ρ'' > 0}, the reweighted
 * model elsewhere), so {@code J̃ᵀr̃} is the exact gradient of the robust cost. From {@link #BLOCKED_FROM} parameters
 * on, the scaled Jacobian rows are gathered into blocks of rows and summed into the Gram matrix by a symmetric rank-k
 * update ({@code syrk}) through the {@code Blas} seam; below it, row by row into the packed triangle.
 */
final class NormalEquations {
    private NormalEquations() {
    }

    /** Length of a linearization accumulator for n parameters. */
    static int linearizationLength(int n) {
        return packed(n) + n + 4;
    }

    /** Parameters from which the Gram matrix is summed by blocks of rows ({@code syrk}). */
    static final int BLOCKED_FROM = 24;

    /** Rows of a block: about 256 kB of Jacobian rows, at least 8. */
    static int blockRows(int n) {
        return Math.max(8, 32768 / n);
    }

    /** Length of a cost accumulator. */
    static final int COST_LENGTH = 3;

    static int packed(int n) {
        return n * (n + 1) / 2;
    }

    /** Receives one scaled residual row: {@code J̃ᵢ} (length n, reused between calls) and {@code r̃ᵢ}. */
    @FunctionalInterface
    private interface RowSink {
        void accept(double[] jt, double rt);
    }

    /**
     * Runs over one partition's rows at θ, handing every finite residual's scaled Jacobian row and scaled residual
     * to the sink (a robust loss linearized as {@link org.gn4j.gn.LeastSquaresObjective} does: Triggs' correction
     * where {@code ρ'' > 0}, the reweighted model elsewhere); rows with a non-finite residual or Jacobian entry are
     * counted and skipped.
     *
     * @return {@code [Σρ(rᵢ²) (not halved), Σr̃ᵢ², residuals, non-finite residuals]}
     */
    private static <T> double[] scaledRows(RowModel<T> model, double[] theta, Iterator<T> rows, RobustLoss loss,
            double scale, RowSink sink) {
        int n = model.parameterCount();
        int c = model.residualsPerRow();
        RowEvaluator<T> ev = model.evaluator();
        double[] r = new double[c];
        double[] jac = new double[c * n];
        double[] jt = new double[n];
        double[] rho = new double[3];
        double cost = 0;
        double ssq = 0;
        long count = 0;
        long bad = 0;
        while (rows.hasNext()) {
            T row = rows.next();
            ev.residualsAndJacobian(theta, row, r, jac);
            for (int k = 0; k < c; k++) {
                count++;
                double ri = r[k];
                boolean finite = Double.isFinite(ri);
                for (int j = 0; j < n && finite; j++) {
                    finite = Double.isFinite(jac[k * n + j]);
                }
                if (!finite) {
                    bad++;
                    continue;
                }
                double s = ri * ri;
                double rowScale;
                double rt;
                if (loss == RobustLoss.LINEAR) {
                    rowScale = 1;
                    rt = ri;
                    cost += s;
                } else {
                    loss.evaluate(s, scale, rho);
                    cost += rho[0];
                    double sqrtRho1 = Math.sqrt(Math.max(rho[1], 0));
                    if (s == 0 || rho[2] <= 0 || sqrtRho1 == 0) {
                        rowScale = sqrtRho1;
                        rt = sqrtRho1 * ri;
                    } else {
                        double oneMinusAlpha = Math.sqrt(1 + 2 * s * rho[2] / rho[1]);
                        rowScale = sqrtRho1 * oneMinusAlpha;
                        rt = sqrtRho1 * ri / oneMinusAlpha;
                    }
                }
                ssq += rt * rt;
                for (int j = 0; j < n; j++) {
                    jt[j] = rowScale * jac[k * n + j];
                }
                sink.accept(jt, rt);
            }
        }
        return new double[] {cost, ssq, count, bad};
    }

    /** Writes the statistics of {@link #scaledRows} into the last four entries of an accumulator at {@code at}. */
    private static void tail(double[] acc, int at, double[] stats) {
        acc[at] = 0.5 * stats[0];
        acc[at + 1] = stats[1];
        acc[at + 2] = stats[2];
        acc[at + 3] = stats[3];
    }

    /**
     * Sums one partition's rows into a linearization accumulator.
     *
     * @param loss  the robust loss (LINEAR for plain least squares)
     * @param scale its scale
     */
    static <T> double[] linearize(RowModel<T> model, double[] theta, Iterator<T> rows, RobustLoss loss,
            double scale) {
        int n = model.parameterCount();
        int p = packed(n);
        double[] acc = new double[linearizationLength(n)];
        boolean blocked = n >= BLOCKED_FROM;
        int blockRows = blocked ? blockRows(n) : 0;
        double[] block = blocked ? new double[blockRows * n] : null;
        double[] full = blocked ? new double[n * n] : null;
        int[] filled = {0};
        double[] stats = scaledRows(model, theta, rows, loss, scale, (jt, rt) -> {
            for (int a = 0; a < n; a++) {
                acc[p + a] += jt[a] * rt;
            }
            if (blocked) {
                // the row joins the block; a full block is summed into G by one rank-k update
                System.arraycopy(jt, 0, block, filled[0] * n, n);
                if (++filled[0] == blockRows) {
                    BlasProvider.blas().dsyrk(Transpose.YES, n, blockRows, 1.0, block, 0, n, 1.0, full, 0, n);
                    filled[0] = 0;
                }
                return;
            }
            // G += J̃ᵢᵀJ̃ᵢ (upper triangle, packed by rows)
            int idx = 0;
            for (int a = 0; a < n; a++) {
                double ja = jt[a];
                for (int b = a; b < n; b++) {
                    acc[idx++] += ja * jt[b];
                }
            }
        });
        if (blocked) {
            if (filled[0] > 0) {
                BlasProvider.blas().dsyrk(Transpose.YES, n, filled[0], 1.0, block, 0, n, 1.0, full, 0, n);
            }
            int idx = 0;
            for (int a = 0; a < n; a++) {
                for (int b = a; b < n; b++) {
                    acc[idx++] = full[a * n + b];
                }
            }
        }
        tail(acc, p + n, stats);
        return acc;
    }

    /** Length of a matrix-free linearization accumulator: {@code J̃ᵀr̃}, {@code diag J̃ᵀJ̃} and the four counts. */
    static int matrixFreeLength(int n) {
        return 2 * n + 4;
    }

    /**
     * Sums one partition's rows into a matrix-free linearization accumulator: {@code g = Σ J̃ᵢᵀr̃ᵢ} (n), the
     * diagonal of {@code J̃ᵀJ̃} (n, for the column scaling), cost, {@code Σr̃ᵢ²}, residuals, non-finite residuals.
     */
    static <T> double[] linearizeMatrixFree(RowModel<T> model, double[] theta, Iterator<T> rows, RobustLoss loss,
            double scale) {
        int n = model.parameterCount();
        double[] acc = new double[matrixFreeLength(n)];
        double[] stats = scaledRows(model, theta, rows, loss, scale, (jt, rt) -> {
            for (int a = 0; a < n; a++) {
                acc[a] += jt[a] * rt;
                acc[n + a] += jt[a] * jt[a];
            }
        });
        tail(acc, 2 * n, stats);
        return acc;
    }

    /**
     * One partition's share of the Gram product {@code Σ J̃ᵢᵀ(J̃ᵢ·v)} at θ (the Jacobian rows evaluated again; n
     * entries).
     */
    static <T> double[] gramTimes(RowModel<T> model, double[] theta, double[] v, Iterator<T> rows, RobustLoss loss,
            double scale) {
        int n = model.parameterCount();
        double[] acc = new double[n];
        scaledRows(model, theta, rows, loss, scale, (jt, rt) -> {
            double jv = 0;
            for (int a = 0; a < n; a++) {
                jv += jt[a] * v[a];
            }
            for (int a = 0; a < n; a++) {
                acc[a] += jt[a] * jv;
            }
        });
        return acc;
    }

    /** Sums one partition's rows into a cost accumulator {@code [½Σρ(rᵢ²), residuals, non-finite]}. */
    static <T> double[] cost(RowModel<T> model, double[] theta, Iterator<T> rows, RobustLoss loss, double scale) {
        int c = model.residualsPerRow();
        RowEvaluator<T> ev = model.evaluator();
        double[] r = new double[c];
        double[] rho = new double[3];
        double cost = 0;
        long count = 0;
        long bad = 0;
        while (rows.hasNext()) {
            ev.residuals(theta, rows.next(), r);
            for (int k = 0; k < c; k++) {
                count++;
                double ri = r[k];
                if (!Double.isFinite(ri)) {
                    bad++;
                    continue;
                }
                if (loss == RobustLoss.LINEAR) {
                    cost += ri * ri;
                } else {
                    loss.evaluate(ri * ri, scale, rho);
                    cost += rho[0];
                }
            }
        }
        return new double[] {0.5 * cost, count, bad};
    }

    /** The symmetric Gram matrix (both triangles) from a linearization accumulator. */
    static DMatrixRMaj gram(double[] acc, int n) {
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        int idx = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                double v = acc[idx++];
                g.data[a * n + b] = v;
                g.data[b * n + a] = v;
            }
        }
        return g;
    }
}
