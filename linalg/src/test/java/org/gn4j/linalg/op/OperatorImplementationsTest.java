package org.gn4j.linalg.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gn4j.testkit.RandomMatrices;
import org.gn4j.testkit.Seeds;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every operator of the package (and the interesting configurations of each) against the
 * {@link LinearOperatorContract}; the expected dense matrices are built with EJML, independently of the operators.
 */
class OperatorImplementationsTest {
    static final DMatrixRMaj RECT = RandomMatrices.gaussian(7, 4, Seeds.of(1));
    static final DMatrixRMaj RECT2 = RandomMatrices.gaussian(7, 4, Seeds.of(2));
    static final DMatrixRMaj SPD5 = RandomMatrices.spd(5, 100, Seeds.of(3));
    static final DMatrixRMaj SPD7 = RandomMatrices.spd(7, 10, Seeds.of(4));
    static final DMatrixRMaj SQUARE5 = RandomMatrices.gaussian(5, 5, Seeds.of(5));
    static final double[] POS5 = {1.5, 2, 0.25, 4, 3};
    static final double[] MIXED5 = {1.5, -2, 0, 4, -3};
    static final double[] PSD7 = {2, 0, 1, 3, 0.5, 1, 4};

    static DMatrixRMaj diag(double... d) {
        return CommonOps_DDRM.diag(d);
    }

    static DMatrixRMaj add(DMatrixRMaj a, DMatrixRMaj b) {
        return CommonOps_DDRM.add(a, b, null);
    }

    static DMatrixRMaj scale(double s, DMatrixRMaj a) {
        DMatrixRMaj c = a.copy();
        CommonOps_DDRM.scale(s, c);
        return c;
    }

    /** {@code AᵀQA} (Q null: identity) by EJML. */
    static DMatrixRMaj normal(DMatrixRMaj a, DMatrixRMaj q) {
        DMatrixRMaj qa = q == null ? a : CommonOps_DDRM.mult(q, a, null);
        DMatrixRMaj out = new DMatrixRMaj(a.numCols, a.numCols);
        CommonOps_DDRM.multTransA(a, qa, out);
        return out;
    }

    /** A matrix-free view of {@code m}: the products as loops over the matrix, no diagonal available. */
    static FunctionOperator matrixFree(DMatrixRMaj m, Structure... tags) {
        return Operators.of(m.numRows, m.numCols,
                (x, y) -> CommonOps_DDRM.mult(m, DMatrixRMaj.wrap(x.length, 1, x), DMatrixRMaj.wrap(y.length, 1, y)),
                (x, y) -> CommonOps_DDRM.multTransA(m, DMatrixRMaj.wrap(x.length, 1, x),
                        DMatrixRMaj.wrap(y.length, 1, y)),
                tags);
    }

    static void assertTags(LinearOperator op, Structure... expected) {
        Set<Structure> want = expected.length == 0 ? EnumSet.noneOf(Structure.class)
                : EnumSet.of(expected[0], expected);
        assertEquals(want, EnumSet.copyOf(op.structure().isEmpty() ? EnumSet.noneOf(Structure.class)
                : EnumSet.copyOf(op.structure())), op + " tags");
    }

