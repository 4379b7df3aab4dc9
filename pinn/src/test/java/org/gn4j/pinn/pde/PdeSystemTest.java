package org.gn4j.pinn.pde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.pinn.geometry.Box;
import org.gn4j.pinn.geometry.PointSampler;
import org.gn4j.pinn.geometry.SpaceTime;
import org.gn4j.pinn.net.Mlp;
import org.junit.jupiter.api.Test;

class PdeSystemTest {
    /**
     * A nonlinear system of two fields on (x, t) with an unknown coefficient: a Burgers-type equation coupled to a
     * second field, a cubic term, a variable coefficient, a Robin condition and observations.
     */
    static PdeSystem coupled() {
        SpaceTime st = SpaceTime.of(Box.interval(-1, 1), 0, 1);
        PointSampler sampler = PointSampler.uniform(3);
        double[] obs = {0.1, 0.2, -0.4, 0.7, 0.5, 0.3};
        return PdeSystem.builder("coupled", 2)
                .field("u", Mlp.tanh(2, 6, 5), new double[] {0.05, 0})
                .field("v", Mlp.tanh(2, 4), new double[] {1, -0.25})
                .coefficient("lambda", 0.7)
                .group("pde u", 1, Collocation.interior(st, sampler, 12), p -> p.d(0, 1)
                        .plus(p.u(0).times(p.d(0, 0))).minus(p.lap(0)).plus(p.coefficient(0).times(p.u(1))))
                .group("pde v", 2, Collocation.interior(st, sampler, 10), p -> p.lap(1)
                        .plus(p.u(1).pow(3)).minus(p.u(0).times(p.d(1, 1)).times(1 + p.x(0) * p.x(0)))
                        .plus(p.coefficient(0).square().times(p.u(0).sin())))
                .group("robin", 0.5, Collocation.lateral(st, sampler, 8),
                        p -> p.normalDerivative(0).plus(p.u(0).times(2)).minus(p.u(1).exp()))
                .group("initial", 3, Collocation.initial(st, sampler, 6).withData(x -> -Math.sin(Math.PI * x[0])),
                        p -> p.u(0).minus(p.data(0)))
                .group("observations", 4, Collocation.fixed(obs, 2, new double[] {0.3, -0.2, 0.1}, 1),
                        p -> p.u(1).times(p.coefficient(0)).minus(p.data(0)))
                .build();
    }

    @Test
    void jacobianOfNonlinearSystemMatchesCentralDifferences() {
        PdeSystem sys = coupled();
        PdeSystemProblem prob = sys.problem();
        double[] theta = sys.initialParameters(11);
        int m = prob.residualCount();
        int p = prob.parameterCount();
        double[] jac = new double[m * p];
        prob.jacobian(theta, jac, 0, p);
        double[] rp = new double[m];
        double[] rm = new double[m];
        double worst = 0;
        double scale = 0;
        for (int j = 0; j < p; j++) {
            double h = 1e-6 * Math.max(1, Math.abs(theta[j]));
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[j] += h;
            tm[j] -= h;
            prob.residuals(tp, rp);
            prob.residuals(tm, rm);
            for (int i = 0; i < m; i++) {
                double fd = (rp[i] - rm[i]) / (2 * h);
                worst = Math.max(worst, Math.abs(fd - jac[i * p + j]));
                scale = Math.max(scale, Math.abs(jac[i * p + j]));
            }
        }
        assertTrue(scale > 1e-3, "Jacobian entries of size " + scale);
        assertTrue(worst <= 1e-6 * scale, "largest difference from central differences " + worst + " (scale "
                + scale + ")");
    }

