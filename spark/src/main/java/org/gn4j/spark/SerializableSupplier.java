package org.gn4j.spark;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A factory Spark can ship to the executors, called there to build what cannot be serialized itself (a network, a
 * loss): for example {@code () -> Presets.mlp3x20Sigmoid(784, 10)}.
 *
 * @param <T> what it builds
 */
@FunctionalInterface
public interface SerializableSupplier<T> extends Supplier<T>, Serializable {
}
