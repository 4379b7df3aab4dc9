package org.gn4j.spark;

import java.util.List;

/**
 * What an embedded Spark (a {@code local[*]} master in the caller's JVM, or a driver outside {@code spark-submit})
 * needs from its JVM: Spark's jars on the class path and, on Java 17, the {@code --add-opens} options Spark's own
 * launcher passes ({@code org.apache.spark.launcher.JavaModuleOptions}).
 */
public final class EmbeddedSpark {
    /** The JVM options Spark's launcher adds on Java 17 and later. */
    public static final List<String> JVM_OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");

    private EmbeddedSpark() {
    }

    /**
     * Whether Spark's classes can be loaded by this class's loader.
     *
     * @return true when {@code org.apache.spark.SparkConf} is found (without initialising it)
     */
    public static boolean onClassPath() {
        try {
            Class.forName("org.apache.spark.SparkConf", false, EmbeddedSpark.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Whether this JVM opens {@code java.base/sun.nio.ch} to unnamed modules (a sign the options were given).
     *
     * @return true when {@code java.base/sun.nio.ch} is open to this class's module
     */
    public static boolean jvmOptionsGiven() {
        return Object.class.getModule().isOpen("sun.nio.ch", EmbeddedSpark.class.getModule());
    }
}
