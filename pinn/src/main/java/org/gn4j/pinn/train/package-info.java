/**
 * Training PINN problems: {@link org.gn4j.pinn.train.LevenbergMarquardtTrainer} (the gauss-newton module's LM),
 * {@link org.gn4j.pinn.train.GaussNewtonTrainer} (dense / Woodbury / CG inner solves, fixed or adaptive damping,
 * ENGD's grid line search), and the Adam and L-BFGS baselines, all behind {@link org.gn4j.pinn.train.PinnOptimizer}
 * with time budgets, error histories on an independent grid, and CSV output.
 *
 * <p><b>Thread safety.</b>
 * <ul>
 *   <li>immutable, safe to share: the trainers {@link org.gn4j.pinn.train.LevenbergMarquardtTrainer},
 *       {@link org.gn4j.pinn.train.GaussNewtonTrainer}, {@link org.gn4j.pinn.train.AdamTrainer} and
 *       {@link org.gn4j.pinn.train.LbfgsTrainer} (configurations; each {@code train} call creates its own recorder,
 *       optimizer and loop state, but the {@link org.gn4j.pinn.pde.PinnProblem} it trains is used by one thread at a
 *       time, so concurrent trainings need their own problems); {@link org.gn4j.pinn.train.TrainingOptions}
 *       ({@code with…} methods return new instances; the evaluation points are not copied: do not modify them); the
 *       records {@link org.gn4j.pinn.train.TrainingResult} and {@link org.gn4j.pinn.train.HistoryPoint}; the enum
 *       {@link org.gn4j.pinn.train.GaussNewtonTrainer.InnerSolve};</li>
 *   <li>one instance per run: {@link org.gn4j.pinn.train.Recorder} (clock, history, evaluation schedule);</li>
 *   <li>callbacks: {@link org.gn4j.pinn.train.TrainingListener}, called on the training thread;
 *       {@link org.gn4j.pinn.train.ErrorSource}, {@link org.gn4j.pinn.train.AdamTrainer.LossSource} and
 *       {@link org.gn4j.pinn.train.PinnOptimizer}, interfaces whose implementations here follow the rules above.</li>
 * </ul>
 */
package org.gn4j.pinn.train;
