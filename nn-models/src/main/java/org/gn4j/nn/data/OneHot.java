package org.gn4j.nn.data;

import java.util.Objects;

/** One-hot encoding of class labels and its inverse (arg-max decoding). */
public final class OneHot {
    private OneHot() {
    }

    /**
     * Encodes {@code labels} as an {@code n × classCount} row-major matrix with a 1 in column {@code labels[i]} of row
     * {@code i} and 0 elsewhere.
     *
     * @param labels the class labels, each in {@code [0, classCount)}; not null
     * @param classCount number of classes, {@code >= 1}
     * @return a new array of {@code labels.length × classCount} entries
     * @throws IllegalArgumentException if {@code classCount <= 0} or a label is outside {@code [0, classCount)}
     */
    public static double[] encode(int[] labels, int classCount) {
        Objects.requireNonNull(labels, "labels");
        if (classCount <= 0) {
            throw new IllegalArgumentException("classCount is " + classCount + ", expected > 0");
        }
        double[] out = new double[Math.multiplyExact(labels.length, classCount)];
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l < 0 || l >= classCount) {
                throw new IllegalArgumentException(
                        "labels[" + i + "] is " + l + ", expected in [0, " + classCount + ")");
            }
            out[i * classCount + l] = 1.0;
        }
        return out;
    }

    /**
     * Decodes an {@code n × classCount} row-major matrix of scores (one-hot rows, probabilities or logits) to the
     * arg-max column of each row; ties go to the lowest column.
     *
     * @param scores the {@code n × classCount} scores, row-major; not null
     * @param classCount number of classes (columns), {@code >= 1}
     * @return a new array of n labels in {@code [0, classCount)}
     * @throws IllegalArgumentException if {@code classCount <= 0} or the length is not a multiple of it
     */
    public static int[] decode(double[] scores, int classCount) {
        Objects.requireNonNull(scores, "scores");
        if (classCount <= 0) {
            throw new IllegalArgumentException("classCount is " + classCount + ", expected > 0");
        }
        if (scores.length % classCount != 0) {
            throw new IllegalArgumentException("scores has length " + scores.length
                    + ", expected a multiple of classCount " + classCount);
        }
        int n = scores.length / classCount;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            int base = i * classCount;
            for (int c = 1; c < classCount; c++) {
                if (scores[base + c] > scores[base + best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