    @Nested
    class DenseRectangular extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.dense(RECT);
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            return RECT;
        }

        @Test
        void referencesTheMatrixAndHasNoTags() {
            DMatrixRMaj m = RECT.copy();
            DenseOperator op = new DenseOperator(m);
            assertTags(op);
            m.set(0, 0, 100.0);
            double[] y = new double[7];
            op.apply(new double[] {1, 0, 0, 0}, y);
            assertEquals(100.0, y[0], 0.0, "later changes to the matrix are seen");
        }
    }

    @Nested
    class DenseSymmetricPositiveDefinite extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return DenseOperator.symmetric(SPD5, true);
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            return SPD5;
        }

        @Test
        void tags() {
            assertTags(DenseOperator.symmetric(SPD5, true), Structure.SYMMETRIC, Structure.POSITIVE_DEFINITE);
            assertTags(DenseOperator.symmetric(SPD5, false), Structure.SYMMETRIC);
        }
    }

    @Nested
    class DiagonalPositive extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.diagonal(POS5);
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            return diag(POS5);
        }

        @Test
        void tagsAndCopy() {
            double[] d = POS5.clone();
            DiagonalOperator op = new DiagonalOperator(d);
            assertTags(op, Structure.DIAGONAL, Structure.SYMMETRIC, Structure.POSITIVE_SEMIDEFINITE,
                    Structure.POSITIVE_DEFINITE);
            d[0] = -1;
            assertEquals(1.5, op.get(0), 0.0, "the diagonal is copied");
            assertTags(Operators.identity(3), Structure.DIAGONAL, Structure.SYMMETRIC,
                    Structure.POSITIVE_SEMIDEFINITE, Structure.POSITIVE_DEFINITE);
        }
    }

    @Nested
    class DiagonalIndefinite extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.diagonal(MIXED5);
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            return diag(MIXED5);
        }

        @Test
        void tags() {
            assertTags(operator(), Structure.DIAGONAL, Structure.SYMMETRIC);
            assertTags(Operators.diagonal(0, 1, 2), Structure.DIAGONAL, Structure.SYMMETRIC,
                    Structure.POSITIVE_SEMIDEFINITE);
        }
    }

    @Nested
    class FunctionWrappingDense extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return matrixFree(RECT);
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            return RECT;
        }

        @Test
        void symmetricWithoutTransposeUsesTheForwardProduct() {
            FunctionOperator op = Operators.of(5, 5, (x, y) -> CommonOps_DDRM.mult(SPD5,
                    DMatrixRMaj.wrap(5, 1, x), DMatrixRMaj.wrap(5, 1, y)), null, Structure.SYMMETRIC);
            Tolerances.assertRelativeClose(SPD5, Operators.toDense(op), TOL, "forward");
            double[] u = RandomMatrices.gaussianVector(5, Seeds.of(60));
            double[] y = new double[5];
            op.applyTranspose(u, y);
            double[] e = new double[5];
            CommonOps_DDRM.mult(SPD5, DMatrixRMaj.wrap(5, 1, u), DMatrixRMaj.wrap(5, 1, e));
            Tolerances.assertRelativeClose(e, y, TOL, "transpose through forward");
        }

        @Test
        void withoutTransposeApplyTransposeIsUnsupported() {
            FunctionOperator op = Operators.of(7, 4, (x, y) -> { }, null);
            assertThrows(UnsupportedOperationException.class, () -> op.applyTranspose(new double[7], new double[4]));
        }
    }

    /** A + B where only A knows its diagonal: diagonal() must say false and leave out alone. */
    @Nested
    class SumRectangularWithMatrixFreeTerm extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.sum(Operators.dense(RECT), matrixFree(RECT2));
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            return add(RECT, RECT2);
        }

        @Test
        void tags() {
            assertTags(operator());
        }
    }

    @Nested
    class SumSymmetricPlusDiagonal extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.sum(DenseOperator.symmetric(SPD5, false), Operators.diagonal(POS5));
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            return add(SPD5, diag(POS5));
        }

        @Test
        void tagsAndDiagonal() {
            // symmetric (not PSD-tagged) + PD diagonal: only SYMMETRIC survives
            assertTags(operator(), Structure.SYMMETRIC);
            assertTags(Operators.sum(DenseOperator.symmetric(SPD5, true), Operators.diagonal(0, 0, 0, 0, 0)),
                    Structure.SYMMETRIC, Structure.POSITIVE_SEMIDEFINITE, Structure.POSITIVE_DEFINITE);
            assertTags(Operators.sum(Operators.diagonal(POS5), Operators.diagonal(MIXED5)), Structure.SYMMETRIC,
                    Structure.DIAGONAL);
            assertTrue(operator().diagonal(new double[5]), "both terms know their diagonal");
        }
    }

    @Nested
    class ScaledPositive extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.scaled(2.5, DenseOperator.symmetric(SPD5, true));
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            return scale(2.5, SPD5);
        }

        @Test
        void tags() {
            assertTags(operator(), Structure.SYMMETRIC, Structure.POSITIVE_SEMIDEFINITE, Structure.POSITIVE_DEFINITE);
            assertTags(Operators.scaled(0.0, DenseOperator.symmetric(SPD5, true)), Structure.SYMMETRIC,
                    Structure.POSITIVE_SEMIDEFINITE);
            assertTags(Operators.scaled(3, Operators.diagonal(POS5)), Structure.SYMMETRIC, Structure.DIAGONAL,
                    Structure.POSITIVE_SEMIDEFINITE, Structure.POSITIVE_DEFINITE);
        }
    }

    @Nested
    class ScaledNegative extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.scaled(-0.75, DenseOperator.symmetric(SPD5, true));
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            return scale(-0.75, SPD5);
        }

        @Test
        void negativeScaleDropsDefiniteness() {
            LinearOperator op = operator();
            assertTags(op, Structure.SYMMETRIC);
            assertFalse(op.is(Structure.POSITIVE_SEMIDEFINITE));
            assertTags(Operators.scaled(-2, Operators.diagonal(POS5)), Structure.SYMMETRIC, Structure.DIAGONAL);
        }
    }

    @Nested
    class ScaledRectangular extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.scaled(-3, Operators.dense(RECT));
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            return scale(-3, RECT);
        }
    }

    @Nested
    class ShiftedNormal extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.shifted(Operators.normal(Operators.dense(RECT)), 0.5);
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            return add(normal(RECT, null), scale(0.5, CommonOps_DDRM.identity(4)));
        }

        @Test
        void setShiftChangesTheProduct() {
            ShiftedOperator op = Operators.shifted(Operators.normal(Operators.dense(RECT)), 0.5);
            assertTags(op, Structure.SYMMETRIC, Structure.POSITIVE_SEMIDEFINITE, Structure.POSITIVE_DEFINITE);
            op.setShift(3.0);
            assertEquals(3.0, op.shift(), 0.0);
            DMatrixRMaj expected = add(normal(RECT, null), scale(3.0, CommonOps_DDRM.identity(4)));
            Tolerances.assertRelativeClose(expected, Operators.toDense(op), TOL, "after setShift(3)");
            double[] d = new double[4];
            assertTrue(op.diagonal(d));
            for (int i = 0; i < 4; i++) {
                Tolerances.assertRelativeClose(expected.get(i, i), d[i], TOL, "diagonal " + i);
            }
        }

        @Test
        void setShiftRejectsValuesThatBreakTheTags() {
            ShiftedOperator op = Operators.shifted(Operators.normal(Operators.dense(RECT)), 0.5);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> op.setShift(-1));
            assertTrue(e.getMessage().startsWith("lambda") && e.getMessage().contains("expected"), e.getMessage());
            // PD came from λ > 0 on a merely PSD A, so λ = 0 would break it
            e = assertThrows(IllegalArgumentException.class, () -> op.setShift(0));
            assertTrue(e.getMessage().contains("expected > 0"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> op.setShift(Double.NaN));
            assertEquals(0.5, op.shift(), 0.0, "a rejected shift leaves λ unchanged");
            // on a PD operator λ = 0 keeps PD
            ShiftedOperator pd = Operators.shifted(DenseOperator.symmetric(SPD5, true), 1);
            pd.setShift(0);
            assertTrue(pd.is(Structure.POSITIVE_DEFINITE));
            // without definiteness tags any finite shift is allowed
            ShiftedOperator general = Operators.shifted(Operators.dense(SQUARE5), 1);
            assertTags(general);
            general.setShift(-4);
            Tolerances.assertRelativeClose(add(SQUARE5, scale(-4, CommonOps_DDRM.identity(5))),
                    Operators.toDense(general), TOL, "general shifted by -4");
        }

        @Test
        void negativeInitialShiftOnPsdGivesNoDefiniteness() {
            ShiftedOperator op = Operators.shifted(Operators.normal(Operators.dense(RECT)), -0.1);
            assertTags(op, Structure.SYMMETRIC);
        }
    }

    @Nested
    class ShiftedGeneralSquare extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.shifted(Operators.dense(SQUARE5), -1.25);
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            return add(SQUARE5, scale(-1.25, CommonOps_DDRM.identity(5)));
        }
    }

    @Nested
    class NormalAtA extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.normal(Operators.dense(RECT));
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            return normal(RECT, null);
        }

        @Test
        void tagsAndDiagonal() {
            assertTags(operator(), Structure.SYMMETRIC, Structure.POSITIVE_SEMIDEFINITE);
            assertTrue(operator().diagonal(new double[4]), "dense A: diagonal available");
            assertFalse(Operators.normal(matrixFree(RECT)).diagonal(new double[4]), "matrix-free A: none");
        }
    }

    @Nested
    class NormalMatrixFree extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.normal(matrixFree(RECT));
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            return normal(RECT, null);
        }
    }

    @Nested
    class NormalWithDiagonalQ extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.normal(Operators.dense(RECT), Operators.diagonal(PSD7));
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            return normal(RECT, diag(PSD7));
        }

        @Test
        void tagsAndDiagonal() {
            assertTags(operator(), Structure.SYMMETRIC, Structure.POSITIVE_SEMIDEFINITE);
            assertTrue(operator().diagonal(new double[4]));
            // an indefinite diagonal weight keeps only the symmetry
            assertTags(Operators.normal(Operators.dense(RECT), Operators.diagonal(-1, 1, 1, 1, 1, 1, 1)),
                    Structure.SYMMETRIC);
        }
    }

    @Nested
    class NormalWithDenseSymmetricQ extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.normal(Operators.dense(RECT), DenseOperator.symmetric(SPD7, true));
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            return normal(RECT, SPD7);
        }

        @Test
        void tags() {
            assertTags(operator(), Structure.SYMMETRIC, Structure.POSITIVE_SEMIDEFINITE);
            assertTags(Operators.normal(Operators.dense(RECT), DenseOperator.symmetric(SPD7, false)),
                    Structure.SYMMETRIC);
        }
    }

    /** Mixed rectangular blocks: 2×2 diagonal, 2×3 dense, 3×1 dense (7×6 in all). */
    @Nested
    class BlockDiagonalMixed extends LinearOperatorContract {
        final DMatrixRMaj b2 = RandomMatrices.gaussian(2, 3, Seeds.of(70));
        final DMatrixRMaj b3 = RandomMatrices.gaussian(3, 1, Seeds.of(71));

        @Override
        protected LinearOperator operator() {
            return Operators.blockDiagonal(Operators.diagonal(2, -3), Operators.dense(b2), Operators.dense(b3));
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            DMatrixRMaj out = new DMatrixRMaj(7, 6);
            CommonOps_DDRM.insert(diag(2, -3), out, 0, 0);
            CommonOps_DDRM.insert(b2, out, 2, 2);
            CommonOps_DDRM.insert(b3, out, 4, 5);
            return out;
        }

        @Test
        void blocksAndTags() {
            BlockDiagonalOperator op = (BlockDiagonalOperator) operator();
            assertEquals(3, op.blockCount());
            assertEquals(2, op.block(1).rows());
            assertTags(op);
        }
    }

    /** Square blocks that all know their diagonal: the global diagonal is available. */
    @Nested
    class BlockDiagonalSquare extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.blockDiagonal(List.of(Operators.diagonal(POS5), DenseOperator.symmetric(SPD7, true),
                    Operators.normal(Operators.dense(RECT))));
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            DMatrixRMaj out = new DMatrixRMaj(16, 16);
            CommonOps_DDRM.insert(diag(POS5), out, 0, 0);
            CommonOps_DDRM.insert(SPD7, out, 5, 5);
            CommonOps_DDRM.insert(normal(RECT, null), out, 12, 12);
            return out;
        }

        @Test
        void tagsAndDiagonal() {
            assertTags(operator(), Structure.SYMMETRIC, Structure.POSITIVE_SEMIDEFINITE);
            assertTrue(operator().diagonal(new double[16]));
            assertTags(Operators.blockDiagonal(Operators.diagonal(POS5), Operators.identity(2)), Structure.SYMMETRIC,
                    Structure.DIAGONAL, Structure.POSITIVE_SEMIDEFINITE, Structure.POSITIVE_DEFINITE);
        }
    }

    /** Square blocks where a later one is matrix-free: diagonal() must say false and leave out alone. */
    @Nested
    class BlockDiagonalWithMatrixFreeBlock extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.blockDiagonal(Operators.diagonal(POS5), matrixFree(SQUARE5));
        }

        @Override
        protected DMatrixRMaj expectedDense() {
            DMatrixRMaj out = new DMatrixRMaj(10, 10);
            CommonOps_DDRM.insert(diag(POS5), out, 0, 0);
            CommonOps_DDRM.insert(SQUARE5, out, 5, 5);
            return out;
        }
    }
}
