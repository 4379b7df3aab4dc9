/**
 * Losses on network outputs with their gradients and output Hessians ({@link org.gn4j.nn.loss.Loss}):
 * {@link org.gn4j.nn.loss.SquaredError} and {@link org.gn4j.nn.loss.SoftmaxCrossEntropy}.
 *
 * <p><b>Thread safety.</b> Both losses are stateless (no fields; results are written to the caller's arrays) and
 * safe to share between threads.
 */
package org.gn4j.nn.loss;
