package org.gn4j.gn.ba;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.solvers.schur.SchurLayout;

/**
 * A bundle-adjustment problem in the BAL layout (Bundle Adjustment in the Large): C cameras of
 * {@value SnavelyProjection#CAMERA_SIZE} parameters, P points of {@value SnavelyProjection#POINT_SIZE}, K observations
 * (camera, point, observed x, y) and the parameter vector {@code [camera 0, …, camera C−1, point 0, …, point P−1]} of
 * length {@code 9C + 3P} (the start of a fit). Residuals are ordered by observation, two each. Immutable.
 */
public final class BalProblem {
    private final int cameras;
    private final int points;
    private final int[] cameraOf;
    private final int[] pointOf;
    private final double[] observed;
    private final double[] parameters;
    private SchurLayout layout;

    /**
     * @param cameras    number of cameras C ≥ 1
     * @param points     number of points P ≥ 1
     * @param cameraOf   camera index of each observation (copied)
     * @param pointOf    point index of each observation (copied, same length)
     * @param observed   observed (x, y) of each observation, length 2K (copied)
     * @param parameters cameras then points, length 9C + 3P (copied)
     * @throws IllegalArgumentException if a length or an index is wrong or a value is not finite
     */
    public BalProblem(int cameras, int points, int[] cameraOf, int[] pointOf, double[] observed, double[] parameters) {
        ArgumentChecks.requirePositive("cameras", cameras);
        ArgumentChecks.requirePositive("points", points);
        ArgumentChecks.requireNonNull("cameraOf", cameraOf);
        ArgumentChecks.requireNonNull("pointOf", pointOf);
        if (pointOf.length != cameraOf.length) {
            throw new IllegalArgumentException("pointOf has length " + pointOf.length
                    + ", expected the number of observations " + cameraOf.length);
        }
        ArgumentChecks.requireLength("observed", observed, 2 * cameraOf.length);
        ArgumentChecks.requireLength("parameters", parameters,
                SnavelyProjection.CAMERA_SIZE * cameras + SnavelyProjection.POINT_SIZE * points);
        ArgumentChecks.requireFinite("observed", observed);
        ArgumentChecks.requireFinite("parameters", parameters);
        for (int k = 0; k < cameraOf.length; k++) {
            if (cameraOf[k] < 0 || cameraOf[k] >= cameras) {
                throw new IllegalArgumentException("observation " + k + " has camera " + cameraOf[k]
                        + ", expected a camera in [0, " + cameras + ")");
            }
            if (pointOf[k] < 0 || pointOf[k] >= points) {
                throw new IllegalArgumentException("observation " + k + " has point " + pointOf[k]
                        + ", expected a point in [0, " + points + ")");
            }
        }
        this.cameras = cameras;
        this.points = points;
        this.cameraOf = cameraOf.clone();
        this.pointOf = pointOf.clone();
        this.observed = observed.clone();
        this.parameters = parameters.clone();
    }

    /**
     * Number of cameras C.
     *
     * @return the number of cameras C
     */
    public int cameras() {
        return cameras;
    }

    /**
     * Number of points P.
     *
     * @return the number of points P
     */
    public int points() {
        return points;
    }

    /**
     * Number of observations K.
     *
     * @return the number of observations K
     */
    public int observations() {
        return cameraOf.length;
    }

    /**
     * Number of parameters {@code 9C + 3P}.
     *
     * @return {@code 9C + 3P}
     */
    public int parameterCount() {
        return parameters.length;
    }

    /**
     * Number of residuals {@code 2K}.
     *
     * @return {@code 2K}
     */
    public int residualCount() {
        return 2 * cameraOf.length;
    }

    /**
     * Offset of the points in the parameter vector, {@code 9C}.
     *
     * @return {@code 9C}, the index of the first point coordinate
     */
    public int pointOffset() {
        return SnavelyProjection.CAMERA_SIZE * cameras;
    }

    /**
     * Camera of observation k.
     *
     * @param k the observation index, 0 ≤ k &lt; K
     * @return the camera index, in [0, C)
     */
    public int cameraOf(int k) {
        return cameraOf[k];
    }

    /**
     * Point of observation k.
     *
     * @param k the observation index, 0 ≤ k &lt; K
     * @return the point index, in [0, P)
     */
    public int pointOf(int k) {
        return pointOf[k];
    }

    /**
     * Observed x of observation k.
     *
     * @param k the observation index, 0 ≤ k &lt; K
     * @return the observed image x coordinate
     */
    public double observedX(int k) {
        return observed[2 * k];
    }

    /**
     * Observed y of observation k.
     *
     * @param k the observation index, 0 ≤ k &lt; K
     * @return the observed image y coordinate
     */
    public double observedY(int k) {
        return observed[2 * k + 1];
    }

    /**
     * A copy of the parameter vector (the start).
     *
     * @return a new array of {@code 9C + 3P} parameters: C camera blocks of 9, then P points of 3
     */
    public double[] parameters() {
        return parameters.clone();
    }

    /**
     * The same observations with another parameter vector (a fitted result, say).
     *
     * @param x the parameter vector, length {@code 9C + 3P}
     * @return a new problem with the same observations
     */
    public BalProblem withParameters(double[] x) {
        return new BalProblem(cameras, points, cameraOf, pointOf, observed, x);
    }

    /**
     * The Jacobian's two-block structure: cameras (9 columns) reduced, points (3 columns) eliminated, 2 rows each.
     *
     * @return the block layout, built on the first call and cached
     */
    public synchronized SchurLayout layout() {
        if (layout == null) {
            layout = new SchurLayout(cameras, SnavelyProjection.CAMERA_SIZE, points, SnavelyProjection.POINT_SIZE, 2,
                    cameraOf, pointOf);
        }
        return layout;
    }

    /**
     * The residuals at x (length 2K) into out and the cost {@code ½‖r‖²}.
     *
     * @param x the parameters, length {@code 9C + 3P}
     * @param out receives the 2K residuals, overwritten
     * @return the cost ½‖r‖²
     * @throws IllegalArgumentException if a length is wrong
     */
    public double residuals(double[] x, double[] out) {
        ArgumentChecks.requireLength("x", x, parameters.length);
        ArgumentChecks.requireLength("out", out, 2 * cameraOf.length);
        int off = pointOffset();
        double s = 0;
        for (int k = 0; k < cameraOf.length; k++) {
            SnavelyProjection.evaluate(x, 9 * cameraOf[k], x, off + 3 * pointOf[k], observed[2 * k],
                    observed[2 * k + 1], out, 2 * k, null, 0, null, 0);
            s += out[2 * k] * out[2 * k] + out[2 * k + 1] * out[2 * k + 1];
        }
        return 0.5 * s;
    }
}
