package org.gn4j.bench.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gn4j.gn.Dogleg;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.expr.CompiledModel;
import org.gn4j.spark.ExpressionRowModel;
import org.gn4j.spark.SparkLeastSquares;
import org.gn4j.spark.SparkOptimum;
import org.gn4j.spark.SyntheticRows;

/**
 * The Spark side of {@link SparkFitCommand}, in its own class so that the command loads without Spark on the class
 * path (it then starts a JVM that has it).
 */
final class SparkFitRun {
    record Result(SparkOptimum fit) {
    }

    private SparkFitRun() {
    }

    static Result run(SparkFitCommand c, Path ownJar) {
        SparkConf conf = new SparkConf().setAppName("gn4j spark fit").setMaster(c.master)
                .setIfMissing("spark.ui.enabled", "false");
        if (!c.master.startsWith("local") && Files.isRegularFile(ownJar)) {
            conf.setJars(new String[] {ownJar.toString()}); // gn4j's classes for the cluster's executors
        }
        try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
            jsc.setLogLevel("WARN");
            ExpressionRowModel model;
            JavaRDD<double[]> rows;
            double[] start;
            if (c.generate != null) {
                model = SyntheticRows.model();
                int p = c.partitions != null ? c.partitions : 2 * jsc.defaultParallelism();
                rows = SyntheticRows.generate(jsc, c.generate, p, c.seed);
                start = c.start != null ? c.start : SyntheticRows.START;
            } else {
                CompiledModel compiled = c.compiledModel();
                model = ExpressionRowModel.of(c.model, compiled.variableNames(), compiled.parameterNames(),
                        c.weight != null);
                SparkSession spark = SparkSession.builder().sparkContext(jsc.sc()).getOrCreate();
                String name = c.data.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                Dataset<Row> df = name.endsWith(".parquet") ? spark.read().parquet(c.data.toString())
                        : spark.read().option("header", "true").option("inferSchema", "true").csv(c.data.toString());
                if (c.partitions != null) {
                    df = df.repartition(c.partitions);
                }
                rows = model.rows(df, c.target, c.weight).cache(); // read the file once, not on every pass
                start = c.start;
            }
            if (start.length != model.parameterCount()) {
                throw new IllegalArgumentException("--start has " + start.length + " values, expected "
                        + model.parameterCount() + " " + model.parameterNames());
            }
            SparkLeastSquares<double[]> objective = SparkLeastSquares.of(rows, model).withLoss(c.loss, c.lossScale)
                    .withMatrixFree(c.matrixFree);
            SparkOptimum fit = c.method.equals("dogleg") ? objective.fit(new Dogleg(), start)
                    : objective.fit(new LevenbergMarquardt(), start);
            rows.unpersist();
            return new Result(fit);
        }
    }
}
