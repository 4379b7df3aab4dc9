/**
 * The layers of {@link org.gn4j.nn.Sequential} networks: {@link org.gn4j.nn.layers.Dense},
 * {@link org.gn4j.nn.layers.Conv2d} (im2col or Winograd), {@link org.gn4j.nn.layers.MaxPool2d},
 * {@link org.gn4j.nn.layers.AvgPool2d}, {@link org.gn4j.nn.layers.Flatten} and element-wise
 * {@link org.gn4j.nn.layers.Activation}s, each with forward, tangent (JVP) and adjoint (VJP) passes.
 *
 * <p><b>Thread safety.</b> Every layer is immutable and safe to share between threads: it holds its shapes, sizes,
 * initialization and (for {@code Dense} and {@code Conv2d}) the thread-safe {@link org.gn4j.linalg.blas.Blas} it
 * multiplies with; everything a pass caches (inputs, derivatives, argmax indices, im2col and Winograd buffers) lives
 * in the {@link org.gn4j.nn.LayerState} it creates, one per tape and thus per thread. The enums
 * {@link org.gn4j.nn.layers.Activation.Function}, {@link org.gn4j.nn.layers.Dense.Init} and
 * {@link org.gn4j.nn.layers.Conv2d.Algorithm} are immutable.
 */
package org.gn4j.nn.layers;
