package org.gn4j.pinn.pde;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.pinn.geometry.BoundarySample;
import org.gn4j.pinn.geometry.Box;
import org.gn4j.pinn.geometry.Domain;
import org.gn4j.pinn.geometry.PointSampler;
import org.gn4j.pinn.geometry.SpaceTime;

/**
 * Where a residual group of a {@link PdeSystem} is evaluated: a point set for each resampling round, with outward
 * normals on boundaries and data columns (values of given fields at the points, or observations).
 */
@FunctionalInterface
public interface Collocation {
    /**
     * Points of one round.
     *
     * @param coordinates point-major, {@code count·d}
     * @param normals     point-major outward unit normals, or null
     * @param data        point-major data, {@code count·columns}, or null when {@code columns = 0}
     * @param columns     data values per point
     * @param count       number of points
     */
    record Points(double[] coordinates, double[] normals, double[] data, int columns, int count) {
        /**
         * Checks the lengths against the count.
         *
         * @param coordinates point-major coordinates, {@code count·d} numbers, not null
         * @param normals point-major outward unit normals of the same length as the coordinates, or null
         * @param data point-major data, {@code count·columns} numbers; may be null when {@code columns = 0}
         * @param columns data values per point, ≥ 0
         * @param count number of points, ≥ 0
         * @throws IllegalArgumentException on a negative count or columns, or lengths that do not match
         */
        public Points {
            ArgumentChecks.requireNonNegative("count", count);
            ArgumentChecks.requireNonNegative("columns", columns);
            if (coordinates == null || count > 0 && coordinates.length % count != 0) {
                throw new IllegalArgumentException("coordinates: found " + (coordinates == null ? "null"
                        : coordinates.length + " numbers") + ", expected a multiple of the count " + count);
            }
            if (normals != null && normals.length != coordinates.length) {
                throw new IllegalArgumentException("normals: found " + normals.length + " numbers, expected "
                        + coordinates.length);
            }
            if (columns > 0 && (data == null || data.length != (long) count * columns)) {
                throw new IllegalArgumentException("data: found " + (data == null ? "null" : data.length
                        + " numbers") + ", expected " + (long) count * columns);
            }
        }
    }

    /**
     * The points of resampling round {@code round} (0 = the first set).
     *
     * @param round resampling round, ≥ 0
     * @return the points of that round; the same round gives the same points
     */
    Points points(int round);

    /**
     * The same points with data columns: the fields' values at each point.
     *
     * @param fields the fields whose values become the data columns, in order; the array is copied
     * @return a new collocation with {@code fields.length} data columns
     */
    default Collocation withData(Field... fields) {
        Field[] f = fields.clone();
        return round -> {
            Points p = points(round);
            int d = p.count() == 0 ? 0 : p.coordinates().length / p.count();
            double[] data = new double[p.count() * f.length];
            double[] x = new double[d];
            for (int q = 0; q < p.count(); q++) {
                System.arraycopy(p.coordinates(), q * d, x, 0, d);
                for (int k = 0; k < f.length; k++) {
                    data[q * f.length + k] = f[k].value(x);
                }
            }
            return new Points(p.coordinates(), p.normals(), data, f.length, p.count());
        };
    }

    /**
     * The same points graded towards the faces of a box: each coordinate, in the box's unit coordinates ξ, moves to
     * {@code (1 − β)ξ + β(1 − cos πξ)/2}, which keeps 0 and 1 (so points on a face stay on it and the faces'
     * normals stay valid) and multiplies the point density next to a face by {@code 1/(1 − β)} along that axis and
     * in the middle by {@code 1/(1 + β(π/2 − 1))}. For solutions with boundary layers or corner singularities, and to
     * match errors measured on meshes refined towards the walls.
     *
     * @param box the box the points lie in, not null
     * @param strength β, in [0, 1) (0: the points unchanged)
     * @return a new collocation with the graded points; normals and data columns are carried over unchanged (grade
     *         before {@link #withData})
     * @throws IllegalArgumentException if box is null or β is outside [0, 1)
     */
    default Collocation graded(Box box, double strength) {
        ArgumentChecks.requireNonNull("box", box);
        if (!(strength >= 0 && strength < 1)) {
            throw new IllegalArgumentException("found grading strength " + strength + ", expected a number in [0, 1)");
        }
        int d = box.dimension();
        return round -> {
            Points p = points(round);
            double[] x = p.coordinates().clone();
            if (p.count() > 0 && x.length != p.count() * d) {
                throw new IllegalArgumentException("found points of " + x.length / p.count()
                        + " coordinates, expected the box's dimension " + d);
            }
            for (int k = 0; k < x.length; k++) {
                int i = k % d;
                double lo = box.lower(i);
                double span = box.upper(i) - lo;
                double xi = (x[k] - lo) / span;
                x[k] = lo + span * ((1 - strength) * xi + strength * 0.5 * (1 - Math.cos(Math.PI * xi)));
            }
            return new Points(x, p.normals(), p.data(), p.columns(), p.count());
        };
    }

