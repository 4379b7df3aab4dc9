package org.gn4j.pinn.geometry;

/**
 * One smooth piece of a primitive's boundary (a box face, a circle or sphere, a polygon edge), parameterised by the
 * unit cube {@code [0, 1]^p} so that uniform parameters give uniform points on the piece.
 */
interface Surface {
    /** Parameter dimension p; 0 for a single point (the end of an interval). */
    int parameterDimension();

    /** The (n−1)-dimensional measure of the piece (length, area; 1 for a point). */
    double measure();

    /** Maps the parameter {@code u[uOff..uOff+p)} to a point {@code x[xOff..)} with outward unit normal {@code nrm[nOff..)}. */
    void map(double[] u, int uOff, double[] x, int xOff, double[] nrm, int nOff);
}
