package org.gn4j.pinn.dd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.pinn.net.LinearJetResidual;
import org.gn4j.pinn.net.Mlp;
import org.gn4j.pinn.net.MlpEvaluator;
import org.gn4j.pinn.pde.ErrorMetrics;
import org.gn4j.pinn.pde.Field;
import org.gn4j.pinn.train.ErrorSource;

/**
 * A finite-basis PINN: the solution {@code u(x) = Σ_j w_j(x)·N_j(x)} of a {@link Decomposition}'s normalized windows
 * and one network per subdomain (all with the same architecture, each with its input box mapped to [−1, 1]ⁿ), fitted
 * to linear jet residuals {@code r_p = s_p·jet_u(x_p) − f_p}. Parameters are the subdomain blocks one after another,
 * {@code θ = (θ_0, …, θ_{K−1})}, each of {@link #blockSize()} numbers.
 *
 * <p>By the product rule a seed s on u's jet is a seed {@code t_j} on {@code N_j}'s jet:
 * {@code t_0 = s_0 w + Σ s_i ∂_i w + s_L Lw}, {@code t_i = s_i w + 2 s_L κ_i ∂_i w}, {@code t_L = s_L w}, so each
 * subdomain's Jacobian block is the {@link MlpEvaluator#jacobian} of its network on the points its window covers:
 * the Jacobian is block-sparse. The seeds are mapped once at construction.
 *
 * <p>Thread safety: immutable and safe to use from several threads at once (each calling thread evaluates through
 * its own evaluators).
 */
public final class FbpinnProblem implements ErrorSource {
    /** The points of one residual group that one subdomain's window covers. */
    private static final class Segment {
        final int[] rows;
        final double[] points;
        final double[] seeds;
        final double[] kappa;
        final int start;

        Segment(int[] rows, double[] points, double[] seeds, double[] kappa, int start) {
            this.rows = rows;
            this.points = points;
            this.seeds = seeds;
            this.kappa = kappa;
            this.start = start;
        }
    }

    private final String name;
    private final Decomposition dd;
    private final Mlp template;
    private final Mlp[] nets;
    /** The calling thread's evaluator of each subdomain network. */
    private final ThreadLocal<MlpEvaluator[]> evaluators;
    private final List<List<Segment>> segments;
    private final int[][] rowsOf;
    private final double[] offsets;
    private final int n;
    private final int p;
    private final int m;
    private final Field exact;

