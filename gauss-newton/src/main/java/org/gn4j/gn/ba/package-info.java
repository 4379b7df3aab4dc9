/**
 * Bundle adjustment on the one Gauss-Newton core: the BAL file format ({@link org.gn4j.gn.ba.BalFormat},
 * {@link org.gn4j.gn.ba.BalProblem}), a generator of synthetic BAL problems of any size
 * ({@link org.gn4j.gn.ba.BalGenerator}), Ceres's {@code bundle_adjuster} camera model with analytic derivatives
 * ({@link org.gn4j.gn.ba.SnavelyProjection}), the objective and its block-structured linearization
 * ({@link org.gn4j.gn.ba.BundleAdjustmentObjective}, {@link org.gn4j.gn.ba.BundleAdjustmentLinearization}) and the
 * Schur-complement damped solvers ({@link org.gn4j.gn.ba.SchurDampedSolver}, made by
 * {@link org.gn4j.gn.core.DampedSolvers#denseSchur()}, {@link org.gn4j.gn.core.DampedSolvers#sparseSchur()} and
 * {@link org.gn4j.gn.core.DampedSolvers#iterativeSchur()}).
 * A fit is any configuration of {@link org.gn4j.gn.core.GaussNewtonLoop}, for instance
 * {@code new LevenbergMarquardt().loop().withSolver(DampedSolvers.denseSchur()).run(objective, problem.parameters())}.
 */
package org.gn4j.gn.ba;
