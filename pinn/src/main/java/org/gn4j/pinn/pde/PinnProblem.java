package org.gn4j.pinn.pde;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;
import org.gn4j.pinn.net.LinearJetResidual;
import org.gn4j.pinn.net.Mlp;
import org.gn4j.pinn.net.MlpEvaluator;

/**
 * A {@link PdeSpec} solved by one {@link Mlp} (optionally through a {@link HardConstraint} ansatz), at one round of
 * collocation sampling: the stacked residual vector {@code r(θ)} of its {@link ResidualGroup}s, the exact Jacobian
 * (dense rows, or JVP/VJP), and a {@link LeastSquaresProblem} for the gauss-newton solvers. The cost
 * {@code ½‖r‖² = ½ Σ_groups w·mean(residual²)}.
 *
 * <p>Thread safety: immutable ({@link #atRound} gives the problem on a fresh point set) and safe to use from several
 * threads at once: each calling thread evaluates through its own evaluator and buffers (evaluation is parallel
 * inside, on the compute pool).
 */
public final class PinnProblem implements CollocationProblem {
    private final PdeSpec spec;
    private final Mlp net;
    private final HardConstraint hard;
    private final int round;
    private final List<ResidualGroup> groups;
    private final int[] offsets;
    private final int m;
    private final int params;
    /** The calling thread's evaluator and buffers. */
    private final ThreadLocal<Work> work;

    private record Work(MlpEvaluator evaluator, double[] jets, double[] scratch) {
    }

    private PinnProblem(PdeSpec spec, Mlp net, HardConstraint hard, int round) {
        if (spec == null || net == null) {
            throw new IllegalArgumentException("spec and network must not be null");
        }
        ArgumentChecks.requireDimension("network input dimension", net.inputDimension(),
                spec.domain().dimension());
        this.spec = spec;
        this.net = net;
        this.hard = hard;
        this.round = round;
        List<ResidualGroup> raw = spec.groups(round, hard == null ? Set.of() : hard.enforces());
        List<ResidualGroup> eff = new ArrayList<>();
        for (ResidualGroup g : raw) {
            eff.add(hard == null ? g : new ResidualGroup(g.name(), throughAnsatz(g.residual(), hard), g.weight()));
        }
        this.groups = Collections.unmodifiableList(eff);
        offsets = new int[groups.size() + 1];
        int max = 0;
        for (int i = 0; i < groups.size(); i++) {
            int size = groups.get(i).residual().size();
            offsets[i + 1] = offsets[i] + size;
            max = Math.max(max, size);
        }
        m = offsets[groups.size()];
        params = net.parameterCount();
        int largest = max;
        work = ThreadLocal.withInitial(() -> new Work(net.evaluator(), new double[largest * (net.inputDimension() + 2)],
                new double[largest]));
    }

    /**
     * The problem with residuals of the solution u = N (the network itself), round 0.
     *
     * @param spec the PDE problem, not null
     * @param net the network, input dimension equal to the domain's
     * @return the problem at round 0, without hard constraint
     * @throws IllegalArgumentException on a null argument or a dimension mismatch
     */
    public static PinnProblem of(PdeSpec spec, Mlp net) {
        return new PinnProblem(spec, net, null, 0);
    }

    /**
     * The same problem with the ansatz {@code u = g + D·N} (null: none).
     *
     * @param h the hard constraint, or null for {@code u = N}; the condition kinds it enforces get no residual group
     * @return a new problem at the same round
     */
    public PinnProblem withHardConstraint(HardConstraint h) {
        return new PinnProblem(spec, net, h, round);
    }

    /** The same problem on the collocation points of another resampling round. */
    @Override
    public PinnProblem atRound(int r) {
        ArgumentChecks.requireNonNegative("round", r);
        return new PinnProblem(spec, net, hard, r);
    }

    /**
     * The residual {@code s·jet(g + D·N) − f} as a residual in the jet of N (product rule, see
     * {@link HardConstraint}).
     */
    static LinearJetResidual throughAnsatz(LinearJetResidual g, HardConstraint h) {
        int n = g.dimension();
        int jet = n + 2;
        int count = g.size();
        double[] x = g.points();
        double[] s = g.seeds();
        double[] f = g.offsets();
        double[] kappa = g.laplacianWeights();
        if (kappa == null) {
            kappa = new double[n];
            java.util.Arrays.fill(kappa, 1.0);
        }
        double[] d = new double[jet];
        double[] l = new double[jet];
        double[] t = new double[jet];
        for (int p = 0; p < count; p++) {
            h.distance().jet(x, p * n, kappa, d, 0);
            h.lift().jet(x, p * n, kappa, l, 0);
            int o = p * jet;
            double sl = s[o + n + 1];
            double liftTerm = 0;
            double value = s[o] * d[0] + sl * d[n + 1];
            for (int k = 0; k < jet; k++) {
                liftTerm += s[o + k] * l[k];
            }
            for (int i = 0; i < n; i++) {
                value += s[o + 1 + i] * d[1 + i];
                t[1 + i] = s[o + 1 + i] * d[0] + 2 * sl * kappa[i] * d[1 + i];
            }
            t[0] = value;
            t[n + 1] = sl * d[0];
            System.arraycopy(t, 0, s, o, jet);
            f[p] -= liftTerm;
        }
        return LinearJetResidual.of(n, x, s, f, g.laplacianWeights());
    }

