package org.gn4j.pinn.dd;

import java.util.List;

import org.gn4j.pinn.geometry.Box;
import org.gn4j.pinn.net.LinearJetResidual;
import org.gn4j.pinn.net.Mlp;

/**
 * The FBPINN benchmark problems: the 1D multi-scale {@code u' = 15 cos 15x}, the 2D Poisson problem with source
 * {@code 32π² sin 4πx sin 4πy}, and PINNacle's multi-scale heat problem Heat2d-MS in space-time.
 */
public final class FbpinnProblems {
    private FbpinnProblems() {
    }

    /**
     * 1D multi-scale {@code u' = ω cos(ωx)} on [−2π, 2π], {@code u(0) = 0} (a soft point condition of weight 1),
     * exact {@code u = sin(ωx)}; {@code points} equispaced collocation points (cost {@code ½·mean(r²)}).
     *
     * @param omega frequency ω of the solution (rad per unit x)
     * @param subdomains number of subdomains along x (≥ 1)
     * @param overlap subdomain overlap as a fraction of a cell, in (0, 1]
     * @param points number of collocation points (≥ 2), endpoints included
     * @param hidden hidden-layer widths of each subdomain's tanh network
     * @return the problem, with the exact solution attached
     * @throws IllegalArgumentException on invalid decomposition arguments
     */
    public static FbpinnProblem multiScale1d(double omega, int subdomains, double overlap, int points,
            int... hidden) {
        double a = -2 * Math.PI;
        double b = 2 * Math.PI;
        Decomposition dd = Decomposition.grid(new double[] {a}, new double[] {b}, new int[] {subdomains}, overlap);
        double[] x = new double[points];
        double[] s = new double[points * 3];
        double[] f = new double[points];
        double sc = Math.sqrt(1.0 / points);
        for (int q = 0; q < points; q++) {
            x[q] = a + (b - a) * q / (points - 1);
            s[q * 3 + 1] = sc;
            f[q] = sc * omega * Math.cos(omega * x[q]);
        }
        LinearJetResidual interior = LinearJetResidual.of(1, x, s, f, null);
        LinearJetResidual origin = LinearJetResidual.of(1, new double[] {0}, new double[] {1, 0, 0}, new double[] {0},
                null);
        return new FbpinnProblem("fbpinn1d", dd, Mlp.tanh(1, hidden), List.of(interior, origin),
                u -> Math.sin(omega * u[0]));
    }

    /**
     * 2D Poisson {@code −Δu = (ω₁² + ω₂²)π² sin(ω₁πx) sin(ω₂πy)} on the unit square, zero Dirichlet data, exact
     * {@code u = sin(ω₁πx) sin(ω₂πy)}; a k×k interior grid and {@code boundary} points per side; boundary residuals
     * of weight 1 (cost {@code ½·mean(r²)} per group).
     *
     * @param w1 frequency ω₁ in x (the solution has ω₁/2 periods on [0, 1])
     * @param w2 frequency ω₂ in y
     * @param subdomains number of subdomains along each axis (≥ 1); subdomains² in all
     * @param overlap subdomain overlap as a fraction of a cell, in (0, 1]
     * @param grid interior collocation points per axis k (cell-centred), k² in all
     * @param boundary boundary points per side (cell-centred), 4·boundary in all
     * @param hidden hidden-layer widths of each subdomain's tanh network
     * @return the problem, with the exact solution attached
     * @throws IllegalArgumentException on invalid decomposition arguments
     */
    public static FbpinnProblem poisson2d(double w1, double w2, int subdomains, double overlap, int grid,
            int boundary, int... hidden) {
        return poisson2d(w1, w2, subdomains, overlap, grid, boundary, 1, hidden);
    }

