package org.gn4j.bench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * The XChart plots: the palette keeps 16 colours apart, a 14-line chart and three heat-map panels render to PNGs of
 * the expected size whose pixels use the palette and the colour map. The PNGs stay in {@code target/plots} for a look
 * ({@code docs/img} holds copies).
 */
class PlotsTest {
    private static final Path OUT = Path.of("target", "plots");

    @Test
    void sixteenColoursAreFarApartAndLaterSeriesChangeTheirDashes() {
        for (int a = 0; a < 16; a++) {
            for (int b = a + 1; b < 16; b++) {
                Color p = Palette.colour(a);
                Color q = Palette.colour(b);
                double d = Math.sqrt(Math.pow(p.getRed() - q.getRed(), 2) + Math.pow(p.getGreen() - q.getGreen(), 2)
                        + Math.pow(p.getBlue() - q.getBlue(), 2));
                assertTrue(d >= 60, "colours " + a + " and " + b + " are " + d + " apart");
            }
        }
        assertEquals(Palette.colour(0), Palette.colour(16));
        assertNotEquals(java.util.Arrays.toString(Palette.stroke(0, 2f).getDashArray()),
                java.util.Arrays.toString(Palette.stroke(16, 2f).getDashArray()), "same colour, same dashes");
        assertTrue(Palette.stroke(3, 2f).getDashArray() == null && Palette.stroke(12, 2f).getDashArray() != null);
    }

    @Test
    void fourteenLinesOnALogAxis() throws Exception {
        LinePlot plot = new LinePlot("14 configurations: loss against time", "seconds", "train loss", true);
        int n = 200;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 25.0 * i / (n - 1);
        }
        for (int c = 0; c < 14; c++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = Math.exp(-(0.05 + 0.03 * c) * t[i]) * (1 + 0.1 * Math.sin(0.7 * t[i] + c)) + 1e-3;
            }
            plot.add("configuration " + (c + 1), t, y);
        }
        Path file = OUT.resolve("lines-14.png");
        plot.writePng(file, 1000, 560);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(1000, img.getWidth());
        assertEquals(560, img.getHeight());
        Set<Integer> seen = colours(img);
        for (int c = 0; c < 14; c++) {
            assertTrue(seen.contains(Palette.colour(c).getRGB() & 0xffffff), "line colour " + c + " not drawn");
        }
    }

    @Test
    void heatMapPanelsWithTicksAndColourBars() throws Exception {
        int k = 161;
        double[] u = new double[k * k];
        double[] exact = new double[k * k];
        double[] err = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double x = -1 + 2.0 * j / (k - 1);
                double y = 2.0 * i / (k - 1);
                exact[i * k + j] = Math.sin(Math.PI * x) * Math.cos(Math.PI * y / 2);
                u[i * k + j] = exact[i * k + j] + 1e-4 * Math.sin(9 * x) * y;
                err[i * k + j] = Math.abs(u[i * k + j] - exact[i * k + j]);
            }
        }
        Path file = OUT.resolve("heatmap.png");
        HeatMapPng.write(file, List.of(new HeatMapPng.Panel("PINN u", u, k), new HeatMapPng.Panel("exact", exact, k),
                new HeatMapPng.Panel("|error|", err, k, true)), "x", "t", new double[] {-1, 1, 0, 2});
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(3 * 470, img.getWidth());
        assertEquals(470, img.getHeight());
        Set<Integer> seen = colours(img);
        List<Integer> ends = new ArrayList<>();
        for (Color c : new Color[] {Palette.sequential()[0], Palette.sequential()[4]}) {
            ends.add(c.getRGB() & 0xffffff);
        }
        assertTrue(seen.containsAll(ends), "both ends of the colour map are drawn");
        assertTrue(Files.size(file) > 10_000);
    }

    private static Set<Integer> colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                seen.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return seen;
    }
}
