package org.gn4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.gn4j.nn.train.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files of a write: unique per writer, and those left by a killed writer are removed later. */
class SafeFilesTest {
    @Test
    void staleTemporaryFilesLeftAfterAKillAreRemovedByTheNextWriteAndFreshOnesKept(@TempDir Path dir)
            throws IOException {
        Path target = dir.resolve("run.ckpt");
        Path stale = dir.resolve("run.ckpt.12345.tmp");
        Path fresh = dir.resolve("run.ckpt.67890.tmp");
        Path other = dir.resolve("other.ckpt.12345.tmp");
        for (Path p : new Path[] {stale, fresh, other}) {
            Files.writeString(p, "partial");
        }
        FileTime old = FileTime.from(Instant.now().minus(SafeFiles.STALE_AFTER).minusSeconds(60));
        Files.setLastModifiedTime(stale, old);
        Files.setLastModifiedTime(other, old);
        new Checkpoint("sgd", 1, new double[0], new double[] {1, 2}, 42L, 10, false, 1, 0, 1, 10, 0.5, 0, 0,
                java.util.List.of()).write(target);
        assertFalse(Files.exists(stale), "a temporary file of the target older than the limit is removed");
        assertTrue(Files.exists(fresh), "a recent one may belong to a concurrent writer: kept");
        assertTrue(Files.exists(other), "another target's temporary file is not touched");
        assertTrue(Files.exists(target));
    }

    @Test
    void twoWritersGetDistinctTemporaryFiles(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("file.bin");
        Path a = SafeFiles.temporaryBeside(target, ".part");
        Path b = SafeFiles.temporaryBeside(target, ".part");
        assertNotEquals(a, b);
        Files.writeString(a, "A");
        SafeFiles.moveIntoPlace(a, target);
        assertEquals("A", Files.readString(target));
        assertFalse(Files.exists(a));
    }
}
