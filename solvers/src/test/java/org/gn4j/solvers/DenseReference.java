package org.gn4j.solvers;

import static org.junit.jupiter.api.Assertions.fail;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** Reference computations for solver tests, done with plain EJML calls independent of the solvers under test. */
public final class DenseReference {
    private DenseReference() {
    }

    /** {@code A v}. */
    public static double[] multiply(DMatrixRMaj a, double[] v) {
        DMatrixRMaj y = new DMatrixRMaj(a.numRows, 1);
        CommonOps_DDRM.mult(a, DMatrixRMaj.wrap(v.length, 1, v), y);
        return y.data;
    }

    /** {@code Aᵀ v}. */
    public static double[] multiplyTranspose(DMatrixRMaj a, double[] v) {
        DMatrixRMaj y = new DMatrixRMaj(a.numCols, 1);
        CommonOps_DDRM.multTransA(a, DMatrixRMaj.wrap(v.length, 1, v), y);
        return y.data;
    }

    /** Euclidean norm. */
    public static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    /** {@code b − Ax}. */
    public static double[] residual(DMatrixRMaj a, double[] x, double[] b) {
        double[] ax = multiply(a, x);
        double[] r = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[i] - ax[i];
        }
        return r;
    }

    /** Least-squares solution by Cholesky of {@code AᵀA x = Aᵀb}; a fair reference for well-conditioned A only. */
    public static double[] normalEquationSolution(DMatrixRMaj a, double[] b) {
        DMatrixRMaj ata = new DMatrixRMaj(a.numCols, a.numCols);
        CommonOps_DDRM.multTransA(a, a, ata);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(a.numCols);
        if (!chol.setA(ata)) {
            fail("normal-equation matrix not positive definite");
        }
        DMatrixRMaj x = new DMatrixRMaj(a.numCols, 1);
        chol.solve(DMatrixRMaj.wrap(a.numCols, 1, multiplyTranspose(a, b)), x);
        return x.data;
    }
}
