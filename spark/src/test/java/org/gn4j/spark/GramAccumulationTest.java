package org.gn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.gn.RobustLoss;
import org.gn4j.gn.core.Linearization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The summed normal equations equal {@code JᵀJ} and {@code Jᵀr} formed from the whole Jacobian on one machine, on
 * both sides of the blocked ({@code syrk}) threshold, with a robust loss, and with a row count that leaves a partial
 * last block in every partition.
 */
class GramAccumulationTest {
    /** r_k = y − tanh(a·θ) for a row [a (n values), y]. */
    static RowModel<double[]> model(int n) {
        return RowModel.of(n, 1, (theta, row, r, jac) -> {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += row[j] * theta[j];
            }
            double t = Math.tanh(s);
            r[0] = row[n] - t;
            if (jac != null) {
                for (int j = 0; j < n; j++) {
                    jac[j] = -(1 - t * t) * row[j];
                }
            }
        });
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {5, NormalEquations.BLOCKED_FROM, 60})
    void gramAndGradientAsTheDenseJacobian(int n) {
        Random rnd = new Random(n);
        int m = 3 * NormalEquations.blockRows(n) + 17;
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            double[] row = new double[n + 1];
            for (int j = 0; j <= n; j++) {
                row[j] = rnd.nextGaussian() / Math.sqrt(n);
            }
            rows.add(row);
        }
        double[] theta = new double[n];
        for (int j = 0; j < n; j++) {
            theta[j] = rnd.nextGaussian();
        }
        for (RobustLoss loss : List.of(RobustLoss.LINEAR, RobustLoss.SOFT_L1)) {
            SparkLeastSquares<double[]> p = SparkLeastSquares.of(LocalSpark.context().parallelize(rows, 3), model(n))
                    .withLoss(loss, 0.3);
            p.start(theta);
            Linearization lin = p.linearize(theta);
            // the reference: J̃ and r̃ row by row on this JVM, as LeastSquaresObjective scales them
            RowEvaluator<double[]> ev = model(n).evaluator();
            DMatrixRMaj gram = new DMatrixRMaj(n, n);
            double[] g = new double[n];
            double[] r = new double[1];
            double[] jac = new double[n];
            double[] rho = new double[3];
            for (double[] row : rows) {
                ev.residualsAndJacobian(theta, row, r, jac);
                double scale = 1;
                double rt = r[0];
                if (loss != RobustLoss.LINEAR) {
                    double s = r[0] * r[0];
                    loss.evaluate(s, 0.3, rho);
                    double sq = Math.sqrt(rho[1]);
                    if (rho[2] <= 0) {
                        scale = sq;
                        rt = sq * r[0];
                    } else {
                        double oma = Math.sqrt(1 + 2 * s * rho[2] / rho[1]);
                        scale = sq * oma;
                        rt = sq * r[0] / oma;
                    }
                }
                for (int a = 0; a < n; a++) {
                    g[a] += scale * jac[a] * rt;
                    for (int b = 0; b < n; b++) {
                        gram.add(a, b, scale * jac[a] * scale * jac[b]);
                    }
                }
            }
            DMatrixRMaj got = lin.denseGram();
            double norm = 0;
            for (double v : gram.data) {
                norm = Math.max(norm, Math.abs(v));
            }
            for (int i = 0; i < n * n; i++) {
                assertEquals(gram.data[i], got.data[i], 1e-13 * norm, loss + " G entry " + i);
            }
            for (int a = 0; a < n; a++) {
                assertEquals(g[a], lin.gradient()[a], 1e-13 * m, loss + " g entry " + a);
            }
            assertTrue(lin.residualNorm() > 0);
        }
    }
}
