/**
 * Neural networks as residual models: layers with forward, JVP (forward mode) and VJP (reverse mode),
 * losses with their output Hessians, datasets and the training loop.
 */
package org.gn4j.nn;
