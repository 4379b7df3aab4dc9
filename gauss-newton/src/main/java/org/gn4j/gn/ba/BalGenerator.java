package org.gn4j.gn.ba;

import java.util.SplittableRandom;

import org.gn4j.linalg.ArgumentChecks;

/**
 * Synthetic BAL problems of any size from a random scene: points drawn from a Gaussian cloud (unit standard deviation)
 * around the origin, cameras evenly spaced on a ring of radius {@value #RING_RADIUS} around it (heights ±0.5 at
 * random), each looking at the origin with focal length about {@value #FOCAL} pixels and small radial distortion. Each
 * point is seen by {@code viewsPerPoint} consecutive cameras of the ring starting at a random one; its observations are
 * the exact projections plus Gaussian pixel noise of standard deviation {@code pixelNoise}. The start written into the
 * problem is the true scene perturbed: rotations by {@code rotationSigma} radians per axis, translations and points by
 * {@code positionSigma} scene units per coordinate, focal lengths by 1 % ({@code focalSigma}), distortions left alone.
 * Everything follows from the seed. Immutable: {@code with…} methods return new generators.
 */
public final class BalGenerator {
    /** Radius of the camera ring (scene units). */
    public static final double RING_RADIUS = 6;
    /** Mean focal length (pixels). */
    public static final double FOCAL = 800;

    private final int cameras;
    private final int points;
    private final int viewsPerPoint;
    private final double pixelNoise;
    private final double rotationSigma;
    private final double positionSigma;
    private final double focalSigma;
    private final long seed;

    /**
     * A generator with 0.5 pixel noise, 5 views per point and start perturbations 0.002 rad, 0.02 units and 1 %.
     *
     * @param cameras number of cameras, ≥ 2
     * @param points  number of points, ≥ 1
     * @param seed    random seed
     * @throws IllegalArgumentException if a count is out of range
     */
    public BalGenerator(int cameras, int points, long seed) {
        this(cameras, points, Math.min(5, cameras), 0.5, 0.002, 0.02, 0.01, seed);
    }

    private BalGenerator(int cameras, int points, int viewsPerPoint, double pixelNoise, double rotationSigma,
            double positionSigma, double focalSigma, long seed) {
        if (cameras < 2) {
            throw new IllegalArgumentException("cameras is " + cameras + ", expected at least 2");
        }
        ArgumentChecks.requirePositive("points", points);
        if (viewsPerPoint < 2 || viewsPerPoint > cameras) {
            throw new IllegalArgumentException("viewsPerPoint is " + viewsPerPoint + ", expected a value in [2, "
                    + cameras + "] (each point must be seen by at least two cameras)");
        }
        ArgumentChecks.requireNonNegative("pixelNoise", pixelNoise);
        ArgumentChecks.requireNonNegative("rotationSigma", rotationSigma);
        ArgumentChecks.requireNonNegative("positionSigma", positionSigma);
        ArgumentChecks.requireNonNegative("focalSigma", focalSigma);
        this.cameras = cameras;
        this.points = points;
        this.viewsPerPoint = viewsPerPoint;
        this.pixelNoise = pixelNoise;
        this.rotationSigma = rotationSigma;
        this.positionSigma = positionSigma;
        this.focalSigma = focalSigma;
        this.seed = seed;
    }

    /**
     * Cameras that see each point (2 ≤ v ≤ cameras), so observations = points · v.
     *
     * @param v the views per point, in [2, cameras]
     * @return a new generator with this setting, the others unchanged
     * @throws IllegalArgumentException if v is outside [2, cameras]
     */
    public BalGenerator withViewsPerPoint(int v) {
        return new BalGenerator(cameras, points, v, pixelNoise, rotationSigma, positionSigma, focalSigma, seed);
    }

    /**
     * Standard deviation of the pixel noise of the observations.
     *
     * @param sigma the standard deviation in pixels, finite and ≥ 0
     * @return a new generator with this setting, the others unchanged
     * @throws IllegalArgumentException if sigma is negative or not finite
     */
    public BalGenerator withPixelNoise(double sigma) {
        return new BalGenerator(cameras, points, viewsPerPoint, sigma, rotationSigma, positionSigma, focalSigma, seed);
    }

    /**
     * Standard deviations of the start's perturbation: rotation (rad), position (scene units), relative focal length.
     *
     * @param rotation the rotation standard deviation in radians, ≥ 0
     * @param position the position standard deviation in scene units, ≥ 0
     * @param focal the relative focal-length standard deviation, ≥ 0
     * @return a new generator with this setting, the others unchanged
     * @throws IllegalArgumentException if a deviation is negative or not finite
     */
    public BalGenerator withPerturbation(double rotation, double position, double focal) {
        return new BalGenerator(cameras, points, viewsPerPoint, pixelNoise, rotation, position, focal, seed);
    }

    /**
     * Number of observations the generated problem has.
     *
     * @return points · views per point
     */
    public long observations() {
        return (long) points * viewsPerPoint;
    }

    /**
     * The true scene (cameras then points), as the parameter vector of a problem.
     *
     * @return a new vector of {@code 9C + 3P} true parameters
     */
    public double[] truth() {
        return scene(new SplittableRandom(seed));
    }

