package org.gn4j.pinn.pde;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.pinn.net.Mlp;

/**
 * A general physics-informed problem: several unknown fields, each a network ({@link Mlp}) with the weighted
 * Laplacian its jet carries; unknown scalar coefficients; and weighted groups of residuals, each a
 * {@link PointResidual} of the fields' jets evaluated on a {@link Collocation} point set. Nonlinear operators
 * ({@code u·u_x}, {@code u³}), systems (Navier-Stokes with fields u, v, p), variable coefficients, second time
 * derivatives (a field whose Laplacian weights are {@code (−c², 1)} on {@code (x, t)} carries {@code u_tt − c²u_xx}),
 * Neumann and Robin conditions ({@link Jets#normalDerivative}) and inverse problems (observation groups, unknown
 * coefficients, a coefficient field as one more network) are all written the same way; the exact parameter Jacobian
 * follows by the chain rule over the jets ({@link Dual}).
 *
 * <p>The parameters θ are the fields' network parameters in the order the fields were added, then the coefficients.
 * A group of weight w on N points contributes {@code ½·w·mean(F²)} to the cost. Immutable; {@link #problem()} gives the
 * least-squares problem at round 0.
 */
public final class PdeSystem {
    /** A field: its name, network, Laplacian weights κ and optional ansatz {@code u = g + D·N} (null: u = N). */
    record FieldSpec(String name, Mlp net, double[] kappa, HardConstraint ansatz) {
    }

    /** A residual group. */
    record GroupSpec(String name, double weight, Collocation points, PointResidual residual) {
    }

    private final String name;
    private final int dimension;
    private final List<FieldSpec> fields;
    private final List<String> coefficientNames;
    private final double[] coefficientStarts;
    private final List<GroupSpec> groups;
    private final Map<Integer, Field> exact;
    private final Map<Integer, double[][]> tables;

    private PdeSystem(Builder b) {
        name = b.name;
        dimension = b.dimension;
        fields = List.copyOf(b.fields);
        coefficientNames = List.copyOf(b.coefficients.keySet());
        coefficientStarts = b.coefficients.values().stream().mapToDouble(Double::doubleValue).toArray();
        groups = List.copyOf(b.groups);
        exact = Map.copyOf(b.exact);
        tables = Map.copyOf(b.tables);
    }

    /**
     * Starts a system on points of {@code dimension} coordinates.
     *
     * @param name system name for reports, or null for "pde system"
     * @param dimension coordinates per point (space, plus time for evolution problems), ≥ 1
     * @return a new empty builder
     * @throws IllegalArgumentException if the dimension is not positive
     */
    public static Builder builder(String name, int dimension) {
        return new Builder(name, dimension);
    }

    /**
     * System name.
     *
     * @return the name given to the builder
     */
    public String name() {
        return name;
    }

    /**
     * Coordinates per point.
     *
     * @return the dimension, ≥ 1
     */
    public int dimension() {
        return dimension;
    }

    /**
     * Number of fields.
     *
     * @return the number of fields, ≥ 1
     */
    public int fieldCount() {
        return fields.size();
    }

    /**
     * The name of field f.
     *
     * @param f field index, in [0, fieldCount())
     * @return the field's name
     */
    public String fieldName(int f) {
        return fields.get(f).name();
    }

    /**
     * The network of field f.
     *
     * @param f field index, in [0, fieldCount())
     * @return the field's network (shared, immutable)
     */
    public Mlp network(int f) {
        return fields.get(f).net();
    }

    /**
     * The index of the field named {@code name}.
     *
     * @param fieldName the field's name
     * @return the field index, in [0, fieldCount())
     * @throws IllegalArgumentException if no field has that name
     */
    public int field(String fieldName) {
        for (int f = 0; f < fields.size(); f++) {
            if (fields.get(f).name().equals(fieldName)) {
                return f;
            }
        }
        throw new IllegalArgumentException("field '" + fieldName + "', expected one of " + fieldNames());
    }

    private List<String> fieldNames() {
        List<String> out = new ArrayList<>();
        fields.forEach(f -> out.add(f.name()));
        return out;
    }

    /**
     * The coefficient names, in parameter order.
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<String> coefficientNames() {
        return coefficientNames;
    }

    /**
     * The residual group names, in residual order.
     *
     * @return a new list of the group names
     */
    public List<String> groupNames() {
        List<String> out = new ArrayList<>();
        groups.forEach(g -> out.add(g.name()));
        return out;
    }

    List<FieldSpec> fields() {
        return fields;
    }

    List<GroupSpec> groups() {
        return groups;
    }

