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
     * @throws IllegalArgumentException if the operator's dimension differs from the domain's
     */
    public static Builder builder(String name, Domain domain, DifferentialOperator operator) {
        return new Builder(name, domain, operator);
    }

    public String name() {
        return name;
    }

    public Domain domain() {
        return domain;
    }

    public DifferentialOperator operator() {
        return operator;
    }

    public Field source() {
        return source;
    }

    public List<Condition> conditions() {
        return conditions;
    }

    /** The exact solution, or null. */
    public Field exact() {
        return exact;
    }

    public int interiorPoints() {
        return interiorPoints;
    }

    public int boundaryPoints() {
        return boundaryPoints;
    }

    /** The same problem with other collocation counts. */
    public PdeSpec withPoints(int interior, int boundary) {
        Builder b = toBuilder();
        b.interiorPoints(interior).boundaryPoints(boundary);
        return b.build();
    }

    /** The same problem with another sampler (interior and boundary). */
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
     * @param skip condition kinds to leave out (those a hard constraint enforces); may be empty
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

        /** The source f of {@code 𝓛u = f} (default zero). */
        public Builder source(Field f) {
            if (f == null) {
                throw new IllegalArgumentException("source must not be null");
            }
            this.source = f;
            return this;
        }

        /** Adds a condition. */
        public Builder condition(Condition c) {
            if (c == null) {
                throw new IllegalArgumentException("condition must not be null");
            }
            conditions.add(c);
            return this;
        }

        /** The exact solution, for error metrics. */
        public Builder exact(Field u) {
            this.exact = u;
            return this;
        }

        /** Interior and boundary sampler (default: the midpoint grid). */
        public Builder sampler(PointSampler s) {
            if (s == null) {
                throw new IllegalArgumentException("sampler must not be null");
            }
            this.sampler = s;
            return this;
        }

        /** A separate boundary sampler. */
        public Builder boundarySampler(PointSampler s) {
            this.boundarySampler = s;
            return this;
        }

        /** About this many interior points (default 1000). */
        public Builder interiorPoints(int count) {
            ArgumentChecks.requirePositive("interiorPoints", count);
            this.interiorPoints = count;
            return this;
        }

        /** About this many points per condition unless the condition says otherwise (default 200). */
        public Builder boundaryPoints(int count) {
            ArgumentChecks.requirePositive("boundaryPoints", count);
            this.boundaryPoints = count;
            return this;
        }

        /** Weight of the interior residual (default 1). */
        public Builder interiorWeight(double w) {
            ArgumentChecks.requirePositive("interiorWeight", w);
            this.interiorWeight = w;
            return this;
        }

        public PdeSpec build() {
            return new PdeSpec(this);
        }
    }
}
