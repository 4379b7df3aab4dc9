package org.gn4j.gn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gn4j.gn.LeastSquaresObjective;
import org.gn4j.solvers.SolveResult;
import org.junit.jupiter.api.Test;

/** Each part of the core alone: gain ratio, step controls on scripted ratios, step lengths, damped solvers. */
class CorePartsTest {
    @Test
    void gainRatioEdgeCases() {
        assertEquals(0.5, GainRatio.of(1, 2));
        assertEquals(1.0, GainRatio.of(1e-30, 0));
        assertEquals(1.0, GainRatio.of(1, -1));
        assertEquals(Double.NEGATIVE_INFINITY, GainRatio.of(0, 0));
        assertEquals(Double.NEGATIVE_INFINITY, GainRatio.of(-1, -1));
        assertTrue(Double.isNaN(GainRatio.of(Double.NaN, 1)));
        assertTrue(Double.isNaN(GainRatio.of(1, Double.NaN)));
        assertEquals(-(0.5 * -2 + 0.5 * 0.25 * 4), GainRatio.predicted(0.5, -2, 4), 0.0);
    }

    @Test
    void nielsenFollowsItsRule() {
        NielsenDamping c = new NielsenDamping(1.0);
        double[] s = c.initialState(0);
        c.accepted(s, 1.0, 1, 1);                      // ρ = 1: λ·max(1/3, 1 − 1) = λ/3
        assertEquals(1.0 / 3, s[0], 1e-16);
        c.accepted(s, 0.5, 1, 2);                      // ρ = ½: λ·1
        assertEquals(1.0 / 3, s[0], 1e-16);
        assertTrue(c.rejected(s, 0.0, 1, 2));          // λ·ν, ν = 2 → 4
        assertEquals(2.0 / 3, s[0], 1e-16);
        assertTrue(c.rejected(s, 0.0, 1, 2));
        assertEquals(8.0 / 3, s[0], 1e-15);
        c.accepted(s, 0.75, 1, 3);                      // ν back to 2
        assertEquals(2, s[1]);
        assertTrue(c.acceptable(1e-3, 1) && !c.acceptable(1e-5, 1) && !c.acceptable(0.5, 0));
        double[] big = {1e31, 16};
        assertFalse(c.rejected(big, 0, 1, 0), "past the ceiling");
    }

    @Test
    void marquardtAndFixedAndRadius() {
        MarquardtDamping m = new MarquardtDamping(1, 10);
        double[] s = m.initialState(0);
        m.accepted(s, 0.9, 1, 1);
        assertEquals(0.1, s[0], 1e-17);
        m.rejected(s, -1, 1, 1);
        assertEquals(1, s[0], 1e-15);
        FixedDamping f = new FixedDamping(1e-10);
        double[] fs = f.initialState(0);
        assertFalse(f.rejected(fs, -1, 1, 0), "a fixed damping cannot adapt");
        assertEquals(1e-10, f.damping(fs));
        TrustRadius t = new TrustRadius(10);
        double[] r = t.initialState(3);
        assertEquals(30, r[0]);
        t.rejected(r, 0.05, 4, 0);                     // poor: Δ = ½·min(Δ, ‖step‖)
        assertEquals(2, r[0]);
        t.accepted(r, 1.0, 2, 1);                      // exact model: Δ = 2‖step‖
        assertEquals(4, r[0]);
        t.accepted(r, 0.3, 1, 2);                      // second success in a row: Δ ≥ 2‖step‖
        assertEquals(4, r[0]);
        TrustRadius l = new TrustRadius(10, TrustRadius.Rule.LMDER);
        double[] q = l.initialState(3);
        assertEquals(30, q[0]);
        l.rejected(q, -1, 2, 0);                       // cost rose: Δ = t·min(Δ, 10‖step‖), t = ½/(1 + ½) = 1/3
        assertEquals(20.0 / 3, q[0], 1e-14);
        l.rejected(q, -1e6, 4, 0);                     // far uphill: t clamped to 0.1
        assertEquals(2.0 / 3, q[0], 1e-14);
        l.accepted(q, 0.2, 0.5, 1);                    // poor but downhill: t = ½
        assertEquals(1.0 / 3, q[0], 1e-14);
        l.accepted(q, 0.5, 0.32, 2);                   // fair, on the boundary: Δ stays
        assertEquals(1.0 / 3, q[0], 1e-14);
        l.accepted(q, 0.5, 0.1, 3);                    // fair Gauss-Newton step inside: Δ = 2‖step‖
        assertEquals(0.2, q[0], 1e-15);
        l.accepted(q, 0.9, 0.2, 4);                    // good: Δ = 2‖step‖
        assertEquals(0.4, q[0], 1e-15);
        l.rejected(q, Double.NaN, 0.4, 5);             // failed: Δ = ½·min(Δ, ‖step‖)
        assertEquals(0.2, q[0], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new TrustRadius(1, null));
        assertThrows(IllegalArgumentException.class, () -> new NielsenDamping(0));
        assertThrows(IllegalArgumentException.class, () -> new MarquardtDamping(1, 1));
    }

