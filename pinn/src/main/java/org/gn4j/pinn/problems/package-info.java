/**
 * The PINN benchmark problems (2D and 5D Poisson, 1+1D heat) with exact solutions and default setups, and the
 * PINNacle problems ({@link org.gn4j.pinn.problems.Pinnacle}: Burgers1d-C with the exact Cole–Hopf solution
 * ({@link org.gn4j.pinn.problems.ColeHopf}), Poisson2d-C, NS2d-C, Heat2d-MS, Wave1d-C, PInv).
 *
 * <p><b>Thread safety.</b> {@link org.gn4j.pinn.problems.Benchmarks} and
 * {@link org.gn4j.pinn.problems.Pinnacle} are stateless, {@link org.gn4j.pinn.problems.ColeHopf} is immutable: every factory returns new
 * specifications, networks and setups. A {@link org.gn4j.pinn.problems.Benchmarks.Setup} holds a
 * {@link org.gn4j.pinn.pde.PinnProblem} (safe to share) and arrays that are not copied (read them, never write them);
 * {@link org.gn4j.pinn.problems.Benchmarks.Plane} is a pure function. {@code Benchmarks.NAMES} is a public array:
 * read it, never write it.
 */
package org.gn4j.pinn.problems;
