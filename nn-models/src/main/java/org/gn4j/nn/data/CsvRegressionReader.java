package org.gn4j.nn.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gn4j.gn.fit.CsvTable;

/**
 * Reads a regression data set from a comma-separated file with a header row. Feature and target columns are chosen by
 * header name, or the last {@code k} columns are taken as targets and all others as features.
 *
 * <h2>Format</h2>
 *
 * The format of {@link CsvTable}, which reads the file through Apache Commons CSV: UTF-8 text (a leading byte-order
 * mark is skipped), records separated by {@code \n}, {@code \r\n} or {@code \r}, RFC 4180 quoting (a quoted header
 * name or field may hold commas, line breaks and {@code ""} for one quote), blanks around fields dropped, blank lines
 * and {@code #} comment lines skipped. The first record is the header of non-empty, distinct names, and every record
 * has as many fields as the header. The values of the chosen columns are finite plain decimal numbers: an optional
 * sign, digits with an optional decimal point, an optional exponent ({@code 3}, {@code -0.5}, {@code .25},
 * {@code 1E-3}); {@code 1d}, hexadecimal, {@code NaN}, infinities and overflowing numbers are rejected. Columns that
 * are not chosen may hold anything (text labels, dates).
 *
 * <h2>Errors</h2>
 *
 * Malformed input raises {@link IllegalArgumentException} (never another runtime exception) whose message starts with
 * the file and the 1-based line: a ragged row, a chosen field that is not a finite number (the message also names the
 * column and quotes the field), an unclosed quote or text after a closing quote, bytes that are not UTF-8, a missing
 * header, an unknown column or no data rows; null arguments raise it too, naming the argument. {@link IOException}
 * means only that the file cannot be read. Memory and time grow linearly with the file. The result has feature shape
 * {@code {featureCount}} and target width {@code targetCount}, with columns in the order requested.
 */
public final class CsvRegressionReader {
    /** Files larger than this are refused before reading (the text must fit one Java string). */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 16;

    private CsvRegressionReader() {
    }

    /**
     * Reads the named feature and target columns.
     *
     * @param file           the CSV file
     * @param featureColumns header names of the feature columns, at least one, in the order wanted
     * @param targetColumns  header names of the target columns, at least one, in the order wanted
     * @param split          description of the samples
     * @return the data set, feature shape {@code {featureColumns.size()}}, target width {@code targetColumns.size()}
     * @throws IllegalArgumentException if an argument is null, a column is unknown, repeated or both feature and
     *                                  target, the header is missing or repeats a name, or a row is ragged or its
     *                                  chosen fields are not finite numbers ({@code file:line} in the message)
     * @throws IOException              if the file cannot be read
     */
    public static Dataset read(Path file, List<String> featureColumns, List<String> targetColumns, String split)
            throws IOException {
        requireNonNull("featureColumns", featureColumns);
        requireNonNull("targetColumns", targetColumns);
        return read(file, split, named(featureColumns, targetColumns));
    }

    private static ColumnChooser named(List<String> featureColumns, List<String> targetColumns) {
        return (header, at) -> {
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
        };
    }

    /**
     * Reads all columns, the last {@code targetCount} as targets and the others as features.
     *
     * @param file the CSV file, with a header row
     * @param targetCount number of target columns at the end of each row, in {@code [1, columns − 1]}
     * @param split description of the samples
     * @return the data set, feature shape {@code {columns − targetCount}}, target width {@code targetCount}
     * @throws IllegalArgumentException if {@code targetCount} is not in {@code [1, columns − 1]}, or as {@link
     *                                  #read(Path, List, List, String)} (here every column is chosen, so every field
     *                                  must be a finite number)
     * @throws IOException              if the file cannot be read
     */
    public static Dataset readLastColumnsAsTargets(Path file, int targetCount, String split) throws IOException {
        return read(file, split, lastColumns(targetCount));
    }

    private static ColumnChooser lastColumns(int targetCount) {
        return (header, at) -> {
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
        };
    }

    /** Picks the feature and target column indices from the header; {@code at} is {@code "file:line"}. */
    private interface ColumnChooser {
        int[][] choose(String[] header, String at);
    }

    private static Dataset read(Path file, String split, ColumnChooser chooser) throws IOException {
        requireNonNull("file", file);
        requireSplit(split);
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(file + ": file has " + size + " bytes, more than the " + MAX_FILE_BYTES
                    + " a data set can be read from");
        }
        return parse(file, Files.readAllBytes(file), split, chooser);
    }

    /** Reads the bytes of a file as {@link #read(Path, List, List, String)} reads the file. */
    static Dataset parse(Path file, byte[] content, List<String> featureColumns, List<String> targetColumns,
            String split) {
        requireNonNull("featureColumns", featureColumns);
        requireNonNull("targetColumns", targetColumns);
        return parse(file, content, split, named(featureColumns, targetColumns));
    }

    /** Reads the bytes of a file as {@link #readLastColumnsAsTargets(Path, int, String)} reads the file. */
    static Dataset parseLastColumnsAsTargets(Path file, byte[] content, int targetCount, String split) {
        return parse(file, content, split, lastColumns(targetCount));
    }

    private static void requireSplit(String split) {
        requireNonNull("split", split);
        if (split.isBlank()) {
            throw new IllegalArgumentException("split is blank, expected a description of the samples");
        }
    }

    private static Dataset parse(Path file, byte[] content, String split, ColumnChooser chooser) {
        requireSplit(split);
        CsvTable table = CsvTable.parseUtf8(file.toString(), content);
        String at = file + ":" + table.headerLine();
        String[] header = table.columns().toArray(new String[0]);
        int[][] chosen = chooser.choose(header, at);
        int[] fc = chosen[0];
        int[] tc = chosen[1];
        int n = table.rowCount();
        if (n == 0) {
            throw new IllegalArgumentException(at + ": no data rows after the header, expected at least one");
        }
        double[][] f = table.columns(names(header, fc));
        double[][] t = table.columns(names(header, tc));
        if ((long) n * Math.max(fc.length, tc.length) > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(at + ": " + n + " rows of " + Math.max(fc.length, tc.length)
                    + " values, more than one array holds");
        }
        double[] features = new double[n * fc.length];
        double[] targets = new double[n * tc.length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(f[i], 0, features, i * fc.length, fc.length);
            System.arraycopy(t[i], 0, targets, i * tc.length, tc.length);
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return Dataset.wrap(name, split, new int[] {fc.length}, features, tc.length, targets);
    }

    private static List<String> names(String[] header, int[] columns) {
        List<String> out = new ArrayList<>(columns.length);
        for (int c : columns) {
            out.add(header[c]);
        }
        return out;
    }

    private static void requireNonNull(String what, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is null");
        }
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
