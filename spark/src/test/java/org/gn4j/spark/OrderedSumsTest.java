package org.gn4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ordered tree sum adds in partition order at every level: bit for bit the partitions' own sums added in index
 * order, in groups of f consecutive partitions first where the tree has a shuffle level (7 and 13 partitions at depth 2
 * and 3), the same bits on every run.
 */
class OrderedSumsTest {
    @ParameterizedTest(name = "{0} partitions, depth {1}")
    @CsvSource({"1, 2", "4, 2", "7, 2", "13, 2", "13, 3", "9, 1"})
    void sumsInPartitionOrder(int partitions, int depth) {
        Random rnd = new Random(partitions * 31L + depth);
        List<double[]> vectors = new ArrayList<>();
        for (int i = 0; i < 3 * partitions + 2; i++) {
            double[] v = new double[5];
            for (int j = 0; j < v.length; j++) {
                v[j] = Math.scalb(rnd.nextGaussian(), rnd.nextInt(60) - 30); // widely spread magnitudes
            }
            vectors.add(v);
        }
        JavaRDD<double[]> rdd = LocalSpark.context().parallelize(vectors, partitions);
        List<List<double[]>> parts = rdd.glom().collect();
        int f = Math.max(2, (int) Math.ceil(Math.pow(partitions, 1.0 / depth)));
        int groups = (partitions + f - 1) / f;
        boolean level = partitions > f + groups;
        assertEquals(partitions == 7 || partitions == 13, level, "7 and 13 partitions make one shuffle level, the others none");
        double[] expected = new double[5];
        double[] group = new double[5];
        for (int q = 0; q < partitions; q++) {
            double[] acc = new double[5];
            for (double[] v : parts.get(q)) {
                for (int j = 0; j < 5; j++) {
                    acc[j] += v[j];
                }
            }
            for (int j = 0; j < 5; j++) {
                group[j] += acc[j];
            }
            if (!level || q % f == f - 1 || q == partitions - 1) {
                for (int j = 0; j < 5; j++) {
                    expected[j] += group[j];
                    group[j] = 0;
                }
            }
        }
        for (int run = 0; run < 3; run++) {
            assertArrayEquals(expected, OrderedSums.sum(rdd, 5, depth));
        }
        assertEquals(partitions, parts.size());
    }
}
