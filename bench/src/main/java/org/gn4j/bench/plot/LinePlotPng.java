package org.gn4j.bench.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/** A PNG of stacked line-plot panels (JDK imaging only): one panel per list of series over a shared x. */
public final class LinePlotPng {
    private LinePlotPng() {
    }

    /** A named curve. */
    public record Series(String name, double[] y, Color color) {
    }

    /** A panel: its title and series. */
    public record Panel(String title, List<Series> series) {
    }

    /**
     * Writes the panels stacked vertically.
     *
     * @throws IOException on write failure
     */
    public static void write(Path file, double[] x, List<Panel> panels) throws IOException {
        int w = 900;
        int ph = 260;
        BufferedImage img = new BufferedImage(w, ph * panels.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        double x0 = x[0];
        double x1 = x[x.length - 1];
        for (int k = 0; k < panels.size(); k++) {
            Panel p = panels.get(k);
            int top = k * ph + 25;
            int left = 70;
            int pw = w - 90;
            int hh = ph - 50;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Series s : p.series()) {
                for (double v : s.y()) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (!(hi > lo)) {
                hi = lo + 1;
            }
            g.setColor(Color.BLACK);
            g.drawRect(left, top, pw, hh);
            g.drawString(p.title(), left, top - 8);
            g.drawString(String.format(java.util.Locale.ROOT, "%.3g", hi), 2, top + 10);
            g.drawString(String.format(java.util.Locale.ROOT, "%.3g", lo), 2, top + hh);
            int legend = left + pw - 160;
            for (int si = 0; si < p.series().size(); si++) {
                Series s = p.series().get(si);
                g.setColor(s.color());
                g.setStroke(new BasicStroke(1.3f));
                int px = -1;
                int py = -1;
                for (int i = 0; i < x.length; i++) {
                    int cx = left + (int) Math.round((x[i] - x0) / (x1 - x0) * pw);
                    int cy = top + hh - (int) Math.round((s.y()[i] - lo) / (hi - lo) * hh);
                    if (px >= 0) {
                        g.drawLine(px, py, cx, cy);
                    }
                    px = cx;
                    py = cy;
                }
                g.drawString(s.name(), legend, top + 15 + 14 * si);
            }
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }
}
