package org.gn4j.solvers.sparse;

import java.util.Arrays;

import org.gn4j.linalg.ArgumentChecks;

/**
 * A fill-reducing ordering for sparse Cholesky: minimum degree on the elimination graph. Repeatedly eliminates a
 * node of smallest current degree and joins its neighbours into a clique (the fill its elimination creates), with
 * degrees kept in buckets. Degrees are exact (no approximate degrees, supervariables or element absorption as in
 * AMD), which costs {@code O(Σ deg²)} over the elimination, small for the banded and block-structured Jacobians it
 * meets; ties go to the most recently updated node of the bucket, so the ordering is deterministic.
 */
public final class MinimumDegree {
    private MinimumDegree() {
    }

    /**
     * The ordering of a symmetric pattern given by the strictly upper or full adjacency in compressed columns
     * ({@code rowIndex[colStart[j] .. colStart[j+1])} are the neighbours of j; the diagonal and duplicates are
     * ignored; each edge may appear in one or both of its columns).
     *
     * @param n number of nodes, ≥ 0
     * @param colStart column starts, length n + 1, non-decreasing from 0
     * @param rowIndex neighbour indices in [0, n), length ≥ {@code colStart[n]}; not modified
     * @return perm with {@code perm[k]} the original index of the k-th eliminated node
     * @throws IllegalArgumentException when the arrays do not describe an n-node pattern
     */
    public static int[] order(int n, int[] colStart, int[] rowIndex) {
        ArgumentChecks.requireNonNegative("n", n);
        if (colStart == null || colStart.length != n + 1) {
            throw new IllegalArgumentException("colStart has length " + (colStart == null ? "null" : colStart.length)
                    + ", expected n + 1 = " + (n + 1));
        }
        // full symmetric adjacency without the diagonal
        int[] count = new int[n];
        for (int j = 0; j < n; j++) {
            for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                int i = rowIndex[p];
                if (i < 0 || i >= n) {
                    throw new IllegalArgumentException("rowIndex[" + p + "] is " + i + ", expected [0, " + n + ")");
                }
                if (i != j) {
                    count[i]++;
                    count[j]++;
                }
            }
        }
        int[][] adj = new int[n][];
        int[] deg = new int[n];
        for (int j = 0; j < n; j++) {
            adj[j] = new int[count[j]];
        }
        for (int j = 0; j < n; j++) {
            for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                int i = rowIndex[p];
                if (i != j) {
                    adj[i][deg[i]++] = j;
                    adj[j][deg[j]++] = i;
                }
            }
        }
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        for (int j = 0; j < n; j++) { // remove duplicate edges
            int u = 0;
            for (int k = 0; k < deg[j]; k++) {
                int i = adj[j][k];
                if (mark[i] != j) {
                    mark[i] = j;
                    adj[j][u++] = i;
                }
            }
            deg[j] = u;
        }
        // degree buckets as doubly linked lists
        int[] head = new int[n + 1];
        int[] next = new int[n];
        int[] prev = new int[n];
        Arrays.fill(head, -1);
        for (int j = 0; j < n; j++) {
            push(j, deg[j], head, next, prev);
        }
        boolean[] done = new boolean[n];
        int[] perm = new int[n];
        Arrays.fill(mark, -1);
        int minDeg = 0;
        int stamp = 0;
        for (int k = 0; k < n; k++) {
            while (head[minDeg] < 0) {
                minDeg++;
            }
            int v = head[minDeg];
            remove(v, deg[v], head, next, prev);
            done[v] = true;
            perm[k] = v;
            int[] nv = adj[v];
            int dv = deg[v];
            // each neighbour u: adj[u] ← (adj[u] ∪ N(v)) \ {u, v}
            for (int a = 0; a < dv; a++) {
                int u = nv[a];
                stamp++;
                int[] au = adj[u];
                int du = 0;
                for (int b = 0; b < deg[u]; b++) {
                    int w = au[b];
                    if (w != v && !done[w]) {
                        au[du++] = w;
                        mark[w] = stamp;
                    }
                }
                int extra = 0;
                for (int b = 0; b < dv; b++) {
                    int w = nv[b];
                    if (w != u && mark[w] != stamp) {
                        extra++;
                    }
                }
                if (du + extra > au.length) {
                    au = Arrays.copyOf(au, Math.max(du + extra, 2 * au.length));
                    adj[u] = au;
                }
                for (int b = 0; b < dv; b++) {
                    int w = nv[b];
                    if (w != u && mark[w] != stamp) {
                        au[du++] = w;
                        mark[w] = stamp;
                    }
                }
                remove(u, deg[u], head, next, prev);
                deg[u] = du;
                push(u, du, head, next, prev);
                if (du < minDeg) {
                    minDeg = du;
                }
            }
            adj[v] = null;
        }
        return perm;
    }

    private static void push(int j, int d, int[] head, int[] next, int[] prev) {
        next[j] = head[d];
        prev[j] = -1;
        if (head[d] >= 0) {
            prev[head[d]] = j;
        }
        head[d] = j;
    }

    private static void remove(int j, int d, int[] head, int[] next, int[] prev) {
        if (prev[j] >= 0) {
            next[prev[j]] = next[j];
        } else {
            head[d] = next[j];
        }
        if (next[j] >= 0) {
            prev[next[j]] = prev[j];
        }
    }
}