    @Test
    void matrixFreeProductsAreTheDenseJacobianAndAdjoint() {
        PdeSystem sys = coupled();
        PdeSystemProblem prob = sys.problem();
        double[] theta = sys.initialParameters(5);
        int m = prob.residualCount();
        int p = prob.parameterCount();
        double[] jac = new double[m * p];
        prob.jacobian(theta, jac, 0, p);
        LinearOperator op = prob.jacobianOperator(theta);
        Random rnd = new Random(2);
        double[] v = rnd.doubles(p, -1, 1).toArray();
        double[] u = rnd.doubles(m, -1, 1).toArray();
        double[] jv = new double[m];
        double[] jtu = new double[p];
        op.apply(v, jv);
        op.applyTranspose(u, jtu);
        double ujv = 0;
        double jtuv = 0;
        for (int i = 0; i < m; i++) {
            double dense = 0;
            for (int j = 0; j < p; j++) {
                dense += jac[i * p + j] * v[j];
            }
            assertEquals(dense, jv[i], 1e-12 * (1 + Math.abs(dense)), "row " + i);
            ujv += u[i] * jv[i];
        }
        for (int j = 0; j < p; j++) {
            double dense = 0;
            for (int i = 0; i < m; i++) {
                dense += jac[i * p + j] * u[i];
            }
            assertEquals(dense, jtu[j], 1e-12 * (1 + Math.abs(dense)), "column " + j);
            jtuv += jtu[j] * v[j];
        }
        assertEquals(ujv, jtuv, 1e-12 * (1 + Math.abs(ujv)));
    }

    @Test
    void residualsAreTheWeightedPointResiduals() {
        PdeSystem sys = coupled();
        PdeSystemProblem prob = sys.problem();
        double[] theta = sys.initialParameters(7);
        double[] r = new double[prob.residualCount()];
        prob.residuals(theta, r);
        // the initial group: sqrt(3/N)·(u(x, 0) − (−sin πx)), u from the network itself
        int g = sys.groupNames().indexOf("initial");
        Collocation.Points pts = prob.points(g);
        double[] u = prob.values(theta, 0, pts.coordinates());
        double s = Math.sqrt(3.0 / pts.count());
        for (int q = 0; q < pts.count(); q++) {
            double x = pts.coordinates()[2 * q];
            assertEquals(0, pts.coordinates()[2 * q + 1], 0);
            assertEquals(s * (u[q] + Math.sin(Math.PI * x)), r[prob.groupOffset(g) + q], 1e-14);
        }
        // the observation group reads the coefficient
        g = sys.groupNames().indexOf("observations");
        double[] v = prob.values(theta, 1, prob.points(g).coordinates());
        double lambda = sys.coefficients(theta)[0];
        assertEquals(0.7, lambda, 0);
        assertEquals(Math.sqrt(4.0 / 3) * (v[2] * lambda - 0.1), r[prob.groupOffset(g) + 2], 1e-14);
    }

    @Test
    void jetsAreTheFieldsDerivativesWithTheirLaplacianWeights() {
        double[] pts = {0.3, 0.6, -0.5, 0.2, 0.9, 0.95};
        Mlp net = Mlp.tanh(2, 7, 5);
        double[] kappa = {0.4, -1.5};
        PdeSystem sys = PdeSystem.builder("probe", 2).field("u", net, kappa)
                .group("lap", 1, Collocation.fixed(pts, 2, null, 0), p -> p.lap(0))
                .group("dt", 1, Collocation.fixed(pts, 2, null, 0), p -> p.d(0, 1))
                .group("normal", 1, round -> new Collocation.Points(pts, new double[] {0.6, 0.8, 1, 0, 0, -1}, null,
                        0, 3), p -> p.normalDerivative(0))
                .build();
        PdeSystemProblem prob = sys.problem();
        double[] theta = sys.initialParameters(3);
        double[] r = new double[9];
        prob.residuals(theta, r);
        double s = Math.sqrt(1.0 / 3);
        double h = 1e-4;
        double[][] normals = {{0.6, 0.8}, {1, 0}, {0, -1}};
        for (int q = 0; q < 3; q++) {
            double x = pts[2 * q];
            double t = pts[2 * q + 1];
            double[] around = {x, t, x + h, t, x - h, t, x, t + h, x, t - h};
            double[] u = prob.values(theta, 0, around);
            double uxx = (u[1] - 2 * u[0] + u[2]) / (h * h);
            double utt = (u[3] - 2 * u[0] + u[4]) / (h * h);
            double ux = (u[1] - u[2]) / (2 * h);
            double ut = (u[3] - u[4]) / (2 * h);
            assertEquals(kappa[0] * uxx + kappa[1] * utt, r[q] / s, 1e-5, "weighted Laplacian at point " + q);
            assertEquals(ut, r[3 + q] / s, 1e-7, "u_t at point " + q);
            assertEquals(normals[q][0] * ux + normals[q][1] * ut, r[6 + q] / s, 1e-7, "normal derivative " + q);
        }
    }

