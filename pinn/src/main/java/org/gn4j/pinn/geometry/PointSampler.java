package org.gn4j.pinn.geometry;

import java.util.SplittableRandom;

import org.apache.commons.math3.random.HaltonSequenceGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.gn4j.linalg.ArgumentChecks;

/**
 * Point sets in the unit cube {@code [0, 1]^d}, which the geometries map onto their interiors and faces. A sampler is
 * a pure function of {@code (count, d, round)}: {@code round} selects a fresh set for resampling every k iterations
 * (uniform: another seed; Halton and Sobol: the next {@code count} points of the sequence), so training is
 * reproducible.
 */
public abstract class PointSampler {
    private PointSampler() {
    }

    /**
     * {@code count} points, point-major ({@code count·d} numbers), in {@code [0, 1]^d}.
     *
     * @param count number of points, ≥ 0 (the grid sampler returns {@code k^d ≥ count})
     * @param d dimension of the unit cube, ≥ 1 (at most 1000 for Sobol)
     * @param round resampling round, ≥ 0; round 0 is the first set
     * @return a new point-major array of {@code count·d} numbers (for the grid, {@code k^d·d})
     * @throws IllegalArgumentException if count is negative, d not positive or round negative
     */
    public final double[] sample(int count, int d, int round) {
        ArgumentChecks.requireNonNegative("count", count);
        ArgumentChecks.requirePositive("d", d);
        ArgumentChecks.requireNonNegative("round", round);
        return generate(count, d, round);
    }

    abstract double[] generate(int count, int d, int round);

    /**
     * A short name for reports.
     *
     * @return "uniform", "halton", "sobol" or "grid"
     */
    public abstract String name();

    /** Whether the points form a tensor grid (which shapes filter as a whole rather than draw further points). */
    boolean isGrid() {
        return false;
    }

    /**
     * Independent uniform points from a seed.
     *
     * @param seed random seed; each round and dimension derive their own stream from it
     * @return a uniform sampler
     */
    public static PointSampler uniform(long seed) {
        return new PointSampler() {
            @Override
            double[] generate(int count, int d, int round) {
                SplittableRandom rnd = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (round + 1L) + 31L * d);
                double[] x = new double[count * d];
                for (int i = 0; i < x.length; i++) {
                    x[i] = rnd.nextDouble();
                }
                return x;
            }

            @Override
            public String name() {
                return "uniform";
            }
        };
    }

    /**
     * The Halton sequence (Commons Math, with its default scrambling permutations), skipping the origin.
     *
     * @return the Halton sampler; round r gives points {@code 1 + r·count …}
     */
    public static PointSampler halton() {
        return new PointSampler() {
            @Override
            double[] generate(int count, int d, int round) {
                HaltonSequenceGenerator g = new HaltonSequenceGenerator(d);
                g.skipTo(1 + round * count);
                return collect(count, d, g::nextVector);
            }

            @Override
            public String name() {
                return "halton";
            }
        };
    }

    /**
     * The Sobol sequence (Commons Math, Joe-Kuo direction numbers), skipping the origin.
     *
     * @return the Sobol sampler, for d ≤ 1000; round r gives points {@code 1 + r·count …}
     */
    public static PointSampler sobol() {
        return new PointSampler() {
            @Override
            double[] generate(int count, int d, int round) {
                if (d > 1000) {
                    throw new IllegalArgumentException("Sobol dimension is " + d + ", expected <= 1000");
                }
                SobolSequenceGenerator g = new SobolSequenceGenerator(d);
                g.skipTo(1 + round * count);
                return collect(count, d, g::nextVector);
            }

            @Override
            public String name() {
                return "sobol";
            }
        };
    }

    /**
     * A tensor grid of cell midpoints, {@code k = ⌈count^{1/d}⌉} per axis (so it returns {@code k^d >= count} points),
     * shifted by a fraction of a cell per round. Midpoints keep grid points off the boundary.
     *
     * @return the grid sampler
     */
    public static PointSampler grid() {
        return new PointSampler() {
            @Override
            double[] generate(int count, int d, int round) {
                int k = perAxis(count, d);
                double shift = round == 0 ? 0.5 : (0.5 + 0.37 * round) % 1.0;
                return tensorGrid(k, d, shift);
            }

            @Override
            public String name() {
                return "grid";
            }

            @Override
            boolean isGrid() {
                return true;
            }
        };
    }

    /**
     * Points per axis of a grid with at least {@code count} points in d dimensions.
     *
     * @param count wanted number of points, ≥ 0
     * @param d dimension, ≥ 1
     * @return the smallest k ≥ 1 with {@code k^d ≥ count}
     */
    public static int perAxis(int count, int d) {
        int k = (int) Math.max(1, Math.round(Math.pow(count, 1.0 / d)));
        while (Math.pow(k, d) < count) {
            k++;
        }
        return k;
    }

    /**
     * The tensor grid {@code ((i + shift)/k)} for i &lt; k on every axis, point-major, first axis slowest.
     *
     * @param k points per axis, ≥ 1
     * @param d dimension, ≥ 1
     * @param shift offset within a cell, in [0, 1) (0.5 gives cell midpoints)
     * @return a new point-major array of {@code k^d} points, length {@code d·k^d}
     */
    public static double[] tensorGrid(int k, int d, double shift) {
        int total = (int) Math.pow(k, d);
        double[] x = new double[total * d];
        int[] idx = new int[d];
        for (int p = 0; p < total; p++) {
            for (int i = 0; i < d; i++) {
                x[p * d + i] = (idx[i] + shift) / k;
            }
            for (int i = d - 1; i >= 0; i--) {
                if (++idx[i] < k) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return x;
    }

    private interface Next {
        double[] next();
    }

    private static double[] collect(int count, int d, Next g) {
        double[] x = new double[count * d];
        for (int p = 0; p < count; p++) {
            System.arraycopy(g.next(), 0, x, p * d, d);
        }
        return x;
    }
}
