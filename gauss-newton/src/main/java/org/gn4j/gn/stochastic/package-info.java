/**
 * Stochastic optimizers over mini-batches behind one interface ({@link org.gn4j.gn.stochastic.Optimizer} on a
 * {@link org.gn4j.gn.stochastic.MiniBatchObjective}): the first-order baselines SGD (momentum, Nesterov, weight decay)
 * and Adam / AdamW with learning-rate schedules; the stochastic Gauss-Newton methods join them.
 */
package org.gn4j.gn.stochastic;
