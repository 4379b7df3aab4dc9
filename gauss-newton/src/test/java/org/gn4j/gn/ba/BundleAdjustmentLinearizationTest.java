package org.gn4j.gn.ba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gn4j.linalg.VectorOps;
import org.junit.jupiter.api.Test;

/** The block linearization against a dense Jacobian built by central differences of the residuals. */
class BundleAdjustmentLinearizationTest {

    /** J by central differences of {@link BalProblem#residuals}. */
    static DMatrixRMaj finiteDifferenceJacobian(BalProblem p, double[] x) {
        int m = p.residualCount();
        int n = p.parameterCount();
        DMatrixRMaj j = new DMatrixRMaj(m, n);
        double[] rp = new double[m];
        double[] rm = new double[m];
        for (int c = 0; c < n; c++) {
            double[] y = x.clone();
            double h = 1e-6 * Math.max(1, Math.abs(x[c]));
            y[c] = x[c] + h;
            p.residuals(y, rp);
            y[c] = x[c] - h;
            p.residuals(y, rm);
            for (int r = 0; r < m; r++) {
                j.set(r, c, (rp[r] - rm[r]) / (2 * h));
            }
        }
        return j;
    }

    @Test
    void gradientGramAndProductsMatchADenseJacobian() {
        BalProblem p = BalTestProblems.tiny(5);
        double[] x = p.parameters();
        BundleAdjustmentObjective obj = new BundleAdjustmentObjective(p);
        obj.start(x);
        BundleAdjustmentLinearization lin = obj.linearize(x);
        assertNull(lin.denseJacobian(), "no dense m x n Jacobian is formed");
        DMatrixRMaj fd = finiteDifferenceJacobian(p, x);
        DMatrixRMaj blocks = lin.jacobian().toDense();
        double scale = CommonOps_DDRM.elementMaxAbs(fd);
        for (int i = 0; i < fd.getNumElements(); i++) {
            assertEquals(fd.data[i], blocks.data[i], 1e-6 * scale, "entry " + i);
        }
        int m = p.residualCount();
        int n = p.parameterCount();
        // residuals and cost
        double[] r = new double[m];
        double cost = p.residuals(x, r);
        assertEquals(cost, lin.cost(), 1e-12 * cost);
        // gradient = Jᵀr with the dense J
        double[] g = new double[n];
        CommonOps_DDRM.multTransA(blocks, new DMatrixRMaj(m, 1, true, r), new DMatrixRMaj(n, 1, true, g));
        DMatrixRMaj gv = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.multTransA(blocks, new DMatrixRMaj(m, 1, true, r), gv);
        for (int j = 0; j < n; j++) {
            assertEquals(gv.data[j], lin.gradient()[j], 1e-10 * VectorOps.normInf(gv.data), "g[" + j + "]");
        }
        // ⟨u, Jv⟩ = ⟨Jᵀu, v⟩, curvature and Gram operator against JᵀJ
        SplittableRandom rnd = new SplittableRandom(1);
        double[] u = rnd.doubles(m, -1, 1).toArray();
        double[] v = rnd.doubles(n, -1, 1).toArray();
        double[] jv = new double[m];
        double[] jtu = new double[n];
        lin.jacobian().apply(v, jv);
        lin.jacobian().applyTranspose(u, jtu);
        assertEquals(VectorOps.dot(u, jv), VectorOps.dot(jtu, v), 1e-10 * Math.abs(VectorOps.dot(u, jv)));
        DMatrixRMaj jtj = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(blocks, blocks, jtj);
        double[] gvOut = new double[n];
        lin.gram().apply(v, gvOut);
        DMatrixRMaj ref = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.mult(jtj, new DMatrixRMaj(n, 1, true, v), ref);
        for (int j = 0; j < n; j++) {
            assertEquals(ref.data[j], gvOut[j], 1e-9 * VectorOps.normInf(ref.data), "Gv[" + j + "]");
        }
        assertEquals(VectorOps.dot(v, ref.data), lin.curvature(v), 1e-10 * VectorOps.dot(v, ref.data));
        // column norms
        double[] cn = new double[n];
        lin.columnNorms(cn);
        for (int j = 0; j < n; j++) {
            assertEquals(Math.sqrt(jtj.get(j, j)), cn[j], 1e-10 * Math.sqrt(jtj.get(j, j)), "column " + j);
        }
    }
}
