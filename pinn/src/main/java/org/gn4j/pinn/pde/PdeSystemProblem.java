package org.gn4j.pinn.pde;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;
import org.gn4j.pinn.net.MlpEvaluator;

/**
 * A {@link PdeSystem} at one round of collocation sampling: residuals {@code r = √(w/N)·F(x, jets)} group after group,
 * and the exact Jacobian by the chain rule over the jets: at each point the residual's derivatives with respect to
 * every field's jet entries ({@link Dual}) are the seeds of that field's network derivatives
 * ({@link MlpEvaluator#jacobian}, {@link MlpEvaluator#jvp}, {@link MlpEvaluator#vjp}), and its derivatives with
 * respect to the coefficients are their Jacobian columns.
 *
 * <p>Thread safety: immutable and safe to use from several threads at once (each calling thread evaluates through
 * its own evaluators).
 */
public final class PdeSystemProblem implements CollocationProblem {
    private final PdeSystem system;
    private final int round;
    private final List<Collocation.Points> points;
    private final double[] scales;
    private final int[] offsets;
    private final int m;
    private final int params;
    private final int n;
    private final int jet;
    private final int fieldCount;
    private final int coefficientCount;
    private final int[] fieldOffsets;
    private final ThreadLocal<MlpEvaluator[]> evaluators;

    PdeSystemProblem(PdeSystem system, int round) {
        ArgumentChecks.requireNonNegative("round", round);
        this.system = system;
        this.round = round;
        n = system.dimension();
        jet = n + 2;
        fieldCount = system.fieldCount();
        coefficientCount = system.coefficientNames().size();
        params = system.parameterCount();
        fieldOffsets = new int[fieldCount];
        for (int f = 0; f < fieldCount; f++) {
            fieldOffsets[f] = system.parameterOffset(f);
        }
        List<PdeSystem.GroupSpec> groups = system.groups();
        points = new ArrayList<>();
        scales = new double[groups.size()];
        offsets = new int[groups.size() + 1];
        for (int g = 0; g < groups.size(); g++) {
            Collocation.Points p = groups.get(g).points().points(round);
            if (p.count() > 0 && p.coordinates().length != (long) p.count() * n) {
                throw new IllegalArgumentException("group '" + groups.get(g).name() + "': found "
                        + p.coordinates().length / p.count() + " coordinates per point, expected " + n);
            }
            points.add(p);
            scales[g] = p.count() == 0 ? 0 : Math.sqrt(groups.get(g).weight() / p.count());
            offsets[g + 1] = offsets[g] + p.count();
        }
        m = offsets[groups.size()];
        evaluators = ThreadLocal.withInitial(() -> {
            MlpEvaluator[] e = new MlpEvaluator[fieldCount];
            for (int f = 0; f < fieldCount; f++) {
                e[f] = system.network(f).evaluator();
            }
            return e;
        });
    }

