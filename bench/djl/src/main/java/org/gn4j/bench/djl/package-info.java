/**
 * LibTorch peer of gn4j's network benchmarks through DJL: {@link org.gn4j.bench.djl.LibTorchSteps} times the SGD
 * step and the GGN-vector product of the {@code NetworkStepBenchmark} networks in float32, as
 * {@code bench/python/torch_steps.py} does for PyTorch. Built only with the root profile {@code djl}.
 */
package org.gn4j.bench.djl;
