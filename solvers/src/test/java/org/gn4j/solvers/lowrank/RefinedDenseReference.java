package org.gn4j.solvers.lowrank;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The dense {@code d×d} reference solve of {@code (UᵀU + μI)x = b}: Cholesky of the formed matrix, then iterative
 * refinement with residuals {@code b − μx − Uᵀ(Ux)} accumulated in double-double (Ogita-Rump-Oishi Dot2 with
 * fma-based TwoProduct). Plain Cholesky is only accurate to {@code κ·ε} (≈ 1e-4 for μ = 1e-8, where κ ≈ 1e11), far
 * above the 1e-10 the comparison needs; with exact-ish residuals each refinement step gains a factor κ·ε, so a few
 * steps reach the correctly rounded solution of the exact system.
 */
final class RefinedDenseReference {
    private final DMatrixRMaj u;
    private final int k;
    private final int d;
    private final double mu;
    private final LinearSolverDense<DMatrixRMaj> chol;

    RefinedDenseReference(DMatrixRMaj u, double mu) {
        this.u = u;
        this.k = u.numRows;
        this.d = u.numCols;
        this.mu = mu;
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        CommonOps_MT_DDRM.multTransA(u, u, a);
        for (int i = 0; i < d; i++) {
            a.data[i * d + i] += mu;
        }
        chol = LinearSolverFactory_DDRM.symmPosDef(d);
        assertTrue(chol.setA(a), "reference Cholesky of U'U + mu*I failed");
    }

    /** Solves {@code (UᵀU + μI)x = b} with refinement; returns x. */
    double[] solve(double[] b) {
        return refine(b, null);
    }

    /**
     * Solves {@code (UᵀU + μI)x = Uᵀh} with the right-hand side taken exactly: {@code Uᵀh} rounded to double would
     * gain a component outside the row space of U that {@code 1/μ} amplifies, so the refinement residual is
     * accumulated as {@code Uᵀ(h − Ux) − μx} in double-double.
     */
    double[] solveRowSpace(double[] h) {
        double[] b = new double[d];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) {
                b[j] += u.data[i * d + j] * h[i];
            }
        }
        return refine(b, h);
    }

    private double[] refine(double[] b, double[] h) {
        DMatrixRMaj rhs = new DMatrixRMaj(d, 1, true, b);
        DMatrixRMaj x = new DMatrixRMaj(d, 1);
        chol.solve(rhs, x);
        DMatrixRMaj corr = new DMatrixRMaj(d, 1);
        for (int step = 0; step < 6; step++) {
            double[] r = residual(b, h, x.data);
            rhs.data = r;
            chol.solve(rhs, corr);
            CommonOps_DDRM.addEquals(x, corr);
        }
        return x.data;
    }

    /** b − μx − Uᵀ(Ux) (or, with h, Uᵀh − μx − Uᵀ(Ux)) in double-double, rounded to double at the end. */
    private double[] residual(double[] b, double[] h, double[] x) {
        double[] tHi = new double[k];
        double[] tLo = new double[k];
        for (int i = 0; i < k; i++) {
            Dot2 acc = new Dot2();
            int row = i * d;
            for (int j = 0; j < d; j++) {
                acc.add(u.data[row + j], x[j]);
            }
            tHi[i] = acc.hi();
            tLo[i] = acc.lo();
        }
        double[] r = new double[d];
        Dot2[] accs = new Dot2[d];
        for (int j = 0; j < d; j++) {
            accs[j] = new Dot2();
            if (h == null) {
                accs[j].add(b[j], 1.0);
            }
            accs[j].add(-mu, x[j]);
        }
        for (int i = 0; i < k; i++) {
            int row = i * d;
            double th = -tHi[i];
            double tl = -tLo[i];
            double hi = h == null ? 0.0 : h[i];
            for (int j = 0; j < d; j++) {
                if (h != null) {
                    accs[j].add(u.data[row + j], hi);
                }
                accs[j].add(u.data[row + j], th);
                accs[j].add(u.data[row + j], tl);
            }
        }
        for (int j = 0; j < d; j++) {
            r[j] = accs[j].hi();
        }
        return r;
    }

    /** Compensated dot-product accumulator (Dot2): error-free products and sums, result as hi + lo. */
    static final class Dot2 {
        private double s;
        private double c;

        void add(double a, double b) {
            double p = a * b;
            double ep = Math.fma(a, b, -p);
            double t = s + p;
            double z = t - s;
            double es = (s - (t - z)) + (p - z);
            s = t;
            c += es + ep;
        }

        double hi() {
            return s + c;
        }

        double lo() {
            double h = s + c;
            return c - (h - s);
        }
    }
}
