package org.gn4j.pinn.train;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.gn4j.gn.TerminationReason;

/**
 * The outcome of a training run.
 *
 * @param optimizer  the optimizer's description
 * @param parameters final parameters θ
 * @param history    the samples in order (the last one is the final state)
 * @param iterations iterations done
 * @param seconds    wall-clock seconds
 * @param status     why it stopped
 * @param message    details
 */
public record TrainingResult(String optimizer, double[] parameters, List<HistoryPoint> history, int iterations,
        double seconds, TerminationReason status, String message) {
    /**
     * Copies the history; a successful status with non-finite parameters or a non-finite final loss becomes
     * {@link TerminationReason#NON_FINITE} ({@link TerminationReason#given}).
     *
     * @param history the samples in order; copied
     * @param optimizer the optimizer's description
     * @param parameters final parameters θ (kept, not copied)
     * @param iterations iterations done
     * @param seconds wall-clock seconds
     * @param status why it stopped
     * @param message details
     */
    public TrainingResult {
        history = List.copyOf(history);
        TerminationReason claimed = status;
        status = status.given(parameters, history.isEmpty() ? null : new double[] {history.get(history.size() - 1)
                .loss()});
        if (status != claimed) {
            message = message + "; the result holds a non-finite value";
        }
    }

    /**
     * The last sample.
     *
     * @return the final sample
     * @throws IndexOutOfBoundsException if the history is empty
     */
    public HistoryPoint last() {
        return history.get(history.size() - 1);
    }

    /**
     * The smallest relative L2 error seen (NaN if none was measured).
     *
     * @return the smallest relative L2 error, or NaN
     */
    public double bestRelativeL2() {
        double best = Double.NaN;
        for (HistoryPoint h : history) {
            if (!Double.isNaN(h.relativeL2()) && !(h.relativeL2() >= best)) {
                best = h.relativeL2();
            }
        }
        return best;
    }

    /**
     * The first time (seconds) at which the relative L2 error was at or below the target, or NaN.
     *
     * @param target the target relative L2 error
     * @return the training seconds of the first sample at or below the target, or NaN if none reached it
     */
    public double secondsToReach(double target) {
        for (HistoryPoint h : history) {
            if (h.relativeL2() <= target) {
                return h.seconds();
            }
        }
        return Double.NaN;
    }

    /**
     * Writes the history as CSV: {@code iteration,seconds,loss,relative_l2,max_abs}.
     *
     * @param file the output file; created or overwritten (UTF-8)
     * @throws IOException on write failure
     */
    public void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("iteration,seconds,loss,relative_l2,max_abs\n");
            for (HistoryPoint h : history) {
                w.write(String.format(Locale.ROOT, "%d,%.4f,%.6e,%.6e,%.6e%n", h.iteration(), h.seconds(), h.loss(),
                        h.relativeL2(), h.maxAbs()));
            }
        }
    }
}
