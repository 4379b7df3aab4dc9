package org.gn4j.linalg.op;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.testkit.RandomMatrices;
import org.gn4j.testkit.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Construction errors name the argument, what was found and what was expected. */
class OperatorConstructionTest {
    private static final DMatrixRMaj A32 = RandomMatrices.gaussian(3, 2, Seeds.of(1));
    private static final DMatrixRMaj A23 = RandomMatrices.gaussian(2, 3, Seeds.of(2));
    private static final DMatrixRMaj A42 = RandomMatrices.gaussian(4, 2, Seeds.of(3));

    private static String rejects(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message should contain '" + f + "': " + e.getMessage());
        }
        return e.getMessage();
    }

    @Test
    void sumOfMismatchedShapes() {
        rejects(() -> Operators.sum(Operators.dense(A32), Operators.dense(A23)), "b is 2x3", "expected 3x2");
    }

    @Test
    void shiftOfANonSquareOperator() {
        rejects(() -> Operators.shifted(Operators.dense(A32), 1.0), "a is 3x2", "expected a square");
        rejects(() -> Operators.shifted(Operators.identity(2), Double.POSITIVE_INFINITY), "lambda", "expected");
    }

    @Test
    void structureTagsOnANonSquareOperator() {
        rejects(() -> new DenseOperator(A32, Set.of(Structure.SYMMETRIC)), "SYMMETRIC", "found", "3x2",
                "expected a square");
        rejects(() -> Operators.of(3, 2, (x, y) -> { }, (x, y) -> { }, Structure.POSITIVE_SEMIDEFINITE), "found",
                "3x2", "expected a square");
    }

    @Test
    void normalOperatorWithWrongWeightShape() {
        rejects(() -> Operators.normal(Operators.dense(A42), Operators.identity(3)), "q is 3x3", "expected 4x4");
        rejects(() -> Operators.normal(Operators.dense(A42), Operators.dense(RandomMatrices.gaussian(4, 4, 9))),
                "q", "SYMMETRIC", "expected");
    }

    @Test
    void symmetricFactoryChecksShapeAndSymmetry() {
        rejects(() -> DenseOperator.symmetric(A32, false), "a is 3x2", "expected a square");
        DMatrixRMaj s = RandomMatrices.spd(4, 10, Seeds.of(4));
        s.set(0, 3, s.get(0, 3) + 1e-15);
        rejects(() -> DenseOperator.symmetric(s, true), "not symmetric", "a[0,3]");
    }

    @Test
    void otherBadArguments() {
        rejects(() -> Operators.scaled(Double.NaN, Operators.identity(2)), "alpha", "expected a finite");
        rejects(() -> Operators.diagonal(1, Double.NaN), "d[1]", "expected a finite");
        rejects(() -> Operators.blockDiagonal(List.of()), "blocks", "expected at least one");
        rejects(() -> Operators.of(2, 2, null, null), "forward");
        rejects(() -> Operators.of(-1, 2, (x, y) -> { }, null), "rows", "expected");
    }
}
