package org.gn4j.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;

import scala.Tuple2;

/**
 * The sum of per-partition vectors through a tree whose every addition happens in partition order, so that a pass
 * over the same partitions gives the same bits on every run, whichever tasks finish first (Spark's
 * {@code treeAggregate} adds partial results in the order they arrive). The tree has {@code treeAggregate}'s shape:
 * with scale {@code f = max(2, ⌈P^(1/depth)⌉)}, while more than {@code f + ⌈P/f⌉} partials remain, groups of f
 * consecutive ones are shuffled to one task each and added in index order; the driver collects the last level and
 * adds it in index order. Few partitions make one job with no shuffle; each level of a deeper tree trades one shuffle
 * stage for less data at the driver.
 */
final class OrderedSums {
    private OrderedSums() {
    }

    /**
     * Σ of the vectors of every partition (a partition may hold any number of them, added in its own order).
     *
     * @param parts  the vectors, each of {@code length} entries
     * @param length entries per vector
     * @param depth  depth of the tree, at least 1
     */
    static double[] sum(JavaRDD<double[]> parts, int length, int depth) {
        int p = parts.getNumPartitions();
        int fanIn = Math.max(2, (int) Math.ceil(Math.pow(p, 1.0 / depth)));
        JavaPairRDD<Integer, double[]> level = parts.mapPartitionsWithIndex((index, it) -> {
            double[] acc = new double[length];
            while (it.hasNext()) {
                add(acc, it.next());
            }
            return List.of(new Tuple2<>(index, acc)).iterator();
        }, true).mapToPair(t -> t);
        int remaining = p;
        while (remaining > fanIn + (remaining + fanIn - 1) / fanIn) {
            int groups = (remaining + fanIn - 1) / fanIn;
            level = level.mapToPair(t -> new Tuple2<>(t._1() / fanIn, t)).groupByKey(groups)
                    .mapToPair(g -> new Tuple2<>(g._1(), inOrder(g._2().iterator(), length)));
            remaining = groups;
        }
        return inOrder(level.collect().iterator(), length);
    }

    /** Σ of indexed vectors, added in index order. */
    private static double[] inOrder(Iterator<Tuple2<Integer, double[]>> it, int length) {
        List<Tuple2<Integer, double[]>> all = new ArrayList<>();
        it.forEachRemaining(all::add);
        all.sort(Comparator.comparingInt(Tuple2::_1));
        double[] acc = new double[length];
        for (Tuple2<Integer, double[]> t : all) {
            add(acc, t._2());
        }
        return acc;
    }

    private static void add(double[] acc, double[] v) {
        if (v.length != acc.length) {
            throw new IllegalArgumentException("partition sum has " + v.length + " entries, expected " + acc.length);
        }
        for (int i = 0; i < acc.length; i++) {
            acc[i] += v[i];
        }
    }
}
