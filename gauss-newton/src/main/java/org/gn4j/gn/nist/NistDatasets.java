package org.gn4j.gn.nist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gn4j.linalg.text.PlainDecimal;

/**
 * The 27 NIST StRD nonlinear-regression datasets (public-domain reference data from the U.S. National Institute of
 * Standards and Technology), shipped as class-path resources under {@code org/gn4j/gn/nist/}, and a reader for files
 * in their format.
 *
 * <p>The reader takes the layout from the header's "File Format" block ({@code Starting Values (lines 41 to 42)},
 * {@code Certified Values (lines 41 to 47)}, {@code Data (lines 61 to 74)}) and validates it against the rest of the
 * file: the number of parameter rows equals the declared "N Parameters", the number of data rows equals both the
 * declared "N Observations" and "Number of Observations", every data row
 * holds one response and one value per predictor named in the {@code Data: y x} column header, and nothing but blank
 * lines follows the data block. The degrees of freedom are reported as written: NIST's {@code Rat43.dat} declares 9
 * where {@code n - p = 11}.
 *
 * <p><b>Error contract.</b> Malformed content of any kind raises {@link IllegalArgumentException} (never another
 * runtime exception) whose message names the file and, where the problem sits on one line, the 1-based line: a
 * violation of the layout above, a declared size the file does not hold (checked against the file's lines before
 * anything is allocated for it), a count or line number beyond {@code 2^31 - 1}, and a malformed number (with its text
 * and what was expected there). Numbers are plain decimals: an optional sign, digits with an optional point and an
 * optional exponent ({@code 1E-3}, {@code .5}, {@code -2.}); hexadecimal, the suffixes {@code d}/{@code f}, NaN,
 * infinities and values that overflow a double are malformed. A leading UTF-8 byte-order mark is skipped. {@link
 * #read(Path)} raises {@link IOException} only when the file cannot be read. Memory and time grow linearly with the
 * size of the file, whatever sizes its header declares.
 *
 * <p>Provenance: the files are the copies in {@code data/nist/} of the Ceres solver repository, byte-identical except
 * that {@code Roszman1.dat} carries NIST's own certified {@code b1 = 2.0196866396E-01} (principal-value arctan, as
 * the model line is written); see {@code shared/datasets/nist-strd/README.md} of the project.
 */
public final class NistDatasets {
    /** The class-path folder holding the {@code .dat} files. */
    private static final String RESOURCE_FOLDER = "/org/gn4j/gn/nist/";

    private static final List<String> NAMES = List.of(
            "Bennett5", "BoxBOD", "Chwirut1", "Chwirut2", "DanWood", "ENSO", "Eckerle4", "Gauss1", "Gauss2",
            "Gauss3", "Hahn1", "Kirby2", "Lanczos1", "Lanczos2", "Lanczos3", "MGH09", "MGH10", "MGH17", "Misra1a",
            "Misra1b", "Misra1c", "Misra1d", "Nelson", "Rat42", "Rat43", "Roszman1", "Thurber");

    private static final Pattern DATASET_NAME = Pattern.compile("^\\s*Dataset Name:\\s*(\\S+)");
    private static final Pattern STARTING_LINES = range("Starting Values");
    private static final Pattern CERTIFIED_LINES = range("Certified Values");
    private static final Pattern DATA_LINES = range("Data");
    private static final Pattern OBSERVATIONS = Pattern.compile("^\\s*(\\d+)\\s+Observations\\b");
    private static final Pattern PARAMETERS = Pattern.compile("^\\s*(\\d+)\\s+Parameters\\b");
    private static final Pattern DIFFICULTY = Pattern.compile("\\b(Lower|Average|Higher)\\s+Level of Difficulty");
    private static final Pattern MODEL_START = Pattern.compile("^\\s*(y|[A-Za-z]+\\s*[\\[(]\\s*y\\s*[\\])])\\s*=(.*)$");
    private static final Pattern MODEL_END = Pattern.compile("^(.*?)\\+\\s*e\\s*$");
    private static final Pattern PARAMETER_ROW = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*=(.*)$");
    private static final Pattern DATA_HEADER = Pattern.compile("^\\s*Data:\\s+(.*)$");

