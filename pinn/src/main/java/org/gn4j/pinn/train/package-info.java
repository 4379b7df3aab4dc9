/**
 * Training PINN problems: {@link org.gn4j.pinn.train.LevenbergMarquardtTrainer} (the gauss-newton module's LM),
 * {@link org.gn4j.pinn.train.GaussNewtonTrainer} (dense / Woodbury / CG inner solves, fixed or adaptive damping,
 * ENGD's grid line search), and the Adam and L-BFGS baselines, all behind {@link org.gn4j.pinn.train.PinnOptimizer}
 * with time budgets, error histories on an independent grid, and CSV output.
 */
package org.gn4j.pinn.train;
