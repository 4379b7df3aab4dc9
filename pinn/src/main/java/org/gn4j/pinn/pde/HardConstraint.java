package org.gn4j.pinn.pde;

import java.util.EnumSet;
import java.util.Set;

import org.gn4j.pinn.geometry.Box;
import org.gn4j.pinn.geometry.SpaceTime;

/**
 * A distance-function ansatz {@code u = g + D·N}: D vanishes where conditions are imposed, the lift g satisfies
 * them, N is the network. The conditions it enforces exactly are dropped from the residuals; every other residual
 * {@code s·jet(u) − f} becomes a residual in the jet of N by the product rule
 * <pre>
 *   s·jet(D·N) = N·(s_u D + Σ s_i ∂_iD + s_L LD) + Σ_i ∂_iN·(s_i D + 2 s_L κ_i ∂_iD) + LN·(s_L D),
 *   f ← f − s·jet(g).
 * </pre>
 *
 * @param distance D with its jet
 * @param lift     g with its jet
 * @param enforces the condition kinds the ansatz satisfies exactly
 */
public record HardConstraint(JetField distance, JetField lift, Set<Condition.Kind> enforces) {
    /**
     * Validates the components.
     *
     * @param distance D with its jet, not null
     * @param lift g with its jet, not null
     * @param enforces the condition kinds the ansatz satisfies exactly, not null; copied
     * @throws IllegalArgumentException if a component is null
     */
    public HardConstraint {
        if (distance == null || lift == null || enforces == null) {
            throw new IllegalArgumentException("distance, lift and enforces must not be null");
        }
        enforces = Set.copyOf(enforces);
    }

    /**
     * {@code u = D·N} with the shape's distance function D ({@link org.gn4j.pinn.geometry.Shape#distanceJet}: the
     * product form on a box, R-function compositions on CSG shapes): zero Dirichlet data on the whole boundary.
     *
     * @param shape the domain, not null
     * @return the ansatz with lift 0, enforcing Dirichlet conditions
     */
    public static HardConstraint zeroDirichlet(org.gn4j.pinn.geometry.Shape shape) {
        return new HardConstraint(shape::distanceJet, JetField.zero(shape.dimension()),
                EnumSet.of(Condition.Kind.DIRICHLET));
    }

    /**
     * {@code u = g + N}: a known part g added to the network (D ≡ 1), enforcing no condition, so every condition
     * stays a residual and sees g + N. For a singular part of the solution that a smooth network cannot represent,
     * such as the asymptotic solution at a corner where the boundary data are incompatible.
     *
     * @param dimension coordinates per point, ≥ 1
     * @param lift the known part g with its jet, not null
     * @return the ansatz with D ≡ 1, enforcing nothing
     * @throws IllegalArgumentException if the dimension is not positive or the lift is null
     */
    public static HardConstraint additive(int dimension, JetField lift) {
        if (dimension < 1) {
            throw new IllegalArgumentException("found dimension " + dimension + ", expected at least 1");
        }
        JetField one = (x, off, kappa, out, o) -> {
            java.util.Arrays.fill(out, o, o + dimension + 2, 0.0);
            out[o] = 1;
        };
        return new HardConstraint(one, lift, EnumSet.noneOf(Condition.Kind.class));
    }

    /**
     * {@code u = g + τ·D_Ω(x)·N} on a space-time cylinder, {@code τ = (t − t0)/(t1 − t0)}: enforces the lateral
     * Dirichlet data and the initial condition, both given by the lift g (which must satisfy them).
     *
     * @param domain the space-time cylinder, not null
     * @param lift the lift g, satisfying the lateral Dirichlet data and the initial condition
     * @return the ansatz, enforcing Dirichlet and initial conditions
     */
    public static HardConstraint spaceTime(SpaceTime domain, JetField lift) {
        Box space = domain.space();
        int d = space.dimension();
        double t0 = domain.startTime();
        double span = domain.endTime() - t0;
        JetField dist = (x, off, kappa, out, o) -> {
            // D = τ·D_Ω(x): ∂_x = τ·∂D_Ω, ∂_t = D_Ω/span, L = τ·L_x D_Ω (+ κ_t·0, τ is linear)
            space.distanceJet(x, off, kappa, out, o);
            double tau = (x[off + d] - t0) / span;
            double dOmega = out[o];
            double lapOmega = out[o + d + 1];
            out[o] = tau * dOmega;
            for (int i = 0; i < d; i++) {
                out[o + 1 + i] *= tau;
            }
            out[o + 1 + d] = dOmega / span;
            out[o + d + 2] = tau * lapOmega;
        };
        return new HardConstraint(dist, lift, EnumSet.of(Condition.Kind.DIRICHLET, Condition.Kind.INITIAL));
    }
}
