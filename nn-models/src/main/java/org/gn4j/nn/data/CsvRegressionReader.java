package org.gn4j.nn.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads a regression data set from a comma-separated file with a header row. Feature and target columns are chosen by
 * header name, or the last {@code k} columns are taken as targets and all others as features. Fields are trimmed;
 * blank lines are skipped; quoting is not supported. Every value must be a finite decimal number.
 *
 * <p>Errors name the file and the 1-based line: a ragged row (field count differs from the header), a field that is
 * not a number, and NaN or infinite inputs. The result has feature shape {@code {featureCount}} and target width
 * {@code targetCount}, with columns in the order requested.
 */
public final class CsvRegressionReader {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private CsvRegressionReader() {
    }

    /**
     * Reads the named feature and target columns.
     *
     * @param file           the CSV file
     * @param featureColumns header names of the feature columns, at least one, in the order wanted
     * @param targetColumns  header names of the target columns, at least one, in the order wanted
     * @param split          description of the samples
     * @throws IllegalArgumentException if a column is unknown, repeated or both feature and target, the header is
     *                                  missing or repeats a name, or a row is ragged, not numeric or not finite
     *                                  ({@code file:line} in the message)
     * @throws IOException              if the file cannot be read
     */
    public static Dataset read(Path file, List<String> featureColumns, List<String> targetColumns, String split)
            throws IOException {
        Objects.requireNonNull(featureColumns, "featureColumns");
        Objects.requireNonNull(targetColumns, "targetColumns");
        return read(file, split, (header, at) -> {
            Map<String, Integer> index = indexHeader(at, header);
            int[] f = columns(at, index, featureColumns, "featureColumns", header);
            int[] t = columns(at, index, targetColumns, "targetColumns", header);
            for (String name : featureColumns) {
                if (targetColumns.contains(name)) {
                    throw new IllegalArgumentException(at + ": column '" + name
                            + "' is requested both as a feature and as a target");
                }
            }
            return new int[][] {f, t};
        });
    }

    /**
     * Reads all columns, the last {@code targetCount} as targets and the others as features.
     *
     * @throws IllegalArgumentException if {@code targetCount} is not in {@code [1, columns − 1]}, or as {@link
     *                                  #read(Path, List, List, String)}
     * @throws IOException              if the file cannot be read
     */
    public static Dataset readLastColumnsAsTargets(Path file, int targetCount, String split) throws IOException {
        return read(file, split, (header, at) -> {
            indexHeader(at, header);
            int c = header.length;
            if (targetCount < 1 || targetCount >= c) {
                throw new IllegalArgumentException(at + ": targetCount is " + targetCount + ", expected in [1, "
                        + (c - 1) + "] for a header of " + c + " columns");
            }
            int[] f = new int[c - targetCount];
            int[] t = new int[targetCount];
            for (int k = 0; k < c; k++) {
                if (k < f.length) {
                    f[k] = k;
                } else {
                    t[k - f.length] = k;
                }
            }
            return new int[][] {f, t};
        });
    }

    /** Picks the feature and target column indices from the header; {@code at} is {@code "file:line"}. */
    private interface ColumnChooser {
        int[][] choose(String[] header, String at);
    }

    private static Dataset read(Path file, String split, ColumnChooser chooser) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(split, "split");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            String[] header = null;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (!line.isBlank()) {
                    header = fields(line);
                    break;
                }
            }
            if (header == null) {
                throw new IllegalArgumentException(file + ":" + Math.max(lineNo, 1)
                        + ": no header row, expected a comma-separated list of column names");
            }
            int headerLine = lineNo;
            int[][] chosen = chooser.choose(header, file + ":" + headerLine);
            int[] fc = chosen[0];
            int[] tc = chosen[1];
            List<double[]> rows = new ArrayList<>();
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = fields(line);
                if (parts.length != header.length) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": found " + parts.length
                            + " fields, expected " + header.length + " (as in the header on line " + headerLine + ")");
                }
                double[] row = new double[fc.length + tc.length];
                for (int k = 0; k < fc.length; k++) {
                    row[k] = parse(file, lineNo, header[fc[k]], parts[fc[k]]);
                }
                for (int k = 0; k < tc.length; k++) {
                    row[fc.length + k] = parse(file, lineNo, header[tc[k]], parts[tc[k]]);
                }
                rows.add(row);
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(file + ":" + (lineNo + 1)
                        + ": no data rows after the header, expected at least one");
            }
            int n = rows.size();
            double[] features = new double[Math.multiplyExact(n, fc.length)];
            double[] targets = new double[Math.multiplyExact(n, tc.length)];
            for (int i = 0; i < n; i++) {
                double[] row = rows.get(i);
                System.arraycopy(row, 0, features, i * fc.length, fc.length);
                System.arraycopy(row, fc.length, targets, i * tc.length, tc.length);
            }
            String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            return Dataset.wrap(name, split, new int[] {fc.length}, features, tc.length, targets);
        }
    }

    private static String[] fields(String line) {
        String[] parts = line.split(",", -1);
        for (int k = 0; k < parts.length; k++) {
            parts[k] = parts[k].trim();
        }
        return parts;
    }

    private static double parse(Path file, int lineNo, String column, String text) {
        if (NON_FINITE.matcher(text).matches()) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": column '" + column + "' is '" + text
                    + "', expected a finite number (NaN and infinite inputs are rejected)");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": column '" + column + "' is '" + text
                    + "', expected a number");
        }
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": column '" + column + "' is '" + text
                    + "', which overflows to " + v + ", expected a finite number");
        }
        return v;
    }

    private static Map<String, Integer> indexHeader(String at, String[] header) {
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < header.length; k++) {
            if (header[k].isEmpty()) {
                throw new IllegalArgumentException(at + ": header column " + (k + 1)
                        + " is empty, expected a name");
            }
            Integer prev = index.put(header[k], k);
            if (prev != null) {
                throw new IllegalArgumentException(at + ": header repeats column name '" + header[k]
                        + "' (columns " + (prev + 1) + " and " + (k + 1) + "), expected unique names");
            }
        }
        return index;
    }

    private static int[] columns(String at, Map<String, Integer> index, List<String> names, String argument,
            String[] header) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException(argument + " is empty, expected at least one column name");
        }
        int[] out = new int[names.size()];
        for (int k = 0; k < out.length; k++) {
            Integer c = index.get(names.get(k));
            if (c == null) {
                throw new IllegalArgumentException(at + ": " + argument + " names column '" + names.get(k)
                        + "', which the header does not have; expected one of " + String.join(", ", header));
            }
            for (int j = 0; j < k; j++) {
                if (out[j] == c) {
                    throw new IllegalArgumentException(argument + " names column '" + names.get(k)
                            + "' twice, expected distinct columns");
                }
            }
            out[k] = c;
        }
        return out;
    }
}
