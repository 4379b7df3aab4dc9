package org.gn4j.linalg;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

import org.ejml.concurrency.EjmlConcurrency;

/**
 * The one central thread pool that batch-parallel work in gn4j runs on. Its size is read once from the system
 * property {@code gn4j.threads} (default: all available processors); EJML's multi-threaded kernels are capped at the
 * same count so the two never oversubscribe the machine.
 */
public final class ComputePool {
    /** System property that sets the number of worker threads. */
    public static final String THREADS_PROPERTY = "gn4j.threads";

    /** Created on first use, so an invalid property is reported as an IllegalArgumentException on every call. */
    private static final class Holder {
        static final int PARALLELISM = readParallelism();
        static final ForkJoinPool POOL = new ForkJoinPool(PARALLELISM, pool -> {
            var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName("gn4j-compute-" + t.getPoolIndex());
            t.setDaemon(true);
            return t;
        }, null, false);

        static {
            EjmlConcurrency.setMaxThreads(PARALLELISM);
        }
    }

    private ComputePool() {
    }

    /** Validates the property before touching the holder, so a bad value never poisons class initialization. */
    private static int holder() {
        readParallelism();
        return Holder.PARALLELISM;
    }

    private static int readParallelism() {
        String v = System.getProperty(THREADS_PROPERTY);
        int cores = Runtime.getRuntime().availableProcessors();
        if (v == null || v.isBlank()) {
            return cores;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n <= 0) {
                throw new IllegalArgumentException(
                        "system property " + THREADS_PROPERTY + " is " + v + ", expected a positive integer");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "system property " + THREADS_PROPERTY + " is '" + v + "', expected a positive integer", e);
        }
    }

    /** Number of worker threads. */
    public static int parallelism() {
        return holder();
    }

    /** The pool itself, for callers that submit their own tasks. */
    public static ForkJoinPool pool() {
        holder();
        return Holder.POOL;
    }

    /** Body of a parallel loop over an index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over {@code [0, n)} split into chunks of at least {@code grain} indices, in parallel on the
     * pool when there is more than one chunk and more than one thread, inline otherwise. Exceptions thrown by the body
     * propagate to the caller.
     */
    public static void parallelFor(int n, int grain, RangeBody body) {
        ArgumentChecks.requireNonNegative("n", n);
        ArgumentChecks.requirePositive("grain", grain);
        int threads = parallelism();
        int chunks = Math.min(threads * 4, (n + grain - 1) / grain);
        if (chunks <= 1 || threads == 1) {
            if (n > 0) {
                body.run(0, n);
            }
            return;
        }
        if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == Holder.POOL) {
            new RangeTask(body, 0, n, Math.max(grain, n / chunks)).invoke();
        } else {
            Holder.POOL.invoke(new RangeTask(body, 0, n, Math.max(grain, n / chunks)));
        }
    }

    private static final class RangeTask extends RecursiveAction {
        private final RangeBody body;
        private final int from;
        private final int to;
        private final int grain;

        RangeTask(RangeBody body, int from, int to, int grain) {
            this.body = body;
            this.from = from;
            this.to = to;
            this.grain = grain;
        }

        @Override
        protected void compute() {
            if (to - from <= grain) {
                body.run(from, to);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new RangeTask(body, from, mid, grain), new RangeTask(body, mid, to, grain));
        }
    }
}
