package org.gn4j.pinn.geometry;

import java.util.function.Predicate;

/**
 * A domain of a PDE problem with its collocation sampling. Coordinates are point-major {@code double[]} of
 * {@code count·dimension()} numbers. For a {@link SpaceTime} domain the last coordinate is time.
 */
public interface Domain {
    /**
     * Number of coordinates per point.
     *
     * @return the dimension n, ≥ 1 (space dimension, plus one for time in a {@link SpaceTime})
     */
    int dimension();

    /**
     * Lower corner of the bounding box (a copy).
     *
     * @return a new array of length {@link #dimension()}
     */
    double[] lower();

    /**
     * Upper corner of the bounding box (a copy).
     *
     * @return a new array of length {@link #dimension()}
     */
    double[] upper();

    /**
     * Whether x (length {@link #dimension()}) lies in the closed domain.
     *
     * @param x point coordinates, length {@link #dimension()}
     * @return true if x is inside the domain or on its boundary
     */
    boolean contains(double[] x);

    /**
     * About {@code count} interior collocation points drawn by the sampler (a grid returns its full tensor grid).
     *
     * @param sampler the point sampler (uniform, Sobol, Halton, grid …) used in the unit cube
     * @param count about how many points to return, ≥ 0
     * @param round resampling round, ≥ 0; the same round gives the same points
     * @return a new point-major array of the accepted points, length a multiple of {@link #dimension()}
     */
    double[] sampleInterior(PointSampler sampler, int count, int round);

    /**
     * About {@code count} points on the whole boundary with outward unit normals and piece labels. {@link Shape}s
     * (boxes, balls, polygons and their unions, intersections and differences) implement it.
     *
     * @param sampler the point sampler used in each piece's parameter space
     * @param count about how many points in total, ≥ 0
     * @param round resampling round, ≥ 0
     * @return the boundary points with their outward unit normals and piece labels
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
     * @param sampler the point sampler used in each piece's parameter space
     * @param count about how many points in total, ≥ 0
     * @param round resampling round, ≥ 0
     * @param pieces predicate on the piece labels, not null
     * @return the boundary points on the selected pieces with their outward unit normals and piece labels
     * @throws IllegalArgumentException for a domain without boundary pieces, or if no piece label passes
     */
    default BoundarySample sampleBoundary(PointSampler sampler, int count, int round, Predicate<String> pieces) {
        throw new IllegalArgumentException("found domain " + this
                + " without boundary pieces, expected a Shape (Box, Ball, Polygon or a union, intersection or"
                + " difference of them)");
    }
}
