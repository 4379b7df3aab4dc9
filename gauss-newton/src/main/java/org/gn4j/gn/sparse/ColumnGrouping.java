package org.gn4j.gn.sparse;

import java.util.Arrays;

import org.gn4j.solvers.sparse.CsrMatrix;

/**
 * Curtis-Powell-Reid column groups of a sparse Jacobian pattern: columns in one group share no row (they are
 * structurally orthogonal), so one residual evaluation along the sum of their unit vectors gives every column of
 * the group. Groups come from a greedy colouring of the column intersection graph in natural column order (each
 * column takes the smallest group none of its row neighbours holds), at most one more than the largest number of
 * columns that share a row with one column.
 */
public final class ColumnGrouping {
    private final int[] group;
    private final int groups;
    private final int[] groupStart;
    private final int[] columns;

    /**
     * Groups the columns of a pattern.
     *
     * @param pattern the m × n Jacobian pattern; columns sharing no row go into one group
     */
    public ColumnGrouping(CsrMatrix pattern) {
        int n = pattern.cols();
        int[] rs = pattern.rowStart();
        int[] ci = pattern.colIndex();
        int[] cs = pattern.columnStart();
        int[] cr = pattern.columnRowIndex();
        group = new int[n];
        Arrays.fill(group, -1);
        int[] usedBy = new int[n + 1];
        Arrays.fill(usedBy, -1);
        int count = 0;
        for (int j = 0; j < n; j++) {
            for (int t = cs[j]; t < cs[j + 1]; t++) {
                int i = cr[t];
                for (int k = rs[i]; k < rs[i + 1]; k++) {
                    int g = group[ci[k]];
                    if (g >= 0) {
                        usedBy[g] = j;
                    }
                }
            }
            int g = 0;
            while (usedBy[g] == j) {
                g++;
            }
            group[j] = g;
            count = Math.max(count, g + 1);
        }
        groups = count;
        groupStart = new int[groups + 1];
        for (int j = 0; j < n; j++) {
            groupStart[group[j] + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            groupStart[g + 1] += groupStart[g];
        }
        columns = new int[n];
        int[] next = Arrays.copyOf(groupStart, groups);
        for (int j = 0; j < n; j++) {
            columns[next[group[j]]++] = j;
        }
    }

    /**
     * Number of groups.
     *
     * @return the number of groups, the residual evaluations per finite-difference Jacobian
     */
    public int groups() {
        return groups;
    }

    /**
     * The group of column j.
     *
     * @param j the column index, 0 ≤ j &lt; n
     * @return its group, in [0, {@link #groups()})
     */
    public int groupOf(int j) {
        return group[j];
    }

    /**
     * The columns of group g (a copy).
     *
     * @param g the group index, 0 ≤ g &lt; {@link #groups()}
     * @return a new array of its column indices
     */
    public int[] columnsOf(int g) {
        return Arrays.copyOfRange(columns, groupStart[g], groupStart[g + 1]);
    }

    int start(int g) {
        return groupStart[g];
    }

    int[] columns() {
        return columns;
    }
}