    private NistDatasets() {
    }

    private static Pattern range(String label) {
        // one optional blank run between the parts (two adjacent \\s* would backtrack quadratically on long blanks)
        return Pattern.compile("^\\s*(?:File Format:\\s*ASCII\\s*)?" + label
                + "\\s*\\(\\s*lines\\s+(\\d+)\\s+to\\s+(\\d+)\\s*\\)", Pattern.CASE_INSENSITIVE);
    }

    /**
     * The names of the 27 datasets, in alphabetical order as NIST lists them (unmodifiable).
     *
     * @return the 27 dataset names, unmodifiable
     */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * Loads one of the 27 datasets from the class path.
     *
     * @param name a name from {@link #names()}, for example {@code "Misra1a"}
     * @return the problem
     * @throws IllegalArgumentException if the name is null or not one of {@link #names()}
     * @throws UncheckedIOException     if the resource cannot be read
     */
    public static NistProblem load(String name) {
        if (name == null || !NAMES.contains(name)) {
            throw new IllegalArgumentException("name is " + (name == null ? "null" : "'" + name + "'")
                    + ", expected one of " + NAMES);
        }
        String resource = RESOURCE_FOLDER + name + ".dat";
        try (InputStream in = NistDatasets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class-path resource " + resource + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            return parse(name + ".dat", reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class-path resource " + resource, e);
        }
    }

    /**
     * Reads a dataset file in the NIST StRD format (bytes read as ISO-8859-1; lines end with {@code \n}, {@code \r\n}
     * or {@code \r}).
     *
     * @param file the file
     * @return the problem
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if {@code file} is null, or the content is malformed (the message names the
     *                                  file and line; see the class comment)
     */
    public static NistProblem read(Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file is null, expected the path of a NIST StRD .dat file");
        }
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(file + ": file has " + size + " bytes, far more than a NIST StRD file");
        }
        return parseBytes(file.toString(), Files.readAllBytes(file));
    }

    /**
     * Parses the bytes of a dataset file, read as ISO-8859-1 and split into lines as {@link #read(Path)} does.
     *
     * @param source  the file name used in error messages
     * @param content the file's bytes
     * @throws IllegalArgumentException if the content is malformed (see the class comment)
     */
    static NistProblem parseBytes(String source, byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return parse(source, lines);
    }

    /**
     * Parses the lines of a dataset file.
     *
     * @param source the file name used in error messages
     * @param lines  the lines, without line terminators
     * @return the problem
     * @throws IllegalArgumentException if an argument or a line is null, or the content is malformed (the message
     *                                  names the source and line; see the class comment)
     */
    public static NistProblem parse(String source, List<String> lines) {
        if (source == null) {
            throw new IllegalArgumentException("source is null, expected a name for error messages");
        }
        if (lines == null) {
            throw new IllegalArgumentException("lines is null, expected the lines of " + source);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) == null) {
                throw new IllegalArgumentException("lines[" + i + "] is null, expected line " + (i + 1) + " of "
                        + source);
            }
        }
        List<String> content = lines;
        if (!lines.isEmpty() && !withoutByteOrderMark(lines.get(0)).equals(lines.get(0))) {
            content = new ArrayList<>(lines);
            content.set(0, withoutByteOrderMark(lines.get(0)));
        }
        return new Reader(source, content).read();
    }

    /** The line without a leading byte-order mark: U+FEFF, or its UTF-8 bytes read as ISO-8859-1. */
    private static String withoutByteOrderMark(String line) {
        if (line.startsWith("\uFEFF")) {
            return line.substring(1);
        }
        if (line.startsWith("\u00EF\u00BB\u00BF")) {
            return line.substring(3);
        }
        return line;
    }


    /** The text shortened for a message: at most 40 characters, longer text cut with its length given. */
    private static String shown(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "... (" + text.length() + " characters)";
    }

    /** The state of one parse: the source name for messages and the lines, addressed 1-based. */
    private static final class Reader {
        private final String source;
        private final List<String> lines;

        Reader(String source, List<String> lines) {
            this.source = source;
            this.lines = lines;
        }

        private String line(int number) {
            return lines.get(number - 1);
        }

        private IllegalArgumentException error(int lineNumber, String message) {
            return new IllegalArgumentException(source + " line " + lineNumber + ": " + message);
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException(source + ": " + message);
        }

        /** The first line in [from, to] matching the pattern (by {@link Matcher#find()}), or -1. */
        private int find(Pattern pattern, int from, int to) {
            Matcher m = pattern.matcher("");
            int last = Math.min(to, lines.size());
            for (int i = Math.max(1, from); i <= last; i++) {
                if (m.reset(line(i)).find()) {
                    return i;
                }
            }
            return -1;
        }

        /** The line of the first match in [from, to], or an error naming what is missing. */
        private int require(Pattern pattern, int from, int to, String what) {
            int at = find(pattern, from, to);
            if (at < 0) {
                throw error("no " + what + " found in lines " + from + " to " + Math.min(to, lines.size()));
            }
            return at;
        }

        /** The matcher of the pattern on the line, after a successful {@link Matcher#find()}. */
        private Matcher found(Pattern pattern, int lineNumber) {
            Matcher m = pattern.matcher(line(lineNumber));
            if (!m.find()) {
                throw new IllegalStateException("line " + lineNumber + " no longer matches " + pattern);
            }
            return m;
        }

        /** A non-negative decimal integer from a header field, or an error if it exceeds {@code 2^31 - 1}. */
        private int count(int lineNumber, String digits, String what) {
            long v = 0;
            for (int k = 0; k < digits.length(); k++) {
                v = v * 10 + (digits.charAt(k) - '0');
                if (v > Integer.MAX_VALUE) {
                    throw error(lineNumber, what + " '" + shown(digits) + "' is too large, expected at most "
                            + Integer.MAX_VALUE);
                }
            }
            return (int) v;
        }

        private int[] requireRange(Pattern pattern, String what) {
            int ln = require(pattern, 1, lines.size(), "'" + what + " (lines A to B)' entry in the File Format");
            Matcher m = found(pattern, ln);
            int from = count(ln, m.group(1), what + " first line");
            int to = count(ln, m.group(2), what + " last line");
            if (from < 1 || to < from) {
                throw error(ln, what + " (lines " + from + " to " + to + ") is not a valid line range");
            }
            return new int[] {from, to};
        }

        private double number(int lineNumber, String token, String what) {
            if (!PlainDecimal.matches(token)) {
                throw error(lineNumber, "malformed number '" + shown(token) + "' (expected " + what
                        + " as a plain decimal number)");
            }
            double v = Double.parseDouble(token);
            if (!Double.isFinite(v)) {
                throw error(lineNumber, "number '" + shown(token) + "' overflows a double (expected " + what
                        + " as a finite number)");
            }
            return v;
        }

        private String[] fields(int lineNumber) {
            String text = line(lineNumber).trim();
            return text.isEmpty() ? new String[0] : text.split("\\s+");
        }

        NistProblem read() {
            int datasetLine = find(DATASET_NAME, 1, lines.size());
            if (datasetLine < 0) {
                throw error("no 'Dataset Name:' line found; expected a NIST StRD nonlinear-regression file");
            }
            String name = found(DATASET_NAME, datasetLine).group(1);

            int[] starting = requireRange(STARTING_LINES, "Starting Values");
            int[] certified = requireRange(CERTIFIED_LINES, "Certified Values");
            int[] data = requireRange(DATA_LINES, "Data");
            // The header (description, declared sizes, model) lies before the parameter table.
            int headerEnd = starting[0] - 1;
            int observationsLine = require(OBSERVATIONS, 1, headerEnd, "'N Observations' declaration");
            int declaredObservations = count(observationsLine, found(OBSERVATIONS, observationsLine).group(1),
                    "declared observation count");
            int parametersLine = require(PARAMETERS, 1, headerEnd, "'N Parameters' declaration");
            int declaredParameters = count(parametersLine, found(PARAMETERS, parametersLine).group(1),
                    "declared parameter count");
            String difficulty = found(DIFFICULTY,
                    require(DIFFICULTY, 1, headerEnd, "'... Level of Difficulty' declaration")).group(1);

            // Model: "y = <text>  +  e", possibly continued on the following lines until the error term "+ e".
            int modelLine = find(MODEL_START, 1, headerEnd);
            if (modelLine < 0) {
                throw error("no model line 'y = ... + e' found in lines 1 to " + Math.min(headerEnd, lines.size()));
            }
            Matcher start = found(MODEL_START, modelLine);
            String responseText = start.group(1).replaceAll("\\s+", "");
            StringBuilder model = new StringBuilder();
            String rest = start.group(2);
            int at = modelLine;
            Matcher end = MODEL_END.matcher("");
            while (true) {
                boolean last = end.reset(rest).matches();
                String part = (last ? end.group(1) : rest).trim();
                if (!part.isEmpty()) {
                    model.append(model.length() == 0 ? "" : " ").append(part);
                }
                if (last) {
                    break;
                }
                at++;
                if (at > headerEnd || at > lines.size() || line(at).isBlank()) {
                    throw error(modelLine, "model line does not end with the error term '+ e' (searched to line "
                            + (at - 1) + ")");
                }
                rest = line(at);
            }

            // Parameter table: "b1 = start1 start2 certified sd" on the Starting Values lines.
            int p = starting[1] - starting[0] + 1;
            if (p != declaredParameters) {
                throw error(starting[0], "Starting Values span " + p + " lines (" + starting[0] + " to "
                        + starting[1] + "), expected " + declaredParameters + " (the declared parameter count)");
            }
            if (starting[1] > lines.size()) {
                throw error(lines.size(), "file ends before the parameter table (lines " + starting[0] + " to "
                        + starting[1] + "): the file has " + lines.size() + " lines");
            }
            List<String> parameterNames = new ArrayList<>();
            Set<String> distinct = new HashSet<>();
            double[] start1 = new double[p];
            double[] start2 = new double[p];
            double[] certifiedValues = new double[p];
            double[] certifiedSd = new double[p];
            Matcher row = PARAMETER_ROW.matcher("");
            for (int j = 0; j < p; j++) {
                int ln = starting[0] + j;
                if (!row.reset(line(ln)).matches()) {
                    throw error(ln, "expected a parameter row 'b" + (j + 1)
                            + " = start1 start2 certified sd', found '" + shown(line(ln).trim()) + "'");
                }
                String text = row.group(2).trim();
                String[] f = text.isEmpty() ? new String[0] : text.split("\\s+");
                if (f.length != 4) {
                    throw error(ln, "parameter row has " + f.length
                            + " numbers, expected 4 (start 1, start 2, certified value, standard deviation)");
                }
                String parameter = row.group(1);
                if (!distinct.add(parameter)) {
                    throw error(ln, "parameter '" + shown(parameter) + "' is listed twice, expected distinct names");
                }
                parameterNames.add(parameter);
                start1[j] = number(ln, f[0], "start 1 of " + parameter);
                start2[j] = number(ln, f[1], "start 2 of " + parameter);
                certifiedValues[j] = number(ln, f[2], "the certified value of " + parameter);
                certifiedSd[j] = number(ln, f[3], "the certified standard deviation of " + parameter);
            }

            // Certified statistics, within the Certified Values lines.
            double rss = certifiedStatistic(certified, "Residual Sum of Squares");
            double residualSd = certifiedStatistic(certified, "Residual Standard Deviation");
            int dofLine = certifiedLine(certified, "Degrees of Freedom");
            double dofValue = certifiedStatistic(certified, "Degrees of Freedom");
            if (dofValue != Math.rint(dofValue) || dofValue < 0 || dofValue > Integer.MAX_VALUE) {
                throw error(dofLine, "Degrees of Freedom is " + dofValue + ", expected a whole number in [0, "
                        + Integer.MAX_VALUE + "]");
            }
            int dof = (int) dofValue;
            double observations = certifiedStatistic(certified, "Number of Observations");

            // Data block: the column header "Data: y x..." just above it, then one row per observation.
            int n = data[1] - data[0] + 1;
            int headerLine = data[0] - 1;
            if (headerLine < 1 || headerLine > lines.size() || !DATA_HEADER.matcher(line(headerLine)).matches()) {
                throw error(Math.min(Math.max(headerLine, 1), Math.max(lines.size(), 1)),
                        "expected the data column header 'Data: y x' just before the data (line " + data[0] + ")");
            }
            Matcher dataHeader = DATA_HEADER.matcher(line(headerLine));
            dataHeader.matches();
            List<String> columns = Arrays.asList(dataHeader.group(1).trim().split("\\s+"));
            if (columns.size() < 2 || !columns.get(0).equals("y")) {
                throw error(headerLine, "data column header names " + shown(columns.toString())
                        + ", expected the response 'y' followed by the predictor names");
            }
            List<String> variableNames = columns.subList(1, columns.size());
            Set<String> distinctColumns = new HashSet<>();
            for (String column : columns) {
                if (!distinctColumns.add(column)) {
                    throw error(headerLine, "data column header names '" + shown(column)
                            + "' twice, expected distinct names");
                }
            }
            if (n != declaredObservations || observations != n) {
                throw error(data[0], "Data spans " + n + " lines (" + data[0] + " to " + data[1] + "), expected "
                        + declaredObservations + " (the declared observation count; 'Number of Observations' is "
                        + observations + ")");
            }
            // The degrees of freedom are kept as written, not checked against n - p: NIST's Rat43.dat declares 9
            // where n - p = 11 (its certified residual standard deviation sqrt(RSS / 11) shows the 9 is a typo).
            // Storage is sized by the rows the file holds, never by the declared count alone: a header declaring
            // 2e9 rows in a short file fails at its end ("file ends after ...") without allocating for 2e9 rows.
            int held = Math.max(0, Math.min(n, lines.size() - data[0] + 1));
            double[] y = new double[held];
            double[][] x = new double[held][];
            for (int i = 0; i < n; i++) {
                int ln = data[0] + i;
                if (ln > lines.size()) {
                    throw error(ln, "file ends after " + i + " of " + n + " observations (data declared in lines "
                            + data[0] + " to " + data[1] + ", the file has " + lines.size() + " lines)");
                }
                String[] f = fields(ln);
                if (f.length != columns.size()) {
                    throw error(ln, "data row has " + f.length + " values, expected " + columns.size() + " "
                            + shown(columns.toString()) + (f.length == 0 ? " (the data block ends early)" : ""));
                }
                y[i] = number(ln, f[0], "the response y");
                double[] xi = new double[variableNames.size()];
                for (int k = 0; k < xi.length; k++) {
                    xi[k] = number(ln, f[k + 1], "the predictor " + variableNames.get(k));
                }
                x[i] = xi;
            }
            for (int ln = data[1] + 1; ln <= lines.size(); ln++) {
                if (!line(ln).isBlank()) {
                    throw error(ln, "unexpected content after the data block (declared to end at line " + data[1]
                            + "): '" + shown(line(ln).trim()) + "'");
                }
            }
            return new NistProblem(name, difficulty, responseText, model.toString(), variableNames, parameterNames,
                    certifiedValues, certifiedSd, start1, start2, rss, residualSd, dof, x, y);
        }

        private Pattern statisticPattern(String label) {
            return Pattern.compile("^\\s*" + label + ":\\s*(\\S+)\\s*$");
        }

        /** The line of {@code "label: number"} within the certified range, or an error. */
        private int certifiedLine(int[] certified, String label) {
            int ln = find(statisticPattern(label), certified[0], certified[1]);
            if (ln < 0) {
                throw error("no '" + label + ":' line found in the Certified Values (lines " + certified[0] + " to "
                        + certified[1] + ")");
            }
            return ln;
        }

        /** The number after {@code "label:"} on a line within the certified range. */
        private double certifiedStatistic(int[] certified, String label) {
            int ln = certifiedLine(certified, label);
            return number(ln, found(statisticPattern(label), ln).group(1), "the " + label);
        }
    }
}
