package org.gn4j.gn.fit;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
 * an unquoted field is an ordinary character. Every data record must have as many fields as the header. Records are
 * split by Apache Commons CSV (RFC 4180 with {@code #} comments); the blank and comment lines are recognized before
 * it, so that an indented comment is a comment too.
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
    private final int headerLine;

    private CsvTable(String source, List<String> columns, Map<String, Integer> index, double[][] rows,
            String[] columnErrors, int headerLine) {
        this.source = source;
        this.headerLine = headerLine;
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

    /**
     * Parses the bytes of a UTF-8 file as {@link #read(Path)} does.
     *
     * @param source  names the input in error messages (a file name)
     * @param content the file's bytes
     * @return the table
     * @throws IllegalArgumentException if an argument is null or the content is malformed (see the class comment)
     */
    public static CsvTable parseUtf8(String source, byte[] content) {
        if (source == null) {
            throw new IllegalArgumentException("source is null, expected a name for error messages");
        }
        if (content == null) {
            throw new IllegalArgumentException("content is null, expected the bytes of " + source);
        }
        return parseBytes(source, content);
    }

    /** Parses the bytes of a UTF-8 file as {@link #read(Path)} does; {@code source} names it in error messages. */
    static CsvTable parseBytes(String source, byte[] content) {
        return parseText(source, decodeUtf8(source, content));
    }

    /**
     * Parses lines; {@code source} names the input in error messages. The lines are joined with {@code \n}, so a
     * quoted field may continue on the next line.
     *
     * @param source the name of the input for error messages (a file name, say)
     * @param lines the lines of the CSV text, without line terminators
     * @return the parsed table
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

    /** The CSV dialect: RFC 4180 quoting, {@code #} comment lines, empty lines skipped, blanks around fields dropped. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setCommentMarker('#')
            .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();

    private static CsvTable parseText(String source, String rawText) {
        String text = Lines.normalized(rawText.startsWith("\uFEFF") ? rawText.substring(1) : rawText);
        Lines lines = new Lines(text);
        List<String> header = null;
        Map<String, Integer> index = new HashMap<>();
        String[] columnErrors = null;
        List<double[]> data = new ArrayList<>();
        long endLine = 0;
        int headerLine = 0;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    record = records.next();
                } catch (NoSuchElementException end) {
                    break;
                } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
                    throw malformed(source, text, lines, endLine, parser.getCurrentLineNumber(), e);
                }
                // a record starts after the blank and comment lines that follow the previous one, and spans the line
                // breaks its quoted fields hold
                int line = lines.recordStart(endLine + 1);
                endLine = parser.getCurrentLineNumber();
                if (header == null) {
                    header = header(source, line, record);
                    headerLine = line;
                    for (int j = 0; j < header.size(); j++) {
                        index.put(header.get(j), j);
                    }
                    columnErrors = new String[header.size()];
                    continue;
                }
                data.add(row(source, line, record, header, columnErrors));
            }
        } catch (IOException e) {
            // a string reader does not fail; closing it neither
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        if (header == null) {
            throw new IllegalArgumentException(source + ":" + lines.lineCount() + ": no header row, expected column "
                    + "names");
        }
        return new CsvTable(source, List.copyOf(header), index, data.toArray(new double[0][]), columnErrors,
                headerLine);
    }

    private static List<String> header(String source, int line, CSVRecord record) {
        List<String> header = new ArrayList<>(record.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int j = 0; j < record.size(); j++) {
            String name = record.get(j).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException(source + ":" + line + ": empty column name in header (column "
                        + (j + 1) + ")");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(source + ":" + line + ": duplicate column '" + shown(name) + "'");
            }
            header.add(name);
        }
        return header;
    }

    private static double[] row(String source, int line, CSVRecord record, List<String> header,
            String[] columnErrors) {
        int width = header.size();
        if (record.size() != width) {
            throw new IllegalArgumentException(source + ":" + line + ": " + record.size() + " values, expected "
                    + width + " " + shown(header.toString()));
        }
        double[] row = new double[width];
        for (int j = 0; j < width; j++) {
            String cell = record.get(j).trim();
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
                columnErrors[j] = source + ":" + line + ": column '" + shown(header.get(j)) + "' (field " + (j + 1)
                        + ") holds '" + shown(cell) + "', " + problem;
            }
        }
        return row;
    }

    /** Position of the offending character in Commons CSV's "invalid character" message. */
    private static final java.util.regex.Pattern POSITION =
            java.util.regex.Pattern.compile("encapsulated token and delimiter at line: .*, position: (\\S+)$");

    /**
     * The error for a record the tokenizer refused: an unclosed quote (named by the line it opens on and its field)
     * or text after a closing quote (named by its line, character and field). The record starts after the line
     * {@code previousEnd} where the last good record ended.
     */
    private static IllegalArgumentException malformed(String source, String text, Lines lines, long previousEnd,
            long failedAt, RuntimeException e) {
        int start = lines.recordStart(previousEnd + 1);
        int startOffset = lines.offset();
        String message = e.getCause() != null && e instanceof UncheckedIOException ? e.getCause().getMessage()
                : e.getMessage();
        java.util.regex.Matcher at = POSITION.matcher(message == null ? "" : message);
        if (at.find()) {
            String digits = at.group(1).replaceAll("[^0-9]", "");
            long position = digits.isEmpty() || digits.length() > 10 ? -1 : Long.parseLong(digits) - 1;
            if (position >= startOffset && position < text.length()) {
                // the record up to the offending character parses: its last field is the quoted one
                CSVRecord head = firstRecord(text.substring(startOffset, (int) position), FORMAT);
                int field = head == null ? 1 : head.size();
                return new IllegalArgumentException(source + ":" + failedAt + ": unexpected '"
                        + text.charAt((int) position) + "' after the closing quote of field " + field
                        + ", expected a comma or the end of the line", e);
            }
        }
        CSVRecord open = firstRecord(text.substring(startOffset), FORMAT.builder().setLenientEof(true).get());
        if (open != null && message != null && message.contains("EOF")) {
            // the unclosed field is the record's last; it opens on the line where the field before it ends
            int line = start;
            for (int j = 0; j + 1 < open.size(); j++) {
                line += Lines.breaks(open.get(j));
            }
            return new IllegalArgumentException(source + ":" + line + ": the quoted field " + open.size()
                    + " opened on this line is never closed", e);
        }
        return new IllegalArgumentException(source + ":" + start + ": malformed record: " + message, e);
    }

    /** The first record of {@code text}, or null when there is none or it does not parse. */
    private static CSVRecord firstRecord(String text, CSVFormat format) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            return records.hasNext() ? records.next() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Column names.
     *
     * @return the column names from the header, in file order
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * The 1-based line of the header row (after any leading blank and comment lines).
     *
     * @return the line number
     */
    public int headerLine() {
        return headerLine;
    }

    /**
     * Number of data rows.
     *
     * @return the number of data rows m
     */
    public int rowCount() {
        return rows.length;
    }

    /**
     * The values of a column.
     *
     * @param name the column name, as in the header
     * @return a new array of the m values
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
     * @param names the column names, each as in the header
     * @return a new m × k array: one row per data row, one value per named column
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
     * mark is kept (the parser drops it).
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
     * Line bookkeeping over the text given to the tokenizer: blank lines emptied and comment lines moved to their
     * first column ({@link #normalized}), so that the tokenizer's empty-line and comment rules match the documented
     * ones; and, with a cursor that only moves forward, the line each record starts on.
     */
    static final class Lines {
        private final String text;
        private int pos;
        private int line = 1;

        Lines(String text) {
            this.text = text;
        }

        private static boolean isBlank(char c) {
            return c <= ' ' && c != '\n' && c != '\r';
        }

        /**
         * The text with every line of blanks emptied and the blanks before a leading {@code #} removed. Line breaks
         * are kept, so line numbers do not change; inside a quoted field only such blanks can change, never a number.
         */
        static String normalized(String text) {
            StringBuilder out = null;
            int n = text.length();
            int lineStart = 0;
            while (lineStart <= n) {
                int p = lineStart;
                while (p < n && isBlank(text.charAt(p))) {
                    p++;
                }
                boolean drop = p > lineStart && (p == n || text.charAt(p) == '\n' || text.charAt(p) == '\r'
                        || text.charAt(p) == '#');
                if (drop && out == null) {
                    out = new StringBuilder(n);
                    out.append(text, 0, lineStart);
                }
                int end = p;
                while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                    end++;
                }
                if (end < n) {
                    end += text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n' ? 2 : 1;
                }
                if (out != null) {
                    out.append(text, drop ? p : lineStart, end);
                }
                if (end >= n) {
                    break;
                }
                lineStart = end;
            }
            return out == null ? text : out.toString();
        }

        /** Line breaks ({@code \n}, {@code \r\n} or {@code \r}) in {@code s}. */
        static int breaks(String s) {
            int count = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n' || (c == '\r' && !(i + 1 < s.length() && s.charAt(i + 1) == '\n'))) {
                    count++;
                }
            }
            return count;
        }

        /** Lines in the text: one more than its line breaks. */
        int lineCount() {
            return breaks(text) + 1;
        }

        /** The offset the cursor stands at (the start of the line last returned by {@link #recordStart}). */
        int offset() {
            return pos;
        }

        private void nextLine() {
            while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                pos++;
            }
            if (pos < text.length()) {
                pos += text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n' ? 2 : 1;
                line++;
            }
        }

        /**
         * The 1-based line of the first record at or after line {@code from}: empty lines and comment lines (in the
         * normalized text) are passed over. {@code from} must not be before the line last returned.
         */
        int recordStart(long from) {
            while (line < from && pos < text.length()) {
                nextLine();
            }
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != '\n' && c != '\r' && c != '#') {
                    break;
                }
                nextLine();
            }
            return line;
        }
    }
}