    /** Reference values of field f at the points, or null without a reference. */
    double[] reference(int f, double[] points) {
        int count = points.length / dimension;
        Field e = exact.get(f);
        if (e != null) {
            double[] out = new double[count];
            double[] x = new double[dimension];
            for (int q = 0; q < count; q++) {
                System.arraycopy(points, q * dimension, x, 0, dimension);
                out[q] = e.value(x);
            }
            return out;
        }
        double[][] t = tables.get(f);
        if (t == null) {
            return null;
        }
        if (!Arrays.equals(t[0], points)) {
            throw new IllegalArgumentException("field '" + fieldName(f) + "' has reference values on its own "
                    + t[0].length / dimension + " points, expected those points (found " + count + " others)");
        }
        return t[1].clone();
    }

    /** Whether any field has a reference (exact solution or table). */
    boolean hasReference() {
        return !exact.isEmpty() || !tables.isEmpty();
    }

    /** The fields with a reference, in field order. */
    int[] referencedFields() {
        return java.util.stream.IntStream.range(0, fields.size())
                .filter(f -> exact.containsKey(f) || tables.containsKey(f)).toArray();
    }

    /**
     * Number of parameters: every network's, then the coefficients.
     *
     * @return the length of θ
     */
    public int parameterCount() {
        int p = coefficientStarts.length;
        for (FieldSpec f : fields) {
            p += f.net().parameterCount();
        }
        return p;
    }

    /**
     * Offset of field f's network parameters in θ.
     *
     * @param f field index, in [0, fieldCount()]; {@code fieldCount()} gives the coefficient offset
     * @return the offset of the field's first parameter
     */
    public int parameterOffset(int f) {
        int p = 0;
        for (int i = 0; i < f; i++) {
            p += fields.get(i).net().parameterCount();
        }
        return p;
    }

    /**
     * Offset of the coefficients in θ.
     *
     * @return the offset of the first coefficient, after all network parameters
     */
    public int coefficientOffset() {
        return parameterOffset(fields.size());
    }

    /**
     * The coefficients in θ (a copy).
     *
     * @param theta parameters, length {@link #parameterCount()}
     * @return a new array with the coefficients, in the order of {@link #coefficientNames()}
     * @throws IllegalArgumentException if theta has the wrong length
     */
    public double[] coefficients(double[] theta) {
        ArgumentChecks.requireLength("theta", theta, parameterCount());
        int o = coefficientOffset();
        return Arrays.copyOfRange(theta, o, o + coefficientStarts.length);
    }

    /**
     * Initial parameters: each network's initialization (seed + field index), then the coefficients' starts.
     *
     * @param seed base random seed; field f uses {@code seed + f}
     * @return a new parameter vector of length {@link #parameterCount()}
     */
    public double[] initialParameters(long seed) {
        double[] theta = new double[parameterCount()];
        for (int f = 0; f < fields.size(); f++) {
            double[] t = fields.get(f).net().initialParameters(seed + f);
            System.arraycopy(t, 0, theta, parameterOffset(f), t.length);
        }
        System.arraycopy(coefficientStarts, 0, theta, coefficientOffset(), coefficientStarts.length);
        return theta;
    }

    /**
     * The least-squares problem on the collocation points of round 0.
     *
     * @return a new problem
     */
    public PdeSystemProblem problem() {
        return new PdeSystemProblem(this, 0);
    }

    @Override
    public String toString() {
        return name + " (" + fields.size() + " fields, " + coefficientStarts.length + " coefficients, "
                + groups.size() + " groups)";
    }

    /** Builder of a {@link PdeSystem}. */
    public static final class Builder {
        private final String name;
        private final int dimension;
        private final List<FieldSpec> fields = new ArrayList<>();
        private final LinkedHashMap<String, Double> coefficients = new LinkedHashMap<>();
        private final List<GroupSpec> groups = new ArrayList<>();
        private final Map<Integer, Field> exact = new HashMap<>();
        private final Map<Integer, double[][]> tables = new HashMap<>();

        private Builder(String name, int dimension) {
            ArgumentChecks.requirePositive("dimension", dimension);
            this.name = name == null ? "pde system" : name;
            this.dimension = dimension;
        }

        /**
         * A field whose jet carries the plain Laplacian Δu.
         *
         * @param fieldName the field's name, unique in the system
         * @param net the field's network, input dimension equal to the system dimension
         * @return this builder
         * @throws IllegalArgumentException as {@link #field(String, Mlp, double[])}
         */
        public Builder field(String fieldName, Mlp net) {
            double[] ones = new double[dimension];
            Arrays.fill(ones, 1.0);
            return field(fieldName, net, ones);
        }

        /**
         * A field whose jet carries {@code Σ_i κ_i ∂²u/∂x_i²} (for example {@code κ = (ν, 0)} on {@code (x, t)} for
         * {@code ν·u_xx}).
         *
         * @param fieldName the field's name, unique in the system
         * @param net the field's network, input dimension equal to the system dimension
         * @param kappa Laplacian weights κ (length dimension, finite); copied
         * @return this builder
         * @throws IllegalArgumentException if the network's input dimension or κ's length is not the dimension, or
         *                                  the name is taken
         */
        public Builder field(String fieldName, Mlp net, double[] kappa) {
            return field(fieldName, net, kappa, null);
        }

