package org.gn4j.gn.sparse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gn4j.solvers.sparse.CsrMatrix;

/**
 * Builds a {@link SparseLeastSquaresProblem} the way Ceres's {@code Problem::AddResidualBlock} does: parameters come
 * in blocks (a camera, a point), each residual block is a small cost function of a few parameter blocks that gives
 * its residuals and its dense Jacobian with respect to each of its blocks. The problem's parameter vector is the
 * concatenation of the blocks in the order they were added, its residuals the residual blocks in order; the
 * Jacobian pattern is the union of the blocks each residual block touches.
 */
public final class ResidualBlocks {
    /** A residual block's cost function (Ceres's {@code CostFunction}). */
    @FunctionalInterface
    public interface CostFunction {
        /**
         * @param parameters the values of each parameter block of the residual block (read only)
         * @param residuals  output, the block's residuals
         * @param jacobians  null when only residuals are wanted; else {@code jacobians[b]} is the row-major
         *                   residuals × (size of block b) Jacobian to fill
         */
        void evaluate(double[][] parameters, double[] residuals, double[][] jacobians);
    }

    private final List<Integer> blockSizes = new ArrayList<>();
    private final List<Integer> blockOffsets = new ArrayList<>();
    private final List<CostFunction> functions = new ArrayList<>();
    private final List<int[]> blocksOf = new ArrayList<>();
    private final List<Integer> residualCounts = new ArrayList<>();
    private int parameters;
    private int residuals;

