/**
 * Overlapping domain decomposition for PINNs (FBPINNs, Moseley et al. 2023): cosine-squared windows normalized to a
 * partition of unity, one small network per subdomain, {@code u = Σ_j w_j·N_j}, the block-sparse Jacobian that
 * follows (a point only touches the subdomains whose window covers it) and Gauss-Newton / Levenberg-Marquardt whose
 * normal matrix is solved by a block-banded Cholesky instead of a dense one.
 */
package org.gn4j.pinn.dd;
