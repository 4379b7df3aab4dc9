package org.gn4j.solvers.schur;

import java.util.Arrays;

/**
 * The reduced-block (camera) graph of a {@link SchurLayout}, two cameras adjacent when they share an eliminated
 * block (a point), and its reverse Cuthill-McKee order: breadth-first from a pseudo-peripheral camera, neighbours by
 * increasing degree, each connected component in turn, then reversed. The reduced camera system has a nonzero block
 * exactly where two cameras are adjacent, so this order keeps its envelope narrow (a ring of cameras, each point seen
 * by a few consecutive ones, becomes a band twice the ring's bandwidth instead of a band with a full border).
 */
final class CameraOrdering {
    /** Neighbour lists (each camera included in its own), compressed: {@code adj[start[c] .. start[c+1])}. */
    final int[] start;
    final int[] adj;
    /** {@code position[c]}: where camera c goes; {@code camera[pos]}: the camera at a position. */
    final int[] position;
    final int[] camera;

    CameraOrdering(SchurLayout layout) {
        int nc = layout.reducedBlocks();
        start = new int[nc + 1];
        int[] stamp = new int[nc];
        Arrays.fill(stamp, -1);
        int[] buf = new int[Math.max(16, nc)];
        int[] list = new int[Math.max(16, nc)];
        int size = 0;
        for (int c = 0; c < nc; c++) {
            int cnt = 0;
            stamp[c] = c;
            buf[cnt++] = c;
            for (int i = 0, n = layout.reducedCount(c); i < n; i++) {
                cnt = addCameras(layout, layout.eliminatedOf(layout.reducedResidual(c, i)), c, stamp, buf, cnt);
            }
            Arrays.sort(buf, 0, cnt);
            if (size + cnt > list.length) {
                list = Arrays.copyOf(list, Math.max(size + cnt, 2 * list.length));
            }
            System.arraycopy(buf, 0, list, size, cnt);
            size += cnt;
            start[c + 1] = size;
        }
        adj = Arrays.copyOf(list, size);
        camera = reverseCuthillMcKee(nc);
        position = new int[nc];
        for (int p = 0; p < nc; p++) {
            position[camera[p]] = p;
        }
    }

    /**
     * Appends to {@code buf[cnt..]} the cameras that see point p and are not yet stamped c, stamping them; returns
     * the new count. One call per observation, so that it is compiled early in the first solve.
     */
    private static int addCameras(SchurLayout layout, int p, int c, int[] stamp, int[] buf, int cnt) {
        for (int j = 0, m = layout.eliminatedCount(p); j < m; j++) {
            int c2 = layout.reducedOf(layout.eliminatedResidual(p, j));
            if (stamp[c2] != c) {
                stamp[c2] = c;
                buf[cnt++] = c2;
            }
        }
        return cnt;
    }

    private int degree(int c) {
        return start[c + 1] - start[c];
    }

    private int[] reverseCuthillMcKee(int nc) {
        int[] order = new int[nc];
        boolean[] seen = new boolean[nc];
        int[] level = new int[nc];
        int done = 0;
        for (int root = 0; root < nc; root++) {
            if (seen[root]) {
                continue;
            }
            int s = peripheral(root, level);
            int head = done;
            order[done++] = s;
            seen[s] = true;
            while (head < done) {
                int c = order[head++];
                int from = done;
                for (int a = start[c]; a < start[c + 1]; a++) {
                    int c2 = adj[a];
                    if (!seen[c2]) {
                        seen[c2] = true;
                        order[done++] = c2;
                    }
                }
                // neighbours by increasing degree (insertion sort: the lists are short)
                for (int i = from + 1; i < done; i++) {
                    int x = order[i];
                    int j = i - 1;
                    while (j >= from && degree(order[j]) > degree(x)) {
                        order[j + 1] = order[j];
                        j--;
                    }
                    order[j + 1] = x;
                }
            }
        }
        for (int i = 0, j = nc - 1; i < j; i++, j--) {
            int x = order[i];
            order[i] = order[j];
            order[j] = x;
        }
        return order;
    }

    /** A pseudo-peripheral camera of root's component: repeated breadth-first sweeps to a farthest, lowest-degree one. */
    private int peripheral(int root, int[] level) {
        int s = root;
        int depth = -1;
        for (int sweep = 0; sweep < 8; sweep++) {
            int[] far = bfs(s, level);
            if (far[1] <= depth) {
                break;
            }
            depth = far[1];
            s = far[0];
        }
        return s;
    }

    /** Breadth-first levels from s; returns {a lowest-degree camera of the last level, the depth}. */
    private int[] bfs(int s, int[] level) {
        int[] queue = new int[level.length];
        Arrays.fill(level, -1);
        int head = 0;
        int tail = 0;
        queue[tail++] = s;
        level[s] = 0;
        int last = s;
        while (head < tail) {
            int c = queue[head++];
            for (int a = start[c]; a < start[c + 1]; a++) {
                int c2 = adj[a];
                if (level[c2] < 0) {
                    level[c2] = level[c] + 1;
                    queue[tail++] = c2;
                }
            }
            if (level[c] > level[last] || (level[c] == level[last] && degree(c) < degree(last))) {
                last = c;
            }
        }
        return new int[] {last, level[last]};
    }
}
