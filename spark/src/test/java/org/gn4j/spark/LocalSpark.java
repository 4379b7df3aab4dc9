package org.gn4j.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** One embedded {@code local[2]} context for every test class of the module (started once, stopped at exit). */
final class LocalSpark {
    private static JavaSparkContext jsc;

    private LocalSpark() {
    }

    static synchronized JavaSparkContext context() {
        if (jsc == null) {
            SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("gn4j-spark-tests")
                    .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1").set("spark.default.parallelism", "2")
                    .set("spark.sql.shuffle.partitions", "2");
            jsc = new JavaSparkContext(conf);
            jsc.setLogLevel("WARN");
            Runtime.getRuntime().addShutdownHook(new Thread(jsc::stop));
        }
        return jsc;
    }
}
