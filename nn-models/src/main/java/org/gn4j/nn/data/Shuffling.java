package org.gn4j.nn.data;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded, reproducible permutations for shuffling samples (Fisher-Yates driven by a {@link SplittableRandom}). The
 * same seed gives the same permutation on every machine and JDK, since {@code SplittableRandom}'s algorithm is
 * specified.
 */
public final class Shuffling {
    private Shuffling() {
    }

    /**
     * A uniformly random permutation of {@code 0 … n − 1}, determined by {@code seed}.
     *
     * @param n number of indices, {@code >= 0}
     * @param seed the seed of the {@link SplittableRandom} that drives the shuffle
     * @return a new array holding each of {@code 0 … n − 1} once
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public static int[] permutation(int n, long seed) {
        return permutation(n, new SplittableRandom(seed));
    }

    /**
     * A uniformly random permutation of {@code 0 … n − 1} drawn from {@code rng} (which advances), for callers that
     * reshuffle every epoch from one generator.
     *
     * @param n number of indices, {@code >= 0}
     * @param rng the generator drawn from; not null
     * @return a new array holding each of {@code 0 … n − 1} once
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public static int[] permutation(int n, SplittableRandom rng) {
        if (n < 0) {
            throw new IllegalArgumentException("n is " + n + ", expected >= 0");
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, rng);
        return p;
    }

    /**
     * Shuffles {@code indices} in place (Fisher-Yates) with draws from {@code rng}; allocates nothing.
     *
     * @param indices the array permuted in place; not null
     * @param rng the generator drawn from ({@code indices.length − 1} draws); not null
     */
    public static void shuffle(int[] indices, SplittableRandom rng) {
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(rng, "rng");
        for (int i = indices.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = indices[i];
            indices[i] = indices[j];
            indices[j] = t;
        }
    }

    /**
     * The data set with its samples in a seeded random order.
     *
     * @param data the data set; not null
     * @param seed the seed of the permutation, as in {@link #permutation(int, long)}
     * @return a new data set with the samples copied in permuted order, the split description noting the seed
     * @throws NullPointerException if {@code data} is null
     */
    public static Dataset shuffled(Dataset data, long seed) {
        Objects.requireNonNull(data, "data");
        return data.subset(permutation(data.size(), seed), data.split() + " [shuffled, seed " + seed + "]");
    }
}