    /**
     * The system.
     *
     * @return the system this problem was built from
     */
    public PdeSystem system() {
        return system;
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
     * The points of group g at this round.
     *
     * @param g group index, in the order the groups were added
     * @return the group's points, normals and data (shared, not copied)
     */
    public Collocation.Points points(int g) {
        return points.get(g);
    }

    /**
     * Offset of group g in the residual vector.
     *
     * @param g group index, in [0, number of groups]; the number of groups gives the residual count
     * @return the index of the group's first residual
     */
    public int groupOffset(int g) {
        return offsets[g];
    }

    @Override
    public int parameterCount() {
        return params;
    }

    @Override
    public int residualCount() {
        return m;
    }

    @Override
    public PdeSystemProblem atRound(int r) {
        return new PdeSystemProblem(system, r);
    }

    private double[] slice(double[] theta, int f) {
        int o = fieldOffsets[f];
        return Arrays.copyOfRange(theta, o, o + system.network(f).parameterCount());
    }

    /** Every field's jets at group g's points: {@code [f][p·jet + k]}. */
    private double[][] jets(MlpEvaluator[] ev, double[] theta, int g) {
        Collocation.Points p = points.get(g);
        double[][] out = new double[fieldCount][p.count() * jet];
        for (int f = 0; f < fieldCount; f++) {
            ev[f].evaluate(slice(theta, f), p.coordinates(), p.count(), system.fields().get(f).kappa(), out[f]);
        }
        return out;
    }

    @Override
    public void residuals(double[] theta, double[] r) {
        ArgumentChecks.requireLength("theta", theta, params);
        ArgumentChecks.requireLength("residuals", r, m);
        MlpEvaluator[] ev = evaluators.get();
        double[] c = system.coefficients(theta);
        for (int g = 0; g < points.size(); g++) {
            double[][] jets = jets(ev, theta, g);
            Point at = new Point(points.get(g), jets, c, false);
            PointResidual res = system.groups().get(g).residual();
            for (int q = 0; q < points.get(g).count(); q++) {
                at.moveTo(q);
                r[offsets[g] + q] = scales[g] * res.at(at).value();
            }
        }
    }

    /**
     * The linearization of group g at θ: {@code seeds[f]} (point-major, jet entries) and the coefficient derivatives
     * {@code [p·C + k]}, both scaled by the group's √(w/N).
     */
    private double[][] seeds(MlpEvaluator[] ev, double[] theta, int g, double[] coefficientRows) {
        Collocation.Points p = points.get(g);
        double[][] jets = jets(ev, theta, g);
        double[][] seeds = new double[fieldCount][p.count() * jet];
        Point at = new Point(p, jets, system.coefficients(theta), true);
        PointResidual res = system.groups().get(g).residual();
        double s = scales[g];
        for (int q = 0; q < p.count(); q++) {
            at.moveTo(q);
            Dual value = res.at(at);
            if (!value.hasDerivatives()) {
                continue; // the residual does not depend on the unknowns here
            }
            for (int f = 0; f < fieldCount; f++) {
                for (int k = 0; k < jet; k++) {
                    seeds[f][q * jet + k] = s * value.derivative(f * jet + k);
                }
            }
            for (int k = 0; k < coefficientCount; k++) {
                coefficientRows[q * coefficientCount + k] = s * value.derivative(fieldCount * jet + k);
            }
        }
        return seeds;
    }

    /**
     * The dense Jacobian {@code ∂r/∂θ}, row-major m×P with leading dimension ld, from {@code jac[offset]}.
     *
     * @throws IllegalArgumentException on short arrays or ld &lt; P
     */
    @Override
    public void jacobian(double[] theta, double[] jac, int offset, int ld) {
        ArgumentChecks.requireLength("theta", theta, params);
        if (ld < params) {
            throw new IllegalArgumentException("found ld = " + ld + ", expected >= " + params + " (parameters)");
        }
        MlpEvaluator[] ev = evaluators.get();
        for (int g = 0; g < points.size(); g++) {
            Collocation.Points p = points.get(g);
            double[] cRows = new double[p.count() * coefficientCount];
            double[][] seeds = seeds(ev, theta, g, cRows);
            int row0 = offset + offsets[g] * ld;
            for (int f = 0; f < fieldCount; f++) {
                ev[f].jacobian(slice(theta, f), p.coordinates(), p.count(), system.fields().get(f).kappa(), seeds[f],
                        jac, row0 + fieldOffsets[f], ld);
            }
            int cOff = system.coefficientOffset();
            for (int q = 0; q < p.count(); q++) {
                for (int k = 0; k < coefficientCount; k++) {
                    jac[row0 + q * ld + cOff + k] = cRows[q * coefficientCount + k];
                }
            }
        }
    }

    @Override
    public LinearOperator jacobianOperator(double[] theta) {
        ArgumentChecks.requireLength("theta", theta, params);
        double[] th = theta.clone();
        MlpEvaluator[] ev0 = evaluators.get();
        int groups = points.size();
        double[][][] seeds = new double[groups][][];
        double[][] cRows = new double[groups][];
        for (int g = 0; g < groups; g++) {
            cRows[g] = new double[points.get(g).count() * coefficientCount];
            seeds[g] = seeds(ev0, th, g, cRows[g]);
        }
        double[][] slices = new double[fieldCount][];
        for (int f = 0; f < fieldCount; f++) {
            slices[f] = slice(th, f);
        }
        int cOff = system.coefficientOffset();
        return Operators.of(m, params, (v, out) -> {
            MlpEvaluator[] ev = evaluators.get();
            double[][] vf = new double[fieldCount][];
            for (int f = 0; f < fieldCount; f++) {
                vf[f] = slice(v, f);
            }
            for (int g = 0; g < groups; g++) {
                Collocation.Points p = points.get(g);
                int count = p.count();
                double[] part = new double[count];
                Arrays.fill(out, offsets[g], offsets[g] + count, 0.0);
                for (int f = 0; f < fieldCount; f++) {
                    ev[f].jvp(slices[f], p.coordinates(), count, system.fields().get(f).kappa(), seeds[g][f], vf[f],
                            part);
                    for (int q = 0; q < count; q++) {
                        out[offsets[g] + q] += part[q];
                    }
                }
                for (int q = 0; q < count; q++) {
                    double s = 0;
                    for (int k = 0; k < coefficientCount; k++) {
                        s += cRows[g][q * coefficientCount + k] * v[cOff + k];
                    }
                    out[offsets[g] + q] += s;
                }
            }
        }, (y, out) -> {
            MlpEvaluator[] ev = evaluators.get();
            Arrays.fill(out, 0.0);
            for (int g = 0; g < groups; g++) {
                Collocation.Points p = points.get(g);
                int count = p.count();
                double[] yg = Arrays.copyOfRange(y, offsets[g], offsets[g] + count);
                for (int f = 0; f < fieldCount; f++) {
                    double[] part = new double[slices[f].length];
                    ev[f].vjp(slices[f], p.coordinates(), count, system.fields().get(f).kappa(), seeds[g][f], yg,
                            part);
                    for (int j = 0; j < part.length; j++) {
                        out[fieldOffsets[f] + j] += part[j];
                    }
                }
                for (int q = 0; q < count; q++) {
                    for (int k = 0; k < coefficientCount; k++) {
                        out[cOff + k] += cRows[g][q * coefficientCount + k] * yg[q];
                    }
                }
            }
        });
    }



    /**
     * Values of field f (through its ansatz, if any) at the points.
     *
     * @param theta parameters, length {@link #parameterCount()}
     * @param field field index
     * @param coordinates point coordinates, point-major, a multiple of the dimension long
     * @return a new array of the field's values, one per point
     * @throws IllegalArgumentException on wrong lengths
     */
    public double[] values(double[] theta, int field, double[] coordinates) {
        ArgumentChecks.requireLength("theta", theta, params);
        if (coordinates.length % n != 0) {
            throw new IllegalArgumentException("coordinates: found " + coordinates.length
                    + " numbers, expected a multiple of the dimension " + n);
        }
        int count = coordinates.length / n;
        double[] jets = new double[count * jet];
        double[] kappa = system.fields().get(field).kappa();
        evaluators.get()[field].evaluate(slice(theta, field), coordinates, count, kappa, jets);
        HardConstraint h = system.fields().get(field).ansatz();
        double[] d = new double[jet];
        double[] g = new double[jet];
        double[] out = new double[count];
        for (int q = 0; q < count; q++) {
            out[q] = jets[q * jet];
            if (h != null) {
                h.distance().jet(coordinates, q * n, kappa, d, 0);
                h.lift().jet(coordinates, q * n, kappa, g, 0);
                out[q] = g[0] + d[0] * out[q];
            }
        }
        return out;
    }

    @Override
    public boolean hasExactSolution() {
        return system.hasReference();
    }

    /** Relative L2 over every field with a reference together (e.g. the velocity (u, v)), and the largest error. */
    @Override
    public ErrorMetrics errors(double[] theta, double[] coordinates) {
        return errors(theta, coordinates, system.referencedFields());
    }

    /**
     * Errors over the given fields together: {@code ‖(u_f − u*_f)_f‖ / ‖(u*_f)_f‖} over the points.
     *
     * @param theta parameters, length {@link #parameterCount()}
     * @param coordinates point coordinates, point-major
     * @param fields indices of the fields to compare, each with a reference; empty throws
     * @return the joint error metrics of the fields at the points
     * @throws IllegalStateException if a field has no reference
     * @throws IllegalArgumentException if the reference values are on other points than {@code coordinates}
     */
    public ErrorMetrics errors(double[] theta, double[] coordinates, int... fields) {
        if (fields.length == 0) {
            throw new IllegalStateException("system " + system.name() + " has no reference solution");
        }
        int count = coordinates.length / n;
        double[] predicted = new double[count * fields.length];
        double[] reference = new double[count * fields.length];
        for (int i = 0; i < fields.length; i++) {
            double[] ref = system.reference(fields[i], coordinates);
            if (ref == null) {
                throw new IllegalStateException("field '" + system.fieldName(fields[i]) + "' has no reference");
            }
            System.arraycopy(values(theta, fields[i], coordinates), 0, predicted, i * count, count);
            System.arraycopy(ref, 0, reference, i * count, count);
        }
        return ErrorMetrics.of(predicted, reference);
    }

    /** The jets at one point of a group, as the residual sees them. */
    private final class Point implements Jets {
        private final Collocation.Points set;
        private final double[][] jets;
        private final double[] coefficients;
        private final boolean derivatives;
        private final int variables;
        private final Dual[] cache;
        private int q;

        Point(Collocation.Points set, double[][] jets, double[] coefficients, boolean derivatives) {
            this.set = set;
            this.jets = jets;
            this.coefficients = coefficients;
            this.derivatives = derivatives;
            this.variables = fieldCount * jet + coefficientCount;
            this.cache = new Dual[variables];
        }

        void moveTo(int point) {
            q = point;
            Arrays.fill(cache, null);
        }

        private Dual variable(int index, double value) {
            Dual d = cache[index];
            if (d == null) {
                d = derivatives ? Dual.variable(value, index, variables) : Dual.constant(value);
                cache[index] = d;
            }
            return d;
        }

        private Dual entry(int field, int k) {
            if (field < 0 || field >= fieldCount) {
                throw new IllegalArgumentException("field " + field + ", expected 0.." + (fieldCount - 1));
            }
            HardConstraint h = system.fields().get(field).ansatz();
            if (h == null) {
                return network(field, k);
            }
            // u = g + D·N by the product rule: u_i = g_i + D_i N + D N_i, Lu = Lg + LD N + 2 Σ κ_i D_i N_i + D LN
            double[] d = ansatzJet(field, h.distance());
            double[] g = ansatzJet(field, h.lift());
            Dual nValue = network(field, 0);
            if (k == 0) {
                return nValue.times(d[0]).plus(g[0]);
            }
            if (k <= n) {
                return nValue.times(d[k]).plus(network(field, k).times(d[0])).plus(g[k]);
            }
            double[] kappa = system.fields().get(field).kappa();
            Dual s = nValue.times(d[n + 1]).plus(network(field, n + 1).times(d[0])).plus(g[n + 1]);
            for (int i = 0; i < n; i++) {
                if (kappa[i] != 0 && d[1 + i] != 0) {
                    s = s.plus(network(field, 1 + i).times(2 * kappa[i] * d[1 + i]));
                }
            }
            return s;
        }

        /** Entry k of field f's network jet N (a variable). */
        private Dual network(int field, int k) {
            return variable(field * jet + k, jets[field][q * jet + k]);
        }

        private double[] ansatzJet(int field, JetField f) {
            double[] out = new double[jet];
            f.jet(set.coordinates(), q * n, system.fields().get(field).kappa(), out, 0);
            return out;
        }

        @Override
        public int dimension() {
            return n;
        }

        @Override
        public double x(int i) {
            return set.coordinates()[q * n + i];
        }

        @Override
        public double normal(int i) {
            return set.normals() == null ? 0 : set.normals()[q * n + i];
        }

        @Override
        public double data(int k) {
            if (k < 0 || k >= set.columns()) {
                throw new IllegalArgumentException("data column " + k + ", expected 0.." + (set.columns() - 1)
                        + " (the group's point set has " + set.columns() + " data columns)");
            }
            return set.data()[q * set.columns() + k];
        }

        @Override
        public Dual u(int field) {
            return entry(field, 0);
        }

        @Override
        public Dual d(int field, int i) {
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException("coordinate " + i + ", expected 0.." + (n - 1));
            }
            return entry(field, 1 + i);
        }

        @Override
        public Dual lap(int field) {
            return entry(field, n + 1);
        }

        @Override
        public Dual normalDerivative(int field) {
            Dual s = Dual.constant(0);
            for (int i = 0; i < n; i++) {
                double ni = normal(i);
                if (ni != 0) {
                    s = s.plus(d(field, i).times(ni));
                }
            }
            return s;
        }

        @Override
        public Dual coefficient(int k) {
            if (k < 0 || k >= coefficientCount) {
                throw new IllegalArgumentException("coefficient " + k + ", expected 0.." + (coefficientCount - 1));
            }
            return variable(fieldCount * jet + k, coefficients[k]);
        }
    }
}
