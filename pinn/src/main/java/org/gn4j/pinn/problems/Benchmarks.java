package org.gn4j.pinn.problems;

import java.util.Locale;

import org.gn4j.pinn.geometry.Box;
import org.gn4j.pinn.geometry.PointSampler;
import org.gn4j.pinn.geometry.SpaceTime;
import org.gn4j.pinn.net.Mlp;
import org.gn4j.pinn.pde.Condition;
import org.gn4j.pinn.pde.DifferentialOperator;
import org.gn4j.pinn.pde.HardConstraint;
import org.gn4j.pinn.pde.JetField;
import org.gn4j.pinn.pde.PdeSpec;
import org.gn4j.pinn.pde.PinnProblem;

/**
 * The PINN benchmark problems of Dangel et al. (NeurIPS 2024) (2D and 5D Poisson) and a 1+1D heat equation, each
 * with its exact solution, a default network, collocation plan and an independent evaluation grid.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    /**
     * 2D Poisson {@code −Δu = 2π² sin(πx) sin(πy)} on the unit square, zero Dirichlet data; exact
     * {@code u = sin(πx) sin(πy)}.
     *
     * @param interior about how many interior points (midpoint grid), positive
     * @param boundary about how many boundary points, positive
     * @return the spec
     * @throws IllegalArgumentException if a count is not positive
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
     *
     * @param interior about how many interior Sobol points, positive
     * @param boundary about how many boundary Sobol points, positive
     * @return the spec
     * @throws IllegalArgumentException if a count is not positive
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
     *
     * @param interior about how many interior points (midpoint grid), positive
     * @param boundary about how many points per condition (boundary and initial), positive
     * @return the spec
     * @throws IllegalArgumentException if a count is not positive
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

    /**
     * A tanh network for the problem's box, inputs mapped to {@code [−1, 1]ⁿ}.
     *
     * @param spec the problem whose domain's bounding box sets the input map
     * @param hidden hidden-layer widths, at least one, each positive
     * @return the network
     */
    public static Mlp network(PdeSpec spec, int... hidden) {
        return Mlp.tanh(spec.domain().dimension(), hidden).withInputBox(spec.domain().lower(),
                spec.domain().upper());
    }

    /** Names accepted by {@link #setup}. */
    public static final String[] NAMES = {"poisson2d", "poisson5d", "heat1d"};

    /**
     * A ready benchmark: the problem, the network, whether the Dirichlet / initial data are imposed by a hard
     * constraint, the independent evaluation points (never collocation points) and a 2D plotting plane.
     *
     * @param name             problem name
     * @param problem          the PINN problem (round 0)
     * @param evaluationPoints points where errors are measured
     * @param plane            maps plot coordinates (a, b) ∈ [0, 1]² to a point of the domain
     * @param axes             names of the plot axes
     */
    public record Setup(String name, PinnProblem problem, double[] evaluationPoints, Plane plane, String[] axes) {
    }

    /** A 2D section of the domain for plots. */
    @FunctionalInterface
    public interface Plane {
        /**
         * The domain point at plot coordinates (a, b) in the unit square.
         *
         * @param a first plot coordinate, in [0, 1]
         * @param b second plot coordinate, in [0, 1]
         * @return a new array with the domain point (the domain's dimension)
         */
        double[] point(double a, double b);
    }

    /**
     * The benchmark setups with the defaults used in docs/BENCHMARKS.md (pass null / 0 to keep a default):
     * <ul>
     *   <li>poisson2d: 2-14-14-1 tanh (267 parameters), 30×30 midpoint grid + 120 boundary points, hard zero
     *       Dirichlet constraint, errors on a 101×101 grid;</li>
     *   <li>poisson5d: 5-64-1 (449 parameters), 2000 Sobol interior + 500 Sobol boundary points, soft Dirichlet
     *       data, errors on 20,000 independent uniform points;</li>
     *   <li>heat1d: 2-14-14-1 (267 parameters), 30×30 grid + 200 boundary and initial points, hard constraint
     *       {@code u = sin(πx) + t·4x(1−x)·N} (lift from the data), errors on a 101×101 grid.</li>
     * </ul>
     *
     * @param name one of {@link #NAMES} (case-insensitive)
     * @param hidden hidden widths, or null for the default
     * @param interior interior point count, or 0 (or negative) for the default
     * @param boundary boundary point count, or 0 (or negative) for the default
     * @param hard true for the hard constraint, false for soft conditions, null for the problem's default (hard for
     *         poisson2d and heat1d, soft for poisson5d, where true throws)
     * @return the setup
     * @throws IllegalArgumentException for an unknown name
     */
    public static Setup setup(String name, int[] hidden, int interior, int boundary, Boolean hard) {
        String key = name.toLowerCase(Locale.ROOT);
        switch (key) {
            case "poisson2d": {
                PdeSpec spec = poisson2d(interior > 0 ? interior : 900, boundary > 0 ? boundary : 120);
                Mlp net = network(spec, hidden != null ? hidden : new int[] {14, 14});
                PinnProblem p = PinnProblem.of(spec, net);
                if (hard == null || hard) {
                    p = p.withHardConstraint(HardConstraint.zeroDirichlet(Box.unitCube(2)));
                }
                return new Setup(key, p, Box.unitCube(2).evaluationGrid(101), (a, b) -> new double[] {a, b},
                        new String[] {"x", "y"});
            }
            case "poisson5d": {
                PdeSpec spec = poisson5d(interior > 0 ? interior : 2000, boundary > 0 ? boundary : 500);
                // one hidden layer of 64 (Dangel et al.'s 449-parameter 5D network): in 60 s of LM it reached 9.7e-8
                // where 5-16-16-1 (385 parameters) stalled near 3e-5 (docs/BENCHMARKS.md)
                Mlp net = network(spec, hidden != null ? hidden : new int[] {64});
                PinnProblem p = PinnProblem.of(spec, net);
                if (hard != null && hard) {
                    throw new IllegalArgumentException("found --hard for poisson5d, expected soft constraints (its "
                            + "Dirichlet data has no lift other than the exact solution)");
                }
                double[] eval = Box.unitCube(5).sampleInterior(PointSampler.uniform(20240607L), 20000, 0);
                return new Setup(key, p, eval, (a, b) -> new double[] {a, b, 0.5, 0.5, 0.5},
                        new String[] {"x1 (x3=x4=x5=0.5)", "x2"});
            }
            case "heat1d": {
                PdeSpec spec = heat1d(interior > 0 ? interior : 900, boundary > 0 ? boundary : 200);
                Mlp net = network(spec, hidden != null ? hidden : new int[] {14, 14});
                PinnProblem p = PinnProblem.of(spec, net);
                if (hard == null || hard) {
                    p = p.withHardConstraint(HardConstraint.spaceTime((SpaceTime) spec.domain(), heatLift()));
                }
                Box box = ((SpaceTime) spec.domain()).asBox();
                return new Setup(key, p, box.evaluationGrid(101), (a, b) -> new double[] {a, b},
                        new String[] {"x", "t"});
            }
            default:
                throw new IllegalArgumentException("found problem '" + name + "', expected one of "
                        + String.join(", ", NAMES));
        }
    }

    /** The lift {@code g(x, t) = sin(πx)} of the heat problem's data: zero at x = 0, 1 and the initial profile. */
    static JetField heatLift() {
        double pi = Math.PI;
        return (x, off, kappa, out, o) -> {
            double s = Math.sin(pi * x[off]);
            out[o] = s;
            out[o + 1] = pi * Math.cos(pi * x[off]);
            out[o + 2] = 0;
            out[o + 3] = -kappa[0] * pi * pi * s;
        };
    }
}
