/**
 * The nonlinear least-squares layer: problem API, Gauss-Newton, Levenberg-Marquardt and dogleg solvers, the
 * stochastic solvers SGN and EGN, damping, line searches and first-order baselines. Built on
 * {@code org.gn4j.solvers} for the inner linear solves.
 *
 * <p><b>Thread safety.</b>
 * <ul>
 *   <li>immutable, safe to share: {@link org.gn4j.gn.LeastSquaresProblem} (its residual and Jacobian callbacks run
 *       on every thread that solves it, and on the thread that first asks an {@code Optimum} for its covariance, so
 *       they must be thread-safe for concurrent solves of one problem object); the optimizers
 *       {@link org.gn4j.gn.GaussNewton}, {@link org.gn4j.gn.LevenbergMarquardt} and {@link org.gn4j.gn.Dogleg}
 *       (configurations whose {@code with…} methods return new instances; each {@code optimize} builds its own loop,
 *       damped solver and objective, so one optimizer may run concurrent solves, calling its
 *       {@link org.gn4j.gn.IterationListener} from each solving thread); {@link org.gn4j.gn.StoppingCriteria};
 *       {@link org.gn4j.gn.Optimum} (arrays copied in and out, immutable lists; the covariance is computed once,
 *       lazily, under a lock); the record {@link org.gn4j.gn.IterationRecord}; the enums
 *       {@link org.gn4j.gn.TerminationReason}, {@link org.gn4j.gn.StepSolver}, {@link org.gn4j.gn.DampingRule},
 *       {@link org.gn4j.gn.ScalingRule}, {@link org.gn4j.gn.RobustLoss}, {@link org.gn4j.gn.FiniteDifferences},
 *       {@link org.gn4j.gn.LeastSquaresProblem.JacobianSource};</li>
 *   <li>one instance per thread / per run: {@link org.gn4j.gn.LeastSquaresObjective} (residual, trial and Jacobian
 *       buffers and evaluation counts of one run); {@link org.gn4j.gn.LeastSquaresProblem.Builder};</li>
 *   <li>callbacks, supplied by the caller: {@link org.gn4j.gn.ResidualFunction},
 *       {@link org.gn4j.gn.JacobianFunction}, {@link org.gn4j.gn.JacobianOperatorFunction} (see the problem above);
 *       {@link org.gn4j.gn.IterationListener} (called on the solving thread); {@link org.gn4j.gn.LeastSquaresOptimizer}
 *       (its implementations here are immutable).</li>
 * </ul>
 */
package org.gn4j.gn;
