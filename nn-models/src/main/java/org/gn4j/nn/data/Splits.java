package org.gn4j.nn.data;

import java.util.Arrays;
import java.util.Objects;

/** Seeded splits of a data set into disjoint parts. */
public final class Splits {
    private Splits() {
    }

    /**
     * A training part and a validation part that together hold every sample of the original exactly once.
     *
     * @param train      the training samples
     * @param validation the validation samples
     */
    public record TrainValidation(Dataset train, Dataset validation) {
        /**
         * Requires both parts.
         *
         * @param train the training samples; not null
         * @param validation the validation samples; not null
         */
        public TrainValidation {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(validation, "validation");
        }
    }

    /**
     * Splits {@code data} at random (seeded) into {@code round(fraction · n)} validation samples and the rest for
     * training; each part keeps the original relative order of its samples. The split descriptions record the
     * fraction and the seed.
     *
     * @param data     the data set to split
     * @param fraction share of samples for validation, in {@code (0, 1)}
     * @param seed     seed of the permutation that picks the validation samples
     * @return the two parts, each a new data set with copied samples
     * @throws IllegalArgumentException if {@code fraction} is not in {@code (0, 1)} or either part would be empty
     */
    public static TrainValidation trainValidationSplit(Dataset data, double fraction, long seed) {
        Objects.requireNonNull(data, "data");
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction is " + fraction + ", expected in (0, 1)");
        }
        int n = data.size();
        int nVal = (int) Math.round(fraction * n);
        if (nVal < 1 || nVal > n - 1) {
            throw new IllegalArgumentException("fraction " + fraction + " of " + n + " samples gives " + nVal
                    + " validation samples, expected between 1 and " + (n - 1) + " so that both parts are non-empty");
        }
        int[] p = Shuffling.permutation(n, seed);
        int[] val = Arrays.copyOfRange(p, 0, nVal);
        int[] train = Arrays.copyOfRange(p, nVal, n);
        Arrays.sort(val);
        Arrays.sort(train);
        String tag = " split " + (n - nVal) + "/" + nVal + " of " + n + ", seed " + seed + "]";
        return new TrainValidation(
                data.subset(train, data.split() + " [train part of a train/validation" + tag),
                data.subset(val, data.split() + " [validation part of a train/validation" + tag));
    }
}
