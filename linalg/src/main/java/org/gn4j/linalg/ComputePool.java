package org.gn4j.linalg;

import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.ejml.concurrency.EjmlConcurrency;

/**
 * The one central thread pool that batch-parallel work in gn4j runs on. Its size is read once from the system
 * property {@code gn4j.threads} (default: all available processors); EJML's multi-threaded kernels are capped at the
 * same count so the two never oversubscribe the machine.
 *
 * <p>An invalid property value never fails a computation: a value that is not an integer, or is below 1, is
 * replaced by the default, and a value above {@link #maxThreads()} ({@value #MAX_THREADS_PER_PROCESSOR} × the
 * available processors) is capped there. {@link #configurationWarning()} then says what was read and what is used;
 * the library never prints it, command-line front ends do.
 */
public final class ComputePool {
    /** System property that sets the number of worker threads. */
    public static final String THREADS_PROPERTY = "gn4j.threads";

    /** The thread count is capped at this multiple of the available processors. */
    public static final int MAX_THREADS_PER_PROCESSOR = 8;

    /** The thread count read from the property, and the warning when the property was not used as given. */
    record Setting(int parallelism, String warning) {
    }

    /** Created on first use; reading the property cannot fail, so initialization cannot either. */
    private static final class Holder {
        static final Setting SETTING = parse(System.getProperty(THREADS_PROPERTY),
                Runtime.getRuntime().availableProcessors());
        static final int PARALLELISM = SETTING.parallelism();
        static final ForkJoinPool POOL = new ForkJoinPool(PARALLELISM, new WorkerFactory(), null, false);

        static {
            EjmlConcurrency.setMaxThreads(PARALLELISM);
        }
    }

