package org.gn4j.nn.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the folder of reference data sets. In order:
 * <ol>
 * <li>the system property {@value #PROPERTY}, if set;</li>
 * <li>else the environment variable {@value #ENVIRONMENT}, if set;</li>
 * <li>else the first folder {@code shared/datasets} found walking up from the working directory: {@code
 * ./shared/datasets}, {@code ../shared/datasets} (the sibling of a checkout or worktree), {@code
 * ../../shared/datasets} (the same seen from a module folder, where Maven runs tests), and so on up to the root.</li>
 * </ol>
 * An explicitly configured folder that does not exist yields an empty result rather than a silent fall-back to
 * another folder, so a typo in the configuration shows up as skipped tests, not as tests on other data.
 */
public final class DataDirectory {
    /** System property naming the data folder. */
    public static final String PROPERTY = "gn4j.data";
    /** Environment variable naming the data folder. */
    public static final String ENVIRONMENT = "GN4J_DATA";
    /** Sub-folder of the MNIST 10,000-image subset (8,000 train / 2,000 test). */
    public static final String MNIST_10K = "mnist-10k";
    /** Sub-folder of Fashion-MNIST (all 70,000 images, non-official 60,000 / 10,000 split). */
    public static final String FASHION_MNIST = "fashion-mnist";

    private DataDirectory() {
    }

    /**
     * The data folder, resolved from the system property, the environment and the working directory.
     *
     * @return the absolute data folder: the folder {@value #PROPERTY} or {@value #ENVIRONMENT} names (the property
     *         first), else the first {@code shared/datasets} found walking up from the working directory; empty when it
     *         does not exist
     */
    public static Optional<Path> find() {
        return find(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT),
                Path.of("").toAbsolutePath());
    }

    /**
     * The resolution rule with its inputs made explicit (for tests and tools).
     *
     * @param property   value of the system property, or null when unset
     * @param environment value of the environment variable, or null when unset
     * @param workingDir folder to walk up from
     * @return the data folder, if it exists
     */
    public static Optional<Path> find(String property, String environment, Path workingDir) {
        String configured = property != null && !property.isBlank() ? property
                : environment != null && !environment.isBlank() ? environment : null;
        if (configured != null) {
            try {
                Path p = Path.of(configured).toAbsolutePath().normalize();
                return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The {@value #MNIST_10K} folder inside the data folder, if both exist.
     *
     * @return the absolute path of the sub-folder, or empty
     */
    public static Optional<Path> mnist10k() {
        return subfolder(MNIST_10K);
    }

    /**
     * The {@value #FASHION_MNIST} folder inside the data folder, if both exist.
     *
     * @return the absolute path of the sub-folder, or empty
     */
    public static Optional<Path> fashionMnist() {
        return subfolder(FASHION_MNIST);
    }

    /**
     * A named sub-folder of the data folder, if both exist.
     *
     * @param name the sub-folder name, for example {@link #MNIST_10K}
     * @return the absolute path of the sub-folder, or empty when the data folder or the sub-folder does not exist
     */
    public static Optional<Path> subfolder(String name) {
        return find().map(d -> d.resolve(name)).filter(Files::isDirectory);
    }
}
