/**
 * Stochastic optimizers over mini-batches behind one interface ({@link org.gn4j.gn.stochastic.Optimizer} on a
 * {@link org.gn4j.gn.stochastic.MiniBatchObjective}): the first-order baselines SGD (momentum, Nesterov, weight decay)
 * and Adam / AdamW with learning-rate schedules, and the stochastic Gauss-Newton methods
 * {@link org.gn4j.gn.stochastic.Sgn} (Hessian-free conjugate gradient on the mini-batch GGN, adaptive CG iterations)
 * and {@link org.gn4j.gn.stochastic.Egn} (the exact Levenberg-Marquardt step in the mini-batch space, on a
 * {@link org.gn4j.gn.stochastic.PerSampleObjective}): configurations of the core loop
 * ({@link org.gn4j.gn.core.GaussNewtonLoop#stochasticStep}) with a {@link org.gn4j.gn.stochastic.Damping} rule,
 * a {@link org.gn4j.gn.core.CgIterations} rule and a {@link org.gn4j.gn.stochastic.LineSearch}.
 */
package org.gn4j.gn.stochastic;