    /**
     * Builds the problem, mapping each group's seeds onto the subdomain networks.
     *
     * @param name problem name used in reports and error messages
     * @param dd the decomposition of the box; its dimension must match the network input dimension
     * @param template the subdomain network (its input map is replaced per subdomain)
     * @param groups   residual groups, stacked in order (already weighted)
     * @param exact    exact solution for errors, or null
     * @throws IllegalArgumentException on dimension mismatches or points outside every window
     */
    public FbpinnProblem(String name, Decomposition dd, Mlp template, List<LinearJetResidual> groups, Field exact) {
        n = dd.dimension();
        if (template.inputDimension() != n) {
            throw new IllegalArgumentException("found network input dimension " + template.inputDimension()
                    + ", expected " + n + " (decomposition dimension)");
        }
        this.name = name;
        this.dd = dd;
        this.template = template;
        this.exact = exact;
        int k = dd.size();
        p = template.parameterCount();
        nets = new Mlp[k];
        for (int j = 0; j < k; j++) {
            nets[j] = template.withInputBox(dd.supportLower(j), dd.supportUpper(j));
        }
        evaluators = ThreadLocal.withInitial(() -> {
            MlpEvaluator[] e = new MlpEvaluator[k];
            for (int j = 0; j < k; j++) {
                e[j] = nets[j].evaluator();
            }
            return e;
        });
        int jet = n + 2;
        int total = 0;
        for (LinearJetResidual g : groups) {
            if (g.dimension() != n) {
                throw new IllegalArgumentException("found residual dimension " + g.dimension() + ", expected " + n);
            }
            total += g.size();
        }
        m = total;
        offsets = new double[m];
        segments = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            segments.add(new ArrayList<>());
        }
        int[] idx = new int[dd.maxActive()];
        double[] w = new double[dd.maxActive() * jet];
        int row0 = 0;
        int[] start = new int[k];
        for (LinearJetResidual g : groups) {
            double[] kappa = g.laplacianWeights();
            double[] kap = kappa;
            if (kap == null) {
                kap = new double[n];
                Arrays.fill(kap, 1.0);
            }
            double[] x = g.points();
            double[] s = g.seeds();
            double[] f = g.offsets();
            int[][] rows = new int[k][g.size()];
            double[][] pts = new double[k][g.size() * n];
            double[][] sd = new double[k][g.size() * jet];
            int[] cnt = new int[k];
            for (int q = 0; q < g.size(); q++) {
                offsets[row0 + q] = f[q];
                int a = dd.windows(x, q * n, kap, idx, w);
                if (a == 0) {
                    throw new IllegalArgumentException("found point " + q + " of a residual group outside every "
                            + "subdomain, expected points inside the decomposed box");
                }
                double sl = s[q * jet + n + 1];
                for (int b = 0; b < a; b++) {
                    int j = idx[b];
                    int c = cnt[j]++;
                    rows[j][c] = row0 + q;
                    System.arraycopy(x, q * n, pts[j], c * n, n);
                    int o = b * jet;
                    double t0 = s[q * jet] * w[o] + sl * w[o + n + 1];
                    for (int i = 0; i < n; i++) {
                        t0 += s[q * jet + 1 + i] * w[o + 1 + i];
                        sd[j][c * jet + 1 + i] = s[q * jet + 1 + i] * w[o] + 2 * sl * kap[i] * w[o + 1 + i];
                    }
                    sd[j][c * jet] = t0;
                    sd[j][c * jet + n + 1] = sl * w[o];
                }
            }
            for (int j = 0; j < k; j++) {
                if (cnt[j] > 0) {
                    segments.get(j).add(new Segment(Arrays.copyOf(rows[j], cnt[j]),
                            Arrays.copyOf(pts[j], cnt[j] * n), Arrays.copyOf(sd[j], cnt[j] * jet), kappa, start[j]));
                    start[j] += cnt[j];
                }
            }
            row0 += g.size();
        }
        rowsOf = new int[k][];
        for (int j = 0; j < k; j++) {
            rowsOf[j] = new int[start[j]];
            for (Segment sg : segments.get(j)) {
                System.arraycopy(sg.rows, 0, rowsOf[j], sg.start, sg.rows.length);
            }
        }
    }

    /**
     * Problem name.
     *
     * @return the name given at construction
     */
    public String name() {
        return name;
    }

    /**
     * The decomposition into subdomains.
     *
     * @return the decomposition given at construction (not a copy; it is immutable)
     */
    public Decomposition decomposition() {
        return dd;
    }

    /**
     * The subdomain network template.
     *
     * @return the template network given at construction, with its original input map
     */
    public Mlp subnetwork() {
        return template;
    }

    /**
     * Parameters per subdomain.
     *
     * @return the parameter count p of one subdomain network
     */
    public int blockSize() {
        return p;
    }

    /**
     * Total parameter count, {@code blockSize() · decomposition().size()}.
     *
     * @return the length of θ
     */
    public int parameterCount() {
        return p * dd.size();
    }

    /**
     * Total residual count m over all groups.
     *
     * @return the length of the residual vector
     */
    public int residualCount() {
        return m;
    }

    /** Exact solution, or null. */
    @Override
    public boolean hasExactSolution() {
        return exact() != null;
    }

    /**
     * Exact solution used by {@link #errors}.
     *
     * @return the exact solution, or null if none was given
     */
    public Field exact() {
        return exact;
    }

    /**
     * Initial parameters: each subdomain network's own initialization, seeds derived from {@code seed}.
     *
     * @param seed base random seed; subdomain j uses {@code seed·7919 + j}
     * @return a new parameter vector of length {@link #parameterCount()}
     */
    public double[] initialParameters(long seed) {
        double[] theta = new double[parameterCount()];
        for (int j = 0; j < dd.size(); j++) {
            System.arraycopy(nets[j].initialParameters(seed * 7919 + j), 0, theta, j * p, p);
        }
        return theta;
    }

    private double[] block(double[] theta, int j) {
        return Arrays.copyOfRange(theta, j * p, (j + 1) * p);
    }

    private void checkTheta(double[] theta) {
        ArgumentChecks.requireLength("theta", theta, parameterCount());
    }

    /**
     * {@code r(θ)} into r (length m).
     *
     * @param theta parameters, length {@link #parameterCount()}
     * @param r output residuals, length {@link #residualCount()}; overwritten
     */
    public void residuals(double[] theta, double[] r) {
        checkTheta(theta);
        ArgumentChecks.requireLength("residuals", r, m);
        int jet = n + 2;
        for (int i = 0; i < m; i++) {
            r[i] = -offsets[i];
        }
        for (int j = 0; j < dd.size(); j++) {
            double[] th = block(theta, j);
            for (Segment sg : segments.get(j)) {
                int c = sg.rows.length;
                double[] jets = new double[c * jet];
                evaluators.get()[j].evaluate(th, sg.points, c, sg.kappa, jets);
                for (int q = 0; q < c; q++) {
                    double v = 0;
                    for (int e = 0; e < jet; e++) {
                        v += sg.seeds[q * jet + e] * jets[q * jet + e];
                    }
                    r[sg.rows[q]] += v;
                }
            }
        }
    }

    /**
     * The block-sparse Jacobian at θ.
     *
     * @param theta parameters, length {@link #parameterCount()}
     * @return a new m×P block-sparse Jacobian, one block of covered rows per subdomain
     */
    public BlockSparseJacobian jacobian(double[] theta) {
        checkTheta(theta);
        int k = dd.size();
        double[][] blocks = new double[k][];
        for (int j = 0; j < k; j++) {
            double[] th = block(theta, j);
            blocks[j] = new double[rowsOf[j].length * p];
            for (Segment sg : segments.get(j)) {
                evaluators.get()[j].jacobian(th, sg.points, sg.rows.length, sg.kappa, sg.seeds, blocks[j], sg.start * p,
                        p);
            }
        }
        return new BlockSparseJacobian(dd, m, p, rowsOf, blocks);
    }

    /**
     * The solution u at {@code count} points (point-major) into out.
     *
     * @param theta parameters, length {@link #parameterCount()}
     * @param points point coordinates, point-major, length at least {@code count · n}
     * @param count number of points
     * @param out output values of u, length at least {@code count}
     */
    public void solution(double[] theta, double[] points, int count, double[] out) {
        checkTheta(theta);
        int jet = n + 2;
        double[] u = jets(theta, points, count, null);
        for (int q = 0; q < count; q++) {
            out[q] = u[q * jet];
        }
    }

    /**
     * Jets {@code [u, ∂u/∂x_1..n, Σκ_i∂²u/∂x_i²]} of the FBPINN at the points (product rule over the windows).
     *
     * @param theta parameters, length {@link #parameterCount()}
     * @param points point coordinates, point-major, length at least {@code count · n}
     * @param count number of points
     * @param kappa Laplacian weights, or null for ones
     * @return a new array of length {@code count · (n + 2)}, n + 2 jet entries per point
     */
    public double[] jets(double[] theta, double[] points, int count, double[] kappa) {
        checkTheta(theta);
        int jet = n + 2;
        double[] kap = kappa;
        if (kap == null) {
            kap = new double[n];
            Arrays.fill(kap, 1.0);
        }
        double[] out = new double[count * jet];
        int k = dd.size();
        int[] idx = new int[dd.maxActive()];
        double[] w = new double[dd.maxActive() * jet];
        int[][] who = new int[k][8];
        double[][] ws = new double[k][8 * jet];
        int[] cnt = new int[k];
        for (int q = 0; q < count; q++) {
            int a = dd.windows(points, q * n, kap, idx, w);
            for (int b = 0; b < a; b++) {
                int j = idx[b];
                if (cnt[j] == who[j].length) {
                    who[j] = Arrays.copyOf(who[j], 2 * cnt[j]);
                    ws[j] = Arrays.copyOf(ws[j], 2 * cnt[j] * jet);
                }
                who[j][cnt[j]] = q;
                System.arraycopy(w, b * jet, ws[j], cnt[j] * jet, jet);
                cnt[j]++;
            }
        }
        for (int j = 0; j < k; j++) {
            int c = cnt[j];
            if (c == 0) {
                continue;
            }
            double[] pts = new double[c * n];
            for (int e = 0; e < c; e++) {
                System.arraycopy(points, who[j][e] * n, pts, e * n, n);
            }
            double[] nj = new double[c * jet];
            evaluators.get()[j].evaluate(block(theta, j), pts, c, kap, nj);
            for (int e = 0; e < c; e++) {
                int o = e * jet;
                int u = who[j][e] * jet;
                double[] wj = ws[j];
                double lap = wj[o + n + 1] * nj[o] + wj[o] * nj[o + n + 1];
                out[u] += wj[o] * nj[o];
                for (int i = 0; i < n; i++) {
                    out[u + 1 + i] += wj[o + 1 + i] * nj[o] + wj[o] * nj[o + 1 + i];
                    lap += 2 * kap[i] * wj[o + 1 + i] * nj[o + 1 + i];
                }
                out[u + n + 1] += lap;
            }
        }
        return out;
    }

    /**
     * Errors against the exact solution at the points.
     *
     * @throws IllegalStateException without an exact solution
     */
    @Override
    public ErrorMetrics errors(double[] theta, double[] points) {
        if (exact == null) {
            throw new IllegalStateException("problem " + name + " has no exact solution");
        }
        int count = points.length / n;
        double[] u = new double[count];
        solution(theta, points, count, u);
        double[] e = new double[count];
        double[] x = new double[n];
        for (int q = 0; q < count; q++) {
            System.arraycopy(points, q * n, x, 0, n);
            e[q] = exact.value(x);
        }
        return ErrorMetrics.of(u, e);
    }
}