    /**
     * About {@code count} interior points of the domain drawn by the sampler (fresh points each round).
     *
     * @param domain the domain
     * @param sampler the point sampler
     * @param count about how many points per round, positive
     * @return the collocation, without normals or data
     * @throws IllegalArgumentException if count is not positive
     */
    static Collocation interior(Domain domain, PointSampler sampler, int count) {
        ArgumentChecks.requirePositive("count", count);
        return round -> {
            double[] x = domain.sampleInterior(sampler, count, round);
            return new Points(x, null, null, 0, x.length / domain.dimension());
        };
    }

    /**
     * About {@code count} points on the whole boundary of the domain (a box, a ball, a polygon or a CSG shape).
     *
     * @param domain the domain; must support boundary sampling (a {@link org.gn4j.pinn.geometry.Shape})
     * @param sampler the point sampler
     * @param count about how many points per round, positive
     * @return the collocation, with outward normals
     * @throws IllegalArgumentException if count is not positive
     */
    static Collocation boundary(Domain domain, PointSampler sampler, int count) {
        ArgumentChecks.requirePositive("count", count);
        return round -> of(domain.sampleBoundary(sampler, count, round));
    }

    /**
     * About {@code count} points on the boundary pieces of the domain whose label passes {@code pieces} (for example
     * {@code "circle"::equals}, or {@code l -> l.startsWith("edge")}; {@link org.gn4j.pinn.geometry.Shape#pieceLabels}
     * lists them), with outward normals.
     *
     * @param domain the domain; must support boundary sampling (a {@link org.gn4j.pinn.geometry.Shape})
     * @param sampler the point sampler
     * @param count about how many points per round on the selected pieces, positive
     * @param pieces predicate on the piece labels, not null
     * @return the collocation
     * @throws IllegalArgumentException if count is not positive or pieces is null
     */
    static Collocation boundary(Domain domain, PointSampler sampler, int count,
            java.util.function.Predicate<String> pieces) {
        ArgumentChecks.requirePositive("count", count);
        ArgumentChecks.requireNonNull("pieces", pieces);
        return round -> of(domain.sampleBoundary(sampler, count, round, pieces));
    }

    /**
     * About {@code count} points on the selected faces of the box ({@code include[2i]}: the lower face of axis i,
     * {@code include[2i+1]}: the upper one), with outward normals.
     *
     * @param box the box
     * @param sampler the point sampler of the face coordinates
     * @param count about how many points per round on the selected faces, positive
     * @param include flags of the faces to sample, length 2n; copied
     * @return the collocation
     * @throws IllegalArgumentException if count is not positive
     */
    static Collocation faces(Box box, PointSampler sampler, int count, boolean... include) {
        ArgumentChecks.requirePositive("count", count);
        boolean[] inc = include.clone();
        return round -> of(box.sampleFaces(sampler, count, round, inc));
    }

    /**
     * About {@code count} points on the lateral boundary of a space-time cylinder (its space boundary × time).
     *
     * @param domain the space-time cylinder
     * @param sampler the point sampler
     * @param count about how many points per round, positive
     * @return the collocation, with the spatial outward normals
     * @throws IllegalArgumentException if count is not positive
     */
    static Collocation lateral(SpaceTime domain, PointSampler sampler, int count) {
        ArgumentChecks.requirePositive("count", count);
        return round -> of(domain.sampleLateral(sampler, count, round));
    }

    /**
     * About {@code count} points on the initial slice {@code t = t0} of a space-time cylinder.
     *
     * @param domain the space-time cylinder
     * @param sampler the point sampler of the spatial coordinates
     * @param count about how many points per round, positive
     * @return the collocation, with normals {@code −e_t}
     * @throws IllegalArgumentException if count is not positive
     */
    static Collocation initial(SpaceTime domain, PointSampler sampler, int count) {
        ArgumentChecks.requirePositive("count", count);
        return round -> of(domain.sampleInitial(sampler, count, round));
    }

    /**
     * Fixed points (observations) with their data, the same in every round.
     *
     * @param coordinates point-major coordinates, length a multiple of {@code dimension}; copied
     * @param dimension coordinates per point
     * @param data point-major data, {@code count·columns} numbers, or null when {@code columns = 0}; copied
     * @param columns   data values per point
     * @return the collocation returning the same points for every round
     * @throws IllegalArgumentException on inconsistent lengths
     */
    static Collocation fixed(double[] coordinates, int dimension, double[] data, int columns) {
        ArgumentChecks.requirePositive("dimension", dimension);
        if (coordinates.length % dimension != 0) {
            throw new IllegalArgumentException("coordinates: found " + coordinates.length
                    + " numbers, expected a multiple of the dimension " + dimension);
        }
        Points p = new Points(coordinates.clone(), null, data == null ? null : data.clone(), columns,
                coordinates.length / dimension);
        return round -> p;
    }

    private static Points of(BoundarySample b) {
        return new Points(b.points(), b.normals(), null, 0, b.count());
    }
}
