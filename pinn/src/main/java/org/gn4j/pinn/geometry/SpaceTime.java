package org.gn4j.pinn.geometry;

import org.gn4j.linalg.ArgumentChecks;

/**
 * A space × time cylinder {@code Ω × [t0, t1]} with Ω a {@link Box}; points are {@code (x_1, …, x_d, t)}. The
 * boundary splits into the initial slice {@code Ω × {t0}} and the lateral boundary {@code ∂Ω × [t0, t1]}.
 */
public final class SpaceTime implements Domain {
    private final Box space;
    private final double t0;
    private final double t1;
    private final Box box;

    private SpaceTime(Box space, double t0, double t1) {
        this.space = space;
        this.t0 = t0;
        this.t1 = t1;
        int d = space.dimension();
        double[] lo = new double[d + 1];
        double[] hi = new double[d + 1];
        System.arraycopy(space.lower(), 0, lo, 0, d);
        System.arraycopy(space.upper(), 0, hi, 0, d);
        lo[d] = t0;
        hi[d] = t1;
        box = Box.of(lo, hi);
    }

    /**
     * {@code space × [t0, t1]}.
     *
     * @param space the spatial domain Ω, not null
     * @param t0 start time
     * @param t1 end time
     * @return the cylinder, of dimension {@code space.dimension() + 1}
     * @throws IllegalArgumentException unless {@code t0 < t1}, both finite
     */
    public static SpaceTime of(Box space, double t0, double t1) {
        if (space == null) {
            throw new IllegalArgumentException("space must not be null");
        }
        if (!(t1 > t0) || !Double.isFinite(t0) || !Double.isFinite(t1)) {
            throw new IllegalArgumentException("time interval is [" + t0 + ", " + t1 + "], expected finite t0 < t1");
        }
        return new SpaceTime(space, t0, t1);
    }

    /**
     * The spatial box.
     *
     * @return the box Ω
     */
    public Box space() {
        return space;
    }

    /**
     * Start time.
     *
     * @return t0
     */
    public double startTime() {
        return t0;
    }

    /**
     * End time.
     *
     * @return t1
     */
    public double endTime() {
        return t1;
    }

    /**
     * The whole cylinder as a box in {@code d + 1} dimensions.
     *
     * @return the box {@code Ω × [t0, t1]}
     */
    public Box asBox() {
        return box;
    }

    @Override
    public int dimension() {
        return space.dimension() + 1;
    }

    @Override
    public double[] lower() {
        return box.lower();
    }

    @Override
    public double[] upper() {
        return box.upper();
    }

    @Override
    public boolean contains(double[] x) {
        return box.contains(x);
    }

    @Override
    public double[] sampleInterior(PointSampler sampler, int count, int round) {
        return box.sampleInterior(sampler, count, round);
    }

    /**
     * About {@code count} points on the initial slice {@code Ω × {t0}} (normals point to −t).
     *
     * @param sampler sampler of the spatial coordinates on the slice
     * @param count about how many points, ≥ 0
     * @param round resampling round, ≥ 0
     * @return points {@code (x, t0)} with normal {@code −e_t}, labelled with the lower time face's label
     */
    public BoundarySample sampleInitial(PointSampler sampler, int count, int round) {
        boolean[] inc = new boolean[2 * dimension()];
        inc[2 * space.dimension()] = true;
        return box.sampleFaces(sampler, count, round, inc);
    }

    /**
     * About {@code count} points on the lateral boundary {@code ∂Ω × [t0, t1]}, with the spatial outward normals.
     *
     * @param sampler sampler of the face coordinates
     * @param count about how many points in total, ≥ 0
     * @param round resampling round, ≥ 0
     * @return points on the spatial faces over all times, with their outward normals (zero time component) and face
     *         labels
     * @throws IllegalArgumentException if count is negative
     */
    public BoundarySample sampleLateral(PointSampler sampler, int count, int round) {
        ArgumentChecks.requireNonNegative("count", count);
        boolean[] inc = new boolean[2 * dimension()];
        for (int f = 0; f < 2 * space.dimension(); f++) {
            inc[f] = true;
        }
        return box.sampleFaces(sampler, count, round, inc);
    }

    /**
     * Not offered: the boundary of a space-time cylinder splits into parts with different roles.
     *
     * @throws IllegalArgumentException always, naming {@link #sampleLateral} and {@link #sampleInitial}
     */
    @Override
    public BoundarySample sampleBoundary(PointSampler sampler, int count, int round) {
        throw new IllegalArgumentException("found space-time domain " + this
                + ", expected sampleLateral or sampleInitial for its boundary");
    }

    /**
     * Not offered, as {@link #sampleBoundary(PointSampler, int, int)}.
     *
     * @throws IllegalArgumentException always
     */
    @Override
    public BoundarySample sampleBoundary(PointSampler sampler, int count, int round,
            java.util.function.Predicate<String> pieces) {
        return sampleBoundary(sampler, count, round);
    }

    @Override
    public String toString() {
        return space + "x[" + t0 + ", " + t1 + "]";
    }
}
