/**
 * Overlapping domain decomposition for PINNs (FBPINNs, Moseley et al. 2023): cosine-squared windows normalized to a
 * partition of unity, one small network per subdomain, {@code u = Σ_j w_j·N_j}, the block-sparse Jacobian that
 * follows (a point only touches the subdomains whose window covers it) and Gauss-Newton / Levenberg-Marquardt whose
 * normal matrix is solved by a block-banded Cholesky instead of a dense one.
 *
 * <p><b>Thread safety.</b>
 * <ul>
 *   <li>immutable, safe to share: {@link org.gn4j.pinn.dd.Decomposition}, {@link org.gn4j.pinn.dd.FbpinnTrainer}
 *       (a configuration; each {@code train} builds its own solver and state) with its record
 *       {@link org.gn4j.pinn.dd.FbpinnTrainer.Run} and enum {@link org.gn4j.pinn.dd.FbpinnTrainer.Solve},
 *       {@link org.gn4j.pinn.dd.BlockSparseJacobian} (built fresh by each Jacobian evaluation and never written
 *       afterwards; its products split over {@link org.gn4j.linalg.ComputePool}); stateless
 *       {@link org.gn4j.pinn.dd.FbpinnProblems}, and {@link org.gn4j.pinn.dd.FbpinnProblem} (each calling thread
 *       evaluates through its own {@link org.gn4j.pinn.net.MlpEvaluator} per subdomain).</li>
 * </ul>
 */
package org.gn4j.pinn.dd;
