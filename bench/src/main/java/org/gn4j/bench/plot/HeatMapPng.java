package org.gn4j.bench.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Side-by-side heat maps of fields on a regular grid (solution, exact solution, pointwise error) written as one PNG
 * with the JDK's imaging (headless AWT), each panel with its title, axis names and ticks in the domain's coordinates,
 * and a colour bar with ticks; a panel of values that span decades (a pointwise error) can use a logarithmic colour
 * scale.
 */
public final class HeatMapPng {
    private static final int CELL = 3;
    private static final int MARGIN = 48;

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
        /** A panel with a linear colour scale. */
        public Panel(String title, double[] values, int k) {
            this(title, values, k, false);
        }
    }

    /**
     * Writes the panels side by side over the unit square's plot coordinates.
     *
     * @throws IOException on write failure
     */
    public static void write(Path file, List<Panel> panels, String xAxis, String yAxis) throws IOException {
        write(file, panels, xAxis, yAxis, new double[] {0, 1, 0, 1});
    }

    /**
     * Writes the panels side by side; {@code range = {x0, x1, y0, y1}} are the domain coordinates of the plot's edges
     * (ticks are labelled with them).
     *
     * @throws IOException on write failure
     */
    public static void write(Path file, List<Panel> panels, String xAxis, String yAxis, double[] range)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        int k = panels.get(0).k();
        int size = k * CELL;
        int panelW = size + 2 * MARGIN + 70;
        int w = panelW * panels.size();
        int h = size + 2 * MARGIN;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
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
                // the colour scale starts at the 2nd percentile of the positive values (at most eight decades
                // below the largest), so the thin zero lines of a signed error do not flatten the rest
                double[] positive = java.util.Arrays.stream(panel.values()).filter(v -> v > 0 && Double.isFinite(v))
                        .sorted().toArray();
                min = Math.max(max * 1e-8, positive.length == 0 ? max : positive[positive.length / 50]);
            }
            if (!(max > min)) {
                max = min + (min == 0 ? 1e-300 : Math.abs(min) * 1e-12);
            }
            double lo = log ? Math.log10(min) : min;
            double hi = log ? Math.log10(max) : max;
            int x0 = p * panelW + MARGIN;
            int y0 = MARGIN;
            for (int i = 0; i < panel.k(); i++) {
                for (int j = 0; j < panel.k(); j++) {
                    double v = panel.values()[i * panel.k() + j];
                    double t = log ? (v > 0 ? (Math.log10(v) - lo) / (hi - lo) : 0) : (v - lo) / (hi - lo);
                    g.setColor(colour(t));
                    g.fillRect(x0 + j * CELL, y0 + (panel.k() - 1 - i) * CELL, CELL, CELL);
                }
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1));
            g.drawRect(x0, y0, size, size);
            g.drawString(panel.title() + (log ? " (log scale)" : ""), x0, y0 - 24);
            for (int q = 0; q <= 4; q++) {
                int px = x0 + q * size / 4;
                int py = y0 + size - q * size / 4;
                g.drawLine(px, y0 + size, px, y0 + size + 4);
                g.drawLine(x0 - 4, py, x0, py);
                String xl = tick(range[0] + (range[1] - range[0]) * q / 4);
                String yl = tick(range[2] + (range[3] - range[2]) * q / 4);
                g.drawString(xl, px - g.getFontMetrics().stringWidth(xl) / 2, y0 + size + 16);
                g.drawString(yl, x0 - 6 - g.getFontMetrics().stringWidth(yl), py + 4);
            }
            g.drawString(xAxis, x0 + size / 2 - g.getFontMetrics().stringWidth(xAxis) / 2, y0 + size + 32);
            g.drawString(yAxis, x0 - 44, y0 - 6);
            // colour bar
            int bx = x0 + size + 8;
            for (int y = 0; y < size; y++) {
                g.setColor(colour(1 - (double) y / size));
                g.fillRect(bx, y0 + y, 10, 1);
            }
            g.setColor(Color.BLACK);
            for (int q = 0; q <= 4; q++) {
                int py = y0 + size - q * size / 4;
                double v = lo + (hi - lo) * q / 4;
                g.drawLine(bx + 10, py, bx + 14, py);
                g.drawString(String.format(Locale.ROOT, "%.2e", log ? Math.pow(10, v) : v), bx + 16, py + 4);
            }
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    /** A short axis tick label. */
    private static String tick(double v) {
        if (Math.abs(v) < 1e-12) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        if (s.contains("e") || !s.contains(".")) {
            return s;
        }
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** A perceptually ordered blue-cyan-yellow-red map of t ∈ [0, 1]. */
    static Color colour(double t) {
        t = Math.max(0, Math.min(1, t));
        double[][] stops = {{0.19, 0.07, 0.23}, {0.16, 0.47, 0.85}, {0.10, 0.80, 0.70}, {0.75, 0.88, 0.20},
            {0.98, 0.55, 0.13}, {0.48, 0.02, 0.01}};
        double s = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) s);
        double f = s - i;
        float r = (float) (stops[i][0] + f * (stops[i + 1][0] - stops[i][0]));
        float gg = (float) (stops[i][1] + f * (stops[i + 1][1] - stops[i][1]));
        float b = (float) (stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
        return new Color(r, gg, b);
    }
}
