/**
 * Stochastic optimizers over mini-batches behind one interface ({@link org.gn4j.gn.stochastic.Optimizer} on a
 * {@link org.gn4j.gn.stochastic.MiniBatchObjective}): the first-order baselines SGD (momentum, Nesterov, weight decay)
 * and Adam / AdamW with learning-rate schedules, and the stochastic Gauss-Newton methods
 * {@link org.gn4j.gn.stochastic.Sgn} (Hessian-free conjugate gradient on the mini-batch GGN, adaptive CG iterations)
 * and {@link org.gn4j.gn.stochastic.Egn} (the exact Levenberg-Marquardt step in the mini-batch space, on a
 * {@link org.gn4j.gn.stochastic.PerSampleObjective}): configurations of the core loop
 * ({@link org.gn4j.gn.core.GaussNewtonLoop#stochasticStep}) with a {@link org.gn4j.gn.stochastic.Damping} rule,
 * a {@link org.gn4j.gn.core.CgIterations} rule and a {@link org.gn4j.gn.stochastic.LineSearch}.
 *
 * <p><b>Thread safety.</b>
 * <ul>
 *   <li>one instance per training run (mutable state): the optimizers {@link org.gn4j.gn.stochastic.Sgd} and
 *       {@link org.gn4j.gn.stochastic.Adam} (momentum and moment buffers, step counter),
 *       {@link org.gn4j.gn.stochastic.Sgn} and {@link org.gn4j.gn.stochastic.Egn} (the core loop's state, the
 *       damping, the damped solver's work); as {@link org.gn4j.gn.stochastic.Optimizer} says, one optimizer trains
 *       one parameter vector at a time; {@link org.gn4j.gn.stochastic.MiniBatchObjective} and
 *       {@link org.gn4j.gn.stochastic.PerSampleObjective} implementations (the current mini-batch and its forward
 *       pass);</li>
 *   <li>immutable, safe to share: the {@link org.gn4j.gn.stochastic.Damping} rules (pure functions; the damping
 *       itself is the optimizer's state), the {@link org.gn4j.gn.stochastic.LearningRateSchedule} factories (pure
 *       functions of the step), {@link org.gn4j.gn.stochastic.LineSearch}, the record
 *       {@link org.gn4j.gn.stochastic.StepResult}.</li>
 * </ul>
 */
package org.gn4j.gn.stochastic;
