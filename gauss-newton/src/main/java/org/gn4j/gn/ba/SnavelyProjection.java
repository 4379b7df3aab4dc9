package org.gn4j.gn.ba;

/**
 * The camera model of the BAL files and of Ceres's {@code bundle_adjuster} ({@code SnavelyReprojectionError}): a
 * camera has 9 parameters, angle-axis rotation w (3), translation t (3), focal length f and radial distortion k1, k2;
 * a point X has 3. The prediction is
 * <pre>
 *   P = R(w)·X + t,   p = −(P_x, P_y) / P_z,   d = 1 + k1·‖p‖² + k2·‖p‖⁴,   predicted = f·d·p
 * </pre>
 * and the residual is {@code predicted − observed} (2 values). R(w) is Rodrigues' rotation by the angle ‖w‖ about
 * w/‖w‖, and for {@code ‖w‖² <= ε} its first-order form {@code X + w × X} (as Ceres's {@code AngleAxisRotatePoint}).
 * Derivatives are analytic: {@code ∂(R X)/∂w = −R[X]ₓ(wwᵀ + (Rᵀ − I)[w]ₓ)/‖w‖²} (Gallego and Yezzi's formula;
 * {@code −[X]ₓ} in the first-order form), {@code ∂P/∂t = I}, {@code ∂P/∂X = R}.
 */
public final class SnavelyProjection {
    /** Parameters per camera. */
    public static final int CAMERA_SIZE = 9;
    /** Parameters per point. */
    public static final int POINT_SIZE = 3;
    private static final double EPS = Math.ulp(1.0);

    private SnavelyProjection() {
    }

