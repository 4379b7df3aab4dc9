package org.gn4j.pinn.problems;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.gn4j.pinn.geometry.Ball;
import org.gn4j.pinn.geometry.Box;
import org.gn4j.pinn.geometry.PointSampler;
import org.gn4j.pinn.geometry.Shape;
import org.gn4j.pinn.geometry.SpaceTime;
import org.gn4j.pinn.net.Mlp;
import org.gn4j.pinn.pde.Collocation;
import org.gn4j.pinn.pde.Dual;
import org.gn4j.pinn.pde.PdeSystem;

/**
 * Problems of the PINNacle benchmark (Hao et al., "PINNacle: A comprehensive benchmark of physics-informed neural
 * networks for solving PDEs", NeurIPS 2023; definitions from its paper and its code, repository {@code i207M/PINNacle}),
 * posed as {@link PdeSystem}s with soft conditions, each with a reference for the error, a default network for
 * Gauss-Newton training and {@link #adamNetwork PINNacle's own 5×100 network} for the first-order baseline.
 * <ul>
 *   <li>{@code burgers1d-c}: {@code u_t + u·u_x = (0.01/π)·u_xx} on {@code [−1, 1] × [0, 1]}, {@code u(x, 0) =
 *       −sin(πx)}, {@code u(±1, t) = 0}; errors against the exact Cole–Hopf solution ({@link ColeHopf}) on a
 *       256 × 101 grid (PINNacle scores against its reference file {@code burgers1d.dat}, itself about 1.3e-2 from
 *       Cole–Hopf);</li>
 *   <li>{@code poisson2d-c}: Laplace's equation {@code Δu = 0} on {@code [−0.5, 0.5]²} minus four disks of radius
 *       0.1 centred at {@code (±0.3, ±0.3)}, {@code u = 1} on the square's sides and {@code u = 0} on the circles;
 *       errors against PINNacle's {@code poisson1_cg_data.dat} (1246 nodes; itself about 3e-5 from a fine
 *       finite-difference solve);</li>
 *   <li>{@code wave1d-c}: {@code u_tt = 4·u_xx} on {@code [0, 1] × [0, 1]}, zero ends, {@code u(x, 0) = sin(πx) +
 *       ½ sin(4πx)}, {@code u_t(x, 0) = 0}; exact {@code sin(πx) cos(2πt) + ½ sin(4πx) cos(8πt)};</li>
 *   <li>{@code heat2d-ms}: {@code u_t = u_xx/(500π)² + u_yy/π²} on {@code [0, 1]² × [0, 5]}, zero boundary,
 *       {@code u(x, y, 0) = sin(20πx) sin(πy)}; exact {@code sin(20πx) sin(πy) e^{−1.0016t}};</li>
 *   <li>{@code pinv}: the Poisson inverse problem {@code −∇·(a∇u) = f} on {@code [0, 1]²} with the unknown
 *       coefficient field {@code a = 1/(1 + x² + y² + (x−1)² + (y−1)²)} and {@code u = sin(πx) sin(πy)}, f from these;
 *       u observed with Gaussian noise (σ = 0.1, as PINNacle) on 2500 points, a = its exact value on the boundary;
 *       a second network for a. PINNacle's code writes {@code ∂a/∂x} with {@code 2x + 1} where the stated
 *       solution needs {@code 2x − 1}; f here is derived from the stated a and u, so they solve the problem
 *       exactly;</li>
 *   <li>{@code ns2d-c}: the lid-driven cavity, steady Navier-Stokes {@code (u·∇)u + ∇p − ν Δu = 0},
 *       {@code ∇·u = 0}, ν = 0.01, on {@code [0, 1]²}, lid {@code u = 4x(1 − x), v = 0} at y = 1, no slip elsewhere,
 *       p pinned at the corner (0, 0); velocity errors against PINNacle's {@code lid_driven_a4.dat}.</li>
 * </ul>
 */
public final class Pinnacle {
    /** Problem names of {@link #setup}. */
    public static final String[] NAMES = {"burgers1d-c", "poisson2d-c", "ns2d-c", "heat2d-ms", "wave1d-c", "pinv"};

