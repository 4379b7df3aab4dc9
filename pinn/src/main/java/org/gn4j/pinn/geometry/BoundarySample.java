package org.gn4j.pinn.geometry;

/**
 * Points on a boundary with their outward unit normals, both point-major ({@code count·d}).
 *
 * @param points  coordinates
 * @param normals outward unit normals
 * @param count   number of points
 */
public record BoundarySample(double[] points, double[] normals, int count) {
}
