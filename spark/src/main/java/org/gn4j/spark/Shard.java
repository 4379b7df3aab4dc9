package org.gn4j.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One partition of a {@link SparkTrainingData}: its samples' global indices (ascending) with their features and
 * targets in flat row-major arrays.
 */
final class Shard implements Serializable {
    private static final long serialVersionUID = 1L;
    final int[] index;
    final double[] x;
    final double[] y;
    final int featureSize;
    final int targetWidth;

    Shard(int[] index, double[] x, int featureSize, double[] y, int targetWidth) {
        this.index = index;
        this.x = x;
        this.y = y;
        this.featureSize = featureSize;
        this.targetWidth = targetWidth;
    }

    int size() {
        return index.length;
    }

    /** Position of the sample with this global index in the shard, or −1. */
    int find(int global) {
        int k = Arrays.binarySearch(index, global);
        return k >= 0 ? k : -1;
    }

    /**
     * The shard's members of a batch, in batch order: positions in the shard of {@code batch[k]} for every k whose
     * sample this shard holds.
     */
    int[] members(int[] batch) {
        int[] pos = new int[Math.min(batch.length, index.length)];
        int m = 0;
        for (int g : batch) {
            int k = find(g);
            if (k >= 0) {
                pos[m++] = k;
            }
        }
        return Arrays.copyOf(pos, m);
    }

    /** Copies the samples at the given shard positions into x and y (batch-major). */
    void gather(int[] positions, double[] xOut, double[] yOut) {
        for (int i = 0; i < positions.length; i++) {
            System.arraycopy(x, positions[i] * featureSize, xOut, i * featureSize, featureSize);
            System.arraycopy(y, positions[i] * targetWidth, yOut, i * targetWidth, targetWidth);
        }
    }
}