    /**
     * The PDE problem.
     *
     * @return the spec given at construction
     */
    public PdeSpec spec() {
        return spec;
    }

    /**
     * The network N.
     *
     * @return the network given at construction
     */
    public Mlp network() {
        return net;
    }

    /**
     * The hard constraint, or null.
     *
     * @return the hard constraint, or null if u = N
     */
    public HardConstraint hardConstraint() {
        return hard;
    }

    /**
     * The resampling round.
     *
     * @return the round, ≥ 0
     */
    public int round() {
        return round;
    }

    /**
     * The residual groups (in terms of the network's jet).
     *
     * @return an unmodifiable list, the interior group first
     */
    public List<ResidualGroup> groups() {
        return groups;
    }

    /**
     * Offset of group i in the residual vector.
     *
     * @param i group index, in [0, groups().size()]; {@code groups().size()} gives the residual count
     * @return the index of the group's first residual
     */
    public int groupOffset(int i) {
        return offsets[i];
    }

    /**
     * The calling thread's evaluator of this problem's network (for callers that evaluate the network on other
     * points); an evaluator is not shared between threads.
     *
     * @return the evaluator of the calling thread
     */
    public MlpEvaluator evaluator() {
        return work.get().evaluator();
    }

    @Override
    public int parameterCount() {
        return params;
    }

    @Override
    public int residualCount() {
        return m;
    }

    /**
     * {@code r(θ)} into r (length m).
     *
     * @throws IllegalArgumentException on wrong lengths
     */
    @Override
    public void residuals(double[] theta, double[] r) {
        ArgumentChecks.requireLength("residuals", r, m);
        Work w = work.get();
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).residual().residuals(w.evaluator(), theta, r, offsets[i], w.jets());
        }
    }

    /**
     * The dense Jacobian {@code ∂r/∂θ}, row-major m×P with leading dimension ld, from {@code jac[offset]}.
     *
     * @throws IllegalArgumentException on short arrays or ld &lt; P
     */
    @Override
    public void jacobian(double[] theta, double[] jac, int offset, int ld) {
        MlpEvaluator evaluator = work.get().evaluator();
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).residual().jacobian(evaluator, theta, jac, offset + offsets[i] * ld, ld);
        }
    }

    /** The Jacobian at θ as a matrix-free operator (JVP forward mode, VJP reverse mode); θ is copied. */
    @Override
    public LinearOperator jacobianOperator(double[] theta) {
        double[] th = theta.clone();
        double[] part = new double[params];
        return Operators.of(m, params, (v, out) -> {
            Work w = work.get();
            for (int i = 0; i < groups.size(); i++) {
                groups.get(i).residual().jvp(w.evaluator(), th, v, out, offsets[i], w.scratch());
            }
        }, (y, out) -> {
            Work w = work.get();
            java.util.Arrays.fill(out, 0.0);
            for (int i = 0; i < groups.size(); i++) {
                groups.get(i).residual().vjp(w.evaluator(), th, y, offsets[i], part, w.scratch());
                for (int j = 0; j < params; j++) {
                    out[j] += part[j];
                }
            }
        });
    }



    /**
     * The solution {@code u_θ} (through the ansatz if any) at {@code count} points.
     *
     * @param theta network parameters, length {@link #parameterCount()}
     * @param points point coordinates, point-major, at least {@code count·n} numbers
     * @param count number of points, ≥ 0
     * @param out output values, at least {@code count} long; the first count entries are overwritten
     * @throws IllegalArgumentException on short arrays
     */
    public void solution(double[] theta, double[] points, int count, double[] out) {
        int n = net.inputDimension();
        int jet = n + 2;
        ArgumentChecks.requireNonNegative("count", count);
        if (out.length < count) {
            throw new IllegalArgumentException("out has length " + out.length + ", expected >= " + count);
        }
        double[] j = new double[count * jet];
        work.get().evaluator().evaluate(theta, points, count, null, j);
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        double[] d = new double[jet];
        double[] l = new double[jet];
        for (int p = 0; p < count; p++) {
            if (hard == null) {
                out[p] = j[p * jet];
            } else {
                hard.distance().jet(points, p * n, ones, d, 0);
                hard.lift().jet(points, p * n, ones, l, 0);
                out[p] = l[0] + d[0] * j[p * jet];
            }
        }
    }

    @Override
    public boolean hasExactSolution() {
        return spec.exact() != null;
    }

    /**
     * Errors against the spec's exact solution at the points.
     *
     * @throws IllegalStateException if the spec has no exact solution
     */
    @Override
    public ErrorMetrics errors(double[] theta, double[] points) {
        Field exact = spec.exact();
        if (exact == null) {
            throw new IllegalStateException("problem " + spec.name() + " has no exact solution");
        }
        int n = net.inputDimension();
        int count = points.length / n;
        double[] u = new double[count];
        solution(theta, points, count, u);
        double[] e = exactValues(points);
        return ErrorMetrics.of(u, e);
    }

    /**
     * The exact solution at the points.
     *
     * @param points point coordinates, point-major, {@code count·n} numbers
     * @return a new array of the exact values, one per point
     * @throws NullPointerException if the spec has no exact solution
     */
    public double[] exactValues(double[] points) {
        int n = net.inputDimension();
        int count = points.length / n;
        double[] e = new double[count];
        double[] p = new double[n];
        for (int q = 0; q < count; q++) {
            System.arraycopy(points, q * n, p, 0, n);
            e[q] = spec.exact().value(p);
        }
        return e;
    }
}
