package org.gn4j.nn.layers;

import java.util.Arrays;

import org.gn4j.linalg.blas.Blas;
import org.gn4j.linalg.blas.Transpose;

/**
 * Winograd's minimal filtering F(2×2, 3×3) (Lavin and Gray, "Fast Algorithms for Convolutional Neural Networks",
 * 2016) for stride-1 3×3 convolutions: each 2×2 output tile is
 * <pre>
 *   Y = Aᵀ [ Σ_c (G g_{k,c} Gᵀ) ⊙ (Bᵀ d_c B) ] A
 * </pre>
 * with {@code d_c} the 4×4 input patch of channel c under the tile (zero outside the image) and {@code g_{k,c}} the
 * 3×3 kernel, so the 36 multiplications of the direct 2×2 tile become 16 and the sum over channels becomes one GEMM
 * per position ξ of the 4×4 transform: {@code M_ξ (K × T) = U_ξ (K × C) · V_ξ (C × T)} for T tiles, through the
 * {@link Blas} seam. The constant matrices are
 * <pre>
 *   Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1],  G = [1 0 0; ½ ½ ½; ½ −½ ½; 0 0 1],  Aᵀ = [1 1 1 0; 0 1 −1 −1]
 * </pre>
 * (entries 0, ±1, ±½: the transforms are exact up to one rounding per addition). The derivatives are the exact
 * adjoints of the same linear maps: the input cotangent is {@code B (U_ξᵀ·M̄_ξ) Bᵀ} summed over the overlapping
 * tiles, the weight gradient {@code Gᵀ (Σ_tiles M̄_ξ·V_ξᵀ) G}, with {@code M̄ = A Ȳ Aᵀ}.
 *
 * <p>Tiles are numbered over the chunk, sample by sample and row by row within a sample (an odd output size gets a
 * last tile row or column half outside the output, which is dropped), and processed in blocks of
 * {@link #tileBlock} tiles so that the transformed blocks stay in L2 between the transform writing them and the
 * GEMMs reading them. Matrices of a block: {@code V} is 16 × C × T, {@code M} 16 × K × T, {@code U} 16 × K × C (and
 * its transpose, which the vector kernel reads in place as a left operand), each position's matrix row-major and
 * contiguous, the 16 matrices {@link #spread} apart. A sample's input is first copied into zero-padded planes, so
 * every tile reads a full 4×4 patch without bounds tests; the input cotangent is summed in such planes too.
 */
final class Winograd {
    /** Doubles of the transformed blocks ({@code 16·(C + K)·T}) aimed for (512 KB, half of a Zen 4 L2). */
    static final int BLOCK_DOUBLES = 1 << 16;

    private final int c;
    private final int h;
    private final int w;
    private final int k;
    private final int pad;
    private final int ho;
    private final int wo;
    /** Tile rows and columns per sample. */
    private final int th;
    private final int tw;
    /** Tiles per sample. */
    final int tilesPerSample;
    /** Tiles per block. */
    final int tileBlock;
    /** Doubles between the 16 position matrices of V, M and U (see {@link #spread}). */
    final int vStride;
    final int mStride;
    final int uStride;
    /** Rows and columns of a zero-padded input plane: every tile's 4×4 patch lies inside. */
    private final int hp;
    private final int wp;

    Winograd(int c, int h, int w, int k, int pad, int ho, int wo, int maxBatch) {
        this.c = c;
        this.h = h;
        this.w = w;
        this.k = k;
        this.pad = pad;
        this.ho = ho;
        this.wo = wo;
        this.th = (ho + 1) / 2;
        this.tw = (wo + 1) / 2;
        this.tilesPerSample = th * tw;
        int target = Math.max(16, BLOCK_DOUBLES / (16 * (c + k)));
        int block;
        if (target >= tilesPerSample) {
            // whole samples per block
            block = (target / tilesPerSample) * tilesPerSample;
        } else {
            // a sample in equal parts, rounded up to whole vectors of tiles
            int parts = (tilesPerSample + target - 1) / target;
            block = ((tilesPerSample + parts - 1) / parts + 7) / 8 * 8;
        }
        this.tileBlock = (int) Math.min((long) tilesPerSample * maxBatch, block);
        this.vStride = spread(c * tileBlock);
        this.mStride = spread(k * tileBlock);
        this.uStride = spread(k * c);
        this.hp = 2 * th + 2;
        this.wp = 2 * tw + 2;
    }

