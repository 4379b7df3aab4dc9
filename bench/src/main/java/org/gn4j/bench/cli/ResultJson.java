package org.gn4j.bench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gn4j.nn.train.EpochMetrics;
import org.gn4j.pinn.train.HistoryPoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON result files of {@code gn4j train --json} and {@code gn4j pinn --json} (Jackson). Non-finite numbers are
 * written as {@code null}, so every file is strict JSON.
 */
final class ResultJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultJson() {
    }

    /** {@code gn4j train}: the run's options, its ending and one entry per epoch. */
    static String train(Map<String, String> options, String network, String optimizer,
            org.gn4j.nn.train.TrainingResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("command", "train");
        root.put("network", network);
        root.put("optimizer", optimizer);
        ObjectNode opts = root.putObject("options");
        options.forEach(opts::put);
        root.put("status", r.status().name());
        root.put("epochs", r.epochs());
        root.put("steps", r.steps());
        root.put("samplesSeen", r.samplesSeen());
        number(root, "seconds", r.seconds());
        number(root, "trainLoss", r.trainLoss());
        number(root, "testLoss", r.testLoss());
        number(root, "testAccuracy", r.testAccuracy());
        ArrayNode history = root.putArray("history");
        for (EpochMetrics m : r.history()) {
            ObjectNode e = history.addObject();
            e.put("epoch", m.epoch());
            e.put("step", m.step());
            e.put("samplesSeen", m.samplesSeen());
            number(e, "seconds", m.seconds());
            number(e, "trainLoss", m.trainLoss());
            number(e, "testLoss", m.testLoss());
            number(e, "testAccuracy", m.testAccuracy());
        }
        return write(root);
    }

    /** {@code gn4j pinn}: the problem, the budget and, per optimizer, its ending, final errors and history. */
    static String pinn(String problem, double budgetSeconds, List<org.gn4j.pinn.train.TrainingResult> results) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("command", "pinn");
        root.put("problem", problem);
        number(root, "budgetSeconds", budgetSeconds);
        ArrayNode runs = root.putArray("results");
        for (org.gn4j.pinn.train.TrainingResult r : results) {
            ObjectNode run = runs.addObject();
            run.put("optimizer", r.optimizer());
            run.put("status", r.status().name().toLowerCase(Locale.ROOT));
            run.put("iterations", r.iterations());
            number(run, "seconds", r.seconds());
            HistoryPoint last = r.last();
            number(run, "loss", last.loss());
            number(run, "relativeL2", last.relativeL2());
            number(run, "maxAbsError", last.maxAbs());
            number(run, "bestRelativeL2", r.bestRelativeL2());
            ArrayNode history = run.putArray("history");
            for (HistoryPoint h : r.history()) {
                ObjectNode p = history.addObject();
                p.put("iteration", h.iteration());
                number(p, "seconds", h.seconds());
                number(p, "loss", h.loss());
                number(p, "relativeL2", h.relativeL2());
                number(p, "maxAbsError", h.maxAbs());
            }
        }
        return write(root);
    }

    /** Writes {@code json} and a final line break to {@code file} (UTF-8). */
    static void writeFile(Path file, String json) throws IOException {
        Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            // a tree of plain nodes always serializes
            throw new IllegalStateException(e);
        }
    }

    private static void number(ObjectNode node, String field, double v) {
        if (Double.isFinite(v)) {
            node.put(field, v);
        } else {
            node.putNull(field);
        }
    }
}
