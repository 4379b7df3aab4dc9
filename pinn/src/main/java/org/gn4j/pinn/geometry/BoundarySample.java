package org.gn4j.pinn.geometry;

/**
 * Points on a boundary with their outward unit normals, both point-major ({@code count·d}), and optionally the label
 * of the boundary piece each point lies on (see {@link Shape#pieceLabels()}).
 *
 * @param points  coordinates
 * @param normals outward unit normals
 * @param count   number of points
 * @param labels  the piece label of each point ({@code count} entries), or null when the sample is unlabelled
 */
public record BoundarySample(double[] points, double[] normals, int count, String[] labels) {
    /**
     * An unlabelled sample.
     *
     * @param points coordinates, point-major, length {@code count·d}
     * @param normals outward unit normals, point-major, length {@code count·d}
     * @param count number of points
     */
    public BoundarySample(double[] points, double[] normals, int count) {
        this(points, normals, count, null);
    }

    /**
     * The piece label of point q.
     *
     * @param q point index, in [0, count)
     * @return the label of the piece point q lies on
     * @throws IllegalArgumentException if the sample has no labels
     */
    public String label(int q) {
        if (labels == null) {
            throw new IllegalArgumentException("found an unlabelled boundary sample, expected one with labels");
        }
        return labels[q];
    }
}
