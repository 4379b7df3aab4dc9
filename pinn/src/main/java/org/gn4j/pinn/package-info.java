/**
 * Physics-informed networks: PDE residuals as least-squares problems, input derivatives by forward
 * propagation, and overlapping domain decomposition with a block-sparse Gauss-Newton system.
 */
package org.gn4j.pinn;