    /**
     * Adds a parameter block of {@code size} parameters; returns its id.
     *
     * @param size the number of parameters in the block, ≥ 1
     * @return the block id, 0 for the first block and counting up
     * @throws IllegalArgumentException if size is not positive
     */
    public int addParameterBlock(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("parameter block size is " + size + ", expected >= 1");
        }
        blockSizes.add(size);
        blockOffsets.add(parameters);
        parameters += size;
        return blockSizes.size() - 1;
    }

    /**
     * Adds a residual block of {@code count} residuals depending on the given parameter blocks.
     *
     * @param f computes the block's residuals and their Jacobian; not {@code null}
     * @param count the number of residuals, ≥ 1
     * @param blocks the ids of the parameter blocks it depends on, each at most once
     * @return this builder
     * @throws IllegalArgumentException on an unknown or repeated block id, or a count that is not positive
     */
    public ResidualBlocks addResidualBlock(CostFunction f, int count, int... blocks) {
        if (f == null) {
            throw new IllegalArgumentException("cost function must not be null");
        }
        if (count < 1) {
            throw new IllegalArgumentException("residual block size is " + count + ", expected >= 1");
        }
        if (blocks == null || blocks.length == 0) {
            throw new IllegalArgumentException("residual block has no parameter blocks, expected at least one");
        }
        for (int a = 0; a < blocks.length; a++) {
            if (blocks[a] < 0 || blocks[a] >= blockSizes.size()) {
                throw new IllegalArgumentException("parameter block id " + blocks[a] + ", expected [0, "
                        + blockSizes.size() + ")");
            }
            for (int b = 0; b < a; b++) {
                if (blocks[a] == blocks[b]) {
                    throw new IllegalArgumentException("parameter block " + blocks[a] + " is listed twice");
                }
            }
        }
        functions.add(f);
        blocksOf.add(blocks.clone());
        residualCounts.add(count);
        residuals += count;
        return this;
    }

    /**
     * Parameters so far (the sum of the block sizes).
     *
     * @return the number of parameters n
     */
    public int parameterCount() {
        return parameters;
    }

    /**
     * Residuals so far.
     *
     * @return the number of residuals m
     */
    public int residualCount() {
        return residuals;
    }

    /**
     * The problem with the analytic Jacobian from the cost functions.
     *
     * @return a new sparse problem whose Jacobian pattern follows the blocks
     * @throws IllegalArgumentException when there are no parameters
     */
    public SparseLeastSquaresProblem build() {
        int nb = functions.size();
        int[] sizes = blockSizes.stream().mapToInt(Integer::intValue).toArray();
        int[] offsets = blockOffsets.stream().mapToInt(Integer::intValue).toArray();
        int[][] blocks = blocksOf.toArray(new int[0][]);
        int[] counts = residualCounts.stream().mapToInt(Integer::intValue).toArray();
        int[] rowOffset = new int[nb + 1];
        // for each residual block: the position, within each of its rows, of parameter (block b, entry c)
        int[][] position = new int[nb][];
        int[] rowStart = new int[residuals + 1];
        int width = 0;
        int maxCount = 1;
        int maxBlocks = 1;
        for (int k = 0; k < nb; k++) {
            int[] bl = blocks[k];
            int w = 0;
            for (int b : bl) {
                w += sizes[b];
            }
            Integer[] order = new Integer[bl.length];
            for (int a = 0; a < bl.length; a++) {
                order[a] = a;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(offsets[bl[a]], offsets[bl[b]]));
            int[] pos = new int[w];
            int[] localStart = new int[bl.length];
            for (int a = 0, s = 0; a < bl.length; a++) {
                localStart[a] = s;
                s += sizes[bl[a]];
            }
            int q = 0;
            for (Integer a : order) {
                for (int c = 0; c < sizes[bl[a]]; c++) {
                    pos[localStart[a] + c] = q++;
                }
            }
            position[k] = pos;
            rowOffset[k + 1] = rowOffset[k] + counts[k];
            for (int i = rowOffset[k]; i < rowOffset[k + 1]; i++) {
                rowStart[i + 1] = rowStart[i] + w;
            }
            width = Math.max(width, w);
            maxCount = Math.max(maxCount, counts[k]);
            maxBlocks = Math.max(maxBlocks, bl.length);
        }
        int[] colIndex = new int[rowStart[residuals]];
        for (int k = 0; k < nb; k++) {
            int[] bl = blocks[k];
            for (int i = rowOffset[k]; i < rowOffset[k + 1]; i++) {
                int s = 0;
                for (int a = 0; a < bl.length; a++) {
                    for (int c = 0; c < sizes[bl[a]]; c++) {
                        colIndex[rowStart[i] + position[k][s++]] = offsets[bl[a]] + c;
                    }
                }
            }
        }
        CsrMatrix pattern = new CsrMatrix(residuals, parameters, rowStart, colIndex, new double[colIndex.length]);
        double[][] params = new double[maxBlocks][];
        double[][] jacs = new double[maxBlocks][width * maxCount];
        double[] res = new double[maxCount];
        SparseJacobianFunction jacobian = (x, values) -> {
            for (int k = 0; k < nb; k++) {
                int[] bl = blocks[k];
                double[][] pk = gather(bl, sizes, offsets, x, params);
                double[][] jk = new double[bl.length][];
                for (int a = 0; a < bl.length; a++) {
                    jk[a] = jacs[a];
                }
                functions.get(k).evaluate(pk, res, jk);
                int s = 0;
                for (int a = 0; a < bl.length; a++) {
                    int size = sizes[bl[a]];
                    for (int c = 0; c < size; c++) {
                        int pc = position[k][s++];
                        for (int r = 0; r < counts[k]; r++) {
                            values[rowStart[rowOffset[k] + r] + pc] = jk[a][r * size + c];
                        }
                    }
                }
            }
        };
        List<CostFunction> fs = List.copyOf(functions);
        org.gn4j.gn.ResidualFunction residualFunction = (x, out) -> {
            for (int k = 0; k < nb; k++) {
                double[][] pk = gather(blocks[k], sizes, offsets, x, params);
                fs.get(k).evaluate(pk, res, null);
                System.arraycopy(res, 0, out, rowOffset[k], counts[k]);
            }
        };
        return SparseLeastSquaresProblem.builder(parameters, residuals).pattern(pattern).residuals(residualFunction)
                .jacobian(jacobian).build();
    }

    private static double[][] gather(int[] bl, int[] sizes, int[] offsets, double[] x, double[][] params) {
        double[][] pk = new double[bl.length][];
        for (int a = 0; a < bl.length; a++) {
            int size = sizes[bl[a]];
            if (params[a] == null || params[a].length != size) {
                params[a] = new double[size];
            }
            System.arraycopy(x, offsets[bl[a]], params[a], 0, size);
            pk[a] = params[a];
        }
        return pk;
    }
}
