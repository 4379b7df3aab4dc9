package org.gn4j.bench.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart written to PNG with XChart: several named series over a shared x axis, optionally a logarithmic y
 * axis. Points whose y is not finite (or not positive on a log axis) are left out, so a diverged run simply ends.
 */
public final class LinePlot {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private boolean logX;
    private final List<String> names = new ArrayList<>();
    private final List<double[]> xs = new ArrayList<>();
    private final List<double[]> ys = new ArrayList<>();

    /**
     * An empty chart.
     *
     * @param title  chart title
     * @param xLabel x axis title
     * @param yLabel y axis title
     * @param logY   whether the y axis is logarithmic
     */
    public LinePlot(String title, String xLabel, String yLabel, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
    }

    /**
     * Makes the x axis logarithmic (points with x ≤ 0 are then left out).
     *
     * @return this chart
     */
    public LinePlot withLogX() {
        logX = true;
        return this;
    }

    /**
     * Adds a series; the i-th series added gets {@link Palette#colour(int)} and {@link Palette#stroke(int, float)}.
     *
     * @param name legend entry
     * @param x    x values
     * @param y    y values, as many as x
     * @return this chart
     * @throws IllegalArgumentException if x and y differ in length
     */
    public LinePlot add(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " points, y has "
                    + y.length + ", expected the same");
        }
        names.add(name);
        xs.add(x.clone());
        ys.add(y.clone());
        return this;
    }

    /**
     * Number of series with at least one drawable point.
     *
     * @return the count
     */
    public int drawableSeries() {
        int n = 0;
        for (int i = 0; i < names.size(); i++) {
            if (keep(xs.get(i), ys.get(i)).get(0).length > 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * Writes the chart as a PNG of the given size (parent folders are created).
     *
     * @param file   the PNG file
     * @param width  width in pixels
     * @param height height in pixels
     * @throws IOException when the file cannot be written
     */
    public void writePng(Path file, int width, int height) throws IOException {
        XYChart chart = chart(width, height);
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        String name = file.toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4)
                : name;
        BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * The XChart chart of the given size.
     *
     * @param width  width in pixels
     * @param height height in pixels
     * @return the chart
     */
    public XYChart chart(int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setXAxisDecimalPattern("#0.##");
        boolean any = false;
        for (int i = 0; i < names.size(); i++) {
            List<double[]> kept = keep(xs.get(i), ys.get(i));
            if (kept.get(0).length == 0) {
                continue;
            }
            XYSeries s = chart.addSeries(names.get(i), kept.get(0), kept.get(1));
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Palette.colour(i));
            s.setLineStyle(Palette.stroke(i, 2.0f));
            any = true;
        }
        if (!any) {
            // XChart refuses an empty chart; draw an invisible point so the file still exists
            chart.addSeries("(no finite data)", new double[] {0}, new double[] {1}).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private List<double[]> keep(double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (drawable(x[i], y[i])) {
                n++;
            }
        }
        double[] kx = new double[n];
        double[] ky = new double[n];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (drawable(x[i], y[i])) {
                kx[j] = x[i];
                ky[j++] = y[i];
            }
        }
        return List.of(kx, ky);
    }

    private boolean drawable(double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y) && (!logY || y > 0) && (!logX || x > 0);
    }
}
