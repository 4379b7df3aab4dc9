package org.gn4j.bench.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line panels over one shared x axis, stacked vertically in one PNG (XChart): e.g. the 1D FBPINN solutions against the
 * exact one, and their pointwise errors. Non-finite points are left out.
 */
public final class LinePlotPng {
    private LinePlotPng() {
    }

    /**
     * A named curve.
     *
     * @param name  legend entry
     * @param y     values at the shared x
     * @param color line colour (null: the {@link Palette} colour of its place in the panel)
     */
    public record Series(String name, double[] y, Color color) {
    }

    /**
     * A panel.
     *
     * @param title  panel title
     * @param series its curves
     */
    public record Panel(String title, List<Series> series) {
    }

    /**
     * Writes the panels stacked vertically, 900×300 pixels each, x axis titled {@code x}.
     *
     * @param file   the PNG file
     * @param x      the shared x values
     * @param panels the panels, top to bottom
     * @throws IOException on write failure
     */
    public static void write(Path file, double[] x, List<Panel> panels) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<XYChart> charts = new ArrayList<>();
        for (Panel p : panels) {
            XYChart chart = new XYChartBuilder().width(900).height(300).title(p.title()).xAxisTitle("x")
                    .yAxisTitle("value").build();
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setMarkerSize(0);
            int i = 0;
            for (Series s : p.series()) {
                int n = 0;
                for (int q = 0; q < x.length; q++) {
                    if (Double.isFinite(x[q]) && Double.isFinite(s.y()[q])) {
                        n++;
                    }
                }
                double[] kx = new double[n];
                double[] ky = new double[n];
                n = 0;
                for (int q = 0; q < x.length; q++) {
                    if (Double.isFinite(x[q]) && Double.isFinite(s.y()[q])) {
                        kx[n] = x[q];
                        ky[n++] = s.y()[q];
                    }
                }
                if (n == 0) {
                    i++;
                    continue;
                }
                XYSeries xy = chart.addSeries(s.name(), kx, ky);
                xy.setMarker(SeriesMarkers.NONE);
                xy.setLineColor(s.color() != null ? s.color() : Palette.colour(i));
                xy.setLineStyle(Palette.stroke(i, 1.8f));
                i++;
            }
            if (chart.getSeriesMap().isEmpty()) {
                chart.addSeries("(no finite data)", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
            }
            charts.add(chart);
        }
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        String name = file.toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        BitmapEncoder.saveBitmap(charts, charts.size(), 1, base, BitmapEncoder.BitmapFormat.PNG);
    }
}
