package org.gn4j.bench.cli;

import org.gn4j.linalg.blas.Precision;
import org.gn4j.nn.data.Dataset;
import org.gn4j.nn.loss.Loss;
import org.gn4j.nn.train.TrainingData;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gn4j spark train}: {@code gn4j train} with the training set spread over a Spark master's executors (embedded
 * {@code local[*]} by default). Every option of {@code gn4j train} works as there; each mini-batch is evaluated on
 * the executors that hold its samples, and the gradient, every GGN-vector product of SGN's conjugate gradient and
 * every trial loss is one Spark job whose partition sums are added in partition order. The steps are the one-JVM
 * steps up to the order of those sums. Runs itself in a JVM with Spark's jars when needed ({@link SparkChildJvm}).
 */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Train a network data-parallel on Spark, with the options of gn4j train.",
            "  gn4j spark train --dataset mnist-10k --optimizer sgn --batch 1000 --max-steps 40 --partitions 4",
            "  gn4j spark train --dataset sine --optimizer sgn --batch 100 --epochs 2 --master 'local[2]'"})
public final class SparkTrainCommand extends TrainCommand {
    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master URL (default: ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Partitions of the training set (default: 2 per core of the master).")
    Integer partitions;

    private AutoCloseable context;

    @Override
    public Integer call() throws Exception {
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("--partitions is " + partitions + ", expected at least 1");
        }
        if (!SparkChildJvm.sparkUsable()) {
            return SparkChildJvm.relaunch(spec);
        }
        try {
            return super.call();
        } finally {
            if (context != null) {
                context.close();
            }
        }
    }

    @Override
    TrainingData trainingData(Dataset train, String model, Loss loss, Precision precision) throws Exception {
        SparkTrainRun.Distributed d = SparkTrainRun.distribute(master, partitions, train, model, loss, precision,
                SparkChildJvm.ownJar());
        context = d.context();
        spec.commandLine().getOut().printf("training set on %s in %d partitions%n", master, d.data().partitions());
        return d.data();
    }
}