        /**
         * A field {@code u = g + D·N} through a hard-constraint ansatz: the distance function D and the lift g of
         * {@code ansatz} (for example {@code HardConstraint.zeroDirichlet(shape)}, D from the shape's distance
         * function), the network N. The residuals see u's jet, by the product rule; the conditions the ansatz
         * satisfies need no residual group.
         *
         * @param fieldName the field's name, unique in the system, not null
         * @param net the network N, input dimension equal to the system dimension, not null
         * @param kappa Laplacian weights κ (length dimension, finite); copied
         * @param ansatz the hard constraint, or null for {@code u = N}
         * @return this builder
         * @throws IllegalArgumentException as {@link #field(String, Mlp, double[])}
         */
        public Builder field(String fieldName, Mlp net, double[] kappa, HardConstraint ansatz) {
            ArgumentChecks.requireNonNull("field name", fieldName);
            ArgumentChecks.requireNonNull("network", net);
            ArgumentChecks.requireLength("kappa", kappa, dimension);
            ArgumentChecks.requireFinite("kappa", kappa);
            ArgumentChecks.requireDimension("network input dimension", net.inputDimension(), dimension);
            for (FieldSpec f : fields) {
                if (f.name().equals(fieldName)) {
                    throw new IllegalArgumentException("field '" + fieldName + "' is already defined");
                }
            }
            fields.add(new FieldSpec(fieldName, net, kappa.clone(), ansatz));
            return this;
        }

        /**
         * An unknown scalar coefficient, fitted with the fields, starting at {@code start}.
         *
         * @param coefficientName the coefficient's name, unique, not null
         * @param start initial value, finite
         * @return this builder
         * @throws IllegalArgumentException if the name is taken or the start is not finite
         */
        public Builder coefficient(String coefficientName, double start) {
            ArgumentChecks.requireNonNull("coefficient name", coefficientName);
            if (!Double.isFinite(start)) {
                throw new IllegalArgumentException("coefficient '" + coefficientName + "' starts at " + start
                        + ", expected a finite number");
            }
            if (coefficients.put(coefficientName, start) != null) {
                throw new IllegalArgumentException("coefficient '" + coefficientName + "' is already defined");
            }
            return this;
        }

        /**
         * A residual group: the residual on the points, with weight w.
         *
         * @param groupName the group's name, for reports
         * @param weight the group's weight w, positive and finite
         * @param points the collocation points
         * @param residual the pointwise residual F of the fields' jets
         * @return this builder
         * @throws IllegalArgumentException if w is not positive and finite or an argument is null
         */
        public Builder group(String groupName, double weight, Collocation points, PointResidual residual) {
            ArgumentChecks.requireNonNull("group name", groupName);
            ArgumentChecks.requireNonNull("points", points);
            ArgumentChecks.requireNonNull("residual", residual);
            ArgumentChecks.requirePositive("weight", weight);
            groups.add(new GroupSpec(groupName, weight, points, residual));
            return this;
        }

        /**
         * The exact solution of a field, for error measurements.
         *
         * @param fieldName name of a field already defined
         * @param solution the exact solution u(x), not null
         * @return this builder
         * @throws IllegalArgumentException if the field is not defined or the solution is null
         */
        public Builder exact(String fieldName, Field solution) {
            ArgumentChecks.requireNonNull("solution", solution);
            exact.put(index(fieldName), solution);
            return this;
        }

        /**
         * Reference values of a field on fixed points (a reference solution file): errors are measured on exactly
         * these points.
         *
         * @param fieldName name of a field already defined
         * @param points the reference points, point-major, length {@code values.length · dimension}; copied
         * @param values the reference values, one per point; copied
         * @return this builder
         * @throws IllegalArgumentException on inconsistent lengths
         */
        public Builder reference(String fieldName, double[] points, double[] values) {
            if (points.length != (long) values.length * dimension) {
                throw new IllegalArgumentException("reference of '" + fieldName + "': found " + points.length
                        + " coordinates for " + values.length + " values, expected " + (long) values.length * dimension);
            }
            tables.put(index(fieldName), new double[][] {points.clone(), values.clone()});
            return this;
        }

        private int index(String fieldName) {
            for (int f = 0; f < fields.size(); f++) {
                if (fields.get(f).name().equals(fieldName)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("field '" + fieldName + "' is not defined (define it with field())");
        }

        /**
         * The system.
         *
         * @return the immutable system
         * @throws IllegalArgumentException without fields or groups
         */
        public PdeSystem build() {
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("found no fields, expected at least one");
            }
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("found no residual groups, expected at least one");
            }
            return new PdeSystem(this);
        }
    }
}
