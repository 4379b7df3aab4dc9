/**
 * Data-parallel Gauss-Newton on Apache Spark: a distributed data set is one more source of linearizations for the
 * core loop of {@code org.gn4j.gn.core}, not a second optimizer.
 *
 * <p>{@link org.gn4j.spark.SparkLeastSquares} is an {@link org.gn4j.gn.core.Objective} over a {@code JavaRDD}: every
 * linearization is one tree sum of the normal equations (upper triangle of {@code J̃ᵀJ̃}, {@code J̃ᵀr̃},
 * cost, {@code ‖r̃‖²}) with θ broadcast, every trial point one cost-only aggregation; Levenberg-Marquardt, dogleg and
 * bounds run on the driver through {@link org.gn4j.gn.core.DenseGramLinearization} and the cached-Gram Cholesky,
 * exactly as they do on one machine with the Cholesky step solver. Residual models are a serializable function of
 * (θ, row) ({@link org.gn4j.spark.RowModel#of}) or an expression of the model language compiled on the executors
 * ({@link org.gn4j.spark.ExpressionRowModel}). The data never pass through the driver: only θ goes out and
 * {@code O(n²)} sums come back. Rows can be generated on the executors ({@link org.gn4j.spark.SyntheticRows}) or
 * read from a data frame; the communication and time model of a pass, with measured figures, is in
 * {@code docs/SCALING.md}.
 *
 * <p>{@link org.gn4j.spark.SparkTrainingData} is a training set partitioned over the executors as the
 * {@link org.gn4j.nn.train.Trainer}'s data: its {@link org.gn4j.spark.SparkBatchEvaluator} evaluates each mini-batch
 * where its samples are and answers the optimizer's gradient, GGN-vector products (one job per conjugate-gradient
 * iteration of SGN) and trial losses as sums over the partitions, so SGN, SGD and Adam train data-parallel with the
 * trainer's budgets, metrics and checkpoints unchanged. Networks and losses reach the executors as
 * {@link org.gn4j.spark.SerializableSupplier factories}.
 *
 * <p>Every pass adds its partition sums in partition order ({@code OrderedSums}), so a run over the same
 * partitions gives the same bits every time, whichever tasks finish first. Against a single-JVM run, which adds
 * the same terms in another order, iteration counts match while the loop's tests stay above round-off; in the last
 * steps of a run to the default tolerances (1e-14) the gain ratios are round-off in the cost, so runs there may take
 * a different number of final steps to the same point within about √ε.
 *
 * <p><b>Spark version.</b> Spark 4.1 with Scala 2.13. Spark 4 is the current release line and is built for Java 17
 * and later, the project's own baseline, so the embedded {@code local[*]} master and a standalone cluster run on the
 * JVM the rest of gn4j uses; 3.5 (Scala 2.12) also runs on Java 17 but is the maintenance line that still carries
 * Java 8 and 11. Our code is Java only and uses the Java API ({@code JavaRDD}, {@code Dataset<Row>}), so the Scala
 * binary version matters only for the jars on the class path. Spark is a {@code provided} dependency: under
 * {@code spark-submit} and on a cluster Spark brings its own jars; an embedded run puts Spark's jars on the class
 * path and needs the JVM options Spark's launcher passes on Java 17 ({@code --add-opens} of {@code java.base}
 * packages; see this module's {@code pom.xml}).
 */
package org.gn4j.spark;
