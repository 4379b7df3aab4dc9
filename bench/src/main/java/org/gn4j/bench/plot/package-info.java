/**
 * Plots, all drawn with XChart: {@link org.gn4j.bench.plot.LinePlot} (line charts of many series, linear or
 * logarithmic axes), {@link org.gn4j.bench.plot.LinePlotPng} (stacked line panels over one x axis),
 * {@link org.gn4j.bench.plot.HeatMapPng} (side-by-side heat maps with axis ticks and colour bars) and
 * {@link org.gn4j.bench.plot.Palette} (16 colours and dash patterns for many lines, a sequential colour map).
 *
 * <p><b>Thread safety.</b> {@link org.gn4j.bench.plot.HeatMapPng}, {@link org.gn4j.bench.plot.LinePlotPng} and
 * {@link org.gn4j.bench.plot.Palette} are stateless (static methods; the records {@code Panel} and {@code Series} do
 * not copy their arrays: read-only once shared). {@link org.gn4j.bench.plot.LinePlot} is a mutable builder
 * ({@code add} appends series): one thread.
 */
package org.gn4j.bench.plot;
