package org.gn4j.pinn.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ShapeBoundaryTest {
    @Test
    void boundaryPointsLieOnTheBoundaryWithOutwardUnitNormals() {
        for (Map.Entry<String, Shape> e : ShapeFixtures.all().entrySet()) {
            Shape s = e.getValue();
            int n = s.dimension();
            double size = ShapeFixtures.size(s);
            double eps = 1e-7 * size;
            for (PointSampler sampler : new PointSampler[] {PointSampler.uniform(3), PointSampler.sobol()}) {
                String what = e.getKey() + " " + sampler.name();
                BoundarySample b = s.sampleBoundary(sampler, 400, 1);
                assertTrue(b.count() > 300 && b.count() < 500, what + " count " + b.count());
                List<String> labels = s.pieceLabels();
                double[] jet = new double[n + 2];
                for (int q = 0; q < b.count(); q++) {
                    double[] p = ShapeFixtures.point(b.points(), q, n);
                    double[] nr = ShapeFixtures.point(b.normals(), q, n);
                    String at = what + " point " + q + " " + java.util.Arrays.toString(p) + " " + b.label(q);
                    assertTrue(labels.contains(b.label(q)), at);
                    s.distanceJet(p, 0, null, jet, 0);
                    assertEquals(0.0, jet[0], 1e-12 * size, at);
                    assertTrue(s.contains(p), at);
                    double norm = 0;
                    double dot = 0;
                    double grad = 0;
                    for (int i = 0; i < n; i++) {
                        norm += nr[i] * nr[i];
                        dot += nr[i] * jet[1 + i];
                        grad += jet[1 + i] * jet[1 + i];
                    }
                    assertEquals(1.0, norm, 1e-12, at);
                    // D decreases outward: −∇D/|∇D| is the outward normal (boxes: the product form, direction only)
                    assertEquals(-1.0, dot / Math.sqrt(grad), 1e-6, at);
                    double[] out = p.clone();
                    double[] in = p.clone();
                    for (int i = 0; i < n; i++) {
                        out[i] += eps * nr[i];
                        in[i] -= eps * nr[i];
                    }
                    assertFalse(s.contains(out), at);
                    assertTrue(s.contains(in), at);
                    assertTrue(ShapeFixtures.distance(s, in) > 0, at);
                }
            }
        }
    }

    @Test
    void labelsNameThePieceEachPointLiesOn() {
        Polygon l = ShapeFixtures.lShape();
        double[][] v = l.vertices();
        BoundarySample b = l.sampleBoundary(PointSampler.uniform(1), 300, 0);
        for (int q = 0; q < b.count(); q++) {
            int i = Integer.parseInt(b.label(q).substring("edge ".length()));
            double[] p = v[i];
            double[] r = v[(i + 1) % v.length];
            double px = b.points()[2 * q] - p[0];
            double py = b.points()[2 * q + 1] - p[1];
            double ex = r[0] - p[0];
            double ey = r[1] - p[1];
            double t = (px * ex + py * ey) / (ex * ex + ey * ey);
            assertTrue(t >= 0 && t <= 1);
            assertEquals(0.0, px * ey - py * ex, 1e-12);
        }
        Box box = Box.of(new double[] {0, 0, 0}, new double[] {1, 2, 3});
        assertEquals(List.of("left", "right", "front", "back", "bottom", "top"), box.pieceLabels());
        BoundarySample f = box.sampleBoundary(PointSampler.sobol(), 200, 0);
        for (int q = 0; q < f.count(); q++) {
            int face = box.pieceLabels().indexOf(f.label(q));
            double bound = face % 2 == 0 ? box.lower(face / 2) : box.upper(face / 2);
            assertEquals(bound, f.points()[3 * q + face / 2], 0.0);
        }
        // disks at (±0.3, ±0.3): numbered in operand order
        Shape s = ShapeFixtures.pinnacle();
        assertEquals(List.of("left", "right", "bottom", "top", "circle 0", "circle 1", "circle 2", "circle 3"),
                s.pieceLabels());
        double[][] centers = {{0.3, 0.3}, {-0.3, 0.3}, {0.3, -0.3}, {-0.3, -0.3}};
        BoundarySample c = s.sampleBoundary(PointSampler.uniform(5), 500, 0, label -> label.startsWith("circle"));
        assertTrue(c.count() > 150, "count " + c.count());
        for (int q = 0; q < c.count(); q++) {
            double[] cen = centers[c.label(q).charAt(7) - '0'];
            double dx = c.points()[2 * q] - cen[0];
            double dy = c.points()[2 * q + 1] - cen[1];
            assertEquals(0.1, Math.hypot(dx, dy), 1e-14);
            // the subtrahend's normal is reversed: it points into the hole
            assertEquals(-dx / 0.1, c.normals()[2 * q], 1e-12);
            assertEquals(-dy / 0.1, c.normals()[2 * q + 1], 1e-12);
        }
        BoundarySample left = box.sampleBoundary(PointSampler.halton(), 50, 0, "left"::equals);
        for (int q = 0; q < left.count(); q++) {
            assertEquals(0.0, left.points()[3 * q], 0.0);
            assertEquals("left", left.label(q));
        }
    }

    @Test
    void setOperationsDropTheOperandBoundaryInsideTheResult() {
        // union: neither circle contributes points inside the other disk
        BoundarySample u = ShapeFixtures.twoDisks().sampleBoundary(PointSampler.uniform(2), 1000, 0);
        int[] per = new int[2];
        for (int q = 0; q < u.count(); q++) {
            double x = u.points()[2 * q];
            double y = u.points()[2 * q + 1];
            if (u.label(q).equals("circle 0")) {
                per[0]++;
                assertEquals(1.0, Math.hypot(x, y), 1e-14);
                assertTrue(Math.hypot(x - 1, y) > 0.5);
            } else {
                per[1]++;
                assertEquals("circle 1", u.label(q));
                assertEquals(0.5, Math.hypot(x - 1, y), 1e-14);
                assertTrue(Math.hypot(x, y) > 1);
            }
        }
        assertTrue(per[0] > 0 && per[1] > 0);
        // intersection: circle inside the box, box faces inside the disk
        BoundarySample i = ShapeFixtures.diskAndBox().sampleBoundary(PointSampler.uniform(2), 1000, 0);
        for (int q = 0; q < i.count(); q++) {
            double x = i.points()[2 * q];
            double y = i.points()[2 * q + 1];
            if (i.label(q).equals("circle")) {
                assertTrue(x > -0.5 && y < 0.4);
            } else {
                assertTrue(Math.hypot(x, y) < 1, i.label(q));
                assertTrue(i.label(q).equals("left") || i.label(q).equals("top"), i.label(q));
            }
        }
        // difference: L edges outside the disk, the circle only inside the L
        BoundarySample d = ShapeFixtures.lMinusDisk().sampleBoundary(PointSampler.uniform(2), 1000, 0);
        boolean circle = false;
        for (int q = 0; q < d.count(); q++) {
            double x = d.points()[2 * q];
            double y = d.points()[2 * q + 1];
            double r = Math.hypot(x - 2, y - 0.5);
            if (d.label(q).equals("circle")) {
                circle = true;
                assertTrue(x < 2 && y > 0 && y < 1);
            } else {
                assertTrue(r > 0.3, d.label(q));
            }
        }
        assertTrue(circle);
    }

    @Test
    void samplingIsReproducibleAndSelectionIsChecked() {
        Shape s = ShapeFixtures.pinnacle();
        BoundarySample a = s.sampleBoundary(PointSampler.halton(), 300, 4);
        BoundarySample b = s.sampleBoundary(PointSampler.halton(), 300, 4);
        assertArrayEquals(a.points(), b.points());
        assertArrayEquals(a.labels(), b.labels());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.sampleBoundary(PointSampler.halton(), 10, 0, "inlet"::equals));
        assertTrue(e.getMessage().contains("circle 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SpaceTime.of(Box.interval(0, 1), 0, 1).sampleBoundary(PointSampler.grid(), 10, 0));
        BoundarySample plain = new BoundarySample(new double[2], new double[2], 1);
        assertThrows(IllegalArgumentException.class, () -> plain.label(0));
    }
}
