package org.gn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.RobustLoss;
import org.gn4j.gn.TerminationReason;
import org.gn4j.gn.core.Linearization;
import org.junit.jupiter.api.Test;

/**
 * Bad input is named, non-finite residuals are a status: a start point with non-finite residuals is rejected
 * (naming how many), a trial with one gives a NaN cost that the loop rejects, and a model that is non-finite
 * everywhere away from the start ends the run with {@link TerminationReason#NON_FINITE} and the objective's detail.
 * The linearization's column norms are the Jacobian's, from the diagonal of the summed Gram matrix.
 */
class SparkLeastSquaresArgumentsTest {
    /** r = y − exp(θ0·x) on x = 1..8 (rows [x, y]); log of θ1 makes θ1 <= 0 non-finite. */
    static final RowModel<double[]> MODEL = RowModel.of(List.of("a", "b"), 1, (theta, row, r, jac) -> {
        double e = Math.exp(theta[0] * row[0]);
        r[0] = row[1] - e - Math.log(theta[1]);
        if (jac != null) {
            jac[0] = -row[0] * e;
            jac[1] = -1 / theta[1];
        }
    });

    static JavaRDD<double[]> rows() {
        return LocalSpark.context().parallelize(List.of(new double[] {1, 1.2}, new double[] {2, 1.5},
                new double[] {3, 1.8}, new double[] {4, 2.3}, new double[] {5, 2.8}, new double[] {6, 3.3},
                new double[] {7, 4.1}, new double[] {8, 5.0}), 2);
    }

    @Test
    void argumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> SparkLeastSquares.of(null, MODEL));
        SparkLeastSquares<double[]> p = SparkLeastSquares.of(rows(), MODEL);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.withDepth(0)).getMessage().contains("depth"));
        assertThrows(IllegalArgumentException.class, () -> p.withLoss(RobustLoss.HUBER, 0));
        assertThrows(IllegalArgumentException.class, () -> p.withBounds(new double[] {0}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> p.withBounds(new double[] {0, 2}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> RowModel.of(0, 1, (t, r, o, j) -> { }));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.start(new double[] {0.1}));
        assertTrue(e.getMessage().contains("expected 2"), e.getMessage());
    }

    @Test
    void nonFiniteStartIsRejectedWithTheCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkLeastSquares.of(rows(), MODEL).start(new double[] {0.1, -1}));
        assertTrue(e.getMessage().startsWith("8 of 8 residuals are not finite"), e.getMessage());
    }

    @Test
    void nonFiniteTrialIsANanCostWithADetail() {
        SparkLeastSquares<double[]> p = SparkLeastSquares.of(rows(), MODEL);
        assertTrue(Double.isFinite(p.start(new double[] {0.1, 1})));
        assertTrue(Double.isNaN(p.trialCost(new double[] {0.1, -1})));
        assertTrue(p.nonFiniteDetail().contains("8 of 8 residuals are not finite"), p.nonFiniteDetail());
        assertEquals(2, p.residualEvaluations());
    }

    @Test
    void columnNormsComeFromTheGramDiagonal() {
        SparkLeastSquares<double[]> p = SparkLeastSquares.of(rows(), MODEL);
        double[] theta = {0.2, 0.5};
        p.start(theta);
        Linearization lin = p.linearize(theta);
        double[] cn = new double[2];
        assertTrue(lin.columnNorms(cn));
        double a = 0;
        for (int x = 1; x <= 8; x++) {
            double d = x * Math.exp(0.2 * x);
            a += d * d;
        }
        assertEquals(Math.sqrt(a), cn[0], 1e-12 * Math.sqrt(a));
        assertEquals(Math.sqrt(8) / 0.5, cn[1], 1e-12);
        assertEquals(8, p.residualCount());
        assertEquals(Math.sqrt(2 * lin.cost()), lin.residualNorm(), 1e-12 * lin.residualNorm());
    }

    @Test
    void boundsKeepTheFitFeasible() {
        SparkOptimum fit = SparkLeastSquares.of(rows(), MODEL).withBounds(new double[] {0, 0.5},
                new double[] {0.2, 2}).fit(new LevenbergMarquardt(), new double[] {0.1, 1});
        double[] x = fit.parameters();
        assertTrue(x[0] >= 0 && x[0] <= 0.2 && x[1] >= 0.5 && x[1] <= 2, java.util.Arrays.toString(x));
        assertFalse(fit.reason() == TerminationReason.NON_FINITE, fit.message());
    }
}
