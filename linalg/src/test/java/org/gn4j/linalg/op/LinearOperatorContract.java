package org.gn4j.linalg.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.gn4j.testkit.RandomMatrices;
import org.gn4j.testkit.Seeds;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The {@link LinearOperator} contract, checked against the dense matrix the operator is meant to be: products and
 * transpose products, the adjoint identity, argument errors, no aliasing, {@code x} left alone, the diagonal, honest
 * structure tags and {@link Operators#toDense}. Subclass once per operator (and per interesting configuration).
 */
public abstract class LinearOperatorContract {
    /** Norm-wise relative tolerance against the dense reference. */
    protected static final double TOL = 1e-12;
    private static final double SENTINEL = -12345.5;

    /** A fresh operator under test (called once per check; may return the same instance). */
    protected abstract LinearOperator operator();

    /** The dense matrix the operator must equal, computed independently of the operator's code. */
    protected abstract DMatrixRMaj expectedDense();

    private static double[] times(DMatrixRMaj a, double[] x, boolean transpose) {
        int m = a.numRows;
        int n = a.numCols;
        double[] y = new double[transpose ? n : m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (transpose) {
                    y[j] += a.get(i, j) * x[i];
                } else {
                    y[i] += a.get(i, j) * x[j];
                }
            }
        }
        return y;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    @Test
    void shapeMatchesTheDenseMatrix() {
        LinearOperator op = operator();
        DMatrixRMaj d = expectedDense();
        assertEquals(d.numRows, op.rows(), "rows");
        assertEquals(d.numCols, op.cols(), "cols");
        assertEquals(d.numRows == d.numCols, op.isSquare(), "isSquare");
    }

    @Test
    void applyMatchesTheDenseProductAndOverwritesY() {
        LinearOperator op = operator();
        DMatrixRMaj d = expectedDense();
        for (int t = 0; t < 3; t++) {
            double[] x = RandomMatrices.gaussianVector(op.cols(), Seeds.of(10 + t));
            double[] x0 = x.clone();
            double[] y = new double[op.rows()];
            Arrays.fill(y, Double.NaN); // y is overwritten, never accumulated into
            op.apply(x, y);
            Tolerances.assertRelativeClose(times(d, x, false), y, TOL, op + " apply #" + t);
            assertTrue(Arrays.equals(x0, x), op + ": apply changed x");
            double[] y2 = new double[op.rows()];
            op.apply(x, y2);
            assertTrue(Arrays.equals(y, y2), op + ": a second apply on the same x gave a different answer");
        }
    }

    @Test
    void applyTransposeMatchesTheDenseProduct() {
        LinearOperator op = operator();
        DMatrixRMaj d = expectedDense();
        for (int t = 0; t < 3; t++) {
            double[] u = RandomMatrices.gaussianVector(op.rows(), Seeds.of(20 + t));
            double[] u0 = u.clone();
            double[] y = new double[op.cols()];
            Arrays.fill(y, Double.NaN);
            op.applyTranspose(u, y);
            Tolerances.assertRelativeClose(times(d, u, true), y, TOL, op + " applyTranspose #" + t);
            assertTrue(Arrays.equals(u0, u), op + ": applyTranspose changed x");
        }
    }

    @Test
    void adjointIdentityHolds() {
        // ⟨u, Ax⟩ = ⟨Aᵀu, x⟩, judged against the Cauchy-Schwarz scale ‖u‖·‖Ax‖ + ‖Aᵀu‖·‖x‖
        LinearOperator op = operator();
        for (int t = 0; t < 3; t++) {
            double[] x = RandomMatrices.gaussianVector(op.cols(), Seeds.of(30 + t));
            double[] u = RandomMatrices.gaussianVector(op.rows(), Seeds.of(40 + t));
            double[] ax = new double[op.rows()];
            double[] atu = new double[op.cols()];
            op.apply(x, ax);
            op.applyTranspose(u, atu);
            double lhs = dot(u, ax);
            double rhs = dot(atu, x);
            double scale = norm(u) * norm(ax) + norm(atu) * norm(x);
            assertTrue(Math.abs(lhs - rhs) <= TOL * Math.max(scale, Double.MIN_NORMAL),
                    op + ": <u, Ax> = " + lhs + " but <A^T u, x> = " + rhs);
        }
    }

    private static void assertExpected(String arg, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(arg) && e.getMessage().contains("expected"),
                "message should name " + arg + " and say what was expected: " + e.getMessage());
    }

    @Test
    void wrongLengthsAreRejected() {
        LinearOperator op = operator();
        int m = op.rows();
        int n = op.cols();
        assertExpected("x", () -> op.apply(new double[n + 1], new double[m]));
        assertExpected("y", () -> op.apply(new double[n], new double[m + 1]));
        assertExpected("x", () -> op.applyTranspose(new double[m + 1], new double[n]));
        assertExpected("y", () -> op.applyTranspose(new double[m], new double[n + 1]));
        if (n > 0) {
            assertExpected("x", () -> op.apply(new double[n - 1], new double[m]));
        }
        assertExpected("out", () -> op.diagonal(new double[Math.min(m, n) + 1]));
    }

    @Test
    void aliasedInputAndOutputAreRejected() {
        LinearOperator op = operator();
        double[] x = RandomMatrices.gaussianVector(op.cols(), Seeds.of(50));
        double[] x0 = x.clone();
        assertThrows(IllegalArgumentException.class, () -> op.apply(x, x));
        double[] u = RandomMatrices.gaussianVector(op.rows(), Seeds.of(51));
        assertThrows(IllegalArgumentException.class, () -> op.applyTranspose(u, u));
        assertTrue(Arrays.equals(x0, x), "a rejected call changed x");
        if (op.isSquare()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> op.apply(x, x));
            assertTrue(e.getMessage().contains("expected distinct"), e.getMessage());
        }
    }

    @Test
    void diagonalIsTheDenseDiagonalOrUntouched() {
        LinearOperator op = operator();
        DMatrixRMaj d = expectedDense();
        int k = Math.min(op.rows(), op.cols());
        double[] out = new double[k];
        Arrays.fill(out, SENTINEL);
        if (op.diagonal(out)) {
            double[] expected = new double[k];
            for (int i = 0; i < k; i++) {
                expected[i] = d.get(i, i);
            }
            Tolerances.assertRelativeClose(expected, out, TOL, op + " diagonal");
        } else {
            for (int i = 0; i < k; i++) {
                if (out[i] != SENTINEL) {
                    fail(op + ": diagonal returned false but wrote out[" + i + "] = " + out[i]
                            + " (the contract says out is left untouched)");
                }
            }
        }
    }

    @Test
    void structureTagsAreHonest() {
        LinearOperator op = operator();
        DMatrixRMaj a = Operators.toDense(op);
        double norm = Math.max(CommonOps_DDRM.elementMaxAbs(a), Double.MIN_NORMAL) * Math.max(1, a.numRows);
        if (!op.structure().isEmpty()) {
            assertTrue(op.isSquare(), op + ": tags on a non-square operator");
        }
        if (op.is(Structure.DIAGONAL)) {
            assertTrue(op.is(Structure.SYMMETRIC), op + ": DIAGONAL must imply SYMMETRIC");
            for (int i = 0; i < a.numRows; i++) {
                for (int j = 0; j < a.numCols; j++) {
                    if (i != j && a.get(i, j) != 0) {
                        fail(op + " is tagged DIAGONAL but A[" + i + "," + j + "] = " + a.get(i, j));
                    }
                }
            }
        }
        if (op.is(Structure.SYMMETRIC)) {
            for (int i = 0; i < a.numRows; i++) {
                for (int j = i + 1; j < a.numCols; j++) {
                    if (!(Math.abs(a.get(i, j) - a.get(j, i)) <= TOL * norm)) {
                        fail(op + " is tagged SYMMETRIC but A[" + i + "," + j + "] = " + a.get(i, j) + " vs A[" + j
                                + "," + i + "] = " + a.get(j, i));
                    }
                }
            }
        }
        if (op.is(Structure.POSITIVE_DEFINITE)) {
            assertTrue(op.is(Structure.POSITIVE_SEMIDEFINITE), op + ": PD must imply PSD");
        }
        if (op.is(Structure.POSITIVE_SEMIDEFINITE)) {
            assertTrue(op.is(Structure.SYMMETRIC), op + ": PSD tag without SYMMETRIC");
            double min = minEigenvalue(a);
            assertTrue(min >= -1e-10 * norm, op + " is tagged PSD but has eigenvalue " + min);
            if (op.is(Structure.POSITIVE_DEFINITE)) {
                assertTrue(min > 0, op + " is tagged PD but has eigenvalue " + min);
            }
        }
    }

    /** Smallest eigenvalue of the symmetric part (EJML symmetric eigen-solver). */
    protected static double minEigenvalue(DMatrixRMaj a) {
        DMatrixRMaj s = a.copy();
        RandomMatrices.symmetrize(s);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(s.numRows, false, true);
        if (!eig.decompose(s)) {
            fail("eigen-decomposition failed");
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.numRows; i++) {
            min = Math.min(min, eig.getEigenvalue(i).real);
        }
        return min;
    }

    @Test
    void toDenseEqualsTheExpectedMatrix() {
        Tolerances.assertRelativeClose(expectedDense(), Operators.toDense(operator()), TOL, "toDense");
    }
}