    /**
     * The residual of one observation and, optionally, its Jacobian blocks.
     *
     * @param cam  camera parameters at {@code cam[co..co+9)}
     * @param co   offset of the camera's 9 parameters in cam
     * @param pt   point at {@code pt[po..po+3)}
     * @param po   offset of the point's 3 coordinates in pt
     * @param ox   observed x
     * @param oy   observed y
     * @param res  the 2 residuals into {@code res[ro], res[ro+1]}
     * @param ro   offset into res
     * @param jc   the 2×9 camera block (row-major) into {@code jc[jo..jo+18)}, or null for none
     * @param jo   offset into jc
     * @param jp   the 2×3 point block (row-major) into {@code jp[jpo..jpo+6)}, or null for none
     * @param jpo  offset into jp
     */
    public static void evaluate(double[] cam, int co, double[] pt, int po, double ox, double oy, double[] res, int ro,
            double[] jc, int jo, double[] jp, int jpo) {
        double w0 = cam[co];
        double w1 = cam[co + 1];
        double w2 = cam[co + 2];
        double x0 = pt[po];
        double x1 = pt[po + 1];
        double x2 = pt[po + 2];
        double th2 = w0 * w0 + w1 * w1 + w2 * w2;
        // R (row-major) and R·X
        double r00;
        double r01;
        double r02;
        double r10;
        double r11;
        double r12;
        double r20;
        double r21;
        double r22;
        boolean small = !(th2 > EPS);
        if (!small) {
            double th = Math.sqrt(th2);
            double c = Math.cos(th);
            double s = Math.sin(th);
            double k0 = w0 / th;
            double k1 = w1 / th;
            double k2 = w2 / th;
            double oc = 1 - c;
            r00 = c + oc * k0 * k0;
            r01 = oc * k0 * k1 - s * k2;
            r02 = oc * k0 * k2 + s * k1;
            r10 = oc * k1 * k0 + s * k2;
            r11 = c + oc * k1 * k1;
            r12 = oc * k1 * k2 - s * k0;
            r20 = oc * k2 * k0 - s * k1;
            r21 = oc * k2 * k1 + s * k0;
            r22 = c + oc * k2 * k2;
        } else {
            r00 = 1;
            r01 = -w2;
            r02 = w1;
            r10 = w2;
            r11 = 1;
            r12 = -w0;
            r20 = -w1;
            r21 = w0;
            r22 = 1;
        }
        double px = r00 * x0 + r01 * x1 + r02 * x2 + cam[co + 3];
        double py = r10 * x0 + r11 * x1 + r12 * x2 + cam[co + 4];
        double pz = r20 * x0 + r21 * x1 + r22 * x2 + cam[co + 5];
        double xp = -px / pz;
        double yp = -py / pz;
        double f = cam[co + 6];
        double l1 = cam[co + 7];
        double l2 = cam[co + 8];
        double r2 = xp * xp + yp * yp;
        double dist = 1 + r2 * (l1 + l2 * r2);
        res[ro] = f * dist * xp - ox;
        res[ro + 1] = f * dist * yp - oy;
        if (jc == null && jp == null) {
            return;
        }
        // ∂(pred)/∂(xp, yp)
        double dd = 2 * (l1 + 2 * l2 * r2); // ∂dist/∂xp = dd·xp
        double a00 = f * (dist + xp * dd * xp);
        double a01 = f * xp * dd * yp;
        double a10 = f * yp * dd * xp;
        double a11 = f * (dist + yp * dd * yp);
        // ∂(xp, yp)/∂P = [[−1/pz, 0, px/pz²], [0, −1/pz, py/pz²]]; G = ∂pred/∂P (2×3)
        double iz = 1 / pz;
        double g00 = -a00 * iz;
        double g01 = -a01 * iz;
        double g02 = (a00 * px + a01 * py) * iz * iz;
        double g10 = -a10 * iz;
        double g11 = -a11 * iz;
        double g12 = (a10 * px + a11 * py) * iz * iz;
        if (jp != null) {
            // ∂P/∂X = R
            jp[jpo] = g00 * r00 + g01 * r10 + g02 * r20;
            jp[jpo + 1] = g00 * r01 + g01 * r11 + g02 * r21;
            jp[jpo + 2] = g00 * r02 + g01 * r12 + g02 * r22;
            jp[jpo + 3] = g10 * r00 + g11 * r10 + g12 * r20;
            jp[jpo + 4] = g10 * r01 + g11 * r11 + g12 * r21;
            jp[jpo + 5] = g10 * r02 + g11 * r12 + g12 * r22;
        }
        if (jc == null) {
            return;
        }
        // ∂(R X)/∂w (3×3, row-major in m)
        double[] m = new double[9];
        if (small) {
            // −[X]ₓ
            m[0] = 0;
            m[1] = x2;
            m[2] = -x1;
            m[3] = -x2;
            m[4] = 0;
            m[5] = x0;
            m[6] = x1;
            m[7] = -x0;
            m[8] = 0;
        } else {
            // M = (wwᵀ + (Rᵀ − I)[w]ₓ) / θ²
            double[] wx = {0, -w2, w1, w2, 0, -w0, -w1, w0, 0};
            double[] rtI = {r00 - 1, r10, r20, r01, r11 - 1, r21, r02, r12, r22 - 1};
            double[] ww = {w0, w1, w2};
            double[] mm = new double[9];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double s = ww[i] * ww[j];
                    for (int q = 0; q < 3; q++) {
                        s += rtI[i * 3 + q] * wx[q * 3 + j];
                    }
                    mm[i * 3 + j] = s / th2;
                }
            }
            // −R[X]ₓ
            double[] xx = {0, -x2, x1, x2, 0, -x0, -x1, x0, 0};
            double[] rr = {r00, r01, r02, r10, r11, r12, r20, r21, r22};
            double[] rx = new double[9];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double s = 0;
                    for (int q = 0; q < 3; q++) {
                        s += rr[i * 3 + q] * xx[q * 3 + j];
                    }
                    rx[i * 3 + j] = -s;
                }
            }
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double s = 0;
                    for (int q = 0; q < 3; q++) {
                        s += rx[i * 3 + q] * mm[q * 3 + j];
                    }
                    m[i * 3 + j] = s;
                }
            }
        }
        for (int j = 0; j < 3; j++) {
            jc[jo + j] = g00 * m[j] + g01 * m[3 + j] + g02 * m[6 + j];
            jc[jo + 9 + j] = g10 * m[j] + g11 * m[3 + j] + g12 * m[6 + j];
        }
        // ∂P/∂t = I
        jc[jo + 3] = g00;
        jc[jo + 4] = g01;
        jc[jo + 5] = g02;
        jc[jo + 12] = g10;
        jc[jo + 13] = g11;
        jc[jo + 14] = g12;
        // focal, k1, k2
        jc[jo + 6] = dist * xp;
        jc[jo + 7] = f * r2 * xp;
        jc[jo + 8] = f * r2 * r2 * xp;
        jc[jo + 15] = dist * yp;
        jc[jo + 16] = f * r2 * yp;
        jc[jo + 17] = f * r2 * r2 * yp;
    }
}
