package org.gn4j.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The central pool's parallel loop: exact coverage, exception propagation and nesting. */
class ComputePoolTest {

    private static void assertCoveredOnce(int n, int grain) {
        AtomicIntegerArray hits = new AtomicIntegerArray(Math.max(n, 1));
        AtomicInteger badRanges = new AtomicInteger();
        ComputePool.parallelFor(n, grain, (from, to) -> {
            if (from < 0 || to > n || from >= to) {
                badRanges.incrementAndGet();
                return;
            }
            for (int i = from; i < to; i++) {
                hits.incrementAndGet(i);
            }
        });
        assertEquals(0, badRanges.get(), "empty or out-of-range chunks for n=" + n + ", grain=" + grain);
        for (int i = 0; i < n; i++) {
            if (hits.get(i) != 1) {
                fail("index " + i + " visited " + hits.get(i) + " times (n=" + n + ", grain=" + grain + ")");
            }
        }
    }

    @Test
    void parallelForCoversEveryIndexExactlyOnce() {
        int[][] cases = {{0, 1}, {1, 1}, {7, 1}, {7, 100}, {100, 1}, {100, 3}, {1000, 7}, {1000, 64}, {1023, 1},
            {4096, 256}, {10_001, 13}, {100_000, 1000}};
        for (int[] c : cases) {
            assertCoveredOnce(c[0], c[1]);
        }
    }

    @Test
    void parallelForRunsOnThePoolForLargeLoops() {
        ConcurrentHashMap<String, Boolean> threads = new ConcurrentHashMap<>();
        // the caller takes part; chunks that last a while leave the workers time to wake and claim some
        ComputePool.parallelFor(10_000, 10, (from, to) -> {
            threads.put(Thread.currentThread().getName(), true);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (ComputePool.parallelism() > 1) {
            assertTrue(threads.keySet().stream().anyMatch(t -> t.startsWith("gn4j-compute-")),
                    "expected work on gn4j-compute threads, found " + threads.keySet());
        }
    }

    @Test
    void parallelForRejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComputePool.parallelFor(-1, 1, (a, b) -> { }));
        assertTrue(e.getMessage().startsWith("n") && e.getMessage().contains("expected"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ComputePool.parallelFor(10, 0, (a, b) -> { }));
        assertTrue(e.getMessage().startsWith("grain") && e.getMessage().contains("expected"), e.getMessage());
    }

    @Test
    void exceptionFromTheBodyPropagates() {
        for (int n : new int[] {5, 10_000}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ComputePool.parallelFor(n, 10, (from, to) -> {
                        if (from <= n / 2 && n / 2 < to) {
                            throw new IllegalStateException("boom at " + (n / 2));
                        }
                    }));
            // ForkJoin may rethrow a copy whose cause is the original; either way the message is kept
            String msg = e.getMessage() + " " + (e.getCause() == null ? "" : e.getCause().getMessage());
            assertTrue(msg.contains("boom at " + (n / 2)), msg);
        }
        // the pool is still usable afterwards
        assertCoveredOnce(5000, 10);
    }

    @Test
    void nestedParallelForFromInsideThePool() {
        int outer = 64;
        int inner = 500;
        AtomicIntegerArray hits = new AtomicIntegerArray(outer * inner);
        ComputePool.parallelFor(outer, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                int base = i * inner;
                ComputePool.parallelFor(inner, 7, (f, t) -> {
                    for (int j = f; j < t; j++) {
                        hits.incrementAndGet(base + j);
                    }
                });
            }
        });
        for (int i = 0; i < outer * inner; i++) {
            assertEquals(1, hits.get(i), "index " + i);
        }
    }

    @Test
    void poolIsTheConfiguredOne() {
        assertSame(ComputePool.pool(), ComputePool.pool());
        assertEquals(ComputePool.parallelism(), ComputePool.pool().getParallelism());
    }

    @Test
    void invalidThreadPropertyValuesFallBackToTheDefaultWithAReason() {
        for (String bad : new String[] {"0", "-1", "abc", "2.5", " "}) {
            ComputePool.Setting st = ComputePool.parse(bad, 4);
            assertEquals(4, st.parallelism(), "'" + bad + "'");
            if (!bad.isBlank()) {
                assertTrue(st.warning() != null && st.warning().contains(ComputePool.THREADS_PROPERTY)
                        && st.warning().contains(bad.trim()) && st.warning().contains("using the default 4"),
                        String.valueOf(st.warning()));
            }
        }
        ComputePool.Setting ok = ComputePool.parse("3", 4);
        assertEquals(3, ok.parallelism());
        assertEquals(null, ok.warning());
        assertEquals(4, ComputePool.parse(null, 4).parallelism());
    }

    @Test
    void absurdThreadCountsAreCappedAtAMultipleOfTheProcessors() {
        int cap = ComputePool.MAX_THREADS_PER_PROCESSOR * 2;
        for (String big : new String[] {"100000", "9999999999999"}) {
            ComputePool.Setting st = ComputePool.parse(big, 2);
            assertEquals(cap, st.parallelism(), big);
            assertTrue(st.warning() != null && st.warning().contains(big) && st.warning().contains("using " + cap),
                    String.valueOf(st.warning()));
        }
        assertEquals(cap, ComputePool.parse(String.valueOf(cap), 2).parallelism());
        assertEquals(null, ComputePool.parse(String.valueOf(cap), 2).warning());
    }

    @Test
    void nullLoopBodyIsAnIllegalArgumentNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComputePool.parallelFor(10, 1, null));
        assertTrue(e.getMessage().contains("body"), e.getMessage());
    }
}