    /**
     * As {@link #poisson2d(double, double, int, double, int, int, int...)} with the boundary residuals
     * multiplied by {@code boundaryWeight}. The interior residuals carry the source's scale {@code (ω₁² + ω₂²)π²}
     * (316 for ω = 4), so a weight near its square root balances the two groups' gradients: the boundary data, not
     * the PDE, then sets where the error stops falling.
     *
     * @param w1 frequency ω₁ in x
     * @param w2 frequency ω₂ in y
     * @param subdomains number of subdomains along each axis (≥ 1); subdomains² in all
     * @param overlap subdomain overlap as a fraction of a cell, in (0, 1]
     * @param grid interior collocation points per axis k (cell-centred), k² in all
     * @param boundary boundary points per side (cell-centred), 4·boundary in all
     * @param boundaryWeight factor on the boundary residuals, positive and finite
     * @param hidden hidden-layer widths of each subdomain's tanh network
     * @return the problem, with the exact solution attached
     * @throws IllegalArgumentException if {@code boundaryWeight} is not positive and finite, or on invalid
     *         decomposition arguments
     */
    public static FbpinnProblem poisson2d(double w1, double w2, int subdomains, double overlap, int grid,
            int boundary, double boundaryWeight, int... hidden) {
        if (!(boundaryWeight > 0 && Double.isFinite(boundaryWeight))) {
            throw new IllegalArgumentException("boundary weight must be positive and finite, found " + boundaryWeight);
        }
        Decomposition dd = Decomposition.grid(new double[] {0, 0}, new double[] {1, 1},
                new int[] {subdomains, subdomains}, overlap);
        int cnt = grid * grid;
        double[] x = new double[2 * cnt];
        double[] s = new double[4 * cnt];
        double[] f = new double[cnt];
        double sc = Math.sqrt(1.0 / cnt);
        double pi = Math.PI;
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                int q = i * grid + j;
                double px = (i + 0.5) / grid;
                double py = (j + 0.5) / grid;
                x[2 * q] = px;
                x[2 * q + 1] = py;
                s[4 * q + 3] = -sc;
                f[q] = sc * (w1 * w1 + w2 * w2) * pi * pi * Math.sin(w1 * pi * px) * Math.sin(w2 * pi * py);
            }
        }
        int mb = 4 * boundary;
        double[] xb = new double[2 * mb];
        double[] sb = new double[4 * mb];
        double sbc = boundaryWeight * Math.sqrt(1.0 / mb);
        for (int side = 0; side < 4; side++) {
            for (int k = 0; k < boundary; k++) {
                int q = side * boundary + k;
                double t = (k + 0.5) / boundary;
                xb[2 * q] = side == 0 ? 0 : side == 1 ? 1 : t;
                xb[2 * q + 1] = side == 2 ? 0 : side == 3 ? 1 : t;
                sb[4 * q] = sbc;
            }
        }
        return new FbpinnProblem("fbpinn2d", dd, Mlp.tanh(2, hidden),
                List.of(LinearJetResidual.of(2, x, s, f, null), LinearJetResidual.of(2, xb, sb, new double[mb], null)),
                u -> Math.sin(w1 * pi * u[0]) * Math.sin(w2 * pi * u[1]));
    }

    /**
     * PINNacle's Heat2d-MS as an FBPINN: {@code u_t = u_xx/(500π)² + u_yy/π²} on {@code [0, 1]² × [0, 5]}, zero
     * boundary data, {@code u(x, y, 0) = sin(20πx) sin(πy)}, exact {@code sin(20πx) sin(πy) e^{−1.0016t}}. The
     * decomposition splits x, the direction of the 20π frequency, into {@code subdomainsX} windows (one block band);
     * collocation on an {@code nx × ny × nt} cell-centred grid, the initial data on its {@code nx × ny} base and the
     * four sides on its faces; each group's cost is {@code ½·mean(r²)}.
     *
     * @param subdomainsX number of subdomains along x (≥ 1); y and t are not split
     * @param overlap subdomain overlap as a fraction of a cell, in (0, 1]
     * @param nx collocation grid points along x
     * @param ny collocation grid points along y
     * @param nt collocation grid points along t
     * @param hidden hidden-layer widths of each subdomain's tanh network (input dimension 3)
     * @return the problem: PDE, initial and boundary residual groups, with the exact solution attached
     * @throws IllegalArgumentException on invalid decomposition arguments
     */
    public static FbpinnProblem heat2dMs(int subdomainsX, double overlap, int nx, int ny, int nt, int... hidden) {
        double pi = Math.PI;
        double end = 5;
        Decomposition dd = Decomposition.grid(new double[] {0, 0, 0}, new double[] {1, 1, end},
                new int[] {subdomainsX, 1, 1}, overlap);
        double[] kappa = {1 / Math.pow(500 * pi, 2), 1 / (pi * pi), 0};
        int cnt = nx * ny * nt;
        double[] x = new double[3 * cnt];
        double[] s = new double[5 * cnt];
        double sc = Math.sqrt(1.0 / cnt);
        int q = 0;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                for (int k = 0; k < nt; k++) {
                    x[3 * q] = (i + 0.5) / nx;
                    x[3 * q + 1] = (j + 0.5) / ny;
                    x[3 * q + 2] = end * (k + 0.5) / nt;
                    LinearJetResidual.seed(-sc, new double[] {0, 0, sc}, 0, s, 5 * q);
                    q++;
                }
            }
        }
        int ci = nx * ny;
        double[] xi = new double[3 * ci];
        double[] si = new double[5 * ci];
        double[] fi = new double[ci];
        double sci = Math.sqrt(1.0 / ci);
        q = 0;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                xi[3 * q] = (i + 0.5) / nx;
                xi[3 * q + 1] = (j + 0.5) / ny;
                LinearJetResidual.seed(0, new double[3], sci, si, 5 * q);
                fi[q] = sci * Math.sin(20 * pi * xi[3 * q]) * Math.sin(pi * xi[3 * q + 1]);
                q++;
            }
        }
        int cb = 2 * ny * nt + 2 * nx * nt;
        double[] xb = new double[3 * cb];
        double[] sb = new double[5 * cb];
        double sbc = Math.sqrt(1.0 / cb);
        q = 0;
        for (int side = 0; side < 2; side++) {
            for (int j = 0; j < ny; j++) {
                for (int k = 0; k < nt; k++) {
                    xb[3 * q] = side;
                    xb[3 * q + 1] = (j + 0.5) / ny;
                    xb[3 * q + 2] = end * (k + 0.5) / nt;
                    LinearJetResidual.seed(0, new double[3], sbc, sb, 5 * q++);
                }
            }
            for (int i = 0; i < nx; i++) {
                for (int k = 0; k < nt; k++) {
                    xb[3 * q] = (i + 0.5) / nx;
                    xb[3 * q + 1] = side;
                    xb[3 * q + 2] = end * (k + 0.5) / nt;
                    LinearJetResidual.seed(0, new double[3], sbc, sb, 5 * q++);
                }
            }
        }
        return new FbpinnProblem("heat2d-ms-dd", dd, Mlp.tanh(3, hidden),
                List.of(LinearJetResidual.of(3, x, s, new double[cnt], kappa),
                        LinearJetResidual.of(3, xi, si, fi, kappa),
                        LinearJetResidual.of(3, xb, sb, new double[cb], kappa)),
                u -> Math.sin(20 * pi * u[0]) * Math.sin(pi * u[1]) * Math.exp(-1.0016 * u[2]));
    }

    /**
     * The evaluation points of {@link #heat2dMs}: 101 × 21 × 11 grid points over {@code [0, 1]² × [0, 5]} (x resolves
     * the 20π frequency with ten points per period), point-major (x, y, t).
     *
     * @return a new array of length 3 · 101 · 21 · 11 with the points (x, y, t), t fastest
     */
    public static double[] heat2dMsEvaluationGrid() {
        int ex = 101;
        int ey = 21;
        int et = 11;
        double[] ev = new double[3 * ex * ey * et];
        int q = 0;
        for (int i = 0; i < ex; i++) {
            for (int j = 0; j < ey; j++) {
                for (int k = 0; k < et; k++) {
                    ev[3 * q] = i / (ex - 1.0);
                    ev[3 * q + 1] = j / (ey - 1.0);
                    ev[3 * q + 2] = 5 * k / (et - 1.0);
                    q++;
                }
            }
        }
        return ev;
    }

    /**
     * An evaluation grid of k points per dimension over the problem's box (endpoints included).
     *
     * @param problem the problem whose decomposition box is sampled
     * @param k points per dimension (≥ 2)
     * @return a new point-major array of {@code k^n} points, length {@code n·k^n}
     */
    public static double[] evaluationGrid(FbpinnProblem problem, int k) {
        Decomposition dd = problem.decomposition();
        return Box.of(dd.lower(), dd.upper()).evaluationGrid(k);
    }
}