    private double[] scene(SplittableRandom rnd) {
        double[] x = new double[9 * cameras + 3 * points];
        for (int c = 0; c < cameras; c++) {
            double phi = 2 * Math.PI * c / cameras;
            double[] centre = {RING_RADIUS * Math.sin(phi), rnd.nextDouble(-0.5, 0.5), RING_RADIUS * Math.cos(phi)};
            // rows of R: x and y axes of the image, z pointing away from the scene (the camera looks along −z)
            double[] z = normalize(centre);
            double[] xa = normalize(cross(new double[] {0, 1, 0}, z));
            double[] ya = cross(z, xa);
            double[] r = {xa[0], xa[1], xa[2], ya[0], ya[1], ya[2], z[0], z[1], z[2]};
            double[] w = angleAxis(r);
            int o = 9 * c;
            System.arraycopy(w, 0, x, o, 3);
            for (int i = 0; i < 3; i++) {
                x[o + 3 + i] = -(r[3 * i] * centre[0] + r[3 * i + 1] * centre[1] + r[3 * i + 2] * centre[2]);
            }
            x[o + 6] = FOCAL * (1 + 0.05 * rnd.nextDouble(-1, 1));
            x[o + 7] = 0.05 + 0.02 * rnd.nextDouble(-1, 1);
            x[o + 8] = 0.01 * rnd.nextDouble(-1, 1);
        }
        int off = 9 * cameras;
        for (int p = 0; p < points; p++) {
            for (int i = 0; i < 3; i++) {
                x[off + 3 * p + i] = gaussian(rnd);
            }
        }
        return x;
    }

    /**
     * Generates the problem: observations of the true scene with noise, and the perturbed start as its parameters.
     *
     * @return a new problem, the same for the same settings and seed
     * @throws IllegalArgumentException if the problem would have more than {@code 2³¹ − 1} observations
     */
    public BalProblem generate() {
        if (observations() > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("points * viewsPerPoint is " + observations()
                    + ", expected at most " + Integer.MAX_VALUE / 2);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] truth = scene(rnd);
        int k = (int) observations();
        int[] cam = new int[k];
        int[] pt = new int[k];
        double[] xy = new double[2 * k];
        double[] r = new double[2];
        int off = 9 * cameras;
        int o = 0;
        for (int p = 0; p < points; p++) {
            int first = rnd.nextInt(cameras);
            for (int v = 0; v < viewsPerPoint; v++) {
                int c = (first + v) % cameras;
                cam[o] = c;
                pt[o] = p;
                SnavelyProjection.evaluate(truth, 9 * c, truth, off + 3 * p, 0, 0, r, 0, null, 0, null, 0);
                xy[2 * o] = r[0] + pixelNoise * gaussian(rnd);
                xy[2 * o + 1] = r[1] + pixelNoise * gaussian(rnd);
                o++;
            }
        }
        double[] start = truth.clone();
        for (int c = 0; c < cameras; c++) {
            int co = 9 * c;
            for (int i = 0; i < 3; i++) {
                start[co + i] += rotationSigma * gaussian(rnd);
                start[co + 3 + i] += positionSigma * gaussian(rnd);
            }
            start[co + 6] *= 1 + focalSigma * gaussian(rnd);
        }
        for (int j = off; j < start.length; j++) {
            start[j] += positionSigma * gaussian(rnd);
        }
        return new BalProblem(cameras, points, cam, pt, xy, start);
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller (one of the pair)
        double u = 1 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] normalize(double[] a) {
        double n = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        return new double[] {a[0] / n, a[1] / n, a[2] / n};
    }

    /**
     * The angle-axis vector of a rotation matrix (row-major), through the unit quaternion (Shepperd's choice of the
     * largest component), so that angles near π are exact too.
     */
    static double[] angleAxis(double[] r) {
        double tr = r[0] + r[4] + r[8];
        double qw;
        double qx;
        double qy;
        double qz;
        if (tr >= r[0] && tr >= r[4] && tr >= r[8]) {
            double s = 2 * Math.sqrt(1 + tr);
            qw = s / 4;
            qx = (r[7] - r[5]) / s;
            qy = (r[2] - r[6]) / s;
            qz = (r[3] - r[1]) / s;
        } else if (r[0] >= r[4] && r[0] >= r[8]) {
            double s = 2 * Math.sqrt(1 + r[0] - r[4] - r[8]);
            qw = (r[7] - r[5]) / s;
            qx = s / 4;
            qy = (r[1] + r[3]) / s;
            qz = (r[2] + r[6]) / s;
        } else if (r[4] >= r[8]) {
            double s = 2 * Math.sqrt(1 + r[4] - r[0] - r[8]);
            qw = (r[2] - r[6]) / s;
            qx = (r[1] + r[3]) / s;
            qy = s / 4;
            qz = (r[5] + r[7]) / s;
        } else {
            double s = 2 * Math.sqrt(1 + r[8] - r[0] - r[4]);
            qw = (r[3] - r[1]) / s;
            qx = (r[2] + r[6]) / s;
            qy = (r[5] + r[7]) / s;
            qz = s / 4;
        }
        if (qw < 0) {
            qw = -qw;
            qx = -qx;
            qy = -qy;
            qz = -qz;
        }
        double sn = Math.sqrt(qx * qx + qy * qy + qz * qz);
        if (sn == 0) {
            return new double[3];
        }
        double angle = 2 * Math.atan2(sn, qw);
        return new double[] {qx / sn * angle, qy / sn * angle, qz / sn * angle};
    }
}
