package org.gn4j.gn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.expr.ModelExpression;
import org.gn4j.gn.fit.CurveFit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The public entry points of fitting answer a null argument with an IllegalArgumentException naming it. */
class NullArgumentsTest {
    private static LeastSquaresProblem line() {
        return LeastSquaresProblem.builder(2, 3).residuals((b, r) -> {
            for (int i = 0; i < 3; i++) {
                r[i] = b[0] + b[1] * i - (1 + 2 * i);
            }
        }).build();
    }

    private static void refused(String what, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, what);
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), what + ": no message");
    }

    @Test
    void solversRefuseANullProblemOrStart() {
        for (LeastSquaresOptimizer s : List.of(new LevenbergMarquardt(), new GaussNewton(), new Dogleg())) {
            refused(s.name() + " null problem", () -> s.optimize(null, new double[] {0, 0}));
            refused(s.name() + " null start", () -> s.optimize(line(), null));
        }
        refused("loop null start", () -> new GaussNewtonLoop().run(new LeastSquaresObjective(line(), false), null));
        refused("objective null problem", () -> new LeastSquaresObjective(null, false));
    }

    @Test
    void builderRefusesNullParts() {
        refused("residuals", () -> LeastSquaresProblem.builder(2, 3).residuals(null));
        refused("jacobian", () -> LeastSquaresProblem.builder(2, 3).jacobian(null));
        refused("jacobianOperator", () -> LeastSquaresProblem.builder(2, 3).jacobianOperator(null));
        refused("finiteDifferences", () -> LeastSquaresProblem.builder(2, 3).finiteDifferences(null));
        refused("weights", () -> LeastSquaresProblem.builder(2, 3).weights((double[]) null));
        refused("loss", () -> LeastSquaresProblem.builder(2, 3).robustLoss(null, 1));
        refused("names", () -> LeastSquaresProblem.builder(2, 3).parameterNames(null));
        refused("no residuals", () -> LeastSquaresProblem.builder(2, 3).build());
    }

    @Test
    void optionsRefuseNulls() {
        refused("stopping", () -> new LevenbergMarquardt().withStopping(null));
        refused("step solver", () -> new LevenbergMarquardt().withStepSolver(null));
        refused("damping rule", () -> new LevenbergMarquardt().withDampingRule(null));
        refused("scaling", () -> new LevenbergMarquardt().withScaling(null));
        refused("dogleg stopping", () -> new Dogleg().withStopping(null));
        refused("gn stopping", () -> new GaussNewton().withStopping(null));
    }

    @Test
    void curveFitAndExpressionsRefuseNulls() {
        var model = ModelExpression.parse("a + b*x", List.of("x"), List.of("a", "b"));
        double[][] x = {{0}, {1}, {2}};
        double[] y = {1, 3, 5};
        refused("model", () -> CurveFit.problem(null, x, y));
        refused("x", () -> CurveFit.problem(model, null, y));
        refused("targets", () -> CurveFit.problem(model, x, null));
        refused("row", () -> CurveFit.problem(model, new double[][] {{0}, null, {2}}, y));
        refused("loss", () -> CurveFit.problem(model, x, y, null, 1));
        refused("nist", () -> CurveFit.problem(null));
    }
}
