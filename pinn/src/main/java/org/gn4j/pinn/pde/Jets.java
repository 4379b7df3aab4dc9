package org.gn4j.pinn.pde;

/**
 * What a {@link PointResidual} sees at one collocation point: the coordinates, the outward normal (boundary groups),
 * the group's data values at the point, and for each field of the {@link PdeSystem} its jet (value, first derivatives,
 * the field's weighted Laplacian) and the unknown coefficients, as {@link Dual} numbers.
 */
public interface Jets {
    /** Number of coordinates (for a space-time problem the last one is time). */
    int dimension();

    /** Coordinate i of the point. */
    double x(int i);

    /** Component i of the outward unit normal at a boundary point (0 for points without a normal). */
    double normal(int i);

    /**
     * Data value k of the point (observations, boundary values), as given to the group.
     *
     * @throws IllegalArgumentException if the group has fewer data columns
     */
    double data(int k);

    /** The value of field f. */
    Dual u(int field);

    /** {@code ∂u_f/∂x_i}. */
    Dual d(int field, int i);

    /** The weighted Laplacian {@code Σ_i κ_i ∂²u_f/∂x_i²} of field f, with the field's weights κ. */
    Dual lap(int field);

    /** {@code ∇u_f · n}, the outward normal derivative (Neumann and Robin conditions). */
    Dual normalDerivative(int field);

    /** Unknown coefficient k. */
    Dual coefficient(int k);
}
