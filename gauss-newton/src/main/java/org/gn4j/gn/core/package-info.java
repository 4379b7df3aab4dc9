/**
 * The one Gauss-Newton core every method of gn4j is a configuration of: a {@link org.gn4j.gn.core.Linearization}
 * (dense, matrix-free, block-banded or Gram-only), a {@link org.gn4j.gn.core.DampedSolver} for
 * {@code min ‖Jx + r‖² + λ‖Dx‖²} (QR, cached-Gram Cholesky, CG, push-through, block-banded Cholesky; chosen by
 * {@link org.gn4j.gn.core.DampedSolvers#auto}), a {@link org.gn4j.gn.core.StepControl} (Nielsen, Marquardt, fixed,
 * trust radius, the stochastic rules) fed by the one {@link org.gn4j.gn.core.GainRatio}, a
 * {@link org.gn4j.gn.core.StepLength} (unit, Armijo, grid, strong Wolfe), and the
 * {@link org.gn4j.gn.core.GaussNewtonLoop} with its {@link org.gn4j.gn.core.Budget} and
 * {@link org.gn4j.gn.core.IterationCallback}.
 */
package org.gn4j.gn.core;
