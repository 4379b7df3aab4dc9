/**
 * PDE problems as residual functions: linear differential operators built from the network's jet
 * ({@code u, ∇u, Δu, ∂u/∂t}), sources, Dirichlet / Neumann / initial conditions as weighted residual groups,
 * distance-function hard constraints, and {@link org.gn4j.pinn.pde.PinnProblem}, which stacks them into a
 * {@link org.gn4j.gn.LeastSquaresProblem} with the exact Jacobian.
 */
package org.gn4j.pinn.pde;
