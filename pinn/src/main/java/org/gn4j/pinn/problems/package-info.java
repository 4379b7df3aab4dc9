/**
 * The PINN benchmark problems (2D and 5D Poisson, 1+1D heat) with exact solutions and default setups.
 *
 * <p><b>Thread safety.</b> {@link org.gn4j.pinn.problems.Benchmarks} is stateless: every factory returns new
 * specifications, networks and setups. A {@link org.gn4j.pinn.problems.Benchmarks.Setup} holds a
 * {@link org.gn4j.pinn.pde.PinnProblem} (safe to share) and arrays that are not copied (read them, never write them);
 * {@link org.gn4j.pinn.problems.Benchmarks.Plane} is a pure function. {@code Benchmarks.NAMES} is a public array:
 * read it, never write it.
 */
package org.gn4j.pinn.problems;
