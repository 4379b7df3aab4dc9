package org.gn4j.gn.ba;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The start evaluation's Jacobian blocks serve the first linearization at the same point, and only there. */
class BundleAdjustmentObjectiveTest {

    private static void assertSameLinearization(BundleAdjustmentLinearization expected,
            BundleAdjustmentLinearization actual) {
        assertEquals(expected.cost(), actual.cost(), 0.0);
        assertArrayEquals(expected.residuals(), actual.residuals(), 0.0);
        assertArrayEquals(expected.gradient(), actual.gradient(), 0.0);
        assertArrayEquals(expected.jacobian().reducedBlocks(), actual.jacobian().reducedBlocks(), 0.0);
        assertArrayEquals(expected.jacobian().eliminatedBlocks(), actual.jacobian().eliminatedBlocks(), 0.0);
    }

    @Test
    void linearizingAtTheStartPointReusesTheStartEvaluation() {
        BalProblem p = BalTestProblems.tiny(3);
        double[] x = p.parameters();
        BundleAdjustmentObjective reference = new BundleAdjustmentObjective(p);
        BundleAdjustmentLinearization expected = reference.linearize(x);
        BundleAdjustmentObjective obj = new BundleAdjustmentObjective(p);
        double cost = obj.start(x);
        assertEquals(expected.cost(), cost, 0.0);
        BundleAdjustmentLinearization lin = obj.linearize(x.clone());
        assertSameLinearization(expected, lin);
        assertEquals(1, obj.jacobianEvaluations(), "one pass: the start's");
        assertEquals(0, obj.residualEvaluations());
    }

    @Test
    void linearizingElsewhereOrAfterAnAcceptedTrialEvaluatesAgain() {
        BalProblem p = BalTestProblems.tiny(4);
        double[] x = p.parameters();
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += 1e-3 * Math.sin(i + 1.0);
        }
        BundleAdjustmentLinearization atY = new BundleAdjustmentObjective(p).linearize(y);

        BundleAdjustmentObjective moved = new BundleAdjustmentObjective(p);
        moved.start(x);
        assertSameLinearization(atY, moved.linearize(y));
        assertEquals(2, moved.jacobianEvaluations());

        // start at x, accept a trial at y, come back to x: x's residuals were swapped out, so x is evaluated again
        BundleAdjustmentLinearization atX = new BundleAdjustmentObjective(p).linearize(x);
        BundleAdjustmentObjective back = new BundleAdjustmentObjective(p);
        back.start(x);
        back.trialCost(y);
        back.keepTrial();
        back.acceptTrial();
        assertSameLinearization(atX, back.linearize(x));
        assertEquals(2, back.jacobianEvaluations());
        assertEquals(1, back.residualEvaluations());
    }
}
