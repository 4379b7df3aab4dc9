package org.gn4j.gn.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

/**
 * Evaluating a compiled model allocates nothing: the bytes this thread allocates over many evaluations of value and
 * gradient must not grow with their number. Measured with HotSpot's per-thread allocation counter, as in the CG
 * allocation test of the solvers module.
 */
class CompiledModelAllocationTest {

    @Test
    void evaluationsDoNotAllocate() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "HotSpot thread allocation counter unavailable");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(mx.isThreadAllocatedMemorySupported(), "thread allocation counter unsupported");
        mx.setThreadAllocatedMemoryEnabled(true);

        CompiledModel m = ModelExpression.parse(
                "b1*exp( -b2*x ) + b3*exp( -(x-b4)**2 / b5**2 ) + b6*sin(b7*x)/sqrt(1+atan(b8*x)^2) - log(b1)");
        double[] params = {98, 0.01, 100, 67, 23, 72, 0.1, 0.5};
        double[] vars = new double[1];
        double[] grad = new double[8];
        double sink = 0;
        for (int warm = 0; warm < 20_000; warm++) {
            vars[0] = warm % 250;
            sink += m.valueAndGradient(vars, params, grad) + m.value(vars, params);
        }
        long tid = Thread.currentThread().getId();
        long fewBytes = Long.MAX_VALUE;
        long manyBytes = Long.MAX_VALUE;
        for (int rep = 0; rep < 5; rep++) {
            long t0 = mx.getThreadAllocatedBytes(tid);
            sink += run(m, vars, params, grad, 10);
            long t1 = mx.getThreadAllocatedBytes(tid);
            sink += run(m, vars, params, grad, 10_000);
            long t2 = mx.getThreadAllocatedBytes(tid);
            fewBytes = Math.min(fewBytes, t1 - t0);
            manyBytes = Math.min(manyBytes, t2 - t1);
        }
        assertEquals(fewBytes, manyBytes, 0.0, "bytes: " + fewBytes + " for 10 evaluations, " + manyBytes
                + " for 10000 (sink " + sink + ")");
    }

    private static double run(CompiledModel m, double[] vars, double[] params, double[] grad, int count) {
        double s = 0;
        for (int i = 0; i < count; i++) {
            vars[0] = i % 250;
            s += m.valueAndGradient(vars, params, grad) + m.value(vars, params);
        }
        return s;
    }
}