    /**
     * A stride of at least {@code n} doubles that is an odd number of 64-byte lines: the transforms read or write the
     * 16 position matrices side by side, and with a stride of a multiple of 4 KB all 16 streams would fall into one
     * set of the 8-way L1 cache and evict each other.
     */
    static int spread(int n) {
        int lines = (n + 7) / 8;
        return 8 * (lines | 1);
    }

    /** Doubles of the per-chunk buffers {@link Buffers} allocates. */
    long bufferDoubles() {
        return 2L * 16 * vStride + 16L * mStride + 4L * 16 * uStride + 2L * c * hp * wp;
    }

    /** Per-chunk buffers. */
    static final class Buffers {
        /** {@code 16 × C × T}: the transformed input block. */
        final double[] v;
        /** {@code 16 × C × T}: the transformed tangent input, or {@code Uᵀ·M̄}. */
        final double[] v2;
        /** {@code 16 × K × T}: M or M̄. */
        final double[] m;
        /** {@code 16 × K × C}: the transformed kernels (the adjoint products' left operand). */
        final double[] u;
        /** {@code 16 × C × K}: the transformed kernels, each position's matrix transposed. */
        final double[] ut;
        /** {@code 16 × C × K}: the transformed tangent kernels, transposed. */
        final double[] u2t;
        /** {@code 16 × K × C}: the weight gradient before its transform, Σ M̄·Vᵀ. */
        final double[] ubar;
        /** 12 doubles: the 4 × 3 rows of {@code Ū·G} in {@link #kernelGradient}. */
        final double[] rows = new double[12];
        /** {@code C × hp × wp}: one sample's input, zero-padded (the border is never written). */
        final double[] plane;
        /** {@code C × hp × wp}: one sample's input cotangent, padding included, summed over the tiles. */
        final double[] planeBar;

        Buffers(Winograd g) {
            v = new double[16 * g.vStride];
            v2 = new double[16 * g.vStride];
            m = new double[16 * g.mStride];
            u = new double[16 * g.uStride];
            ut = new double[16 * g.uStride];
            u2t = new double[16 * g.uStride];
            ubar = new double[16 * g.uStride];
            plane = new double[g.c * g.hp * g.wp];
            planeBar = new double[g.c * g.hp * g.wp];
        }
    }

    // ---------------------------------------------------------------- kernels

    /**
     * {@code U_ξ[k][c] = (G g_{k,c} Gᵀ)_ξ} for the K × C·9 weights at {@code wOff}, each position's matrix K × C, or
     * C × K ({@code Uᵀ}, the forward products' left operand) when {@code transposed}.
     */
    void transformKernels(double[] weights, int wOff, double[] u, boolean transposed) {
        int kc = uStride;
        for (int o = 0; o < k; o++) {
            for (int ch = 0; ch < c; ch++) {
                int g = wOff + (o * c + ch) * 9;
                // G g: 4 × 3, column by column of g
                double a0 = weights[g];
                double a1 = weights[g + 1];
                double a2 = weights[g + 2];
                double b0 = weights[g + 3];
                double b1 = weights[g + 4];
                double b2 = weights[g + 5];
                double c0 = weights[g + 6];
                double c1 = weights[g + 7];
                double c2 = weights[g + 8];
                // rows of G·g (4 × 3)
                double r00 = a0;
                double r01 = a1;
                double r02 = a2;
                double r10 = 0.5 * (a0 + b0 + c0);
                double r11 = 0.5 * (a1 + b1 + c1);
                double r12 = 0.5 * (a2 + b2 + c2);
                double r20 = 0.5 * (a0 - b0 + c0);
                double r21 = 0.5 * (a1 - b1 + c1);
                double r22 = 0.5 * (a2 - b2 + c2);
                double r30 = c0;
                double r31 = c1;
                double r32 = c2;
                int at = transposed ? ch * k + o : o * c + ch;
                kernelRow(r00, r01, r02, u, at, kc, 0);
                kernelRow(r10, r11, r12, u, at, kc, 4);
                kernelRow(r20, r21, r22, u, at, kc, 8);
                kernelRow(r30, r31, r32, u, at, kc, 12);
            }
        }
    }

    /** Row ξ0/4 of {@code (G g) Gᵀ}: {@code (x0, ½(x0+x1+x2), ½(x0−x1+x2), x2)} at positions ξ0 … ξ0+3. */
    private static void kernelRow(double x0, double x1, double x2, double[] u, int at, int kc, int xi0) {
        u[xi0 * kc + at] = x0;
        u[(xi0 + 1) * kc + at] = 0.5 * (x0 + x1 + x2);
        u[(xi0 + 2) * kc + at] = 0.5 * (x0 - x1 + x2);
        u[(xi0 + 3) * kc + at] = x2;
    }

