package org.gn4j.pinn.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShapeMeasureTest {
    @Test
    void primitiveBoundaryMeasuresAreExact() {
        assertEquals(2 * Math.PI * 0.7, ShapeFixtures.disk().boundaryMeasure(), 1e-15);
        assertEquals(4 * Math.PI * 0.64, ShapeFixtures.ball3().boundaryMeasure(), 1e-14);
        assertEquals(2 * Math.PI * Math.PI, Ball.of(new double[4], 1).boundaryMeasure(), 1e-13);
        assertEquals(8.0, ShapeFixtures.lShape().boundaryMeasure(), 1e-15);
        assertEquals(2 + Math.hypot(1.5, 1.5) + Math.hypot(0.5, 1.5), ShapeFixtures.triangle().boundaryMeasure(),
                1e-15);
        assertEquals(5.0, Box.rectangle(-1, 1, 0, 0.5).boundaryMeasure(), 0.0);
        assertEquals(2 * (2 + 3 + 6), Box.of(new double[3], new double[] {1, 2, 3}).boundaryMeasure(), 0.0);
        assertEquals(0.5, Box.rectangle(-1, 1, 0, 0.5).boundaryMeasure("left"::equals), 0.0);
    }

    @Test
    void setOperationBoundaryMeasuresMatchClosedForms() {
        assertEquals(ShapeFixtures.PINNACLE_PERIMETER, ShapeFixtures.pinnacle().boundaryMeasure(), 1e-12);
        double[] arcs = ShapeFixtures.twoDisksArcs();
        Shape u = ShapeFixtures.twoDisks();
        assertEquals(arcs[0], u.boundaryMeasure("circle 0"::equals), 1e-3 * arcs[0]);
        assertEquals(arcs[1], u.boundaryMeasure("circle 1"::equals), 1e-3 * arcs[1]);
        // the lens of the same disks: the complementary arcs
        Shape lens = Shape.intersection(Ball.disk(0, 0, 1), Ball.disk(1, 0, 0.5));
        assertEquals(2 * Math.PI - arcs[0] + Math.PI - arcs[1], lens.boundaryMeasure(), 2e-3);
        assertEquals(ShapeFixtures.CUBE_MINUS_BALL_SURFACE, ShapeFixtures.cubeMinusBall().boundaryMeasure(),
                5e-3 * ShapeFixtures.CUBE_MINUS_BALL_SURFACE);
    }

    /** Coincident faces count once where the outward normals agree and not at all where they are opposite. */
    @Test
    void coincidentFacesFollowTheirNormals() {
        Box left = Box.rectangle(0, 1, 0, 1);
        Box wide = Box.rectangle(0, 2, 0, 1);
        assertEquals(6.0, Shape.union(left, Box.rectangle(1, 2, 0, 1)).boundaryMeasure(), 1e-3);
        assertEquals(4.0, Shape.intersection(wide, Box.rectangle(1, 3, 0, 1)).boundaryMeasure(), 1e-3);
        assertEquals(4.0, Shape.difference(wide, Box.rectangle(1, 2, 0, 1)).boundaryMeasure(), 1e-3);
        assertEquals(6.0, Shape.difference(wide, Box.rectangle(2, 3, 0, 1)).boundaryMeasure(), 1e-3);
        BoundarySample b = Shape.union(left, Box.rectangle(1, 2, 0, 1)).sampleBoundary(PointSampler.sobol(), 600, 0);
        for (int q = 0; q < b.count(); q++) {
            double x = b.points()[2 * q];
            double y = b.points()[2 * q + 1];
            boolean onOuter = x == 0 || x == 2 || y == 0 || y == 1;
            org.junit.jupiter.api.Assertions.assertTrue(onOuter, "point (" + x + ", " + y + ")");
        }
    }

    /** With a uniform sampler the share of points on each piece estimates the piece's share of the boundary. */
    @Test
    void uniformPointsSpreadOverPiecesInProportionToMeasure() {
        double[] arcs = ShapeFixtures.twoDisksArcs();
        fractions(ShapeFixtures.twoDisks(), List.of("circle 0", "circle 1"), arcs, 4000);
        fractions(ShapeFixtures.pinnacle(), List.of("left", "circle 2"), new double[] {1, 0.2 * Math.PI}, 4000);
        Polygon t = ShapeFixtures.triangle();
        fractions(t, List.of("edge 0", "edge 1", "edge 2"),
                new double[] {2, Math.hypot(1.5, 1.5), Math.hypot(0.5, 1.5)}, 2000);
        // cube minus ball: a cut face (area 1 − π/16) against the eighth of the sphere (π/8)
        fractions(ShapeFixtures.cubeMinusBall(), List.of("right", "sphere"),
                new double[] {1 - Math.PI / 16, Math.PI / 8}, 4000);
    }

    private static void fractions(Shape s, List<String> pieces, double[] measures, int count) {
        double total = 0;
        for (double m : measures) {
            total += m;
        }
        BoundarySample b = s.sampleBoundary(PointSampler.uniform(23), count, 0, pieces::contains);
        assertEquals(1.0, b.count() / (double) count, 0.1, s + " count");
        for (int j = 0; j < pieces.size(); j++) {
            int k = 0;
            for (int q = 0; q < b.count(); q++) {
                if (b.label(q).equals(pieces.get(j))) {
                    k++;
                }
            }
            double p = measures[j] / total;
            double se = Math.sqrt(p * (1 - p) / b.count());
            assertEquals(p, (double) k / b.count(), 4 * se + 1.0 / b.count(), s + " " + pieces.get(j));
        }
    }
}
