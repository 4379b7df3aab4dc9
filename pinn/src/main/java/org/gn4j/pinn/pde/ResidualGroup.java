package org.gn4j.pinn.pde;

import org.gn4j.pinn.net.LinearJetResidual;

/**
 * One named block of residuals: the interior equation or one condition, already scaled by {@code √(w/N)} so that
 * its contribution to the cost {@code ½‖r‖²} is {@code ½·w·mean(r²)}.
 *
 * @param name     "interior", "dirichlet", "neumann" or "initial"
 * @param residual the residuals as seeded jets of the solution u (or of the network N after a hard constraint)
 * @param weight   the condition's weight w
 */
public record ResidualGroup(String name, LinearJetResidual residual, double weight) {
}
