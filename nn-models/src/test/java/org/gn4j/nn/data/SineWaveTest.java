package org.gn4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.gn4j.testkit.Seeds;
import org.junit.jupiter.api.Test;

class SineWaveTest {
    @Test
    void shapesAndDescription() {
        Dataset d = SineWave.generate(100, Seeds.DEFAULT);
        assertEquals(100, d.size());
        assertArrayEquals(new int[] {1}, d.featureShape());
        assertEquals(1, d.targetWidth());
        assertFalse(d.hasLabels());
        assertTrue(d.split().contains("sin(10x)") && d.split().contains("seed"), d.split());
    }

    @Test
    void statisticsMatchTheModel() {
        int n = 200_000;
        double noise = SineWave.DEFAULT_NOISE_STD;
        Dataset d = SineWave.generate(n, noise, Seeds.of(3));
        double[] x = d.features();
        double[] y = d.targets();
        double meanX = Arrays.stream(x).average().orElseThrow();
        double meanY = Arrays.stream(y).average().orElseThrow();
        // x ~ U(-1,1): mean 0 with std 1/sqrt(3n); y = sin(10x) has mean 0 and variance ~1/2
        assertEquals(0.0, meanX, 5 / Math.sqrt(3.0 * n), "mean of x");
        assertEquals(0.0, meanY, 5 * Math.sqrt(0.5 / n), "mean of y");
        assertTrue(Arrays.stream(x).allMatch(v -> v >= -1 && v < 1), "x in [-1, 1)");
        // residuals y - sin(10x) are N(0, noise^2)
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - SineWave.exact(x[i]);
            sum += r;
            sumSq += r * r;
        }
        assertEquals(0.0, sum / n, 5 * noise / Math.sqrt(n), "mean of the noise");
        assertEquals(noise, Math.sqrt(sumSq / n), 0.01 * noise, "std of the noise");
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        Dataset a = SineWave.generate(500, 0.01, 42);
        Dataset b = SineWave.generate(500, 0.01, 42);
        Dataset c = SineWave.generate(500, 0.01, 43);
        assertArrayEquals(a.features(), b.features());
        assertArrayEquals(a.targets(), b.targets());
        assertFalse(Arrays.equals(a.features(), c.features()));
    }

    @Test
    void noiseFreeTargetsAreExact() {
        Dataset d = SineWave.generate(50, 0.0, 7);
        for (int i = 0; i < 50; i++) {
            assertEquals(Math.sin(10 * d.feature(i, 0)), d.target(i, 0), 0.0);
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SineWave.generate(0, 0.01, 1));
        assertThrows(IllegalArgumentException.class, () -> SineWave.generate(10, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> SineWave.generate(10, Double.NaN, 1));
    }
}
