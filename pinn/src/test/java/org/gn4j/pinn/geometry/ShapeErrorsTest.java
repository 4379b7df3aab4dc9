package org.gn4j.pinn.geometry;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ShapeErrorsTest {
    private static void fails(Executable call, String... words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "message '" + e.getMessage() + "' lacks '" + w + "'");
        }
    }

    @Test
    void badBallsThrow() {
        fails(() -> Ball.disk(0, 0, -1), "radius", "-1.0", "expected");
        fails(() -> Ball.disk(0, 0, 0), "radius", "expected");
        fails(() -> Ball.disk(Double.NaN, 0, 1), "center[0]", "NaN", "expected");
        fails(() -> Ball.of(new double[] {1}, 1), "center", "1 coordinates", "expected at least 2");
    }

    @Test
    void badPolygonsThrow() {
        fails(() -> Polygon.of(0, 0, 1, 0), "2 polygon vertices", "expected at least 3");
        fails(() -> Polygon.of(0, 0, 1, 0, 1), "xy has 5", "expected an even number");
        fails(() -> Polygon.of(0, 0, 1, 1, 1, 0, 0, 1), "self-intersecting", "edges 0 and 2");
        fails(() -> Polygon.of(0, 0, 2, 0, 1, 0), "self-intersecting", "edges 0 and 1 overlap");
        fails(() -> Polygon.of(0, 0, 1, 0, 1, 0, 0, 1), "vertex 2 repeats vertex 1");
        fails(() -> Polygon.of(0, 0, 2, 0, 2, 2, 1, 0, 0, 2), "self-intersecting");
        fails(() -> Polygon.of(0, 0, 1, Double.NaN, 0, 1), "vertices[1][1]", "NaN");
    }

    @Test
    void badSetOperationsAndPointsThrow() {
        fails(() -> Shape.union(Ball.disk(0, 0, 1), Ball.sphere(0, 0, 0, 1)), "dimension 3", "expected 2");
        fails(() -> Shape.difference(Ball.disk(0, 0, 1), Ball.disk(0, 0, 0.5), (Shape) null), "more[0]",
                "null");
        fails(() -> Shape.intersection(Ball.disk(0, 0, 1), Ball.disk(5, 0, 1)), "empty", "expected");
        fails(() -> ShapeFixtures.disk().contains(new double[] {0, Double.NaN}), "x[1] is NaN");
        fails(() -> ShapeFixtures.disk().contains(new double[] {0, 0, 0}), "length 3", "expected 2");
        fails(() -> Box.faceLabel(2, 4), "face is 4");
        fails(() -> ShapeFixtures.disk().sampleInterior(PointSampler.sobol(), -1, 0), "count is -1");
    }

    @Test
    void anEmptyShapeIsReportedWhenSampled() {
        // the hole covers the whole square
        Shape empty = Shape.difference(Box.rectangle(0, 1, 0, 1), Box.rectangle(-1, 2, -1, 2));
        fails(() -> empty.sampleInterior(PointSampler.uniform(1), 10, 0), "too few points inside");
    }
}
