package org.gn4j.nn.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * Writing a file so that a reader never sees it half written: the data go to a temporary file in the target's folder
 * (a unique name {@code <target>.<random><suffix>}, so concurrent writers never share one), are forced to disk, and
 * the temporary file is renamed over the target (atomically where the file system can). Temporary files of the same
 * target left behind by a killed process are removed once they are older than {@link #STALE_AFTER}. Stateless and
 * safe to use from several threads.
 */
public final class SafeFiles {
    /** Age after which a temporary file of a target is taken as left behind by a killed writer. */
    public static final Duration STALE_AFTER = Duration.ofHours(1);

    private SafeFiles() {
    }

    /**
     * A new temporary file beside {@code target} with the given suffix ({@code ".tmp"}, {@code ".part"}), after
     * removing that target's temporary files older than {@link #STALE_AFTER}; the folder is created when missing.
     *
     * @param target the file the temporary file will replace; its folder receives the temporary file
     * @param suffix the temporary file's name suffix, for example {@code ".tmp"}
     * @return the new, empty temporary file, uniquely named after {@code target}
     * @throws IOException when the folder cannot be created or listed, or the file cannot be created
     */
    public static Path temporaryBeside(Path target, String suffix) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        String prefix = abs.getFileName() + ".";
        FileTime cutoff = FileTime.from(Instant.now().minus(STALE_AFTER));
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, p -> {
            String name = p.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(suffix) && name.length() > prefix.length() + suffix.length();
        })) {
            for (Path p : old) {
                try {
                    if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).compareTo(cutoff) < 0) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // another process removed or holds it: not ours to insist on
                }
            }
        }
        return Files.createTempFile(dir, prefix, suffix);
    }

    /**
     * Forces {@code temp} to disk and renames it over {@code target} (atomically where supported).
     *
     * @param temp the finished temporary file, beside {@code target}
     * @param target the file replaced; an existing file is overwritten
     * @throws IOException when the file cannot be forced or moved
     */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
