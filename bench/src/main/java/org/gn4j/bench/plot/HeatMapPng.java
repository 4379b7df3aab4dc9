package org.gn4j.bench.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;

/**
 * Side-by-side heat maps of fields on a regular grid (solution, exact solution, pointwise error) written as one PNG
 * with XChart: each panel is a heat map with its title, axis titles, ticks in the domain's coordinates (five per
 * axis) and a colour bar; a panel of values that span decades (a pointwise error) can use a logarithmic colour scale,
 * whose bar is labelled in powers of ten. Grids finer than {@value #MAX_CELLS} cells a side are drawn at that
 * resolution (nearest grid point).
 */
public final class HeatMapPng {
    /** Cells per side at most. */
    static final int MAX_CELLS = 81;
    private static final int PANEL = 470;

    private HeatMapPng() {
    }

    /**
     * One panel: {@code values[i·k + j]} at plot coordinates (a_j, b_i) on a k×k grid, row i = 0 at the bottom.
     *
     * @param title panel title
     * @param values k·k values
     * @param k grid size
     * @param log whether the colour scale is logarithmic, from the 2nd percentile of the positive values (at most
     *            eight decades below the largest) up; smaller values take the lowest colour
     */
    public record Panel(String title, double[] values, int k, boolean log) {
        /**
         * A panel with a linear colour scale.
         *
         * @param title  panel title
         * @param values k·k values
         * @param k      grid size
         */
        public Panel(String title, double[] values, int k) {
            this(title, values, k, false);
        }
    }

    /**
     * Writes the panels side by side over the unit square's plot coordinates.
     *
     * @param file  the PNG file
     * @param panels the panels, left to right
     * @param xAxis x axis title
     * @param yAxis y axis title
     * @throws IOException on write failure
     */
    public static void write(Path file, List<Panel> panels, String xAxis, String yAxis) throws IOException {
        write(file, panels, xAxis, yAxis, new double[] {0, 1, 0, 1});
    }

    /**
     * Writes the panels side by side; {@code range = {x0, x1, y0, y1}} are the domain coordinates of the plot's edges
     * (ticks are labelled with them).
     *
     * @param file   the PNG file
     * @param panels the panels, left to right
     * @param xAxis  x axis title
     * @param yAxis  y axis title
     * @param range  domain coordinates of the edges
     * @throws IOException on write failure
     */
    public static void write(Path file, List<Panel> panels, String xAxis, String yAxis, double[] range)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<HeatMapChart> charts = new ArrayList<>();
        for (Panel p : panels) {
            charts.add(chart(p, xAxis, yAxis, range));
        }
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        String name = file.toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        BitmapEncoder.saveBitmap(charts, 1, charts.size(), base, BitmapEncoder.BitmapFormat.PNG);
    }

    /** One panel as an XChart heat map. */
    static HeatMapChart chart(Panel panel, String xAxis, String yAxis, double[] range) {
        int k = panel.k();
        int m = Math.min(k, MAX_CELLS);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : panel.values()) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        boolean log = panel.log() && max > 0;
        if (log) {
            // the colour scale starts at the 2nd percentile of the positive values (at most eight decades below the
            // largest), so the thin zero lines of a signed error do not flatten the rest
            double[] positive = java.util.Arrays.stream(panel.values()).filter(v -> v > 0 && Double.isFinite(v))
                    .sorted().toArray();
            min = Math.max(max * 1e-8, positive.length == 0 ? max : positive[positive.length / 50]);
        }
        if (!(max > min)) {
            max = min + (min == 0 ? 1e-300 : Math.abs(min) * 1e-12);
        }
        double lo = log ? Math.log10(min) : min;
        double hi = log ? Math.log10(max) : max;
        List<String> xs = ticks(m, range[0], range[1]);
        List<String> ys = ticks(m, range[2], range[3]);
        List<Number[]> cells = new ArrayList<>(m * m);
        for (int i = 0; i < m; i++) {
            int gi = m == k ? i : (int) Math.round(i * (k - 1.0) / (m - 1));
            for (int j = 0; j < m; j++) {
                int gj = m == k ? j : (int) Math.round(j * (k - 1.0) / (m - 1));
                double v = panel.values()[gi * k + gj];
                double c = !Double.isFinite(v) ? lo : log ? (v > 0 ? Math.log10(Math.max(v, min)) : lo) : v;
                cells.add(new Number[] {j, i, Math.max(lo, Math.min(hi, c))});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(PANEL).height(PANEL).title(panel.title())
                .xAxisTitle(xAxis).yAxisTitle(yAxis).build();
        HeatMapStyler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotGridLinesVisible(false);
        st.setShowValue(false);
        st.setDrawBorder(false);
        st.setRangeColors(Palette.sequential());
        st.setMin(lo);
        st.setMax(hi);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setXAxisLabelRotation(0);
        // a colour bar of eight steps, each labelled with its range (log panels: in log10 of the value)
        st.setPiecewise(true);
        st.setPiecewiseRanged(true);
        st.setSplitNumber(8);
        st.setHeatMapValueDecimalPattern(log || Math.max(Math.abs(lo), Math.abs(hi)) < 1e-2
                || Math.max(Math.abs(lo), Math.abs(hi)) >= 1e4 ? "0.0#E0" : "0.###");
        if (log) {
            st.setHeatMapValueDecimalPattern("0.0");
            chart.setTitle(panel.title() + ", log10");
        }
        chart.addSeries(panel.title(), xs, ys, cells);
        return chart;
    }

    /**
     * Category labels for {@code m} cells from {@code a} to {@code b}: five evenly spaced cells carry their
     * coordinate, the others a distinct run of blanks (the axis draws every category's label).
     */
    private static List<String> ticks(int m, double a, double b) {
        List<String> out = new ArrayList<>(m);
        int step = Math.max(1, (m - 1) / 4);
        for (int i = 0; i < m; i++) {
            out.add(i % step == 0 ? tick(a + (b - a) * i / (m - 1.0)) : " ".repeat(i + 1));
        }
        return out;
    }

    private static String tick(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e4 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