    /** Viscosity of Burgers1d-C. */
    public static final double BURGERS_NU = 0.01 / Math.PI;

    private Pinnacle() {
    }

    /**
     * A ready problem: the system, its parameters' start, where errors are measured and over which fields, and a
     * plotting plane.
     *
     * @param name             problem name
     * @param system           the system (round 0 from {@link PdeSystem#problem()})
     * @param evaluationPoints points where errors are measured (never collocation points)
     * @param errorFields      the fields the error is over, together
     * @param plane            maps plot coordinates in the unit square to a domain point
     * @param axes             names of the plot axes
     * @param exact            the exact solution of the first error field for maps, or null where only reference
     *                         values on the evaluation points are known
     */
    public record Setup(String name, PdeSystem system, double[] evaluationPoints, int[] errorFields,
            Benchmarks.Plane plane, String[] axes, org.gn4j.pinn.pde.Field exact) {
    }

    /** PINNacle's network for its Adam runs: 5 hidden tanh layers of 100, inputs mapped to [−1, 1]. */
    public static Mlp adamNetwork(double[] lower, double[] upper) {
        return Mlp.tanh(lower.length, 100, 100, 100, 100, 100).withInputBox(lower, upper);
    }

    /**
     * One of {@link #NAMES}.
     *
     * @param hidden  hidden widths (null: the problem's default for Gauss-Newton training)
     * @param points  interior collocation points (0: the default)
     * @param dataDir the folder holding {@code pinnacle/} reference files (ns2d-c only; null: not needed)
     * @throws IllegalArgumentException for an unknown name or a missing reference file
     */
    public static Setup setup(String name, int[] hidden, int points, Path dataDir) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "burgers1d-c":
                return burgers1d(hidden != null ? hidden : new int[] {20, 20, 20}, points > 0 ? points : 10000);
            case "wave1d-c":
                return wave1d(hidden != null ? hidden : new int[] {20, 20, 20}, points > 0 ? points : 2000);
            case "heat2d-ms":
                return heat2dMs(hidden != null ? hidden : new int[] {24, 24, 24}, points > 0 ? points : 3000);
            case "pinv":
                return pinv(hidden != null ? hidden : new int[] {16, 16}, points > 0 ? points : 1500);
            case "poisson2d-c":
                return poisson2dC(hidden != null ? hidden : new int[] {20, 20, 20}, points > 0 ? points : 2000, dataDir);
            case "ns2d-c":
                return ns2d(hidden != null ? hidden : new int[] {20, 20}, points > 0 ? points : 2000, dataDir);
            default:
                throw new IllegalArgumentException("found problem '" + name + "', expected one of "
                        + String.join(", ", NAMES));
        }
    }

    private static Mlp net(Box box, int[] hidden) {
        return Mlp.tanh(box.dimension(), hidden).withInputBox(box.lower(), box.upper());
    }

    /** Burgers1d-C with its Cole–Hopf reference on a 256 × 101 grid. */
    public static Setup burgers1d(int[] hidden, int interior) {
        SpaceTime st = SpaceTime.of(Box.interval(-1, 1), 0, 1);
        Box box = st.asBox();
        double nu = BURGERS_NU;
        PointSampler s = PointSampler.halton();
        double[] eval = grid(box, 256, 101);
        ColeHopf exact = new ColeHopf(nu);
        double[] ref = new double[eval.length / 2];
        for (int q = 0; q < ref.length; q++) {
            ref[q] = exact.value(eval[2 * q], eval[2 * q + 1]);
        }
        PdeSystem sys = PdeSystem.builder("burgers1d-c", 2)
                .field("u", net(box, hidden), new double[] {nu, 0})
                .group("pde", 1, Collocation.interior(st, s, interior),
                        p -> p.d(0, 1).plus(p.u(0).times(p.d(0, 0))).minus(p.lap(0)))
                .group("initial", 1, Collocation.initial(st, s, Math.max(50, interior / 10)),
                        p -> p.u(0).plus(Math.sin(Math.PI * p.x(0))))
                .group("boundary", 1, Collocation.lateral(st, s, Math.max(50, interior / 10)), p -> p.u(0))
                .reference("u", eval, ref)
                .build();
        return new Setup("burgers1d-c", sys, eval, new int[] {0}, (a, b) -> new double[] {-1 + 2 * a, b},
                new String[] {"x", "t"}, x -> exact.value(x[0], x[1]));
    }

    /** Wave1d-C: {@code u_tt − 4u_xx = 0} carried by the field's weighted Laplacian κ = (−4, 1). */
    public static Setup wave1d(int[] hidden, int interior) {
        SpaceTime st = SpaceTime.of(Box.interval(0, 1), 0, 1);
        Box box = st.asBox();
        double pi = Math.PI;
        PointSampler s = PointSampler.halton();
        PdeSystem sys = PdeSystem.builder("wave1d-c", 2)
                .field("u", net(box, hidden), new double[] {-4, 1})
                .group("pde", 1, Collocation.interior(st, s, interior), p -> p.lap(0))
                .group("initial", 1, Collocation.initial(st, s, Math.max(50, interior / 10)),
                        p -> p.u(0).minus(Math.sin(pi * p.x(0)) + 0.5 * Math.sin(4 * pi * p.x(0))))
                .group("initial velocity", 1, Collocation.initial(st, s, Math.max(50, interior / 10)),
                        p -> p.d(0, 1))
                .group("boundary", 1, Collocation.lateral(st, s, Math.max(50, interior / 10)), p -> p.u(0))
                .exact("u", x -> Math.sin(pi * x[0]) * Math.cos(2 * pi * x[1])
                        + 0.5 * Math.sin(4 * pi * x[0]) * Math.cos(8 * pi * x[1]))
                .build();
        return new Setup("wave1d-c", sys, grid(box, 101, 101), new int[] {0}, (a, b) -> new double[] {a, b},
                new String[] {"x", "t"}, x -> Math.sin(pi * x[0]) * Math.cos(2 * pi * x[1])
                        + 0.5 * Math.sin(4 * pi * x[0]) * Math.cos(8 * pi * x[1]));
    }

    /** Heat2d-MS, the multi-scale heat problem. */
    public static Setup heat2dMs(int[] hidden, int interior) {
        SpaceTime st = SpaceTime.of(Box.unitCube(2), 0, 5);
        Box box = st.asBox();
        double pi = Math.PI;
        double kx = 1 / (500 * pi * 500 * pi);
        double ky = 1 / (pi * pi);
        PointSampler s = PointSampler.halton();
        PdeSystem sys = PdeSystem.builder("heat2d-ms", 3)
                .field("u", net(box, hidden), new double[] {kx, ky, 0})
                .group("pde", 1, Collocation.interior(st, s, interior), p -> p.d(0, 2).minus(p.lap(0)))
                .group("initial", 1, Collocation.initial(st, s, Math.max(100, interior / 5)),
                        p -> p.u(0).minus(Math.sin(20 * pi * p.x(0)) * Math.sin(pi * p.x(1))))
                .group("boundary", 1, Collocation.lateral(st, s, Math.max(100, interior / 5)), p -> p.u(0))
                .exact("u", x -> Math.sin(20 * pi * x[0]) * Math.sin(pi * x[1]) * Math.exp(-1.0016 * x[2]))
                .build();
        double[] eval = box.sampleInterior(PointSampler.uniform(20231101L), 20000, 0);
        return new Setup("heat2d-ms", sys, eval, new int[] {0}, (a, b) -> new double[] {a, b, 0.5},
                new String[] {"x (t = 0.5)", "y"},
                x -> Math.sin(20 * pi * x[0]) * Math.sin(pi * x[1]) * Math.exp(-1.0016 * x[2]));
    }

    /** The coefficient of PInv, {@code a = 1/(1 + x² + y² + (x−1)² + (y−1)²)}. */
    static double pinvA(double x, double y) {
        return 1 / (1 + x * x + y * y + (x - 1) * (x - 1) + (y - 1) * (y - 1));
    }

    /** {@code f = −∇·(a∇u)} for PInv's a and {@code u = sin(πx) sin(πy)}. */
    static double pinvF(double x, double y) {
        double pi = Math.PI;
        double a = pinvA(x, y);
        double ax = -a * a * 2 * (2 * x - 1);
        double ay = -a * a * 2 * (2 * y - 1);
        double ux = pi * Math.cos(pi * x) * Math.sin(pi * y);
        double uy = pi * Math.sin(pi * x) * Math.cos(pi * y);
        double lap = -2 * pi * pi * Math.sin(pi * x) * Math.sin(pi * y);
        return -(a * lap + ax * ux + ay * uy);
    }

    /** PInv: fields u and a, noisy observations of u (σ = 0.1, seed fixed), a known on the boundary. */
    public static Setup pinv(int[] hidden, int interior) {
        Box box = Box.unitCube(2);
        double pi = Math.PI;
        PointSampler s = PointSampler.halton();
        java.util.Random noise = new java.util.Random(20231101L);
        double[] obs = box.sampleInterior(PointSampler.uniform(7), 2500, 0);
        double[] data = new double[obs.length / 2];
        for (int q = 0; q < data.length; q++) {
            data[q] = Math.sin(pi * obs[2 * q]) * Math.sin(pi * obs[2 * q + 1]) + 0.1 * noise.nextGaussian();
        }
        PdeSystem sys = PdeSystem.builder("pinv", 2)
                .field("u", net(box, hidden))
                .field("a", net(box, hidden))
                .group("pde", 1, Collocation.interior(box, s, interior), p -> {
                    // −∇·(a∇u) − f = −(a·Δu + ∇a·∇u) − f
                    Dual div = p.u(1).times(p.lap(0)).plus(p.d(1, 0).times(p.d(0, 0))).plus(p.d(1, 1)
                            .times(p.d(0, 1)));
                    return div.negate().minus(pinvF(p.x(0), p.x(1)));
                })
                .group("observations", 1, Collocation.fixed(obs, 2, data, 1), p -> p.u(0).minus(p.data(0)))
                .group("a on the boundary", 1, Collocation.boundary(box, s, Math.max(100, interior / 5)),
                        p -> p.u(1).minus(pinvA(p.x(0), p.x(1))))
                .exact("u", x -> Math.sin(pi * x[0]) * Math.sin(pi * x[1]))
                .exact("a", x -> pinvA(x[0], x[1]))
                .build();
        return new Setup("pinv", sys, grid(box, 101, 101), new int[] {0}, (a, b) -> new double[] {a, b},
                new String[] {"x", "y"}, x -> Math.sin(pi * x[0]) * Math.sin(pi * x[1]));
    }

    /** The Poisson2d-C domain: the square {@code [−0.5, 0.5]²} minus four disks of radius 0.1 at (±0.3, ±0.3). */
    public static Shape poisson2dCDomain() {
        return Shape.difference(Box.rectangle(-0.5, 0.5, -0.5, 0.5), Ball.disk(-0.3, -0.3, 0.1),
                Ball.disk(0.3, -0.3, 0.1), Ball.disk(-0.3, 0.3, 0.1), Ball.disk(0.3, 0.3, 0.1));
    }

    /** Poisson2d-C with PINNacle's reference values on its 1246 nodes. */
    public static Setup poisson2dC(int[] hidden, int interior, Path dataDir) {
        double[][] cols = table(dataDir, "poisson1_cg_data.dat", 3, "poisson2d-c");
        int rows = cols[0].length;
        double[] eval = new double[2 * rows];
        for (int q = 0; q < rows; q++) {
            eval[2 * q] = cols[0][q];
            eval[2 * q + 1] = cols[1][q];
        }
        Shape domain = poisson2dCDomain();
        Box box = Box.rectangle(-0.5, 0.5, -0.5, 0.5);
        PointSampler s = PointSampler.halton();
        int wall = Math.max(100, interior / 5);
        PdeSystem sys = PdeSystem.builder("poisson2d-c", 2)
                .field("u", net(box, hidden))
                .group("pde", 1, Collocation.interior(domain, s, interior), p -> p.lap(0))
                .group("outer", 1, Collocation.boundary(domain, s, wall, l -> !l.startsWith("circle")),
                        p -> p.u(0).minus(1))
                .group("holes", 1, Collocation.boundary(domain, s, wall, l -> l.startsWith("circle")), p -> p.u(0))
                .reference("u", eval, cols[2])
                .build();
        return new Setup("poisson2d-c", sys, eval, new int[] {0}, (a, b) -> new double[] {a - 0.5, b - 0.5},
                new String[] {"x", "y"}, null);
    }

    private static double[][] table(Path dataDir, String file, int columns, String problem) {
        if (dataDir == null) {
            throw new IllegalArgumentException(problem + " needs the data folder holding pinnacle/" + file
                    + " (set -Dgn4j.data or GN4J_DATA)");
        }
        Path path = dataDir.resolve("pinnacle").resolve(file);
        try {
            return ComsolTable.read(path, columns);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** NS2d-C, the lid-driven cavity, with PINNacle's reference velocity on its 101 × 101 grid. */
    public static Setup ns2d(int[] hidden, int interior, Path dataDir) {
        double[][] cols = table(dataDir, "lid_driven_a4.dat", 5, "ns2d-c");
        int rows = cols[0].length;
        double[] eval = new double[2 * rows];
        for (int q = 0; q < rows; q++) {
            eval[2 * q] = cols[0][q];
            eval[2 * q + 1] = cols[1][q];
        }
        Box box = Box.unitCube(2);
        double nu = 0.01;
        PointSampler s = PointSampler.halton();
        int wall = Math.max(100, interior / 10);
        PdeSystem sys = PdeSystem.builder("ns2d-c", 2)
                .field("u", net(box, hidden))
                .field("v", net(box, hidden))
                .field("p", net(box, hidden))
                .group("momentum x", 1, Collocation.interior(box, s, interior), p -> p.u(0).times(p.d(0, 0))
                        .plus(p.u(1).times(p.d(0, 1))).plus(p.d(2, 0)).minus(p.lap(0).times(nu)))
                .group("momentum y", 1, Collocation.interior(box, s, interior), p -> p.u(0).times(p.d(1, 0))
                        .plus(p.u(1).times(p.d(1, 1))).plus(p.d(2, 1)).minus(p.lap(1).times(nu)))
                .group("continuity", 1, Collocation.interior(box, s, interior), p -> p.d(0, 0).plus(p.d(1, 1)))
                .group("lid u", 1, Collocation.faces(box, s, wall, false, false, false, true),
                        p -> p.u(0).minus(4 * p.x(0) * (1 - p.x(0))))
                .group("lid v", 1, Collocation.faces(box, s, wall, false, false, false, true), p -> p.u(1))
                .group("walls u", 1, Collocation.faces(box, s, 3 * wall, true, true, true, false), p -> p.u(0))
                .group("walls v", 1, Collocation.faces(box, s, 3 * wall, true, true, true, false), p -> p.u(1))
                .group("pressure gauge", 1, Collocation.fixed(new double[] {0, 0}, 2, new double[] {cols[4][0]}, 1),
                        p -> p.u(2).minus(p.data(0)))
                .reference("u", eval, cols[2])
                .reference("v", eval, cols[3])
                .build();
        return new Setup("ns2d-c", sys, eval, new int[] {0, 1}, (a, b) -> new double[] {a, b},
                new String[] {"x", "y"}, null);
    }

    /** A k × l grid over a 2D box including its edges, point-major. */
    static double[] grid(Box box, int k, int l) {
        double[] out = new double[2 * k * l];
        for (int j = 0; j < l; j++) {
            for (int i = 0; i < k; i++) {
                int q = j * k + i;
                out[2 * q] = box.lower(0) + (box.upper(0) - box.lower(0)) * i / (k - 1);
                out[2 * q + 1] = box.lower(1) + (box.upper(1) - box.lower(1)) * j / (l - 1);
            }
        }
        return out;
    }
}
