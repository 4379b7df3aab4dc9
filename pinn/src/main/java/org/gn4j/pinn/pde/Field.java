package org.gn4j.pinn.pde;

/** A scalar function of a point (source terms, boundary data, exact solutions). */
@FunctionalInterface
public interface Field {
    /** The value at x (length = the domain's dimension; read only). */
    double value(double[] x);

    /** The zero field. */
    static Field zero() {
        return x -> 0;
    }
}