    /** A 1-D trial along s = 1 of f(α) = (α − a)², slope at 0 = −2a. */
    static StepLength.Trial quadratic(double a, AtomicInteger evals, double[] kept) {
        return new StepLength.Trial() {
            private double last;

            @Override
            public double cost0() {
                return a * a;
            }

            @Override
            public double slope0() {
                return -2 * a;
            }

            @Override
            public double cost(double alpha) {
                evals.incrementAndGet();
                last = alpha;
                return (alpha - a) * (alpha - a);
            }

            @Override
            public double slope() {
                return 2 * (last - a);
            }

            @Override
            public void keep() {
                kept[0] = last;
            }
        };
    }

    @Test
    void stepLengths() {
        AtomicInteger evals = new AtomicInteger();
        double[] kept = new double[1];
        // minimum at α = 0.3: Armijo halves from 1 (cost 0.49 > 0.09) to ½ (0.04 ≤ 0.09 − 1e-4·½·0.6)
        StepLength.Result r = new BacktrackingArmijo(1e-4, 0.5, 10).search(quadratic(0.3, evals, kept));
        assertTrue(r.found());
        assertEquals(0.5, r.alpha());
        assertEquals(0.5, kept[0]);
        assertEquals(2, evals.get());
        // grid: the least cost over 1, ½, ¼, ⅛ is at ¼
        evals.set(0);
        r = new GridSearch(3).search(quadratic(0.3, evals, kept));
        assertEquals(0.25, r.alpha());
        assertEquals(0.25, kept[0]);
        assertEquals(4, evals.get());
        // strong Wolfe on a minimum beyond 1: the curvature condition holds only near a = 3
        evals.set(0);
        r = new StrongWolfe(1e-4, 0.1).search(quadratic(3, evals, kept));
        assertTrue(r.found());
        assertTrue(Math.abs(2 * (r.alpha() - 3)) <= 0.1 * 6, "curvature condition at " + r.alpha());
        assertEquals(r.alpha(), kept[0]);
        // nothing finite: none found
        StepLength.Result none = StepLength.none().search(new StepLength.Trial() {
            @Override
            public double cost0() {
                return 1;
            }

            @Override
            public double slope0() {
                return -1;
            }

            @Override
            public double cost(double alpha) {
                return Double.NaN;
            }

            @Override
            public void keep() {
            }
        });
        assertFalse(none.found());
    }

    @Test
    void dampedSolversAgreeWithTheDenseReference() {
        Random rnd = new Random(5);
        int blocks = 3;
        Objective o = new LeastSquaresObjective(ContractProblems.blockBanded(blocks, null), true);
        double[] x = ContractProblems.start(blocks);
        for (int j = 0; j < x.length; j++) {
            x[j] += 0.1 * rnd.nextGaussian();
        }
        o.start(x);
        Linearization op = o.linearize(x);
        Objective od = new LeastSquaresObjective(ContractProblems.dense(blocks, null), false);
        od.start(x);
        Linearization dense = od.linearize(x);
        int n = x.length;
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            d[j] = 0.5 + rnd.nextDouble();
        }
        for (double lambda : new double[] {0, 1e-6, 1e-2, 10}) {
            for (boolean identity : new boolean[] {true, false}) {
                double[] dd = identity ? null : d;
                double[] ref = reference(dense.denseJacobian(), dense.residuals(), lambda, dd);
                check("qr", DampedSolvers.qr(), dense, lambda, dd, ref);
                check("cholesky", DampedSolvers.cholesky(), dense, lambda, dd, ref);
                check("cholesky (block-banded Gram)", DampedSolvers.cholesky(), op, lambda, dd, ref);
                check("cg", DampedSolvers.cg(), op, lambda, dd, ref);
                check("block-banded", DampedSolvers.blockBanded(), op, lambda, dd, ref);
                if (identity && lambda > 0) {
                    check("push-through (factored)", DampedSolvers.pushThrough(), dense, lambda, null, ref);
                    check("push-through (small CG)", DampedSolvers.pushThrough().withMaxFactorSize(1, 200), op,
                            lambda, null, ref);
                }
            }
        }
    }

    private static void check(String what, DampedSolver s, Linearization lin, double lambda, double[] d,
            double[] ref) {
        assertTrue(s.supports(lin), what);
        assertTrue(s.prepare(lin).hasSolution(), what);
        double[] x = new double[ref.length];
        SolveResult r = s.solve(lambda, d, lin.residuals(), lin.gradient(), x);
        assertTrue(r.hasSolution(), what + ": " + r);
        double diff = 0;
        double norm = 0;
        for (int j = 0; j < x.length; j++) {
            diff = Math.max(diff, Math.abs(x[j] - ref[j]));
            norm = Math.max(norm, Math.abs(ref[j]));
        }
        assertTrue(diff <= 1e-6 * norm, what + " at λ = " + lambda + ": difference " + diff + " of " + norm);
    }

    /** {@code (JᵀJ + λD²)x = −Jᵀr} by EJML's general solve. */
    static double[] reference(DMatrixRMaj j, double[] r, double lambda, double[] d) {
        int n = j.numCols;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(j, j, a);
        for (int k = 0; k < n; k++) {
            double dk = d == null ? 1 : d[k];
            a.add(k, k, lambda * dk * dk);
        }
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.multTransA(j, DMatrixRMaj.wrap(r.length, 1, r.clone()), b);
        CommonOps_DDRM.scale(-1, b);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        assertTrue(CommonOps_DDRM.solve(a, b, x));
        return x.data;
    }
}
