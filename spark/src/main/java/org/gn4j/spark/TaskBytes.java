package org.gn4j.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Counts what the tasks of a Spark context move, from their task metrics: the serialized results the result tasks
 * send to the driver, and the bytes shuffle-map tasks write (one tree level of {@link OrderedSums}). Used by the
 * pass benchmarks to check the bytes-per-aggregation model of docs/SCALING.md against Spark's own counts.
 */
final class TaskBytes extends SparkListener {
    private final JavaSparkContext jsc;
    private long resultBytes;
    private long shuffleBytes;
    private long resultTasks;
    private long shuffleTasks;

    private TaskBytes(JavaSparkContext jsc) {
        this.jsc = jsc;
    }

    /** A counter registered with the context (it counts every task that ends from now on). */
    static TaskBytes attach(JavaSparkContext jsc) {
        TaskBytes t = new TaskBytes(jsc);
        jsc.sc().addSparkListener(t);
        return t;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.taskMetrics() == null) {
            return;
        }
        if ("ResultTask".equals(end.taskType())) {
            resultBytes += end.taskMetrics().resultSize();
            resultTasks++;
        } else {
            shuffleBytes += end.taskMetrics().shuffleWriteMetrics().bytesWritten();
            shuffleTasks++;
        }
    }

    /** Waits until the listener bus has delivered every event so far, then zeroes the counts. */
    void reset() {
        drain();
        synchronized (this) {
            resultBytes = 0;
            shuffleBytes = 0;
            resultTasks = 0;
            shuffleTasks = 0;
        }
    }

    /** The counts since the last reset, as {result bytes, result tasks, shuffle bytes, shuffle tasks}. */
    long[] read() {
        drain();
        synchronized (this) {
            return new long[] {resultBytes, resultTasks, shuffleBytes, shuffleTasks};
        }
    }

    private void drain() {
        try {
            jsc.sc().listenerBus().waitUntilEmpty();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Spark's listener bus did not drain", e);
        }
    }
}
