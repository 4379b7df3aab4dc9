package org.gn4j.pinn.pde;

import java.util.ArrayList;
import java.util.List;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.pinn.geometry.BoundarySample;
import org.gn4j.pinn.geometry.Domain;
import org.gn4j.pinn.geometry.PointSampler;
import org.gn4j.pinn.geometry.SpaceTime;
import org.gn4j.pinn.net.LinearJetResidual;

/**
 * A linear PDE problem {@code 𝓛u = f} in a domain with boundary and initial conditions, an optional exact solution,
 * and its collocation plan (sampler and point counts). Immutable; {@link #groups(int, java.util.Set)} turns it into weighted
 * residual groups of seeded jets for any round of resampling. Boxes use all faces for Dirichlet / Neumann data;
 * space-time cylinders use the lateral boundary, and the initial slice for initial conditions.
 */
public final class PdeSpec {
    private final String name;
    private final Domain domain;
    private final DifferentialOperator operator;
    private final Field source;
    private final List<Condition> conditions;
    private final Field exact;
    private final PointSampler sampler;
    private final PointSampler boundarySampler;
    private final int interiorPoints;
    private final int boundaryPoints;
    private final double interiorWeight;

    private PdeSpec(Builder b) {
        name = b.name;
        domain = b.domain;
        operator = b.operator;
        source = b.source;
        conditions = List.copyOf(b.conditions);
        exact = b.exact;
        sampler = b.sampler;
        boundarySampler = b.boundarySampler == null ? b.sampler : b.boundarySampler;
        interiorPoints = b.interiorPoints;
        boundaryPoints = b.boundaryPoints;
        interiorWeight = b.interiorWeight;
    }

    /**
     * Starts a problem {@code operator(u) = source} on the domain.
     *
     * @param name problem name for reports, or null for "pde"
     * @param domain the domain, not null
     * @param operator the linear operator 𝓛, not null, of the domain's dimension
     * @return a new builder with zero source, no conditions, the grid sampler, 1000 interior and 200 boundary points
     * @throws IllegalArgumentException if the operator's dimension differs from the domain's
     */
    public static Builder builder(String name, Domain domain, DifferentialOperator operator) {
        return new Builder(name, domain, operator);
    }

    /**
     * Problem name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The domain.
     *
     * @return the domain
     */
    public Domain domain() {
        return domain;
    }

    /**
     * The linear differential operator 𝓛.
     *
     * @return the operator
     */
    public DifferentialOperator operator() {
        return operator;
    }

    /**
     * The source f of {@code 𝓛u = f}.
     *
     * @return the source (the zero field unless set)
     */
    public Field source() {
        return source;
    }

    /**
     * The boundary and initial conditions, in the order added.
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<Condition> conditions() {
        return conditions;
    }

    /**
     * The exact solution, or null.
     *
     * @return the exact solution, or null if none was given
     */
    public Field exact() {
        return exact;
    }

    /**
     * About how many interior collocation points each round draws.
     *
     * @return the interior point count, positive
     */
    public int interiorPoints() {
        return interiorPoints;
    }

    /**
     * About how many points each condition draws unless it sets its own count.
     *
     * @return the boundary point count, positive
     */
    public int boundaryPoints() {
        return boundaryPoints;
    }

    /**
     * The same problem with other collocation counts.
     *
     * @param interior about how many interior points, positive
     * @param boundary about how many points per condition, positive
     * @return a new spec; this one is unchanged
     * @throws IllegalArgumentException if a count is not positive
     */
    public PdeSpec withPoints(int interior, int boundary) {
        Builder b = toBuilder();
        b.interiorPoints(interior).boundaryPoints(boundary);
        return b.build();
    }

    /**
     * The same problem with another sampler (interior and boundary).
     *
     * @param s the sampler for interior and boundary points, not null
     * @return a new spec; this one is unchanged
     * @throws IllegalArgumentException if s is null
     */
    public PdeSpec withSampler(PointSampler s) {
        Builder b = toBuilder();
        b.sampler(s);
        b.boundarySampler = null;
        return b.build();
    }

    private Builder toBuilder() {
        Builder b = new Builder(name, domain, operator);
        b.source = source;
        b.conditions.addAll(conditions);
        b.exact = exact;
        b.sampler = sampler;
        b.boundarySampler = boundarySampler;
        b.interiorPoints = interiorPoints;
        b.boundaryPoints = boundaryPoints;
        b.interiorWeight = interiorWeight;
        return b;
    }

