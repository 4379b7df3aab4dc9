package org.gn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.RobustLoss;
import org.gn4j.gn.core.Linearization;
import org.junit.jupiter.api.Test;

/**
 * The matrix-free distributed form: its Gram products {@code J̃ᵀ(J̃v)} equal the aggregated normal equations' Gram
 * matrix times v, its gradient and column norms equal theirs, and Levenberg-Marquardt through CG on those products
 * reaches the normal-equation fit's point on the generated 10-parameter problem and on a robust fit.
 */
class MatrixFreeFitTest {
    @Test
    void productsGradientAndScalingEqualTheNormalEquations() {
        SparkLeastSquares<double[]> dense = SparkLeastSquares.of(SyntheticRows.generate(LocalSpark.context(), 2000,
                3, 11), SyntheticRows.model()).withLoss(RobustLoss.SOFT_L1, 0.5);
        SparkLeastSquares<double[]> free = dense.withMatrixFree(true);
        double[] x = SyntheticRows.START.clone();
        dense.start(x);
        free.start(x);
        Linearization a = dense.linearize(x);
        Linearization b = free.linearize(x);
        DMatrixRMaj g = a.denseGram();
        int n = x.length;
        Random rnd = new Random(3);
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = rnd.nextGaussian();
        }
        double[] gv = new double[n];
        b.gram().apply(v, gv);
        double[] na = new double[n];
        double[] nb = new double[n];
        assertTrue(a.columnNorms(na));
        assertTrue(b.columnNorms(nb));
        for (int i = 0; i < n; i++) {
            double ref = 0;
            double scale = 0;
            for (int j = 0; j < n; j++) {
                ref += g.get(i, j) * v[j];
                scale += Math.abs(g.get(i, j) * v[j]);
            }
            assertEquals(ref, gv[i], 1e-12 * scale, "(Gv)_" + i);
            assertEquals(a.gradient()[i], b.gradient()[i], 1e-12 * Math.abs(a.gradient()[i]) + 1e-300, "g_" + i);
            assertEquals(na[i], nb[i], 1e-12 * na[i], "column norm " + i);
        }
        assertEquals(a.residualNorm(), b.residualNorm(), 1e-12 * a.residualNorm());
        assertEquals(a.cost(), b.cost(), 0);
    }

    @Test
    void levenbergMarquardtThroughCgReachesTheNormalEquationFit() {
        SparkLeastSquares<double[]> dense = SparkLeastSquares.of(SyntheticRows.generate(LocalSpark.context(), 3000,
                4, 7), SyntheticRows.model());
        SparkOptimum ref = dense.fit(DistributedFitTest.lm(), SyntheticRows.START);
        SparkOptimum fit = dense.withMatrixFree(true).fit(DistributedFitTest.lm(), SyntheticRows.START);
        assertTrue(fit.converged(), fit.message());
        assertTrue(fit.solver().contains("(cg)"), fit.solver());
        assertTrue(fit.productPasses() > 0);
        assertEquals(ref.cost(), fit.cost(), 1e-10 * ref.cost());
        for (int j = 0; j < ref.parameters().length; j++) {
            double p = ref.parameters()[j];
            assertEquals(p, fit.parameters()[j], 1e-6 * Math.max(1, Math.abs(p)), "b" + j);
        }
        assertEquals(fit.passes(), fit.jacobianEvaluations() + fit.residualEvaluations() + fit.productPasses());
    }
}