    /** Daemon workers named {@code gn4j-compute-N}. */
    private static final class WorkerFactory implements ForkJoinPool.ForkJoinWorkerThreadFactory {
        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName("gn4j-compute-" + t.getPoolIndex());
            t.setDaemon(true);
            return t;
        }
    }

    private ComputePool() {
    }

    /**
     * The thread count for property value {@code value} (null: unset) on a machine with {@code cores} processors:
     * the default {@code cores} for an unset, blank, non-integer or non-positive value, at most
     * {@code MAX_THREADS_PER_PROCESSOR · cores}; with a warning whenever the value was not used as given.
     */
    static Setting parse(String value, int cores) {
        int max = maxThreads(cores);
        if (value == null || value.isBlank()) {
            return new Setting(Math.min(cores, max), null);
        }
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return new Setting(cores, "system property " + THREADS_PROPERTY + " is '" + value
                    + "', expected a positive integer; using the default " + cores + " (the available processors)");
        }
        if (n <= 0) {
            return new Setting(cores, "system property " + THREADS_PROPERTY + " is " + n
                    + ", expected a positive integer; using the default " + cores + " (the available processors)");
        }
        if (n > max) {
            return new Setting(max, "system property " + THREADS_PROPERTY + " is " + n + ", more than "
                    + MAX_THREADS_PER_PROCESSOR + " threads per available processor; using " + max);
        }
        return new Setting((int) n, null);
    }

    private static int maxThreads(int cores) {
        return (int) Math.min(32767, (long) MAX_THREADS_PER_PROCESSOR * Math.max(1, cores));
    }

    /**
     * The largest thread count the property can set: {@value #MAX_THREADS_PER_PROCESSOR} × available processors.
     *
     * @return {@value #MAX_THREADS_PER_PROCESSOR} × {@link Runtime#availableProcessors()}, at most 32767
     */
    public static int maxThreads() {
        return maxThreads(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Why the {@value #THREADS_PROPERTY} property was not used as given (not an integer, below 1 or above
     * {@link #maxThreads()}) and what is used instead; empty when it was used as given or is unset.
     *
     * @return the warning about the property value, or empty when it was used as given or is unset
     */
    public static Optional<String> configurationWarning() {
        return Optional.ofNullable(Holder.SETTING.warning());
    }

    /**
     * Number of worker threads.
     *
     * @return the number of worker threads of {@link #pool()}, {@code >= 1}, fixed for the life of the process
     */
    public static int parallelism() {
        return Holder.PARALLELISM;
    }

    /**
     * The pool itself, for callers that submit their own tasks.
     *
     * @return the shared pool; its worker threads are daemon threads named {@code gn4j-compute-N}
     */
    public static ForkJoinPool pool() {
        return Holder.POOL;
    }

    /**
     * Body of a parallel loop over an index range {@code [from, to)}.
     *
     * <p>A body is called once per chunk, so a handful of times per loop: HotSpot compiles the loop inside it only by
     * on-stack replacement, after tens of thousands of iterations, and runs it interpreted until then. Loops that must
     * be fast in the first solve of a JVM call a small method once per index (per camera, point or observation), which
     * is compiled after a few hundred calls. Such loops are also written as nested or anonymous classes rather than
     * lambdas: a lambda is linked on its first call by generating a class at run time, a few milliseconds per call
     * site in a fresh JVM, where a compiled class is loaded in a fraction of that.
     */
    @FunctionalInterface
    public interface RangeBody {
        /**
         * Processes the indices {@code [from, to)}; called once per chunk, possibly from several threads at once on
         * disjoint ranges.
         *
         * @param from first index of the chunk, inclusive
         * @param to end of the chunk, exclusive; {@code from < to}
         */
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over {@code [0, n)} split into chunks of at least {@code grain} indices, in parallel on the
     * pool when there is more than one chunk and more than one thread, inline otherwise. A caller outside the pool
     * takes part: it and up to parallelism − 1 pool workers claim chunks until none is left (so a loop of a few
     * hundred microseconds does not wait for a worker to wake), and the call returns when every chunk has finished.
     * Exceptions thrown by the body propagate to the caller.
     *
     * @param n number of indices, {@code >= 0}; nothing runs for 0
     * @param grain smallest chunk size, {@code >= 1}; larger values mean fewer, longer tasks
     * @param body the loop body, run on disjoint chunks that together cover {@code [0, n)} once; not null
     * @throws IllegalArgumentException if {@code n < 0}, {@code grain < 1} or {@code body} is null
     */
    public static void parallelFor(int n, int grain, RangeBody body) {
        ArgumentChecks.requireNonNegative("n", n);
        ArgumentChecks.requirePositive("grain", grain);
        if (body == null) {
            throw new IllegalArgumentException("body must not be null");
        }
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
            new SharedLoop(body, n, Math.max(grain, n / chunks)).run(threads - 1);
        }
    }

    /**
     * A loop run from outside the pool: the calling thread and up to {@code helpers} pool workers claim chunks from
     * one counter until none is left, so the caller works instead of waiting for a worker to wake, and a worker that
     * starts late finds nothing to do and returns. The caller returns once every chunk has finished.
     */
    private static final class SharedLoop implements Runnable {
        /** Spins before the caller parks to wait for chunks still running on workers. */
        private static final int SPINS = 1 << 12;

        private final RangeBody body;
        private final int n;
        private final int size;
        private final int count;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final Thread caller = Thread.currentThread();
        private volatile Throwable failure;

        SharedLoop(RangeBody body, int n, int size) {
            this.body = body;
            this.n = n;
            this.size = size;
            this.count = (int) ((n + (long) size - 1) / size);
        }

        void run(int helpers) {
            for (int h = 0; h < Math.min(helpers, count - 1); h++) {
                Holder.POOL.execute(this);
            }
            work();
            for (int spin = 0; done.get() < count; spin++) {
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            Throwable t = failure;
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t instanceof Error) {
                throw (Error) t;
            }
            if (t != null) {
                throw new IllegalStateException("parallel loop body failed: " + t, t);
            }
        }

        /** A pool worker's part: {@link #work}. */
        @Override
        public void run() {
            work();
        }

        /** Claims and runs chunks until none is left; the thread finishing the last one wakes the caller. */
        private void work() {
            for (int c = next.getAndIncrement(); c < count; c = next.getAndIncrement()) {
                try {
                    if (failure == null) {
                        int from = c * size;
                        body.run(from, (int) Math.min(n, (long) from + size));
                    }
                } catch (Throwable t) {
                    synchronized (this) {
                        if (failure == null) {
                            failure = t;
                        }
                    }
                }
                if (done.incrementAndGet() == count && Thread.currentThread() != caller) {
                    LockSupport.unpark(caller);
                }
            }
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
