package org.gn4j.bench.cli;

import java.time.Duration;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** A wall-clock budget option given in seconds as a double, checked and converted to a {@link Duration}. */
final class BudgetOption {
    private BudgetOption() {
    }

    /**
     * The budget of {@code seconds}, or null for {@code Infinity} (no limit). Finite budgets too long for a
     * {@link Duration} saturate at the longest one (which trainers cap further; any such budget is no practical
     * limit).
     *
     * @throws ParameterException naming the option unless {@code seconds} is positive (NaN, zero and negative
     *                            values are refused)
     */
    static Duration duration(CommandLine cl, String option, double seconds) {
        if (!(seconds > 0)) {
            throw new ParameterException(cl, option + " must be a positive number of seconds (or Infinity for no "
                    + "limit), found " + seconds);
        }
        if (seconds == Double.POSITIVE_INFINITY) {
            return null;
        }
        if (seconds >= Long.MAX_VALUE) {
            return Duration.ofSeconds(Long.MAX_VALUE);
        }
        long whole = (long) seconds;
        long nanos = Math.min(999_999_999L, Math.max(0L, Math.round((seconds - whole) * 1e9)));
        Duration d = Duration.ofSeconds(whole, nanos);
        return d.isZero() ? Duration.ofNanos(1) : d;
    }
}
