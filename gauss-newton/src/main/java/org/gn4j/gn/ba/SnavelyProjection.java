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
        // J_X = G·R (∂P/∂X = R): the point block, and the start of the rotation block
        double p00 = g00 * r00 + g01 * r10 + g02 * r20;
        double p01 = g00 * r01 + g01 * r11 + g02 * r21;
        double p02 = g00 * r02 + g01 * r12 + g02 * r22;
        double p10 = g10 * r00 + g11 * r10 + g12 * r20;
        double p11 = g10 * r01 + g11 * r11 + g12 * r21;
        double p12 = g10 * r02 + g11 * r12 + g12 * r22;
        if (jp != null) {
            jp[jpo] = p00;
            jp[jpo + 1] = p01;
            jp[jpo + 2] = p02;
            jp[jpo + 3] = p10;
            jp[jpo + 4] = p11;
            jp[jpo + 5] = p12;
        }
        if (jc == null) {
            return;
        }
        // ∂pred/∂w = G·∂(RX)/∂w with ∂(RX)/∂w = −R[X]ₓM (M = I in the first-order form): a row h of −G·R[X]ₓ is
        // X × (row of G·R), and (first-order) X × (row of G)
        if (small) {
            jc[jo] = x1 * g02 - x2 * g01;
            jc[jo + 1] = x2 * g00 - x0 * g02;
            jc[jo + 2] = x0 * g01 - x1 * g00;
            jc[jo + 9] = x1 * g12 - x2 * g11;
            jc[jo + 10] = x2 * g10 - x0 * g12;
            jc[jo + 11] = x0 * g11 - x1 * g10;
        } else {
            double h00 = x1 * p02 - x2 * p01;
            double h01 = x2 * p00 - x0 * p02;
            double h02 = x0 * p01 - x1 * p00;
            double h10 = x1 * p12 - x2 * p11;
            double h11 = x2 * p10 - x0 * p12;
            double h12 = x0 * p11 - x1 * p10;
            // M = (wwᵀ + (Rᵀ − I)[w]ₓ)/θ²: row i is (w_i·w + e_i × w)/θ² with e_i the i-th row of Rᵀ − I
            double it2 = 1 / th2;
            double e0 = r00 - 1;
            double e1 = r10;
            double e2 = r20;
            double m00 = (w0 * w0 + e1 * w2 - e2 * w1) * it2;
            double m01 = (w0 * w1 + e2 * w0 - e0 * w2) * it2;
            double m02 = (w0 * w2 + e0 * w1 - e1 * w0) * it2;
            e0 = r01;
            e1 = r11 - 1;
            e2 = r21;
            double m10 = (w1 * w0 + e1 * w2 - e2 * w1) * it2;
            double m11 = (w1 * w1 + e2 * w0 - e0 * w2) * it2;
            double m12 = (w1 * w2 + e0 * w1 - e1 * w0) * it2;
            e0 = r02;
            e1 = r12;
            e2 = r22 - 1;
            double m20 = (w2 * w0 + e1 * w2 - e2 * w1) * it2;
            double m21 = (w2 * w1 + e2 * w0 - e0 * w2) * it2;
            double m22 = (w2 * w2 + e0 * w1 - e1 * w0) * it2;
            jc[jo] = h00 * m00 + h01 * m10 + h02 * m20;
            jc[jo + 1] = h00 * m01 + h01 * m11 + h02 * m21;
            jc[jo + 2] = h00 * m02 + h01 * m12 + h02 * m22;
            jc[jo + 9] = h10 * m00 + h11 * m10 + h12 * m20;
            jc[jo + 10] = h10 * m01 + h11 * m11 + h12 * m21;
            jc[jo + 11] = h10 * m02 + h11 * m12 + h12 * m22;
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
