/**
 * PINN networks: {@link org.gn4j.pinn.net.Mlp} (tanh / sin multilayer perceptron, flat parameter vector) and
 * {@link org.gn4j.pinn.net.MlpEvaluator}, which propagates value, gradient and Laplacian through the layers (the
 * forward Laplacian) and gives exact parameter Jacobians, JVPs and VJPs of any linear combination of them per point;
 * {@link org.gn4j.pinn.net.LinearJetResidual} packages a residual group {@code a·Δu + b·∇u + c·u − f}.
 */
package org.gn4j.pinn.net;
