/**
 * Physics-informed networks: PDE residuals as least-squares problems, input derivatives by forward
 * propagation, and overlapping domain decomposition with a block-sparse Gauss-Newton system.
 *
 * <p><b>Thread safety</b> (details in each subpackage): specifications, geometries, samplers, networks and trainer
 * configurations are immutable and safe to share, and so are the problems {@link org.gn4j.pinn.pde.PinnProblem} and
 * {@link org.gn4j.pinn.dd.FbpinnProblem} (each calling thread evaluates through its own evaluator);
 * {@link org.gn4j.pinn.net.MlpEvaluator} owns evaluation buffers and is used by one thread at a time (its evaluations
 * run in parallel inside, on {@link org.gn4j.linalg.ComputePool}).
 */
package org.gn4j.pinn;
