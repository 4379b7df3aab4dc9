package org.gn4j.pinn.geometry;

import java.util.LinkedHashMap;
import java.util.Map;

/** Shapes shared by the geometry tests, with closed forms where the tests need them. */
final class ShapeFixtures {
    private ShapeFixtures() {
    }

    static Ball disk() {
        return Ball.disk(0.2, -0.1, 0.7);
    }

    static Ball ball3() {
        return Ball.of(new double[] {0.1, 0.2, 0.3}, 0.8);
    }

    /** An L-shaped (non-convex) hexagon given clockwise: [0,2]×[0,1] ∪ [0,1]×[1,2]. */
    static Polygon lShape() {
        return Polygon.of(0, 0, 0, 2, 1, 2, 1, 1, 2, 1, 2, 0);
    }

    /** A counterclockwise triangle with edges of different lengths. */
    static Polygon triangle() {
        return Polygon.of(0, 0, 2, 0, 0.5, 1.5);
    }

    /** PINNacle's Poisson2d-C domain: [−0.5, 0.5]² minus the disks of radius 0.1 at (±0.3, ±0.3). */
    static Shape pinnacle() {
        return Shape.difference(Box.rectangle(-0.5, 0.5, -0.5, 0.5), Ball.disk(0.3, 0.3, 0.1),
                Ball.disk(-0.3, 0.3, 0.1), Ball.disk(0.3, -0.3, 0.1), Ball.disk(-0.3, -0.3, 0.1));
    }

    static final double PINNACLE_AREA = 1 - 4 * Math.PI * 0.01;
    static final double PINNACLE_PERIMETER = 4 + 8 * Math.PI * 0.1;

    /** Disks of radii 1 (at 0) and 0.5 (at (1, 0)). */
    static Shape twoDisks() {
        return Shape.union(Ball.disk(0, 0, 1), Ball.disk(1, 0, 0.5));
    }

    /** Arc lengths of circle 0 and circle 1 on the boundary of {@link #twoDisks()}. */
    static double[] twoDisksArcs() {
        double x = (1 + 1 - 0.25) / 2; // intersection points (x, ±y)
        double y = Math.sqrt(1 - x * x);
        double t0 = Math.atan2(y, x); // half-angle of circle 0 inside disk 1
        double t1 = Math.PI - Math.atan2(y, x - 1); // half-angle of circle 1 inside disk 0
        return new double[] {2 * Math.PI - 2 * t0, 0.5 * (2 * Math.PI - 2 * t1)};
    }

    static Shape diskAndBox() {
        return Shape.intersection(Ball.disk(0, 0, 1), Box.rectangle(-0.5, 2, -2, 0.4));
    }

    /** The L-shape minus a disk that cuts its right edge. */
    static Shape lMinusDisk() {
        return Shape.difference(lShape(), Ball.disk(2, 0.5, 0.3));
    }

    /** The triangle with a disk that covers part of its bottom edge, no vertex. */
    static Shape triangleAndDisk() {
        return Shape.union(triangle(), Ball.disk(1, 0, 0.3));
    }

    /** The unit cube minus the ball of radius 0.5 at its corner (1, 1, 1). */
    static Shape cubeMinusBall() {
        return Shape.difference(Box.unitCube(3), Ball.sphere(1, 1, 1, 0.5));
    }

    static final double CUBE_MINUS_BALL_VOLUME = 1 - Math.PI / 48;
    static final double CUBE_MINUS_BALL_SURFACE = 6 - 3 * Math.PI / 16 + Math.PI / 8;

    /** Every fixture by name. */
    static Map<String, Shape> all() {
        Map<String, Shape> m = new LinkedHashMap<>();
        m.put("disk", disk());
        m.put("ball3", ball3());
        m.put("lShape", lShape());
        m.put("triangle", triangle());
        m.put("box", Box.rectangle(-1, 1, 0, 0.5));
        m.put("pinnacle", pinnacle());
        m.put("twoDisks", twoDisks());
        m.put("diskAndBox", diskAndBox());
        m.put("lMinusDisk", lMinusDisk());
        m.put("triangleAndDisk", triangleAndDisk());
        m.put("cubeMinusBall", cubeMinusBall());
        return m;
    }

    static double size(Shape s) {
        double m = 0;
        for (int i = 0; i < s.dimension(); i++) {
            m = Math.max(m, s.upper()[i] - s.lower()[i]);
        }
        return m;
    }

    static double distance(Shape s, double[] x) {
        double[] jet = new double[s.dimension() + 2];
        s.distanceJet(x, 0, null, jet, 0);
        return jet[0];
    }

    static double[] point(double[] xs, int q, int n) {
        double[] p = new double[n];
        System.arraycopy(xs, q * n, p, 0, n);
        return p;
    }
}
