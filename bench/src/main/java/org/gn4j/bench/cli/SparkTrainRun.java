package org.gn4j.bench.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.gn4j.linalg.blas.Precision;
import org.gn4j.nn.data.Dataset;
import org.gn4j.nn.loss.Loss;
import org.gn4j.nn.loss.SoftmaxCrossEntropy;
import org.gn4j.nn.loss.SquaredError;
import org.gn4j.nn.train.DatasetTrainingData;
import org.gn4j.spark.SerializableSupplier;
import org.gn4j.spark.SparkTrainingData;

/**
 * The Spark side of {@link SparkTrainCommand}, in its own class so that the command loads without Spark on the class
 * path.
 */
final class SparkTrainRun {
    record Distributed(SparkTrainingData data, AutoCloseable context) {
    }

    private SparkTrainRun() {
    }

    static Distributed distribute(String master, Integer partitions, Dataset train, String model, Loss loss,
            Precision precision, Path ownJar) {
        SerializableSupplier<Loss> lossFactory;
        if (loss instanceof SoftmaxCrossEntropy) {
            lossFactory = SoftmaxCrossEntropy::new;
        } else if (loss instanceof SquaredError) {
            lossFactory = SquaredError::new;
        } else {
            throw new IllegalArgumentException("loss " + loss.getClass().getSimpleName() + ", expected softmax "
                    + "cross-entropy or squared error");
        }
        int in = train.featureSize();
        int out = train.targetWidth();
        SerializableSupplier<org.gn4j.nn.Sequential> network = () -> TrainCommand.preset(model, in, out)
                .withPrecision(precision);
        SparkConf conf = new SparkConf().setAppName("gn4j spark train").setMaster(master)
                .setIfMissing("spark.ui.enabled", "false");
        if (!master.startsWith("local") && Files.isRegularFile(ownJar)) {
            conf.setJars(new String[] {ownJar.toString()}); // gn4j's classes for the cluster's executors
        }
        JavaSparkContext jsc = new JavaSparkContext(conf);
        jsc.setLogLevel("WARN");
        int p = partitions != null ? partitions : 2 * jsc.defaultParallelism();
        SparkTrainingData data = SparkTrainingData.distribute(jsc, new DatasetTrainingData(train), p, network,
                lossFactory);
        return new Distributed(data, jsc::close);
    }
}
