package org.gn4j.bench.nlls;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;


import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Performance profiles as one PNG of side-by-side panels (XChart): x = log2 τ ("τ (times the best, log2)"),
 * y = the fraction of problems solved, one staircase per solver with its own colour and dash pattern, and a legend.
 */
public final class ProfilePlot {
    /** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies. */
    private static final Color[] COLOURS = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0),
        new Color(240, 228, 66)};
    private static final float[][] DASHES = {null, {10f, 5f}, {3f, 4f}, {12f, 4f, 3f, 4f}, {6f, 6f},
        {2f, 2f}, {16f, 4f}, {8f, 3f, 2f, 3f}};
    static final String X_LABEL = "τ (times the best, log2)";
    static final String Y_LABEL = "fraction of problems solved";

    private ProfilePlot() {
    }

    /**
     * One panel.
     *
     * @param title   panel title (the cost measure)
     * @param profile the profile
     */
    public record Panel(String title, PerformanceProfile profile) {
    }

    /**
     * Writes the panels side by side, each 640×480 pixels.
     *
     * @param solvers solver names, in the profiles' column order
     * @param file the PNG file, replaced if it exists
     * @param panels the panels, left to right; each profile has one column per solver
     * @throws IOException on write failure
     */
    public static void write(Path file, List<String> solvers, List<Panel> panels) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<XYChart> charts = new java.util.ArrayList<>();
        for (Panel p : panels) {
            charts.add(chart(solvers, p, 640, 480));
        }
        String name = file.toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4)
                : name;
        BitmapEncoder.saveBitmap(charts, 1, charts.size(), base, BitmapEncoder.BitmapFormat.PNG);
    }

    static XYChart chart(List<String> solvers, Panel panel, int w, int h) {
        PerformanceProfile prof = panel.profile();
        double tauMax = Math.max(2, Math.pow(prof.maxFiniteRatio(), 1.05));
        XYChart chart = new XYChartBuilder().width(w).height(h).title(panel.title()).xAxisTitle(X_LABEL)
                .yAxisTitle(Y_LABEL).build();
        Styler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(Math.log(tauMax) / Math.log(2));
        chart.getStyler().setXAxisDecimalPattern("#0.#");
        chart.getStyler().setYAxisDecimalPattern("0.00");
        for (int s = 0; s < solvers.size(); s++) {
            double[][] xy = prof.staircase(s, tauMax);
            XYSeries series = chart.addSeries(solvers.get(s), xy[0], xy[1]);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(s < COLOURS.length ? COLOURS[s] : org.gn4j.bench.plot.Palette.colour(s));
            series.setLineStyle(new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    DASHES[s % DASHES.length], 0f));
        }
        return chart;
    }
}
