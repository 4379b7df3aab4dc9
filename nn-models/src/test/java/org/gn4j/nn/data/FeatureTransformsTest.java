package org.gn4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.gn4j.testkit.Seeds;
import org.junit.jupiter.api.Test;

class FeatureTransformsTest {
    /** n samples of 3 features: N(5, 2²), U(-100, 300), and the constant 0.1 (which does not sum exactly). */
    private static Dataset data(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[3 * n];
        for (int i = 0; i < n; i++) {
            x[3 * i] = 5 + 2 * rng.nextGaussian();
            x[3 * i + 1] = rng.nextDouble(-100, 300);
            x[3 * i + 2] = 0.1;
        }
        return Dataset.of("toy", "generated", new int[] {3}, x, 1, new double[n]);
    }

    @Test
    void standardizerGivesZeroMeanAndUnitVarianceOnTrain() {
        Dataset train = data(1000, Seeds.of(20));
        Standardizer s = Standardizer.fit(train);
        Dataset z = s.apply(train);
        int n = z.size();
        for (int j = 0; j < 2; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += z.feature(i, j);
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                var += (z.feature(i, j) - mean) * (z.feature(i, j) - mean);
            }
            var /= n;
            assertEquals(0.0, mean, 1e-12, "mean of feature " + j);
            assertEquals(1.0, var, 1e-12, "variance of feature " + j);
        }
        // the constant feature is centred, not divided by a tiny rounding-error std
        assertEquals(0.0, s.std()[2]);
        assertEquals(0.1, s.mean()[2]);
        for (int i = 0; i < n; i++) {
            assertEquals(0.0, z.feature(i, 2), 0.0);
        }
        assertEquals(5.0, s.mean()[0], 0.2);
        assertEquals(2.0, s.std()[0], 0.2);
    }

    @Test
    void statisticsFittedOnTrainAreReusedOnOtherSets() {
        Dataset train = data(500, Seeds.of(21));
        Dataset test = data(200, Seeds.of(22));
        Standardizer s = Standardizer.fit(train);
        Dataset zt = s.apply(test);
        double[] mean = s.mean();
        double[] std = s.std();
        for (int i = 0; i < test.size(); i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals((test.feature(i, j) - mean[j]) / std[j], zt.feature(i, j), 1e-12);
            }
        }
        assertArrayEquals(test.targets(), zt.targets());
        assertEquals(test.split(), zt.split());
        // the original is untouched (immutable)
        assertArrayEquals(data(200, Seeds.of(22)).features(), test.features());
        Standardizer restored = Standardizer.of(mean, std);
        assertArrayEquals(zt.features(), restored.apply(test).features());
        assertThrows(IllegalArgumentException.class, () -> s.apply(SineWave.generate(5, 1)));
    }

    @Test
    void applyInPlaceOnABatch() {
        Dataset train = data(50, Seeds.of(23));
        Standardizer s = Standardizer.fit(train);
        double[] batch = new double[1 + 2 * 3];
        int[] idx = {4, 9};
        train.copyFeatures(idx, 0, 2, batch);
        System.arraycopy(batch, 0, batch, 1, 6);
        batch[0] = 123;
        s.applyInPlace(batch, 1, 2);
        assertEquals(123, batch[0]);
        Dataset z = s.apply(train);
        assertEquals(z.feature(9, 1), batch[1 + 3 + 1], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> s.applyInPlace(batch, 2, 2));
    }

    @Test
    void minMaxScalerMapsTrainToTheUnitInterval() {
        Dataset train = data(300, Seeds.of(24));
        MinMaxScaler m = MinMaxScaler.fit(train);
        Dataset u = m.apply(train);
        for (int j = 0; j < 2; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < u.size(); i++) {
                lo = Math.min(lo, u.feature(i, j));
                hi = Math.max(hi, u.feature(i, j));
            }
            assertEquals(0.0, lo, 0.0);
            assertEquals(1.0, hi, 1e-15);
        }
        for (int i = 0; i < u.size(); i++) {
            assertEquals(0.0, u.feature(i, 2), "constant feature maps to 0");
        }
        assertEquals(m.min()[2], m.max()[2]);
    }

    @Test
    void oneHotRoundTrip() {
        int[] labels = {2, 0, 1, 2};
        double[] t = OneHot.encode(labels, 3);
        assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1}, t);
        assertArrayEquals(labels, OneHot.decode(t, 3));
        assertArrayEquals(new int[] {1}, OneHot.decode(new double[] {0.2, 0.5, 0.3}, 3));
        String msg = assertThrows(IllegalArgumentException.class, () -> OneHot.encode(new int[] {0, 3}, 3))
                .getMessage();
        assertEquals("labels[1] is 3, expected in [0, 3)", msg);
        assertThrows(IllegalArgumentException.class, () -> OneHot.decode(new double[4], 3));
    }
}
