package org.gn4j.pinn.geometry;

import java.util.function.Predicate;

/**
 * A domain of a PDE problem with its collocation sampling. Coordinates are point-major {@code double[]} of
 * {@code count·dimension()} numbers. For a {@link SpaceTime} domain the last coordinate is time.
 */
public interface Domain {
    /** Number of coordinates per point. */
    int dimension();

    /** Lower corner of the bounding box (a copy). */
    double[] lower();

    /** Upper corner of the bounding box (a copy). */
    double[] upper();

    /** Whether x (length {@link #dimension()}) lies in the closed domain. */
    boolean contains(double[] x);

    /** About {@code count} interior collocation points drawn by the sampler (a grid returns its full tensor grid). */
    double[] sampleInterior(PointSampler sampler, int count, int round);

    /**
     * About {@code count} points on the whole boundary with outward unit normals and piece labels. {@link Shape}s
     * (boxes, balls, polygons and their unions, intersections and differences) implement it.
     *
     * @throws IllegalArgumentException for a domain without one boundary to sample
     */
    default BoundarySample sampleBoundary(PointSampler sampler, int count, int round) {
        throw new IllegalArgumentException("found domain " + this
                + " without boundary sampling, expected a Shape (Box, Ball, Polygon or a union, intersection or"
                + " difference of them)");
    }

    /**
     * Like {@link #sampleBoundary(PointSampler, int, int)} but only on the boundary pieces whose label passes the
     * predicate; {@code count} is spread over those pieces.
     *
     * @throws IllegalArgumentException for a domain without boundary pieces, or if no piece label passes
     */
    default BoundarySample sampleBoundary(PointSampler sampler, int count, int round, Predicate<String> pieces) {
        throw new IllegalArgumentException("found domain " + this
                + " without boundary pieces, expected a Shape (Box, Ball, Polygon or a union, intersection or"
                + " difference of them)");
    }
}
