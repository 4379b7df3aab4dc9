package org.gn4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.gn4j.testkit.Seeds;
import org.junit.jupiter.api.Test;

class ShufflingAndSplitsTest {
    private static Dataset ramp(int n) {
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = -i;
            y[i] = 10 * i;
        }
        return Dataset.of("ramp", "generated", new int[] {2}, x, 1, y);
    }

    @Test
    void permutationIsReproducibleAndAPermutation() {
        int[] a = Shuffling.permutation(1000, Seeds.DEFAULT);
        int[] b = Shuffling.permutation(1000, Seeds.DEFAULT);
        int[] c = Shuffling.permutation(1000, Seeds.DEFAULT + 1);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        assertArrayEquals(IntStream.range(0, 1000).toArray(), sorted);
        assertFalse(Arrays.equals(a, IntStream.range(0, 1000).toArray()), "actually shuffled");
        assertEquals(0, Shuffling.permutation(0, 1).length);
        assertThrows(IllegalArgumentException.class, () -> Shuffling.permutation(-1, 1));
    }

    @Test
    void oneGeneratorGivesAReproducibleSequenceOfEpochs() {
        SplittableRandom r1 = new SplittableRandom(5);
        SplittableRandom r2 = new SplittableRandom(5);
        int[] e1 = Shuffling.permutation(50, r1);
        int[] e2 = Shuffling.permutation(50, r1);
        assertFalse(Arrays.equals(e1, e2), "epochs differ");
        assertArrayEquals(e1, Shuffling.permutation(50, r2));
        assertArrayEquals(e2, Shuffling.permutation(50, r2));
    }

    @Test
    void everyPositionIsRoughlyUniform() {
        // position 0 of a permutation of 4 must take each value about 1/4 of the time
        int[] counts = new int[4];
        SplittableRandom rng = new SplittableRandom(Seeds.of(4));
        int trials = 40_000;
        for (int t = 0; t < trials; t++) {
            counts[Shuffling.permutation(4, rng)[0]]++;
        }
        for (int c : counts) {
            assertEquals(trials / 4.0, c, 5 * Math.sqrt(trials * 0.25 * 0.75), Arrays.toString(counts));
        }
    }

    @Test
    void shuffledKeepsRowsTogether() {
        Dataset d = ramp(20);
        Dataset s = Shuffling.shuffled(d, 9);
        assertEquals(20, s.size());
        for (int i = 0; i < 20; i++) {
            double v = s.feature(i, 0);
            assertEquals(-v, s.feature(i, 1), 0.0);
            assertEquals(10 * v, s.target(i, 0));
        }
        assertArrayEquals(s.features(), Shuffling.shuffled(d, 9).features());
    }

    @Test
    void trainValidationSplitIsDisjointCompleteAndSeeded() {
        Dataset d = ramp(101);
        Splits.TrainValidation tv = Splits.trainValidationSplit(d, 0.2, Seeds.DEFAULT);
        assertEquals(20, tv.validation().size());
        assertEquals(81, tv.train().size());
        boolean[] seen = new boolean[101];
        for (Dataset part : new Dataset[] {tv.train(), tv.validation()}) {
            double prev = -1;
            for (int i = 0; i < part.size(); i++) {
                int id = (int) part.feature(i, 0);
                assertFalse(seen[id], "sample " + id + " in both parts");
                seen[id] = true;
                assertTrue(id > prev, "original order kept");
                prev = id;
                assertEquals(10.0 * id, part.target(i, 0));
            }
        }
        for (boolean b : seen) {
            assertTrue(b);
        }
        assertTrue(tv.validation().split().contains("validation") && tv.validation().split().contains("seed"),
                tv.validation().split());
        Splits.TrainValidation again = Splits.trainValidationSplit(d, 0.2, Seeds.DEFAULT);
        assertArrayEquals(tv.validation().features(), again.validation().features());
        Splits.TrainValidation other = Splits.trainValidationSplit(d, 0.2, Seeds.DEFAULT + 1);
        assertFalse(Arrays.equals(tv.validation().features(), other.validation().features()));
    }

    @Test
    void splitRejectsBadFractions() {
        Dataset d = ramp(10);
        assertThrows(IllegalArgumentException.class, () -> Splits.trainValidationSplit(d, 0.0, 1));
        assertThrows(IllegalArgumentException.class, () -> Splits.trainValidationSplit(d, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> Splits.trainValidationSplit(d, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Splits.trainValidationSplit(d, 0.01, 1));
    }
}