    /**
     * The adjoint of {@link #transformKernels}: adds {@code Gᵀ Ū_{k,c} G} (3 × 3) to the weights' gradient at
     * {@code gOff}, {@code Ū} being 16 × K × C; {@code t} is scratch of 12 doubles ({@link Buffers#rows}).
     */
    void kernelGradient(double[] ubar, double[] grad, int gOff, double[] t) {
        int kc = uStride;
        for (int o = 0; o < k; o++) {
            for (int ch = 0; ch < c; ch++) {
                int at = o * c + ch;
                // rows of Ū·G (4 × 3)
                for (int r = 0; r < 4; r++) {
                    double u0 = ubar[(4 * r) * kc + at];
                    double u1 = ubar[(4 * r + 1) * kc + at];
                    double u2 = ubar[(4 * r + 2) * kc + at];
                    double u3 = ubar[(4 * r + 3) * kc + at];
                    t[3 * r] = u0 + 0.5 * (u1 + u2);
                    t[3 * r + 1] = 0.5 * (u1 - u2);
                    t[3 * r + 2] = 0.5 * (u1 + u2) + u3;
                }
                int g = gOff + at * 9;
                for (int j = 0; j < 3; j++) {
                    double t0 = t[j];
                    double t1 = t[3 + j];
                    double t2 = t[6 + j];
                    double t3 = t[9 + j];
                    grad[g + j] += t0 + 0.5 * (t1 + t2);
                    grad[g + 3 + j] += 0.5 * (t1 - t2);
                    grad[g + 6 + j] += 0.5 * (t1 + t2) + t3;
                }
            }
        }
    }

    // ---------------------------------------------------------------- inputs

