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
 * with the JDK's imaging (headless AWT), each panel with its title, axis names and a colour bar with its range.
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
     */
    public record Panel(String title, double[] values, int k) {
    }

    /**
     * Writes the panels side by side.
     *
     * @throws IOException on write failure
     */
    public static void write(Path file, List<Panel> panels, String xAxis, String yAxis) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int k = panels.get(0).k();
        int size = k * CELL;
        int panelW = size + 2 * MARGIN + 40;
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
            if (!(max > min)) {
                max = min + 1e-300;
            }
            int x0 = p * panelW + MARGIN;
            int y0 = MARGIN;
            for (int i = 0; i < panel.k(); i++) {
                for (int j = 0; j < panel.k(); j++) {
                    double v = panel.values()[i * panel.k() + j];
                    g.setColor(colour((v - min) / (max - min)));
                    g.fillRect(x0 + j * CELL, y0 + (panel.k() - 1 - i) * CELL, CELL, CELL);
                }
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1));
            g.drawRect(x0, y0, size, size);
            g.drawString(panel.title(), x0, y0 - 24);
            g.drawString(xAxis, x0 + size / 2 - 10, y0 + size + 18);
            g.drawString("0", x0, y0 + size + 14);
            g.drawString("1", x0 + size - 6, y0 + size + 14);
            g.drawString(yAxis, x0 - 40, y0 + size / 2);
            // colour bar
            int bx = x0 + size + 8;
            for (int y = 0; y < size; y++) {
                g.setColor(colour(1 - (double) y / size));
                g.fillRect(bx, y0 + y, 10, 1);
            }
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.2e", max), bx - 20, y0 - 6);
            g.drawString(String.format(Locale.ROOT, "%.2e", min), bx - 20, y0 + size + 30);
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
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
