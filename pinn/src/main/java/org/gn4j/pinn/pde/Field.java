package org.gn4j.pinn.pde;

/** A scalar function of a point (source terms, boundary data, exact solutions). */
@FunctionalInterface
public interface Field {
    /**
     * The value at x (length = the domain's dimension; read only).
     *
     * @param x the point coordinates
     * @return the function value
     */
    double value(double[] x);

    /**
     * The zero field.
     *
     * @return a field that is 0 everywhere, in any dimension
     */
    static Field zero() {
        return x -> 0;
    }
}