    /**
     * {@code V_ξ[c][t] = (Bᵀ d_{c,t} B)_ξ} for tiles {@code g0 … g0+nt−1} of the chunk's input {@code x}, rows of V
     * {@code nt} apart; {@code plane} is {@link Buffers#plane}, whose border this method keeps zero.
     */
    void transformInput(double[] x, int g0, int nt, double[] v, double[] plane) {
        int vs = vStride;
        int planeSize = hp * wp;
        for (int t0 = 0; t0 < nt;) {
            int gt = g0 + t0;
            int s = gt / tilesPerSample;
            int first = gt - s * tilesPerSample;
            int len = Math.min(nt - t0, tilesPerSample - first);
            // the sample's channels into the interior of the zero-padded planes
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < h; i++) {
                    System.arraycopy(x, ((s * c + ch) * h + i) * w, plane, ch * planeSize + (i + pad) * wp + pad, w);
                }
            }
            for (int ch = 0; ch < c; ch++) {
                int ti = first / tw;
                int tj = first - ti * tw;
                int at = ch * nt + t0;
                int pBase = ch * planeSize;
                for (int t = 0; t < len;) {
                    // a run of tiles along one tile row: neighbours share two columns of their patches, so each
                    // column's Bᵀ transform (rows 2ti … 2ti+3) is computed once and carried to the next tile
                    int run = Math.min(len - t, tw - tj);
                    int r0 = pBase + 2 * ti * wp + 2 * tj;
                    int r1 = r0 + wp;
                    int r2 = r1 + wp;
                    int r3 = r2 + wp;
                    // Bᵀ d on a column: (d0 − d2, d1 + d2, d2 − d1, d1 − d3)
                    double a0 = plane[r0] - plane[r2];
                    double a1 = plane[r1] + plane[r2];
                    double a2 = plane[r2] - plane[r1];
                    double a3 = plane[r1] - plane[r3];
                    double b0 = plane[r0 + 1] - plane[r2 + 1];
                    double b1 = plane[r1 + 1] + plane[r2 + 1];
                    double b2 = plane[r2 + 1] - plane[r1 + 1];
                    double b3 = plane[r1 + 1] - plane[r3 + 1];
                    for (int u = 0; u < run; u++, at++) {
                        int j = 2 * u + 2;
                        double c0 = plane[r0 + j] - plane[r2 + j];
                        double c1 = plane[r1 + j] + plane[r2 + j];
                        double c2 = plane[r2 + j] - plane[r1 + j];
                        double c3 = plane[r1 + j] - plane[r3 + j];
                        double e0 = plane[r0 + j + 1] - plane[r2 + j + 1];
                        double e1 = plane[r1 + j + 1] + plane[r2 + j + 1];
                        double e2 = plane[r2 + j + 1] - plane[r1 + j + 1];
                        double e3 = plane[r1 + j + 1] - plane[r3 + j + 1];
                        // (Bᵀ d) B: the same across the columns (a, b, c, e), for each of the 4 rows
                        v[at] = a0 - c0;
                        v[vs + at] = b0 + c0;
                        v[2 * vs + at] = c0 - b0;
                        v[3 * vs + at] = b0 - e0;
                        v[4 * vs + at] = a1 - c1;
                        v[5 * vs + at] = b1 + c1;
                        v[6 * vs + at] = c1 - b1;
                        v[7 * vs + at] = b1 - e1;
                        v[8 * vs + at] = a2 - c2;
                        v[9 * vs + at] = b2 + c2;
                        v[10 * vs + at] = c2 - b2;
                        v[11 * vs + at] = b2 - e2;
                        v[12 * vs + at] = a3 - c3;
                        v[13 * vs + at] = b3 + c3;
                        v[14 * vs + at] = c3 - b3;
                        v[15 * vs + at] = b3 - e3;
                        a0 = c0;
                        a1 = c1;
                        a2 = c2;
                        a3 = c3;
                        b0 = e0;
                        b1 = e1;
                        b2 = e2;
                        b3 = e3;
                    }
                    t += run;
                    ti++;
                    tj = 0;
                }
            }
            t0 += len;
        }
    }

    /**
     * The adjoint of {@link #transformInput}: the input cotangent {@code xb} of each sample is {@code B V̄_{c,t} Bᵀ}
     * summed over the sample's tiles, entries outside the image dropped. The tiles are summed in {@code planeBar}
     * ({@link Buffers#planeBar}), zeroed at a sample's first tile and copied into {@code xb} (overwriting it) at its
     * last, so a sample split across blocks must have its blocks come in order (they do).
     */
    void transformInputAdjoint(double[] vbar, int g0, int nt, double[] xb, double[] planeBar) {
        int vs = vStride;
        int planeSize = hp * wp;
        for (int t0 = 0; t0 < nt;) {
            int gt = g0 + t0;
            int s = gt / tilesPerSample;
            int first = gt - s * tilesPerSample;
            int len = Math.min(nt - t0, tilesPerSample - first);
            if (first == 0) {
                Arrays.fill(planeBar, 0.0);
            }
            for (int ch = 0; ch < c; ch++) {
                int ti = first / tw;
                int tj = first - ti * tw;
                int at = ch * nt + t0;
                int pBase = ch * planeSize;
                for (int t = 0; t < len;) {
                    // a run of tiles along one tile row: the last two columns of a tile's 4×4 sum overlap the first
                    // two of the next one's, so they are carried in registers and written once
                    int run = Math.min(len - t, tw - tj);
                    int r0 = pBase + 2 * ti * wp + 2 * tj;
                    int r1 = r0 + wp;
                    int r2 = r1 + wp;
                    int r3 = r2 + wp;
                    double k20 = 0;
                    double k21 = 0;
                    double k22 = 0;
                    double k23 = 0;
                    double k30 = 0;
                    double k31 = 0;
                    double k32 = 0;
                    double k33 = 0;
                    for (int u = 0; u < run; u++, at++) {
                        // B v on the rows of V̄ (rows a = 0 … 3): (v0, v1 − v2 + v3, −v0 + v1 + v2, −v3)
                        double v0 = vbar[at];
                        double v1 = vbar[vs + at];
                        double v2 = vbar[2 * vs + at];
                        double v3 = vbar[3 * vs + at];
                        double e00 = v0;
                        double e01 = v1 - v2 + v3;
                        double e02 = v1 + v2 - v0;
                        double e03 = -v3;
                        v0 = vbar[4 * vs + at];
                        v1 = vbar[5 * vs + at];
                        v2 = vbar[6 * vs + at];
                        v3 = vbar[7 * vs + at];
                        double e10 = v0;
                        double e11 = v1 - v2 + v3;
                        double e12 = v1 + v2 - v0;
                        double e13 = -v3;
                        v0 = vbar[8 * vs + at];
                        v1 = vbar[9 * vs + at];
                        v2 = vbar[10 * vs + at];
                        v3 = vbar[11 * vs + at];
                        double e20 = v0;
                        double e21 = v1 - v2 + v3;
                        double e22 = v1 + v2 - v0;
                        double e23 = -v3;
                        v0 = vbar[12 * vs + at];
                        v1 = vbar[13 * vs + at];
                        v2 = vbar[14 * vs + at];
                        v3 = vbar[15 * vs + at];
                        double e30 = v0;
                        double e31 = v1 - v2 + v3;
                        double e32 = v1 + v2 - v0;
                        double e33 = -v3;
                        // and on the columns: patch rows (e0, e1 − e2 + e3, e1 + e2 − e0, −e3)
                        int j = 2 * u;
                        planeBar[r0 + j] += e00 + k20;
                        planeBar[r1 + j] += e10 - e20 + e30 + k21;
                        planeBar[r2 + j] += e10 + e20 - e00 + k22;
                        planeBar[r3 + j] += k23 - e30;
                        planeBar[r0 + j + 1] += e01 + k30;
                        planeBar[r1 + j + 1] += e11 - e21 + e31 + k31;
                        planeBar[r2 + j + 1] += e11 + e21 - e01 + k32;
                        planeBar[r3 + j + 1] += k33 - e31;
                        k20 = e02;
                        k21 = e12 - e22 + e32;
                        k22 = e12 + e22 - e02;
                        k23 = -e32;
                        k30 = e03;
                        k31 = e13 - e23 + e33;
                        k32 = e13 + e23 - e03;
                        k33 = -e33;
                    }
                    int j = 2 * run;
                    planeBar[r0 + j] += k20;
                    planeBar[r1 + j] += k21;
                    planeBar[r2 + j] += k22;
                    planeBar[r3 + j] += k23;
                    planeBar[r0 + j + 1] += k30;
                    planeBar[r1 + j + 1] += k31;
                    planeBar[r2 + j + 1] += k32;
                    planeBar[r3 + j + 1] += k33;
                    t += run;
                    ti++;
                    tj = 0;
                }
            }
            if (first + len == tilesPerSample) {
                for (int ch = 0; ch < c; ch++) {
                    for (int i = 0; i < h; i++) {
                        System.arraycopy(planeBar, ch * planeSize + (i + pad) * wp + pad, xb,
                                ((s * c + ch) * h + i) * w, w);
                    }
                }
            }
            t0 += len;
        }
    }

    // ---------------------------------------------------------------- outputs

    /**
     * {@code Y_t = Aᵀ M_t A (+ b)} into the chunk's output {@code y} ({@code K × H' × W'} per sample) for tiles
     * {@code g0 … g0+nt−1}, {@code b} (K entries at {@code bOff}) skipped when null.
     */
    void transformOutput(double[] m, int g0, int nt, double[] y, double[] b, int bOff) {
        int kt = mStride;
        int q = ho * wo;
        for (int o = 0; o < k; o++) {
            double bias = b == null ? 0.0 : b[bOff + o];
            int s = g0 / tilesPerSample;
            int r = g0 - s * tilesPerSample;
            int ti = r / tw;
            int tj = r - ti * tw;
            for (int t = 0; t < nt; t++) {
                int at = o * nt + t;
                double m00 = m[at];
                double m01 = m[kt + at];
                double m02 = m[2 * kt + at];
                double m03 = m[3 * kt + at];
                double m10 = m[4 * kt + at];
                double m11 = m[5 * kt + at];
                double m12 = m[6 * kt + at];
                double m13 = m[7 * kt + at];
                double m20 = m[8 * kt + at];
                double m21 = m[9 * kt + at];
                double m22 = m[10 * kt + at];
                double m23 = m[11 * kt + at];
                double m30 = m[12 * kt + at];
                double m31 = m[13 * kt + at];
                double m32 = m[14 * kt + at];
                double m33 = m[15 * kt + at];
                // Aᵀ M: rows (m0 + m1 + m2, m1 − m2 − m3)
                double p0 = m00 + m10 + m20;
                double p1 = m01 + m11 + m21;
                double p2 = m02 + m12 + m22;
                double p3 = m03 + m13 + m23;
                double q0 = m10 - m20 - m30;
                double q1 = m11 - m21 - m31;
                double q2 = m12 - m22 - m32;
                double q3 = m13 - m23 - m33;
                int oh = 2 * ti;
                int ow = 2 * tj;
                int row = (s * k + o) * q + oh * wo + ow;
                boolean right = ow + 1 < wo;
                y[row] = p0 + p1 + p2 + bias;
                if (right) {
                    y[row + 1] = p1 - p2 - p3 + bias;
                }
                if (oh + 1 < ho) {
                    y[row + wo] = q0 + q1 + q2 + bias;
                    if (right) {
                        y[row + wo + 1] = q1 - q2 - q3 + bias;
                    }
                }
                if (++tj == tw) {
                    tj = 0;
                    if (++ti == th) {
                        ti = 0;
                        s++;
                    }
                }
            }
        }
    }

    /**
     * The adjoint of {@link #transformOutput}'s linear part: {@code M̄_t = A Ȳ_t Aᵀ} from the chunk's output
     * cotangent {@code yb}, entries of a tile outside the output read as zero.
     */
    void transformOutputAdjoint(double[] yb, int g0, int nt, double[] mbar) {
        int kt = mStride;
        int q = ho * wo;
        for (int o = 0; o < k; o++) {
            int s = g0 / tilesPerSample;
            int r = g0 - s * tilesPerSample;
            int ti = r / tw;
            int tj = r - ti * tw;
            for (int t = 0; t < nt; t++) {
                int oh = 2 * ti;
                int ow = 2 * tj;
                int row = (s * k + o) * q + oh * wo + ow;
                boolean right = ow + 1 < wo;
                boolean down = oh + 1 < ho;
                double y00 = yb[row];
                double y01 = right ? yb[row + 1] : 0.0;
                double y10 = down ? yb[row + wo] : 0.0;
                double y11 = right && down ? yb[row + wo + 1] : 0.0;
                // A ȳ on the columns: (y0, y0 + y1, y0 − y1, −y1)
                double a0 = y00;
                double a1 = y00 + y01;
                double a2 = y00 - y01;
                double a3 = -y01;
                double b0 = y10;
                double b1 = y10 + y11;
                double b2 = y10 - y11;
                double b3 = -y11;
                int at = o * nt + t;
                mbar[at] = a0;
                mbar[kt + at] = a1;
                mbar[2 * kt + at] = a2;
                mbar[3 * kt + at] = a3;
                mbar[4 * kt + at] = a0 + b0;
                mbar[5 * kt + at] = a1 + b1;
                mbar[6 * kt + at] = a2 + b2;
                mbar[7 * kt + at] = a3 + b3;
                mbar[8 * kt + at] = a0 - b0;
                mbar[9 * kt + at] = a1 - b1;
                mbar[10 * kt + at] = a2 - b2;
                mbar[11 * kt + at] = a3 - b3;
                mbar[12 * kt + at] = -b0;
                mbar[13 * kt + at] = -b1;
                mbar[14 * kt + at] = -b2;
                mbar[15 * kt + at] = -b3;
                if (++tj == tw) {
                    tj = 0;
                    if (++ti == th) {
                        ti = 0;
                        s++;
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- products

    /**
     * {@code M_ξ (K × nt) = U_ξ·V_ξ + β·M_ξ} for the 16 positions, from {@code ut} = {@code Uᵀ} (C × K per position:
     * a transposed left operand is read in place by the vector kernel, a plain one packed on every call).
     */
    void multiply(Blas blas, double[] ut, double[] v, int nt, double beta, double[] m) {
        for (int xi = 0; xi < 16; xi++) {
            blas.dgemm(Transpose.YES, Transpose.NO, k, nt, c, 1.0, ut, xi * uStride, k, v, xi * vStride, nt, beta, m,
                    xi * mStride, nt);
        }
    }

    /** {@code V̄_ξ (C × nt) = U_ξᵀ·M̄_ξ} for the 16 positions. */
    void multiplyAdjoint(Blas blas, double[] u, double[] mbar, int nt, double[] vbar) {
        for (int xi = 0; xi < 16; xi++) {
            blas.dgemm(Transpose.YES, Transpose.NO, c, nt, k, 1.0, u, xi * uStride, c, mbar, xi * mStride, nt, 0.0,
                    vbar, xi * vStride, nt);
        }
    }

    /**
     * {@code Ū_ξ (K × C) = M̄_ξ·V_ξᵀ + β·Ū_ξ} over tiles {@code t0 … t0+len−1} of a block of {@code nt} (rows of M̄
     * and V {@code nt} apart).
     */
    void weightProducts(Blas blas, double[] mbar, double[] v, int nt, int t0, int len, double beta, double[] ubar) {
        for (int xi = 0; xi < 16; xi++) {
            blas.dgemm(Transpose.NO, Transpose.YES, k, c, len, 1.0, mbar, xi * mStride + t0, nt, v,
                    xi * vStride + t0, nt, beta, ubar, xi * uStride, c);
        }
    }
}
