/**
 * Plots: heat maps of PINN solutions and errors and line panels written with the JDK's imaging
 * ({@link org.gn4j.bench.plot.HeatMapPng}, {@link org.gn4j.bench.plot.LinePlotPng}), and XChart line charts
 * ({@link org.gn4j.bench.plot.LinePlot}).
 *
 * <p><b>Thread safety.</b> {@link org.gn4j.bench.plot.HeatMapPng} and {@link org.gn4j.bench.plot.LinePlotPng} are
 * stateless (static writers; their records {@code Panel} and {@code Series} do not copy their arrays: read-only once
 * shared). {@link org.gn4j.bench.plot.LinePlot} is a mutable builder ({@code add} appends series): one thread.
 */
package org.gn4j.bench.plot;
