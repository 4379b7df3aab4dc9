package org.gn4j.bench.plot;

import java.awt.BasicStroke;
import java.awt.Color;

/**
 * Colours and line styles for charts with many lines: 16 colours (Tableau's ten, then six darker or more saturated
 * ones that differ from those ten) cycled with four dash patterns, so that the first 16 series differ in colour and
 * series 11 to 16 also by their dashes; up to 64 series get a distinct colour-and-dash pair.
 */
public final class Palette {
    /** The colours, in the order series receive them. */
    static final Color[] COLOURS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
        new Color(0x000000), new Color(0x000080), new Color(0xffd700), new Color(0x006400), new Color(0x8b0000),
        new Color(0xff00ff)};
    /** Dash patterns (null: solid): solid for the first ten series, then dashed, dotted, dash-dot. */
    private static final float[][] DASHES = {null, {9f, 5f}, {2.5f, 3.5f}, {10f, 4f, 2.5f, 4f}};

    private Palette() {
    }

    /**
     * The colour of series {@code i}.
     *
     * @param i the series index, 0 or more
     * @return its colour
     */
    public static Color colour(int i) {
        return COLOURS[Math.floorMod(i, COLOURS.length)];
    }

    /**
     * The stroke of series {@code i}: solid for the first ten, then a dash pattern that changes every 16 series
     * (series 10 to 15 dashed, 16 to 31 with the next pattern, ...).
     *
     * @param i     the series index, 0 or more
     * @param width line width in pixels
     * @return the stroke
     */
    public static BasicStroke stroke(int i, float width) {
        int k = Math.max(0, i);
        int dash = k < 10 ? 0 : k < 16 ? 1 : 1 + (k / 16) % (DASHES.length - 1);
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASHES[dash], 0f);
    }

    /**
     * A sequential colour map (dark blue, blue, teal, green, yellow; after viridis) for heat maps.
     *
     * @return the colours from the lowest value to the highest
     */
    public static Color[] sequential() {
        return new Color[] {new Color(0x440154), new Color(0x3b528b), new Color(0x21918c), new Color(0x5ec962),
            new Color(0xfde725)};
    }
}
