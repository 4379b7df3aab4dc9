package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.StepSolver;
import org.junit.jupiter.api.Test;

class MatrixFreeCommandTest {
    @Test
    void largeMatrixFreeFitReturnsWithoutFormingTheJacobian() {
        int m = 100_000;
        int n = 1000;
        double[] start = new double[n];
        java.util.Arrays.fill(start, 1.2);
        Optimum o = new LevenbergMarquardt().withStepSolver(StepSolver.CG)
                .optimize(MatrixFreeCommand.problem(m, n), start);
        assertTrue(o.reason().success(), o.summary());
        for (int j = 0; j < n; j++) {
            assertEquals(MatrixFreeCommand.truth(j), o.parameter(j), 1e-10, "parameter " + j);
        }
        // 8·m·n bytes = 763 MiB: the standard errors are reported unavailable, with the reason, not computed
        assertFalse(o.hasCovariance());
        assertTrue(o.covarianceNote().contains("matrix-free") && o.covarianceNote().contains("763 MiB"),
                o.covarianceNote());
        IllegalStateException e = assertThrows(IllegalStateException.class, o::standardErrors);
        assertTrue(e.getMessage().contains("matrix-free"), e.getMessage());
    }

    @Test
    void smallMatrixFreeFitHasStandardErrors() {
        int m = 2000;
        int n = 20;
        double[] start = new double[n];
        java.util.Arrays.fill(start, 1.2);
        Optimum o = new LevenbergMarquardt().withStepSolver(StepSolver.CG)
                .optimize(MatrixFreeCommand.problem(m, n), start);
        assertTrue(o.hasCovariance(), o.covarianceNote());
        assertEquals(n, o.standardErrors().length);
    }
}
