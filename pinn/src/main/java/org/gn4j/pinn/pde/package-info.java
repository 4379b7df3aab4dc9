/**
 * PDE problems as residual functions: linear differential operators built from the network's jet
 * ({@code u, ∇u, Δu, ∂u/∂t}), sources, Dirichlet / Neumann / initial conditions as weighted residual groups,
 * distance-function hard constraints, and {@link org.gn4j.pinn.pde.PinnProblem}, which stacks them into a
 * {@link org.gn4j.gn.LeastSquaresProblem} with the exact Jacobian.
 *
 * <p><b>Thread safety.</b>
 * <ul>
 *   <li>immutable, safe to share: {@link org.gn4j.pinn.pde.PdeSpec}, {@link org.gn4j.pinn.pde.DifferentialOperator},
 *       {@link org.gn4j.pinn.pde.Condition}, the records {@link org.gn4j.pinn.pde.ResidualGroup},
 *       {@link org.gn4j.pinn.pde.HardConstraint}, {@link org.gn4j.pinn.pde.ErrorMetrics}, the enum
 *       {@link org.gn4j.pinn.pde.Condition.Kind}, and {@link org.gn4j.pinn.pde.PinnProblem} with the
 *       {@link org.gn4j.gn.LeastSquaresProblem}s from {@code leastSquares()} and {@code leastSquaresMatrixFree()}
 *       (each calling thread evaluates through its own {@link org.gn4j.pinn.net.MlpEvaluator} and jet buffers);</li>
 *   <li>one thread at a time: {@link org.gn4j.pinn.pde.PdeSpec.Builder} (mutable), and the evaluator
 *       {@code PinnProblem.evaluator()} returns (the calling thread's own);</li>
 *   <li>callbacks: {@link org.gn4j.pinn.pde.Field} and {@link org.gn4j.pinn.pde.JetField}, called on the thread that
 *       builds or evaluates a problem.</li>
 * </ul>
 */
package org.gn4j.pinn.pde;
