package org.gn4j.pinn.pde;

import org.gn4j.linalg.ArgumentChecks;

/**
 * A boundary or initial condition as a weighted residual group: Dirichlet {@code u = g} on the boundary, Neumann
 * {@code ∂u/∂n = h} (outward normal) on the boundary, or initial {@code u(x, t0) = u0(x)} on the initial slice of a
 * space-time domain. Immutable.
 */
public final class Condition {
    /** What the condition prescribes. */
    public enum Kind {
        /** The value on the (lateral) boundary. */
        DIRICHLET,
        /** The outward normal derivative on the (lateral) boundary. */
        NEUMANN,
        /** The value on the initial slice. */
        INITIAL
    }

    private final Kind kind;
    private final Field data;
    private final double weight;
    private final int points;

    private Condition(Kind kind, Field data, double weight, int points) {
        this.kind = kind;
        this.data = data;
        this.weight = weight;
        this.points = points;
    }

    /**
     * {@code u = g} on the boundary, weight 1, points chosen by the problem (-1).
     *
     * @param g the boundary values g(x), not null
     * @return the condition
     * @throws IllegalArgumentException if g is null
     */
    public static Condition dirichlet(Field g) {
        return new Condition(Kind.DIRICHLET, require(g), 1, -1);
    }

    /**
     * {@code ∂u/∂n = h} on the boundary.
     *
     * @param h the outward normal derivative h(x), not null
     * @return the condition, weight 1, default point count
     * @throws IllegalArgumentException if h is null
     */
    public static Condition neumann(Field h) {
        return new Condition(Kind.NEUMANN, require(h), 1, -1);
    }

    /**
     * {@code u(x, t0) = u0} on the initial slice.
     *
     * @param u0 the initial values u0(x, t0) (evaluated at points of the full space-time dimension), not null
     * @return the condition, weight 1, default point count
     * @throws IllegalArgumentException if u0 is null
     */
    public static Condition initial(Field u0) {
        return new Condition(Kind.INITIAL, require(u0), 1, -1);
    }

    private static Field require(Field f) {
        if (f == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        return f;
    }

    /**
     * The same condition with weight w > 0 on its mean squared residual.
     *
     * @param w weight, positive
     * @return a new condition; this one is unchanged
     * @throws IllegalArgumentException if w is not positive
     */
    public Condition withWeight(double w) {
        ArgumentChecks.requirePositive("weight", w);
        return new Condition(kind, data, w, points);
    }

    /**
     * The same condition with about {@code count} collocation points.
     *
     * @param count about how many points, positive
     * @return a new condition; this one is unchanged
     * @throws IllegalArgumentException if count is not positive
     */
    public Condition withPoints(int count) {
        ArgumentChecks.requirePositive("points", count);
        return new Condition(kind, data, weight, count);
    }

    /**
     * What the condition prescribes.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The prescribed data (g, h or u0).
     *
     * @return the data field
     */
    public Field data() {
        return data;
    }

    /**
     * Weight of the condition's mean squared residual.
     *
     * @return the weight, positive (1 unless set)
     */
    public double weight() {
        return weight;
    }

    /**
     * Requested point count, or -1 for the problem's default.
     *
     * @return the point count, positive, or -1
     */
    public int points() {
        return points;
    }
}
