package org.gn4j.bench.sgnpaper;

import java.util.List;

import org.gn4j.gn.TerminationReason;
import org.gn4j.nn.train.EpochMetrics;

/**
 * One training run of the protocol: a configuration with one seed on one problem, its per-epoch history (seconds on
 * the training clock, which leaves out the test evaluations), its timeline (the epoch rows and the mid-epoch test
 * evaluations, in time order) and how it ended.
 *
 * @param problem the problem's name
 * @param config the configuration's name
 * @param family the configuration's family (sgd, adam, sgn, egn)
 * @param seed the seed of the run
 * @param history one row per epoch, times on the training clock
 * @param timeline the epoch rows and the mid-epoch test evaluations, in time order
 * @param status how the run ended
 * @param steps optimizer steps taken
 * @param seconds training-clock seconds of the whole run
 */
public record Run(String problem, String config, String family, long seed, List<EpochMetrics> history,
        List<EpochMetrics> timeline, TerminationReason status, long steps, double seconds) {

    /**
     * A run whose only evaluations are at the ends of epochs.
     *
     * @param problem the problem's name
     * @param config the configuration's name
     * @param family the configuration's family (sgd, adam, sgn, egn)
     * @param seed the seed of the run
     * @param history one row per epoch; also used as the timeline
     * @param status how the run ended
     * @param steps optimizer steps taken
     * @param seconds training-clock seconds of the whole run
     */
    public Run(String problem, String config, String family, long seed, List<EpochMetrics> history,
            TerminationReason status, long steps, double seconds) {
        this(problem, config, family, seed, history, history, status, steps, seconds);
    }

    /**
     * The last evaluation (epoch end or mid-epoch) made within {@code t} seconds, or null if none.
     *
     * @param t a time on the training clock, in seconds
     * @return the last timeline entry with {@code seconds() ≤ t}, or null
     */
    public EpochMetrics at(double t) {
        EpochMetrics last = null;
        for (EpochMetrics m : timeline) {
            if (m.seconds() <= t) {
                last = m;
            } else {
                break;
            }
        }
        return last;
    }

    /**
     * Mean training seconds per step over the run (NaN without steps).
     *
     * @return {@code seconds / steps}, in seconds, or NaN when no step was taken
     */
    public double secondsPerStep() {
        return steps > 0 ? seconds / steps : Double.NaN;
    }

    /** The metric value of an epoch. */
    static double metric(EpochMetrics m, Protocol.Metric metric) {
        if (m == null) {
            return Double.NaN;
        }
        return metric == Protocol.Metric.TEST_ACCURACY ? m.testAccuracy() : m.testLoss();
    }
}
