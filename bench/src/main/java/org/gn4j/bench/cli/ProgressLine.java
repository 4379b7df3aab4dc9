package org.gn4j.bench.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress display on stderr that suits where stderr goes: on a terminal ({@link System#console()} present) one
 * line redrawn in place with {@code \r} at most ten times a second; in a log or a pipe a plain line every
 * {@value #LOG_INTERVAL_SECONDS} seconds, so that redirected output holds readable lines and no carriage returns.
 * {@link #eta} formats the overall counter and estimated time left of a suite.
 */
final class ProgressLine {
    /** Seconds between two lines when stderr is not a terminal. */
    static final long LOG_INTERVAL_SECONDS = 10;

    private final PrintWriter err;
    private final boolean enabled;
    private final boolean terminal;
    private final long intervalNanos;
    private long last = Long.MIN_VALUE;
    private int width;

    /**
     * @param err     where to write
     * @param enabled false: never writes ({@code --no-progress})
     */
    ProgressLine(PrintWriter err, boolean enabled) {
        this(err, enabled, System.console() != null);
    }

    ProgressLine(PrintWriter err, boolean enabled, boolean terminal) {
        this.err = err;
        this.enabled = enabled;
        this.terminal = terminal;
        this.intervalNanos = terminal ? 100_000_000L : LOG_INTERVAL_SECONDS * 1_000_000_000L;
    }

    /** Whether stderr is treated as a terminal (bars redrawn in place). */
    boolean terminal() {
        return terminal;
    }

    /**
     * Shows {@code text} if the interval since the last one has passed (or {@code force}).
     *
     * @param text  the progress text, one line
     * @param force show it regardless of the interval (a last update)
     */
    void show(String text, boolean force) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (!force && last != Long.MIN_VALUE && now - last < intervalNanos) {
            return;
        }
        last = now;
        if (terminal) {
            err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
            width = text.length();
        } else {
            err.println(text.strip());
        }
        err.flush();
    }

    /** Clears the redrawn line on a terminal (nothing to do in a log). */
    void clear() {
        if (enabled && terminal && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }

    /** A text bar of {@code width} characters, {@code fraction} of it filled. */
    static String bar(double fraction, int width) {
        int done = (int) Math.max(0, Math.min(width, Math.round(width * fraction)));
        return "[" + "=".repeat(done) + " ".repeat(width - done) + "]";
    }

    /**
     * The overall counter and estimated time left of a suite: {@code "run 3/14, 40 s elapsed, about 2 min 10 s
     * left"}, the estimate from the mean time of the runs done.
     *
     * @param done    runs finished
     * @param total   runs in all
     * @param seconds seconds since the suite started
     */
    static String eta(int done, int total, double seconds) {
        String head = String.format(Locale.ROOT, "run %d/%d, %s elapsed", Math.min(done + 1, total), total,
                duration(seconds));
        if (done == 0) {
            return head;
        }
        return head + ", about " + duration(seconds / done * (total - done)) + " left";
    }

    /** {@code 45 s}, {@code 3 min 5 s}, {@code 2 h 4 min}. */
    static String duration(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
