/**
 * PINN networks: {@link org.gn4j.pinn.net.Mlp} (tanh / sin multilayer perceptron, flat parameter vector) and
 * {@link org.gn4j.pinn.net.MlpEvaluator}, which propagates value, gradient and Laplacian through the layers (the
 * forward Laplacian) and gives exact parameter Jacobians, JVPs and VJPs of any linear combination of them per point;
 * {@link org.gn4j.pinn.net.LinearJetResidual} packages a residual group {@code a·Δu + b·∇u + c·u − f}.
 *
 * <p><b>Thread safety.</b>
 * <ul>
 *   <li>immutable, safe to share: {@link org.gn4j.pinn.net.Mlp} (architecture and input scaling; θ is passed to
 *       every call; {@code evaluator()} returns a new evaluator each time), {@link org.gn4j.pinn.net.LinearJetResidual}
 *       (points, seeds and coefficients copied in and out; its evaluations take the evaluator and scratch from the
 *       caller);</li>
 *   <li>one instance per thread: {@link org.gn4j.pinn.net.MlpEvaluator} (owns the per-chunk tapes; a call splits its
 *       points over {@link org.gn4j.linalg.ComputePool}, but one caller thread uses an evaluator at a time).</li>
 * </ul>
 */
package org.gn4j.pinn.net;
