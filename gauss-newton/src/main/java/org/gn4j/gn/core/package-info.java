/**
 * The one Gauss-Newton core every method of gn4j is a configuration of: a {@link org.gn4j.gn.core.Linearization}
 * (dense, matrix-free, block-banded or Gram-only), a {@link org.gn4j.gn.core.DampedSolver} for
 * {@code min ‖Jx + r‖² + λ‖Dx‖²} (QR, cached-Gram Cholesky, CG, push-through, block-banded Cholesky; chosen by
 * {@link org.gn4j.gn.core.DampedSolvers#auto}), a {@link org.gn4j.gn.core.StepControl} (Nielsen, Marquardt, fixed,
 * trust radius, the stochastic rules) fed by the one {@link org.gn4j.gn.core.GainRatio}, a
 * {@link org.gn4j.gn.core.StepLength} (unit, Armijo, grid, strong Wolfe), and the
 * {@link org.gn4j.gn.core.GaussNewtonLoop} with its {@link org.gn4j.gn.core.Budget} and
 * {@link org.gn4j.gn.core.IterationCallback}.
 *
 * <p><b>Thread safety.</b>
 * <ul>
 *   <li>immutable, safe to share: {@link org.gn4j.gn.core.GaussNewtonLoop} ({@code with…} methods return new loops;
 *       each run takes {@code fresh()} of the configured damped solver and keeps all its state in a
 *       {@link org.gn4j.gn.core.GaussNewtonLoop.State}, so one loop may drive concurrent runs, each on its own
 *       objective, calling its {@link org.gn4j.gn.core.IterationCallback} from each running thread);
 *       {@link org.gn4j.gn.core.Budget}; {@link org.gn4j.gn.core.CgIterations}; the step controls
 *       {@link org.gn4j.gn.core.NielsenDamping}, {@link org.gn4j.gn.core.MarquardtDamping},
 *       {@link org.gn4j.gn.core.FixedDamping}, {@link org.gn4j.gn.core.TrustRadius} (their state is the
 *       {@code double[]} held by the run); the step lengths {@link org.gn4j.gn.core.StepLength.UnitStep},
 *       {@link org.gn4j.gn.core.BacktrackingArmijo}, {@link org.gn4j.gn.core.GridSearch},
 *       {@link org.gn4j.gn.core.StrongWolfe}; stateless {@link org.gn4j.gn.core.GainRatio} and
 *       {@link org.gn4j.gn.core.DampedSolvers}; the records {@link org.gn4j.gn.core.StepReport} and
 *       {@link org.gn4j.gn.core.StepLength.Result}; the enums {@link org.gn4j.gn.core.StepOutcome},
 *       {@link org.gn4j.gn.core.CallbackReturn}, {@link org.gn4j.gn.core.GaussNewtonLoop.Descent};</li>
 *   <li>one instance per run (mutable working state): {@link org.gn4j.gn.core.GaussNewtonLoop.State}; the damped
 *       solvers {@link org.gn4j.gn.core.QrSolver}, {@link org.gn4j.gn.core.GramCholeskySolver},
 *       {@link org.gn4j.gn.core.CgSolver}, {@link org.gn4j.gn.core.PushThroughSolver},
 *       {@link org.gn4j.gn.core.BlockBandedSolver} (factors, work buffers, warm starts; {@code fresh()} gives an
 *       independent one); the linearizations {@link org.gn4j.gn.core.DenseLinearization},
 *       {@link org.gn4j.gn.core.OperatorLinearization}, {@link org.gn4j.gn.core.GramLinearization} (lazily cached
 *       scaled products and column norms); {@link org.gn4j.gn.core.Objective} implementations (the current point's
 *       residuals and Jacobian); {@link org.gn4j.gn.core.StepLength.Trial} (one step's trial points);</li>
 *   <li>callbacks: {@link org.gn4j.gn.core.IterationCallback}, called on the running thread.</li>
 * </ul>
 */
package org.gn4j.gn.core;