    /**
     * The residual groups at resampling round {@code round} (0 = the first set): the interior equation, then the
     * conditions in the order given, each scaled by {@code √(w/N)}.
     *
     * @param round resampling round, ≥ 0
     * @param skip condition kinds to leave out (those a hard constraint enforces); may be empty
     * @return a new list: the interior group first, then one group per condition not skipped
     * @throws IllegalArgumentException if round is negative, or for an initial condition on a domain that is not a
     *         {@link SpaceTime}
     */
    public List<ResidualGroup> groups(int round, java.util.Set<Condition.Kind> skip) {
        ArgumentChecks.requireNonNegative("round", round);
        int n = domain.dimension();
        int jet = n + 2;
        List<ResidualGroup> out = new ArrayList<>();
        double[] x = domain.sampleInterior(sampler, interiorPoints, round);
        int count = x.length / n;
        double s = Math.sqrt(interiorWeight / count);
        double[] seeds = new double[count * jet];
        double[] f = new double[count];
        double[] p = new double[n];
        for (int q = 0; q < count; q++) {
            operator.seed(s, seeds, q * jet);
            System.arraycopy(x, q * n, p, 0, n);
            f[q] = s * source.value(p);
        }
        out.add(new ResidualGroup("interior", LinearJetResidual.of(n, x, seeds, f, operator.laplacianWeights()),
                interiorWeight));
        int salt = 1;
        for (Condition c : conditions) {
            salt++;
            if (skip.contains(c.kind())) {
                continue;
            }
            int want = c.points() > 0 ? c.points() : boundaryPoints;
            // a different round per condition keeps random faces of different conditions independent
            BoundarySample b = boundary(c.kind(), want, round * 31 + salt);
            int m = b.count();
            double w = Math.sqrt(c.weight() / m);
            double[] sd = new double[m * jet];
            double[] g = new double[m];
            for (int q = 0; q < m; q++) {
                System.arraycopy(b.points(), q * n, p, 0, n);
                if (c.kind() == Condition.Kind.NEUMANN) {
                    for (int i = 0; i < n; i++) {
                        sd[q * jet + 1 + i] = w * b.normals()[q * n + i];
                    }
                } else {
                    sd[q * jet] = w;
                }
                g[q] = w * c.data().value(p);
            }
            out.add(new ResidualGroup(c.kind().name().toLowerCase(java.util.Locale.ROOT),
                    LinearJetResidual.of(n, b.points(), sd, g, null), c.weight()));
        }
        return out;
    }

    private BoundarySample boundary(Condition.Kind kind, int count, int round) {
        if (domain instanceof SpaceTime st) {
            return kind == Condition.Kind.INITIAL ? st.sampleInitial(boundarySampler, count, round)
                    : st.sampleLateral(boundarySampler, count, round);
        }
        if (kind == Condition.Kind.INITIAL) {
            throw new IllegalArgumentException("found an initial condition on " + domain
                    + ", expected a SpaceTime domain");
        }
        return domain.sampleBoundary(boundarySampler, count, round);
    }

    /** Builder for {@link PdeSpec}. */
    public static final class Builder {
        private final String name;
        private final Domain domain;
        private final DifferentialOperator operator;
        private Field source = Field.zero();
        private final List<Condition> conditions = new ArrayList<>();
        private Field exact;
        private PointSampler sampler = PointSampler.grid();
        private PointSampler boundarySampler;
        private int interiorPoints = 1000;
        private int boundaryPoints = 200;
        private double interiorWeight = 1;

        private Builder(String name, Domain domain, DifferentialOperator operator) {
            if (domain == null || operator == null) {
                throw new IllegalArgumentException("domain and operator must not be null");
            }
            ArgumentChecks.requireDimension("operator dimension", operator.dimension(), domain.dimension());
            this.name = name == null ? "pde" : name;
            this.domain = domain;
            this.operator = operator;
        }

        /**
         * The source f of {@code 𝓛u = f} (default zero).
         *
         * @param f the source, not null
         * @return this builder
         * @throws IllegalArgumentException if f is null
         */
        public Builder source(Field f) {
            if (f == null) {
                throw new IllegalArgumentException("source must not be null");
            }
            this.source = f;
            return this;
        }

        /**
         * Adds a condition.
         *
         * @param c the condition, not null
         * @return this builder
         * @throws IllegalArgumentException if c is null
         */
        public Builder condition(Condition c) {
            if (c == null) {
                throw new IllegalArgumentException("condition must not be null");
            }
            conditions.add(c);
            return this;
        }

        /**
         * The exact solution, for error metrics.
         *
         * @param u the exact solution, or null for none
         * @return this builder
         */
        public Builder exact(Field u) {
            this.exact = u;
            return this;
        }

        /**
         * Interior and boundary sampler (default: the midpoint grid).
         *
         * @param s the sampler, not null
         * @return this builder
         * @throws IllegalArgumentException if s is null
         */
        public Builder sampler(PointSampler s) {
            if (s == null) {
                throw new IllegalArgumentException("sampler must not be null");
            }
            this.sampler = s;
            return this;
        }

        /**
         * A separate boundary sampler.
         *
         * @param s the boundary sampler, or null to use the interior sampler
         * @return this builder
         */
        public Builder boundarySampler(PointSampler s) {
            this.boundarySampler = s;
            return this;
        }

        /**
         * About this many interior points (default 1000).
         *
         * @param count interior point count, positive
         * @return this builder
         * @throws IllegalArgumentException if count is not positive
         */
        public Builder interiorPoints(int count) {
            ArgumentChecks.requirePositive("interiorPoints", count);
            this.interiorPoints = count;
            return this;
        }

        /**
         * About this many points per condition unless the condition says otherwise (default 200).
         *
         * @param count boundary point count, positive
         * @return this builder
         * @throws IllegalArgumentException if count is not positive
         */
        public Builder boundaryPoints(int count) {
            ArgumentChecks.requirePositive("boundaryPoints", count);
            this.boundaryPoints = count;
            return this;
        }

        /**
         * Weight of the interior residual (default 1).
         *
         * @param w weight, positive
         * @return this builder
         * @throws IllegalArgumentException if w is not positive
         */
        public Builder interiorWeight(double w) {
            ArgumentChecks.requirePositive("interiorWeight", w);
            this.interiorWeight = w;
            return this;
        }

        /**
         * The spec.
         *
         * @return the immutable spec
         */
        public PdeSpec build() {
            return new PdeSpec(this);
        }
    }
}
