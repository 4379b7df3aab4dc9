package org.gn4j.pinn.geometry;

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
}
