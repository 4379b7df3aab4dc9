package org.gn4j.gn.fit;

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
 * A numeric CSV table with a header row of column names.
 *
 * <h2>Format</h2>
 *
 * UTF-8 text (a leading byte-order mark is skipped), records separated by line breaks ({@code \n}, {@code \r\n} or
 * {@code \r}), fields by commas. Blank lines and lines whose first non-blank character is {@code #} are skipped. The
 * first record is the header: non-empty, distinct column names. Fields follow RFC 4180 quoting: a field may be
 * enclosed in double quotes, inside which commas and line breaks are part of the field and {@code ""} stands for one
 * quote; blanks around a field (quoted or not) are dropped, and only blanks may follow a closing quote. A quote inside
 * an unquoted field is an ordinary character. Every data record must have as many fields as the header.
 *
 * <p>Values are plain decimal numbers: an optional sign, digits with an optional decimal point, an optional exponent
 * ({@code 3}, {@code -0.5}, {@code .25}, {@code 1E-3}, {@code +2.}). Java's other spellings ({@code 1d}, {@code 2f},
 * hexadecimal {@code 0x1p3}, {@code NaN}, {@code Infinity}) and numbers that overflow a double are not numbers here.
 * A column may hold text (a label, a date): the table still parses, and only asking for that column's values ({@link
 * #column}, {@link #columns(List)}) raises the error, naming the first offending cell.
 *
 * <h2>Errors</h2>
 *
 * Malformed input raises {@link IllegalArgumentException} (and never another runtime exception) whose message starts
 * with {@code source:line:}: a ragged record, an empty or duplicate column name, an unclosed quote, text after a
 * closing quote, bytes that are not UTF-8, a missing header; and, when its column is requested, a cell that is not a
 * finite plain decimal number (the message also names the column and quotes the cell). {@link #read(Path)} raises
 * {@link IOException} only when the file cannot be read. Memory and time grow linearly with the input.
 */
public final class CsvTable {
    /** Files larger than this are refused before reading (the text must fit one Java string). */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 16;

    private final String source;
    private final List<String> columns;
    private final Map<String, Integer> index;
    private final double[][] rows;
    /** Per column: null, or the error naming the column's first cell that is not a finite number. */
    private final String[] columnErrors;

    private CsvTable(String source, List<String> columns, Map<String, Integer> index, double[][] rows,
            String[] columnErrors) {
        this.source = source;
        this.columns = columns;
        this.index = index;
        this.rows = rows;
        this.columnErrors = columnErrors;
    }

    /**
     * Reads a UTF-8 file.
     *
     * @param file the file
     * @return the table
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if {@code file} is null or the content is malformed (see the class comment)
     */
    public static CsvTable read(Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file is null, expected the path of a CSV file");
        }
        String source = file.toString();
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(source + ": file has " + size + " bytes, more than the " + MAX_FILE_BYTES
                    + " a table can be read from");
        }
        return parseBytes(source, Files.readAllBytes(file));
    }

    /** Parses the bytes of a UTF-8 file as {@link #read(Path)} does; {@code source} names it in error messages. */
    static CsvTable parseBytes(String source, byte[] content) {
        return parseText(source, decodeUtf8(source, content));
    }

    /**
     * Parses lines; {@code source} names the input in error messages. The lines are joined with {@code \n}, so a
     * quoted field may continue on the next line.
     *
     * @throws IllegalArgumentException if an argument or a line is null, or the content is malformed (see the class
     *                                  comment)
     */
    public static CsvTable parse(String source, List<String> lines) {
        if (source == null) {
            throw new IllegalArgumentException("source is null, expected a name for error messages");
        }
        if (lines == null) {
            throw new IllegalArgumentException("lines is null, expected the lines of " + source);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line == null) {
                throw new IllegalArgumentException("lines[" + i + "] is null, expected line " + (i + 1) + " of "
                        + source);
            }
            text.append(line).append('\n');
        }
        return parseText(source, text.toString());
    }

    private static CsvTable parseText(String source, String text) {
        Records records = new Records(source, text, true);
        List<String> fields = new ArrayList<>();
        if (!records.next(fields)) {
            throw new IllegalArgumentException(source + ":" + records.line() + ": no header row, expected column names");
        }
        int headerLine = records.recordLine();
        List<String> header = new ArrayList<>(fields.size());
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < fields.size(); j++) {
            String name = fields.get(j).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException(source + ":" + headerLine + ": empty column name in header (column "
                        + (j + 1) + ")");
            }
            if (index.putIfAbsent(name, j) != null) {
                throw new IllegalArgumentException(source + ":" + headerLine + ": duplicate column '" + shown(name)
                        + "'");
            }
            header.add(name);
        }
        int width = header.size();
        String[] columnErrors = new String[width];
        List<double[]> data = new ArrayList<>();
        while (records.next(fields)) {
            int ln = records.recordLine();
            if (fields.size() != width) {
                throw new IllegalArgumentException(source + ":" + ln + ": " + fields.size() + " values, expected "
                        + width + " " + shown(header.toString()));
            }
            double[] row = new double[width];
            for (int j = 0; j < width; j++) {
                String cell = fields.get(j).trim();
                String problem = Decimals.problem(cell);
                if (problem == null) {
                    row[j] = Double.parseDouble(cell);
                    if (Double.isFinite(row[j])) {
                        continue;
                    }
                    problem = "which overflows a double, expected a finite number";
                }
                row[j] = Double.NaN;
                if (columnErrors[j] == null) {
                    columnErrors[j] = source + ":" + ln + ": column '" + shown(header.get(j)) + "' (field " + (j + 1)
                            + ") holds '" + shown(cell) + "', " + problem;
                }
            }
            data.add(row);
        }
        return new CsvTable(source, List.copyOf(header), index, data.toArray(new double[0][]), columnErrors);
    }

    /** Column names. */
    public List<String> columns() {
        return columns;
    }

    /** Number of data rows. */
    public int rowCount() {
        return rows.length;
    }

    /**
     * The values of a column.
     *
     * @throws IllegalArgumentException if the name is null or not a column (the message lists the available ones), or
     *                                  the column holds a cell that is not a finite number (the message names the
     *                                  file, line, column and cell text)
     */
    public double[] column(String name) {
        int j = columnIndex(name);
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][j];
        }
        return out;
    }

    /**
     * Rows of the named columns, in the given order.
     *
     * @throws IllegalArgumentException if {@code names} is null, or as {@link #column(String)} for one of its names
     */
    public double[][] columns(List<String> names) {
        if (names == null) {
            throw new IllegalArgumentException("names is null, expected a list of column names");
        }
        int[] js = new int[names.size()];
        for (int k = 0; k < js.length; k++) {
            js[k] = columnIndex(names.get(k));
        }
        double[][] out = new double[rows.length][js.length];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < js.length; k++) {
                out[i][k] = rows[i][js[k]];
            }
        }
        return out;
    }

    private int columnIndex(String name) {
        Integer j = name == null ? null : index.get(name);
        if (j == null) {
            throw new IllegalArgumentException(source + ": no column " + (name == null ? "null" : "'" + name + "'")
                    + ", expected one of " + columns);
        }
        if (columnErrors[j] != null) {
            throw new IllegalArgumentException(columnErrors[j]);
        }
        return j;
    }

    @Override
    public String toString() {
        return "CsvTable[" + source + ", " + rows.length + " rows, columns " + Arrays.toString(columns.toArray()) + "]";
    }

    /** The text shortened for a message: at most 60 characters, longer text cut with its length given. */
    static String shown(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "... (" + text.length() + " characters)";
    }

    /**
     * Decodes strict UTF-8; a malformed byte raises an error naming the line and byte offset. A leading byte-order
     * mark is kept (the record splitter skips it).
     */
    static String decodeUtf8(String source, byte[] bytes) {
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
                    + " offset %d", source, line, bytes[Math.max(at, 0)] & 0xFF, at));
        }
        out.flip();
        return out.toString();
    }

    /** Plain decimal numbers, checked in linear time. */
    static final class Decimals {
        private Decimals() {
        }

        /** Null if {@code text} is a plain decimal number, else the reason it is not (for a message). */
        static String problem(String text) {
            if (PlainDecimal.matches(text)) {
                return null;
            }
            if (PlainDecimal.spellsNonFinite(text)) {
                return "expected a finite number (NaN and infinities are not accepted)";
            }
            return text.isEmpty() ? "an empty field, expected a number"
                    : "expected a plain decimal number (optional sign, digits, point, exponent)";
        }
    }

    /**
     * Splits CSV text into records of fields (RFC 4180 quoting, see the class comment), skipping blank lines and,
     * optionally, comment lines. One pass, no backtracking.
     */
    static final class Records {
        private final String source;
        private final String text;
        private final boolean comments;
        private final StringBuilder quoted = new StringBuilder();
        private int pos;
        private int line = 1;
        private int recordLine;

        Records(String source, String text, boolean comments) {
            this.source = source;
            this.text = text;
            this.comments = comments;
            this.pos = text.startsWith("\uFEFF") ? 1 : 0;
        }

        /** The 1-based line the last record returned by {@link #next} starts on. */
        int recordLine() {
            return recordLine;
        }

        /** The current 1-based line (after the end of the input: the line after the last line break). */
        int line() {
            return line;
        }

        private static boolean isBlank(char c) {
            return c <= ' ' && c != '\n' && c != '\r';
        }

        private boolean isLineBreak(int p) {
            return p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r');
        }

        /** The position after the line break at {@code p} ({@code \r\n} counts as one). */
        private int afterLineBreak(int p) {
            if (text.charAt(p) == '\r' && p + 1 < text.length() && text.charAt(p + 1) == '\n') {
                return p + 2;
            }
            return p + 1;
        }

        /**
         * Reads the next record into {@code fields} (cleared first); unquoted fields are trimmed.
         *
         * @return false at the end of the input
         */
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
                if (isLineBreak(p)) {
                    pos = afterLineBreak(p);
                    line++;
                    continue;
                }
                if (comments && text.charAt(p) == '#') {
                    while (p < n && !isLineBreak(p)) {
                        p++;
                    }
                    pos = p;
                    continue;
                }
                break;
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
}
