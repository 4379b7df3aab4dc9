/**
 * The nonlinear least-squares layer: problem API, Gauss-Newton, Levenberg-Marquardt and dogleg solvers, the
 * stochastic solvers SGN and EGN, damping, line searches and first-order baselines. Built on
 * {@code org.gn4j.solvers} for the inner linear solves.
 */
package org.gn4j.gn;
