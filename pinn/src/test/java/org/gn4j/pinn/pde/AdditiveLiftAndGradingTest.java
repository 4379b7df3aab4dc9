package org.gn4j.pinn.pde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gn4j.pinn.geometry.Box;
import org.gn4j.pinn.geometry.PointSampler;
import org.gn4j.pinn.net.Mlp;
import org.junit.jupiter.api.Test;

/**
 * {@link HardConstraint#additive}: a field {@code u = g + N} is the lift plus the network, with u's jet and an exact
 * Jacobian; {@link Collocation#graded}: graded points stay in the box and on their faces and crowd towards the faces.
 */
class AdditiveLiftAndGradingTest {
    /** g = sin(x)·y² with ∇g = (cos(x)·y², 2 sin(x)·y) and κ-Laplacian −κ_x sin(x)·y² + 2κ_y sin(x). */
    private static final JetField LIFT = (x, off, kappa, out, o) -> {
        double s = Math.sin(x[off]);
        double y = x[off + 1];
        out[o] = s * y * y;
        out[o + 1] = Math.cos(x[off]) * y * y;
        out[o + 2] = 2 * s * y;
        out[o + 3] = -kappa[0] * s * y * y + 2 * kappa[1] * s;
    };

    @Test
    void anAdditiveFieldIsLiftPlusNetworkWithExactJacobian() {
        Mlp net = Mlp.tanh(2, 5, 4);
        double[] kappa = {0.6, 1.4};
        Box box = Box.of(new double[] {-1, 0}, new double[] {1, 2});
        double[] pts = box.sampleInterior(PointSampler.halton(), 6, 0);
        PdeSystem lifted = PdeSystem.builder("lifted", 2)
                .field("u", net, kappa, HardConstraint.additive(2, LIFT))
                .group("pde", 1, Collocation.fixed(pts, 2, null, 0), p -> p.lap(0).plus(p.u(0).pow(3))
                        .plus(p.d(0, 0).times(p.d(0, 1))))
                .group("lap", 1, Collocation.fixed(pts, 2, null, 0), p -> p.lap(0))
                .group("dy", 1, Collocation.fixed(pts, 2, null, 0), p -> p.d(0, 1))
                .build();
        PdeSystem plain = PdeSystem.builder("plain", 2).field("u", net, kappa)
                .group("lap", 1, Collocation.fixed(pts, 2, null, 0), p -> p.lap(0))
                .group("dy", 1, Collocation.fixed(pts, 2, null, 0), p -> p.d(0, 1))
                .build();
        PdeSystemProblem prob = lifted.problem();
        double[] theta = lifted.initialParameters(3);
        double[] u = prob.values(theta, 0, pts);
        double[] n = plain.problem().values(theta, 0, pts);
        double[] rLifted = new double[prob.residualCount()];
        double[] rPlain = new double[plain.problem().residualCount()];
        prob.residuals(theta, rLifted);
        plain.problem().residuals(theta, rPlain);
        double[] g = new double[4];
        int count = pts.length / 2;
        double s = Math.sqrt(1.0 / count);
        for (int q = 0; q < count; q++) {
            LIFT.jet(pts, 2 * q, kappa, g, 0);
            assertEquals(g[0] + n[q], u[q], 1e-14, "u = g + N at point " + q);
            assertEquals(g[3] * s + rPlain[q], rLifted[count + q], 1e-13, "Lu = Lg + LN at point " + q);
            assertEquals(g[2] * s + rPlain[count + q], rLifted[2 * count + q], 1e-13, "u_y = g_y + N_y at " + q);
        }
        int m = prob.residualCount();
        int p = prob.parameterCount();
        double[] jac = new double[m * p];
        prob.jacobian(theta, jac, 0, p);
        double[] rp = new double[m];
        double[] rm = new double[m];
        for (int j = 0; j < p; j++) {
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[j] += 1e-6;
            tm[j] -= 1e-6;
            prob.residuals(tp, rp);
            prob.residuals(tm, rm);
            for (int i = 0; i < m; i++) {
                assertEquals((rp[i] - rm[i]) / 2e-6, jac[i * p + j], 1e-6 * (1 + Math.abs(jac[i * p + j])),
                        "entry " + i + ", " + j);
            }
        }
        assertTrue(HardConstraint.additive(2, LIFT).enforces().isEmpty(), "an additive lift enforces nothing");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HardConstraint.additive(0, LIFT));
        assertTrue(e.getMessage().contains("dimension 0"), e.getMessage());
    }

    @Test
    void gradedPointsStayInTheBoxAndOnTheirFacesAndCrowdTowardsTheFaces() {
        Box box = Box.of(new double[] {-1, 2}, new double[] {3, 2.5});
        PointSampler s = PointSampler.halton();
        Collocation inside = Collocation.interior(box, s, 4000);
        Collocation.Points uniform = inside.points(0);
        Collocation.Points graded = inside.graded(box, 0.6).points(0);
        assertEquals(uniform.count(), graded.count());
        int nearUniform = 0;
        int nearGraded = 0;
        for (int q = 0; q < graded.count(); q++) {
            for (int i = 0; i < 2; i++) {
                double lo = box.lower(i);
                double span = box.upper(i) - lo;
                double xi = (uniform.coordinates()[2 * q + i] - lo) / span;
                double mapped = lo + span * (0.4 * xi + 0.3 * (1 - Math.cos(Math.PI * xi)));
                double x = graded.coordinates()[2 * q + i];
                assertEquals(mapped, x, 1e-12, "the map of coordinate " + i + " of point " + q);
                assertTrue(x > lo && x < box.upper(i), "inside the box");
            }
            double xi = (graded.coordinates()[2 * q] + 1) / 4;
            nearGraded += Math.min(xi, 1 - xi) < 0.05 ? 1 : 0;
            double u = (uniform.coordinates()[2 * q] + 1) / 4;
            nearUniform += Math.min(u, 1 - u) < 0.05 ? 1 : 0;
        }
        // density 1/(1 − β) = 2.5 at the faces, falling to about 1.8 at 0.05 from them
        assertTrue(nearGraded > 1.8 * nearUniform, nearGraded + " graded points within 0.05 of the x faces, "
                + nearUniform + " uniform ones");
        Collocation top = Collocation.faces(box, s, 50, false, false, false, true);
        Collocation.Points face = top.graded(box, 0.9).points(1);
        for (int q = 0; q < face.count(); q++) {
            assertEquals(2.5, face.coordinates()[2 * q + 1], 1e-12, "on the top face");
            assertEquals(1, face.normals()[2 * q + 1], 0, "the top face's normal");
        }
        assertEquals(top.points(0).count(), top.graded(box, 0).points(0).count());
        assertThrows(IllegalArgumentException.class, () -> inside.graded(box, 1));
        assertThrows(IllegalArgumentException.class, () -> inside.graded(box, -0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> inside.graded(Box.unitCube(3), 0.5).points(0));
        assertTrue(e.getMessage().contains("dimension 3"), e.getMessage());
    }
}
