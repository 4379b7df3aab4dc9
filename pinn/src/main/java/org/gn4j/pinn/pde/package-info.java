/**
 * PDE problems as residual functions, both kinds behind {@link org.gn4j.pinn.pde.CollocationProblem} (what every
 * trainer takes):
 * <ul>
 *   <li>linear operators on one network: differential operators built from the network's jet
 *       ({@code u, ∇u, Δu, ∂u/∂t}), sources, Dirichlet / Neumann / initial conditions as weighted residual groups,
 *       distance-function hard constraints ({@link org.gn4j.pinn.pde.PdeSpec}, {@link org.gn4j.pinn.pde.PinnProblem});</li>
 *   <li>general systems: several fields (one network each), unknown coefficients and residual groups written as
 *       {@link org.gn4j.pinn.pde.PointResidual}s of the fields' jets in {@link org.gn4j.pinn.pde.Dual} arithmetic, on
 *       {@link org.gn4j.pinn.pde.Collocation} point sets: nonlinear terms, systems, Robin conditions, observations
 *       ({@link org.gn4j.pinn.pde.PdeSystem}, {@link org.gn4j.pinn.pde.PdeSystemProblem}).</li>
 * </ul>
 * Both stack their groups into a {@link org.gn4j.gn.LeastSquaresProblem} with the exact Jacobian.
 *
 * <p><b>Thread safety.</b>
 * <ul>
 *   <li>immutable, safe to share: {@link org.gn4j.pinn.pde.PdeSpec}, {@link org.gn4j.pinn.pde.DifferentialOperator},
 *       {@link org.gn4j.pinn.pde.Condition}, the records {@link org.gn4j.pinn.pde.ResidualGroup},
 *       {@link org.gn4j.pinn.pde.HardConstraint}, {@link org.gn4j.pinn.pde.ErrorMetrics}, the enum
 *       {@link org.gn4j.pinn.pde.Condition.Kind}, {@link org.gn4j.pinn.pde.PdeSystem},
 *       {@link org.gn4j.pinn.pde.Dual}, {@link org.gn4j.pinn.pde.PdeSystemProblem} and
 *       {@link org.gn4j.pinn.pde.PinnProblem} with the
 *       {@link org.gn4j.gn.LeastSquaresProblem}s from {@code leastSquares()} and {@code leastSquaresMatrixFree()}
 *       (each calling thread evaluates through its own {@link org.gn4j.pinn.net.MlpEvaluator} and jet buffers);</li>
 *   <li>one thread at a time: {@link org.gn4j.pinn.pde.PdeSpec.Builder} and
 *       {@link org.gn4j.pinn.pde.PdeSystem.Builder} (mutable), the {@link org.gn4j.pinn.pde.Jets} a residual is given
 *       (valid during that call only), and the evaluator
 *       {@code PinnProblem.evaluator()} returns (the calling thread's own);</li>
 *   <li>callbacks: {@link org.gn4j.pinn.pde.Field}, {@link org.gn4j.pinn.pde.JetField},
 *       {@link org.gn4j.pinn.pde.PointResidual} and {@link org.gn4j.pinn.pde.Collocation}, called on the thread that
 *       builds or evaluates a problem.</li>
 * </ul>
 */
package org.gn4j.pinn.pde;
