package org.gn4j.bench.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.fit.FitReport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The files of {@code gn4j fit --data}: the whole result as JSON (Jackson) and the per-row residuals as CSV (Commons
 * CSV). Non-finite numbers (an unavailable interval, the AIC of an exact fit) are written as JSON {@code null}.
 */
final class FitOutputs {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FitOutputs() {
    }

    /**
     * The result as a JSON document: data, model, response, sigma, absoluteSigma, solver, termination (reason,
     * converged, message), counts, cost, parameters (name, estimate, standardError, interval95, lowerBound and
     * upperBound, null where none, bound: free, at_lower or at_upper), covariance (available, note, matrix,
     * correlation), statistics and rows (prediction, residual, weight: one entry per data row).
     */
    static String json(FitReport r, Path data, String model, String response, String sigma) {
        Optimum o = r.optimum();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("data", data.toString());
        root.put("model", model);
        root.put("response", response);
        if (sigma == null) {
            root.putNull("sigma");
        } else {
            root.put("sigma", sigma);
        }
        root.put("absoluteSigma", r.absoluteSigma());
        root.put("solver", o.solver());
        ObjectNode term = root.putObject("termination");
        term.put("reason", o.reason().name());
        term.put("converged", o.converged());
        term.put("message", o.message());
        ObjectNode counts = root.putObject("counts");
        counts.put("rows", r.rowCount());
        counts.put("parameters", r.parameters().length);
        counts.put("degreesOfFreedom", r.degreesOfFreedom());
        counts.put("iterations", o.iterations());
        counts.put("residualEvaluations", o.residualEvaluations());
        counts.put("jacobianEvaluations", o.jacobianEvaluations());
        number(counts, "seconds", o.seconds());
        ObjectNode cost = root.putObject("cost");
        number(cost, "initial", o.initialCost());
        number(cost, "final", o.cost());
        number(cost, "gradientNormInf", o.gradientNorm());

        double[] b = r.parameters();
        double[] se = r.hasCovariance() ? r.standardErrors() : null;
        double[][] ci = null;
        if (r.hasCovariance()) {
            try {
                ci = r.confidenceIntervals(0.95);
            } catch (RuntimeException e) {
                ci = null;
            }
        }
        double[] lo = r.lowerBounds();
        double[] hi = r.upperBounds();
        FitReport.BoundState[] at = r.boundStates();
        ArrayNode params = root.putArray("parameters");
        for (int j = 0; j < b.length; j++) {
            ObjectNode p = params.addObject();
            p.put("name", r.parameterNames().get(j));
            number(p, "estimate", b[j]);
            number(p, "standardError", se == null ? Double.NaN : se[j]);
            ArrayNode interval = p.putArray("interval95");
            number(interval, ci == null ? Double.NaN : ci[j][0]);
            number(interval, ci == null ? Double.NaN : ci[j][1]);
            number(p, "lowerBound", lo[j]);
            number(p, "upperBound", hi[j]);
            p.put("bound", at[j].name().toLowerCase(Locale.ROOT));
        }
        ObjectNode cov = root.putObject("covariance");
        cov.put("available", r.hasCovariance());
        cov.put("note", r.covarianceNote());
        cov.set("matrix", r.hasCovariance() ? matrix(r.covariance()) : null);
        cov.set("correlation", r.hasCovariance() ? matrix(r.correlation()) : null);

        ObjectNode stats = root.putObject("statistics");
        stats.put("weighted", r.weighted());
        number(stats, "chiSquare", r.chiSquare());
        number(stats, "reducedChiSquare", r.reducedChiSquare());
        number(stats, "rSquared", r.rSquared());
        stats.put("rSquaredSums", r.rSquaredWeighted() ? "weighted" : "unweighted");
        number(stats, "aic", r.aic());
        number(stats, "bic", r.bic());
        stats.put("informationCriteria", "AIC = m ln(chi2/m) + 2n, BIC = m ln(chi2/m) + n ln m (Gaussian likelihood, "
                + "constants left out)");

        ObjectNode rows = root.putObject("rows");
        rows.set("prediction", vector(r.predictions()));
        rows.set("residual", vector(r.residuals()));
        rows.set("weight", vector(r.weights()));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON of the fit result: " + e.getMessage(), e);
        }
    }

    /**
     * Writes one row per observation: the model's variables, the response, the sigma column (when given), the
     * prediction, the residual {@code response − prediction} and the weight.
     */
    static void writeResiduals(Path file, FitReport r, List<String> variables, double[][] x, String response,
            double[] y, String sigma, double[] sigmas) throws IOException {
        List<String> header = new ArrayList<>(variables);
        header.add(response);
        if (sigma != null) {
            header.add(sigma);
        }
        header.add("prediction");
        header.add("residual");
        header.add("weight");
        double[] pred = r.predictions();
        double[] res = r.residuals();
        double[] w = r.weights();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            csv.printRecord(header);
            List<String> row = new ArrayList<>(header.size());
            for (int i = 0; i < y.length; i++) {
                row.clear();
                for (double v : x[i]) {
                    row.add(Double.toString(v));
                }
                row.add(Double.toString(y[i]));
                if (sigma != null) {
                    row.add(Double.toString(sigmas[i]));
                }
                row.add(Double.toString(pred[i]));
                row.add(Double.toString(res[i]));
                row.add(Double.toString(w[i]));
                csv.printRecord(row);
            }
        }
    }

    private static void number(ObjectNode node, String field, double v) {
        if (Double.isFinite(v)) {
            node.put(field, v);
        } else {
            node.putNull(field);
        }
    }

    private static void number(ArrayNode node, double v) {
        if (Double.isFinite(v)) {
            node.add(v);
        } else {
            node.addNull();
        }
    }

    private static ArrayNode vector(double[] v) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double d : v) {
            number(a, d);
        }
        return a;
    }

    private static ArrayNode matrix(double[][] m) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double[] row : m) {
            a.add(vector(row));
        }
        return a;
    }
}
