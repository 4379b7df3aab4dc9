/**
 * Neural networks as residual models: layers with forward, JVP (forward mode) and VJP (reverse mode),
 * losses with their output Hessians, datasets and the training loop.
 *
 * <p><b>Thread safety.</b> Networks and layers are stateless; the work of a pass lives in a tape:
 * <ul>
 *   <li>immutable, safe to share: {@link org.gn4j.nn.Sequential} (the layers and the offsets of their parameter
 *       slices; θ is passed to every call), the {@link org.gn4j.nn.Layer} implementations (see
 *       {@code org.gn4j.nn.layers}), {@link org.gn4j.nn.Shape}; stateless {@link org.gn4j.nn.Presets};</li>
 *   <li>one instance per thread: {@link org.gn4j.nn.Tape} (activations, tangents, cotangents and the
 *       {@link org.gn4j.nn.LayerState}s of one batch chunk, from {@code Sequential.newTape}), so several threads can
 *       evaluate one network and one θ each on its own tape;</li>
 *   <li>one instance per training run: {@link org.gn4j.nn.MiniBatchProducts} (the evaluated batch, its tapes and
 *       sum buffers; it splits its work over {@link org.gn4j.linalg.ComputePool} itself, but its methods are called
 *       from one thread at a time).</li>
 * </ul>
 */
package org.gn4j.nn;
