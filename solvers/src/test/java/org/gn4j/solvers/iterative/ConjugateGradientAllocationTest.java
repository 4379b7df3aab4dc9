package org.gn4j.solvers.iterative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;
import org.gn4j.linalg.op.Structure;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.testkit.RandomMatrices;
import org.junit.jupiter.api.Test;

/**
 * The CG loop allocates nothing: the bytes this thread allocates in a solve (result object and message) must not grow
 * with the number of iterations. Measured with HotSpot's per-thread allocation counter, which counts exactly this
 * thread's allocations (JMH's {@code -prof gc} also counts other threads, see docs/BENCHMARKS.md).
 */
class ConjugateGradientAllocationTest {

    @Test
    void bytesPerSolveDoNotGrowWithIterations() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "HotSpot thread allocation counter unavailable");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(mx.isThreadAllocatedMemorySupported(), "thread allocation counter unsupported");
        mx.setThreadAllocatedMemoryEnabled(true);

        int n = 20_000;
        LinearOperator stencil = Operators.of(n, n, (u, v) -> {
            v[0] = 4 * u[0] - u[1];
            for (int i = 1; i < n - 1; i++) {
                v[i] = 4 * u[i] - u[i - 1] - u[i + 1];
            }
            v[n - 1] = 4 * u[n - 1] - u[n - 2];
        }, null, Structure.SYMMETRIC, Structure.POSITIVE_DEFINITE);
        double[] b = RandomMatrices.gaussianVector(n, 1);
        double[] x = new double[n];
        ConjugateGradient shortRun = new ConjugateGradient().withRelativeTolerance(0).withMaxIterations(10)
                .withResidualRecomputeInterval(7).prepare(stencil);
        ConjugateGradient longRun = new ConjugateGradient().withRelativeTolerance(0).withMaxIterations(99)
                .withResidualRecomputeInterval(7).prepare(stencil);
        for (int warm = 0; warm < 20; warm++) {
            shortRun.solve(b, x);
            longRun.solve(b, x);
        }
        long tid = Thread.currentThread().getId();
        // minimum over repeated samples: one-off costs (class loading, the counter's own first call) drop out
        long shortBytes = Long.MAX_VALUE;
        long longBytes = Long.MAX_VALUE;
        for (int rep = 0; rep < 5; rep++) {
            long t0 = mx.getThreadAllocatedBytes(tid);
            SolveStatus s1 = shortRun.solve(b, x).status();
            long t1 = mx.getThreadAllocatedBytes(tid);
            SolveStatus s2 = longRun.solve(b, x).status();
            long t2 = mx.getThreadAllocatedBytes(tid);
            assertEquals(SolveStatus.MAX_ITERATIONS, s1);
            assertEquals(SolveStatus.MAX_ITERATIONS, s2);
            shortBytes = Math.min(shortBytes, t1 - t0);
            longBytes = Math.min(longBytes, t2 - t1);
        }
        // 89 more iterations (and 12 more true-residual recomputations) may not cost a single allocation; the
        // message "iteration cap 99 reached" is one character longer than "... 10 ...", hence a small slack
        assertEquals(shortBytes, longBytes, 16.0,
                "bytes per solve: " + shortBytes + " for 10 iterations, " + longBytes + " for 99");
    }
}
