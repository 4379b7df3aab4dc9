package org.gn4j.nn.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gn4j.linalg.text.PlainDecimal;

/**
 * Reads a regression data set from a comma-separated file with a header row. Feature and target columns are chosen by
 * header name, or the last {@code k} columns are taken as targets and all others as features.
 *
 * <h2>Format</h2>
 *
 * UTF-8 text (a leading byte-order mark is skipped), records separated by line breaks ({@code \n}, {@code \r\n} or
 * {@code \r}), fields by commas; blank lines are skipped. The first record is the header of non-empty, distinct names.
 * Fields follow RFC 4180 quoting: a field may be enclosed in double quotes, inside which commas and line breaks are
 * part of the field and {@code ""} stands for one quote; blanks around a field are dropped, and only blanks may follow
 * a closing quote (a quote inside an unquoted field is an ordinary character). Every record has as many fields as the
 * header. The values of the chosen columns are finite plain decimal numbers: an optional sign, digits with an
 * optional decimal point, an optional exponent ({@code 3}, {@code -0.5}, {@code .25}, {@code 1E-3}); {@code 1d},
 * hexadecimal, {@code NaN}, infinities and overflowing numbers are rejected. Columns that are not chosen may hold
 * anything (text labels, dates).
 *
 * <h2>Errors</h2>
 *
 * Malformed input raises {@link IllegalArgumentException} (never another runtime exception) naming the file and the
 * 1-based line: a ragged row (field count differs from the header), a chosen field that is not a finite number (the
 * message also names the column and quotes the field), an unclosed quote or text after a closing quote, bytes that
 * are not UTF-8, a missing header or no data rows; null arguments raise it too, naming the argument. {@link
 * IOException} means only that the file cannot be read. Memory and time grow linearly with the file. The result has
 * feature shape {@code {featureCount}} and target width {@code targetCount}, with columns in the order requested.
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
        Records records = new Records(file.toString(), decodeUtf8(file, content));
        List<String> fields = new ArrayList<>();
        if (!records.next(fields)) {
            throw new IllegalArgumentException(file + ":" + records.line()
                    + ": no header row, expected a comma-separated list of column names");
        }
        int headerLine = records.recordLine();
        String[] header = fields.toArray(new String[0]);
        for (int k = 0; k < header.length; k++) {
            header[k] = header[k].trim();
        }
        int[][] chosen = chooser.choose(header, file + ":" + headerLine);
        int[] fc = chosen[0];
        int[] tc = chosen[1];
        int width = fc.length + tc.length;
        // the chosen values, row after row: features then targets of each row
        double[] values = new double[Math.max(16, width)];
        int n = 0;
        while (records.next(fields)) {
            int lineNo = records.recordLine();
            if (fields.size() != header.length) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": found " + fields.size()
                        + " fields, expected " + header.length + " (as in the header on line " + headerLine + ")");
            }
            long need = (long) (n + 1) * width;
            if (need > values.length) {
                if (need > Integer.MAX_VALUE - 16) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": more than " + (Integer.MAX_VALUE - 16)
                            + " values in the chosen columns, more than one array holds");
                }
                values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(need,
                        2L * values.length)));
            }
            int at = n * width;
            for (int k = 0; k < fc.length; k++) {
                values[at + k] = parse(file, lineNo, header[fc[k]], fields.get(fc[k]));
            }
            for (int k = 0; k < tc.length; k++) {
                values[at + fc.length + k] = parse(file, lineNo, header[tc[k]], fields.get(tc[k]));
            }
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException(file + ":" + records.line()
                    + ": no data rows after the header, expected at least one");
        }
        double[] features = new double[n * fc.length];
        double[] targets = new double[n * tc.length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(values, i * width, features, i * fc.length, fc.length);
            System.arraycopy(values, i * width + fc.length, targets, i * tc.length, tc.length);
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return Dataset.wrap(name, split, new int[] {fc.length}, features, tc.length, targets);
    }

    private static void requireNonNull(String what, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is null");
        }
    }

    /** The text shortened for a message: at most 60 characters, longer text cut with its length given. */
    private static String shown(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "... (" + text.length() + " characters)";
    }

    private static double parse(Path file, int lineNo, String column, String field) {
        String text = field.trim();
        if (!PlainDecimal.matches(text)) {
            if (PlainDecimal.spellsNonFinite(text)) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": column '" + shown(column) + "' is '" + text
                        + "', expected a finite number (NaN and infinite inputs are rejected)");
            }
            throw new IllegalArgumentException(file + ":" + lineNo + ": column '" + shown(column) + "' is '"
                    + shown(text) + "', expected a number (plain decimal: optional sign, digits, point, exponent)");
        }
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": column '" + shown(column) + "' is '"
                    + shown(text) + "', which overflows to " + v + ", expected a finite number");
        }
        return v;
    }


    /** Decodes strict UTF-8; a malformed byte raises an error naming the file, line and byte offset. */
    private static String decodeUtf8(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never decodes to more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError() && !result.isOverflow()) {
            result = decoder.flush(out);
        }
        if (result.isError() || result.isOverflow()) {
            int at = Math.min(in.position(), bytes.length - 1);
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new IllegalArgumentException(String.format("%s:%d: not UTF-8 text: malformed byte 0x%02X at byte"
                    + " offset %d", file, line, bytes[Math.max(at, 0)] & 0xFF, at));
        }
        out.flip();
        return out.toString();
    }

    /**
     * Splits CSV text into records of fields (RFC 4180 quoting, see the class comment), skipping blank lines. One
     * pass, no backtracking. (The same splitter as {@code org.gn4j.gn.fit.CsvTable}'s, without comment lines.)
     */
    private static final class Records {
        private final String source;
        private final String text;
        private final StringBuilder quoted = new StringBuilder();
        private int pos;
        private int line = 1;
        private int recordLine;

        Records(String source, String text) {
            this.source = source;
            this.text = text;
            this.pos = text.startsWith("\uFEFF") ? 1 : 0;
        }

        int recordLine() {
            return recordLine;
        }

        int line() {
            return line;
        }

        private static boolean isBlank(char c) {
            return c <= ' ' && c != '\n' && c != '\r';
        }

        private boolean isLineBreak(int p) {
            return p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r');
        }

        private int afterLineBreak(int p) {
            if (text.charAt(p) == '\r' && p + 1 < text.length() && text.charAt(p + 1) == '\n') {
                return p + 2;
            }
            return p + 1;
        }

        /** Reads the next record into {@code fields} (cleared first); false at the end of the input. */
        boolean next(List<String> fields) {
            fields.clear();
            int n = text.length();
            while (true) {
                int p = pos;
                while (p < n && isBlank(text.charAt(p))) {
                    p++;
                }
                if (p >= n) {
                    pos = n;
                    return false;
                }
                if (!isLineBreak(p)) {
                    break;
                }
                pos = afterLineBreak(p);
                line++;
            }
            recordLine = line;
            while (true) {
                int p = pos;
                while (p < n && isBlank(text.charAt(p))) {
                    p++;
                }
                if (p < n && text.charAt(p) == '"') {
                    int openLine = line;
                    quoted.setLength(0);
                    p++;
                    while (true) {
                        if (p >= n) {
                            throw new IllegalArgumentException(source + ":" + openLine + ": the quoted field "
                                    + (fields.size() + 1) + " opened on this line is never closed");
                        }
                        char c = text.charAt(p);
                        if (c == '"') {
                            if (p + 1 < n && text.charAt(p + 1) == '"') {
                                quoted.append('"');
                                p += 2;
                                continue;
                            }
                            p++;
                            break;
                        }
                        if (c == '\n' || (c == '\r' && !(p + 1 < n && text.charAt(p + 1) == '\n'))) {
                            line++;
                        }
                        quoted.append(c);
                        p++;
                    }
                    while (p < n && isBlank(text.charAt(p))) {
                        p++;
                    }
                    if (p < n && text.charAt(p) != ',' && !isLineBreak(p)) {
                        throw new IllegalArgumentException(source + ":" + line + ": unexpected '" + text.charAt(p)
                                + "' after the closing quote of field " + (fields.size() + 1)
                                + ", expected a comma or the end of the line");
                    }
                    fields.add(quoted.toString());
                } else {
                    int end = pos;
                    while (end < n && text.charAt(end) != ',' && !isLineBreak(end)) {
                        end++;
                    }
                    fields.add(text.substring(pos, end).trim());
                    p = end;
                }
                if (p < n && text.charAt(p) == ',') {
                    pos = p + 1;
                    continue;
                }
                if (p < n) {
                    p = afterLineBreak(p);
                    line++;
                }
                pos = p;
                return true;
            }
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
