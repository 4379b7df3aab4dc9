package org.gn4j.pinn.train;

/**
 * One sample of a training history.
 *
 * @param iteration  iterations done (optimizer steps, including rejected trial steps for damped methods)
 * @param seconds    wall-clock seconds since the start
 * @param loss       the least-squares cost {@code ½‖r‖²} at the current parameters
 * @param relativeL2 relative L2 error on the evaluation points (NaN without them)
 * @param maxAbs     maximum absolute error on the evaluation points (NaN without them)
 */
public record HistoryPoint(int iteration, double seconds, double loss, double relativeL2, double maxAbs) {
}
