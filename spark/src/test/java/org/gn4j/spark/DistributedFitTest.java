package org.gn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.gn4j.gn.Dogleg;
import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.RobustLoss;
import org.gn4j.gn.StepSolver;
import org.gn4j.gn.StoppingCriteria;
import org.gn4j.gn.fit.CurveFit;
import org.gn4j.gn.nist.NistDatasets;
import org.gn4j.gn.nist.NistProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Distributed Levenberg-Marquardt and dogleg (normal equations summed over partitions by an ordered tree) give
 * the single-JVM run that takes the same normal-equation path ({@link StepSolver#CHOLESKY}, no geodesic acceleration,
 * which needs the residual rows): the same iterations, evaluations and termination, and the point and cost to 1e-10
 * relative. Only the order of the sums differs.
 *
 * <p>Both runs stop at relative cost reduction 1e-8 and step size and gradient cosine 1e-10 instead of the defaults'
 * 1e-14. Near 1e-14 the last gain ratios are round-off in the cost, which the order of summation changes (partial
 * sums per partition added in partition order, against one loop over the rows): a step one run rejects the other
 * accepts, and the runs end at points that agree only to 1e-11 to 1e-8 in the flat bottom of the cost, after
 * different numbers of steps. That is not a property of the distribution: the one-JVM fit on the same rows in
 * another order does the same (Misra1a from start 1 takes 31, 20, 27, 29 and 29 iterations with the rows as given,
 * reversed and shuffled three ways; the one-JVM thread count changes nothing), while at these tolerances every
 * order takes the same steps ({@link RowOrderTest}, table in docs/SCALING.md). So the comparison at the defaults is
 * ill-posed, and this test holds the distributed fit to what a row permutation preserves. On the generated problem
 * the last step above round-off reduces the cost by 2e-9 relative and the next by 1e-15, so the cost test stops
 * both runs at that step only from 1e-8 on. Above round-off every decision of the loop is the same.
 *
 * <p>NIST StRD problems chosen for conditioning, since the normal equations square it and a trajectory that
 * passes near a gain-ratio threshold could flip on round-off: Misra1a and Misra1c (2 parameters, exponential and
 * rational saturation), Chwirut2 (3 parameters, 54 rows), DanWood (2 parameters, 6 rows) and Gauss1 (8 parameters,
 * 250 rows, two well-separated Gaussian peaks on an exponential baseline); the ill-conditioned ones (Lanczos,
 * MGH09/MGH10, Bennett5, Eckerle4) are left out, where the single-JVM QR and Cholesky runs already differ.
 */
class DistributedFitTest {
    static final double REL = 1e-10;

    static JavaRDD<double[]> rows(double[][] x, double[] y, int partitions) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            double[] r = Arrays.copyOf(x[i], x[i].length + 1);
            r[x[i].length] = y[i];
            rows.add(r);
        }
        return LocalSpark.context().parallelize(rows, partitions);
    }

    static void assertSame(Optimum single, SparkOptimum dist) {
        String what = dist.solver() + ": " + Arrays.toString(single.parameters()) + " vs "
                + Arrays.toString(dist.parameters()) + " (" + single.reason() + " / " + dist.reason()
                + ", " + single.iterations() + " / " + dist.iterations() + " iterations)";
        assertEquals(single.reason(), dist.reason(), what);
        assertEquals(single.iterations(), dist.iterations(), what);
        assertEquals(single.residualEvaluations(), dist.residualEvaluations(), what);
        assertEquals(single.jacobianEvaluations(), dist.jacobianEvaluations(), what);
        assertEquals(single.cost(), dist.cost(), REL * single.cost(), what);
        for (int j = 0; j < single.parameters().length; j++) {
            double a = single.parameter(j);
            assertEquals(a, dist.parameters()[j], REL * Math.abs(a), what);
        }
        assertTrue(dist.converged(), dist.message());
    }

    static final StoppingCriteria STOP = StoppingCriteria.defaults().withFunctionTolerance(1e-8)
            .withParameterTolerance(1e-10).withGradientTolerance(1e-10);

    static LevenbergMarquardt lm() {
        return new LevenbergMarquardt().withStepSolver(StepSolver.CHOLESKY).withGeodesicAcceleration(false)
                .withStopping(STOP);
    }

    static Dogleg dogleg() {
        return new Dogleg().withStepSolver(StepSolver.CHOLESKY).withStopping(STOP);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Misra1a", "Misra1c", "Chwirut2", "DanWood", "Gauss1"})
    void nistLevenbergMarquardtAndDoglegAsOnOneJvm(String name) {
        NistProblem nist = NistDatasets.load(name);
        LeastSquaresProblem problem = CurveFit.problem(nist);
        SparkLeastSquares<double[]> dist = SparkLeastSquares.of(rows(nist.x(), nist.targets(), 3),
                ExpressionRowModel.of(nist.modelText(), nist.variableNames(), nist.parameterNames()));
        for (double[] start : List.of(nist.start1(), nist.start2())) {
            assertSame(lm().optimize(problem, start), dist.fit(lm(), start));
        }
        assertSame(dogleg().optimize(problem, nist.start1()), dist.fit(dogleg(), nist.start1()));
    }

    @Test
    void generatedTenParameterModelAsOnOneJvm() {
        double[][] local = SyntheticRows.local(3000, 4, 7);
        double[][] x = new double[local.length][];
        double[] y = new double[local.length];
        for (int i = 0; i < local.length; i++) {
            x[i] = Arrays.copyOf(local[i], 3);
            y[i] = local[i][3];
        }
        LeastSquaresProblem problem = CurveFit.problem(SyntheticRows.model().compiled(), x, y);
        SparkLeastSquares<double[]> dist = SparkLeastSquares.of(
                SyntheticRows.generate(LocalSpark.context(), 3000, 4, 7), SyntheticRows.model());
        SparkOptimum fit = dist.fit(lm(), SyntheticRows.START);
        assertSame(lm().optimize(problem, SyntheticRows.START), fit);
        assertEquals(3000, fit.residualCount());
        for (int j = 0; j < 10; j++) {
            assertEquals(SyntheticRows.TRUE_PARAMETERS[j], fit.parameters()[j], 0.2, "b" + j);
        }
        assertSame(dogleg().optimize(problem, SyntheticRows.START), dist.fit(dogleg(), SyntheticRows.START));
    }

    @Test
    void weightsRobustLossAndBoundsAsOnOneJvm() {
        NistProblem nist = NistDatasets.load("Chwirut2");
        double[][] x = nist.x();
        double[] y = nist.targets();
        double[] w = new double[y.length];
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            w[i] = 0.5 + (i % 5) * 0.25;
            rows.add(new double[] {x[i][0], y[i], w[i]});
        }
        double[] lower = {-1e9, 0.006, -1e9};
        double[] upper = {1e9, 1e9, 1e9};
        LeastSquaresProblem problem = CurveFit.problem(nist.compiledModel(), x, y, w, lower, upper,
                RobustLoss.HUBER, 2.0);
        SparkLeastSquares<double[]> dist = SparkLeastSquares.of(LocalSpark.context().parallelize(rows, 3),
                ExpressionRowModel.of(nist.modelText(), nist.variableNames(), nist.parameterNames(), true))
                .withLoss(RobustLoss.HUBER, 2.0).withBounds(lower, upper);
        SparkOptimum fit = dist.fit(lm(), nist.start2());
        assertSame(lm().optimize(problem, nist.start2()), fit);
        assertEquals(0.006, fit.parameters()[1], 0, "b2 ends on its lower bound");
    }
}