    @Test
    void aFieldThroughAHardConstraintHasTheProductRuleJetAndExactJacobian() {
        org.gn4j.pinn.geometry.Shape disk = org.gn4j.pinn.geometry.Ball.disk(0.1, -0.2, 0.9);
        JetField lift = (x, off, kappa, out, o) -> {            // g = x·y: ∇g = (y, x), Lg = 0
            out[o] = x[off] * x[off + 1];
            out[o + 1] = x[off + 1];
            out[o + 2] = x[off];
            out[o + 3] = 0;
        };
        HardConstraint ansatz = new HardConstraint(disk::distanceJet, lift,
                java.util.EnumSet.of(Condition.Kind.DIRICHLET));
        double[] kappa = {0.7, 1.3};
        double[] pts = disk.sampleInterior(PointSampler.halton(), 5, 0);
        PdeSystem sys = PdeSystem.builder("ansatz", 2).field("u", Mlp.tanh(2, 6, 4), kappa, ansatz)
                .group("pde", 1, Collocation.fixed(pts, 2, null, 0), p -> p.lap(0).plus(p.u(0).pow(3))
                        .plus(p.d(0, 0).times(p.d(0, 1))))
                .group("lap", 1, Collocation.fixed(pts, 2, null, 0), p -> p.lap(0))
                .group("dx", 1, Collocation.fixed(pts, 2, null, 0), p -> p.d(0, 0))
                .build();
        PdeSystemProblem prob = sys.problem();
        double[] theta = sys.initialParameters(4);
        // on the circle u is the lift: u = x·y
        double[] onCircle = disk.sampleBoundary(PointSampler.halton(), 6, 0).points();
        double[] u = prob.values(theta, 0, onCircle);
        for (int q = 0; q < u.length; q++) {
            assertEquals(onCircle[2 * q] * onCircle[2 * q + 1], u[q], 1e-12);
        }
        // the jets the residuals see are u's: weighted Laplacian and ∂u/∂x against differences of u's values
        double[] r = new double[prob.residualCount()];
        prob.residuals(theta, r);
        double s = Math.sqrt(1.0 / 5);
        double h = 1e-4;
        for (int q = 0; q < 5; q++) {
            double x = pts[2 * q];
            double y = pts[2 * q + 1];
            double[] v = prob.values(theta, 0, new double[] {x, y, x + h, y, x - h, y, x, y + h, x, y - h});
            double lap = kappa[0] * (v[1] - 2 * v[0] + v[2]) / (h * h) + kappa[1] * (v[3] - 2 * v[0] + v[4]) / (h * h);
            assertEquals(lap, r[5 + q] / s, 1e-5, "weighted Laplacian through the ansatz at " + q);
            assertEquals((v[1] - v[2]) / (2 * h), r[10 + q] / s, 1e-7, "u_x through the ansatz at " + q);
        }
        // the Jacobian through the ansatz against central differences
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
    }

    @Test
    void badDefinitionsAreNamed() {
        Mlp net = Mlp.tanh(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PdeSystem.builder("s", 2).field("u", net).field("u", net));
        assertTrue(e.getMessage().contains("'u' is already defined"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PdeSystem.builder("s", 3).field("u", net));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PdeSystem.builder("s", 2).field("u", net).build());
        assertTrue(e.getMessage().contains("no residual groups"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PdeSystem.builder("s", 2).field("u", net)
                .exact("w", x -> 0));
        assertTrue(e.getMessage().contains("'w' is not defined"), e.getMessage());
        PdeSystem sys = PdeSystem.builder("s", 2).field("u", net)
                .group("g", 1, Collocation.fixed(new double[] {0, 0}, 2, null, 0), p -> p.u(0).minus(p.data(0)))
                .build();
        double[] r = new double[1];
        e = assertThrows(IllegalArgumentException.class, () -> sys.problem().residuals(sys.initialParameters(1), r));
        assertTrue(e.getMessage().contains("data column 0"), e.getMessage());
    }
}
