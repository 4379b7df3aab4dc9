package org.gn4j.linalg.blas;

/**
 * What the start-up probe found: the implementation chosen, whether the GPU path is usable, and why (the reason is
 * shown by {@code gn4j info} and kept for reports).
 *
 * @param implementation name of the chosen {@link Blas}
 * @param gpuAvailable   true when cuBLAS passed the probe
 * @param reason         one line: why the GPU is (not) used
 */
public record BlasProbeResult(String implementation, boolean gpuAvailable, String reason) {
}
