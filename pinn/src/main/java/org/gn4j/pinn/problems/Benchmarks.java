package org.gn4j.pinn.problems;

import org.gn4j.pinn.geometry.Box;
import org.gn4j.pinn.geometry.PointSampler;
import org.gn4j.pinn.geometry.SpaceTime;
import org.gn4j.pinn.net.Mlp;
import org.gn4j.pinn.pde.Condition;
import org.gn4j.pinn.pde.DifferentialOperator;
import org.gn4j.pinn.pde.PdeSpec;

/**
 * The PINN benchmark problems of Dangel et al. (NeurIPS 2024) and issue 7, each with its exact solution, a default
 * network, collocation plan and an independent evaluation grid.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    /**
     * 2D Poisson {@code −Δu = 2π² sin(πx) sin(πy)} on the unit square, zero Dirichlet data; exact
     * {@code u = sin(πx) sin(πy)}.
     */
    public static PdeSpec poisson2d(int interior, int boundary) {
        double pi = Math.PI;
        return PdeSpec.builder("poisson2d", Box.unitCube(2), DifferentialOperator.negativeLaplacian(2))
                .source(x -> 2 * pi * pi * Math.sin(pi * x[0]) * Math.sin(pi * x[1]))
                .condition(Condition.dirichlet(x -> 0))
                .exact(x -> Math.sin(pi * x[0]) * Math.sin(pi * x[1]))
                .interiorPoints(interior).boundaryPoints(boundary).build();
    }

    /**
     * 5D Poisson {@code −Δu = π² Σ sin(πx_i)} on {@code [0, 1]⁵} with Dirichlet data from the exact solution
     * {@code u = Σ_i sin(πx_i)}; Sobol collocation points.
     */
    public static PdeSpec poisson5d(int interior, int boundary) {
        double pi = Math.PI;
        return PdeSpec.builder("poisson5d", Box.unitCube(5), DifferentialOperator.negativeLaplacian(5))
                .source(x -> pi * pi * sumSin(x))
                .condition(Condition.dirichlet(Benchmarks::sumSin))
                .exact(Benchmarks::sumSin)
                .sampler(PointSampler.sobol())
                .interiorPoints(interior).boundaryPoints(boundary).build();
    }

    private static double sumSin(double[] x) {
        double s = 0;
        for (double v : x) {
            s += Math.sin(Math.PI * v);
        }
        return s;
    }

    /** Diffusivity of the heat problem. */
    public static final double HEAT_NU = 0.25;

    /**
     * 1+1D heat {@code u_t = ν u_xx} on {@code [0, 1] × [0, 1]}, ν = 1/4, {@code u(0, t) = u(1, t) = 0},
     * {@code u(x, 0) = sin(πx)}; exact {@code u = exp(−νπ²t) sin(πx)}.
     */
    public static PdeSpec heat1d(int interior, int boundary) {
        double pi = Math.PI;
        SpaceTime st = SpaceTime.of(Box.interval(0, 1), 0, 1);
        return PdeSpec.builder("heat1d", st, DifferentialOperator.heat(1, HEAT_NU))
                .condition(Condition.dirichlet(x -> 0))
                .condition(Condition.initial(x -> Math.sin(pi * x[0])))
                .exact(x -> Math.exp(-HEAT_NU * pi * pi * x[1]) * Math.sin(pi * x[0]))
                .interiorPoints(interior).boundaryPoints(boundary).build();
    }

    /** A tanh network for the problem's box, inputs mapped to {@code [−1, 1]ⁿ}. */
    public static Mlp network(PdeSpec spec, int... hidden) {
        return Mlp.tanh(spec.domain().dimension(), hidden).withInputBox(spec.domain().lower(),
                spec.domain().upper());
    }
}
