package org.gn4j.pinn.pde;

/**
 * What a {@link PointResidual} sees at one collocation point: the coordinates, the outward normal (boundary groups),
 * the group's data values at the point, and for each field of the {@link PdeSystem} its jet (value, first derivatives,
 * the field's weighted Laplacian) and the unknown coefficients, as {@link Dual} numbers.
 */
public interface Jets {
    /**
     * Number of coordinates (for a space-time problem the last one is time).
     *
     * @return the dimension n of the point
     */
    int dimension();

    /**
     * Coordinate i of the point.
     *
     * @param i coordinate index, in [0, dimension())
     * @return the coordinate
     */
    double x(int i);

    /**
     * Component i of the outward unit normal at a boundary point (0 for points without a normal).
     *
     * @param i coordinate index, in [0, dimension())
     * @return the normal component
     */
    double normal(int i);

    /**
     * Data value k of the point (observations, boundary values), as given to the group.
     *
     * @param k data column, in [0, number of the group's data columns)
     * @return the data value
     * @throws IllegalArgumentException if the group has fewer data columns
     */
    double data(int k);

    /**
     * The value of field f.
     *
     * @param field field index, in the order the fields were added to the system
     * @return the field's value, with its derivatives with respect to the point's variables
     */
    Dual u(int field);

    /**
     * {@code ∂u_f/∂x_i}.
     *
     * @param field field index
     * @param i coordinate index, in [0, dimension())
     * @return the first derivative of the field along coordinate i
     */
    Dual d(int field, int i);

    /**
     * The weighted Laplacian {@code Σ_i κ_i ∂²u_f/∂x_i²} of field f, with the field's weights κ.
     *
     * @param field field index
     * @return the weighted Laplacian
     */
    Dual lap(int field);

    /**
     * {@code ∇u_f · n}, the outward normal derivative (Neumann and Robin conditions).
     *
     * @param field field index
     * @return the normal derivative (0 at points without a normal)
     */
    Dual normalDerivative(int field);

    /**
     * Unknown coefficient k.
     *
     * @param k coefficient index, in the order the coefficients were added to the system
     * @return the coefficient's current value, as a variable
     */
    Dual coefficient(int k);
}
