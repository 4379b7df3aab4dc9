package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code gn4j train --json} and {@code gn4j pinn --json}: the files parse as JSON and hold what the printout says
 * (status, counts, final numbers matching the last history entry).
 */
class ResultJsonTest {

    @Test
    void trainWritesOptionsEndingAndHistory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("train.json");
        CliRun r = CliRun.of("train", "--dataset", "sine", "--optimizer", "adam", "--lr", "1e-2", "--batch", "100",
                "--epochs", "3", "--no-progress", "--json", file.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        JsonNode j = new ObjectMapper().readTree(file.toFile());
        assertEquals("train", j.get("command").asText());
        assertEquals("adam", j.get("options").get("--optimizer").asText());
        assertEquals(3, j.get("epochs").asInt());
        assertEquals(3, j.get("history").size());
        JsonNode last = j.get("history").get(2);
        assertEquals(j.get("steps").asLong(), last.get("step").asLong());
        assertTrue(j.get("trainLoss").asDouble() > 0, j.toString());
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "train loss %.5f",
                j.get("trainLoss").asDouble())), r.out());
    }

    @Test
    void pinnWritesOneEntryPerOptimizer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pinn.json");
        CliRun r = CliRun.of("pinn", "--problem", "poisson2d", "--optimizer", "lm,adam", "--max-iterations", "5",
                "--budget", "20", "--interior", "100", "--boundary", "20", "--hidden", "6", "--no-progress",
                "--json", file.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        JsonNode j = new ObjectMapper().readTree(file.toFile());
        assertEquals("pinn", j.get("command").asText());
        assertEquals(2, j.get("results").size());
        for (JsonNode run : j.get("results")) {
            JsonNode history = run.get("history");
            assertTrue(history.size() >= 1, run.toString());
            assertEquals(history.get(history.size() - 1).get("relativeL2").asDouble(),
                    run.get("relativeL2").asDouble(), 0.0);
            assertTrue(run.get("iterations").asInt() <= 5, run.toString());
        }
    }
}
