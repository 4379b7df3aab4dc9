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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * lines follows the data block. Any violation, and any malformed number, raises {@link IllegalArgumentException}
 * naming the file and the 1-based line. The degrees of freedom are reported as written: NIST's {@code Rat43.dat}
 * declares 9 where {@code n - p = 11}.
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

    private static final String NUMBER = "[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?";
    private static final Pattern NUMBER_PATTERN = Pattern.compile(NUMBER);
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
        return Pattern.compile("^\\s*(?:File Format:\\s*ASCII)?\\s*" + label
                + "\\s*\\(\\s*lines\\s+(\\d+)\\s+to\\s+(\\d+)\\s*\\)", Pattern.CASE_INSENSITIVE);
    }

    /** The names of the 27 datasets, in alphabetical order as NIST lists them (unmodifiable). */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * Loads one of the 27 datasets from the class path.
     *
     * @param name a name from {@link #names()}, for example {@code "Misra1a"}
     * @return the problem
     * @throws IllegalArgumentException if the name is not one of {@link #names()}
     * @throws UncheckedIOException     if the resource cannot be read
     */
    public static NistProblem load(String name) {
        if (!NAMES.contains(name)) {
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
     * Reads a dataset file in the NIST StRD format.
     *
     * @param file the file
     * @return the problem
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if the content is malformed (the message names the file and line)
     */
    public static NistProblem read(Path file) throws IOException {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.ISO_8859_1));
    }

    /**
     * Parses the lines of a dataset file.
     *
     * @param source the file name used in error messages
     * @param lines  the lines, without line terminators
     * @return the problem
     * @throws IllegalArgumentException if the content is malformed (the message names the source and line)
     */
    public static NistProblem parse(String source, List<String> lines) {
        return new Reader(source, lines).read();
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

        /** The first line in [from, to] matching the pattern, or -1. */
        private int find(Pattern pattern, int from, int to) {
            for (int i = Math.max(1, from); i <= Math.min(to, lines.size()); i++) {
                if (pattern.matcher(line(i)).find()) {
                    return i;
                }
            }
            return -1;
        }

        private Matcher require(Pattern pattern, int from, int to, String what) {
            int at = find(pattern, from, to);
            if (at < 0) {
                throw error("no " + what + " found in lines " + from + " to " + Math.min(to, lines.size()));
            }
            Matcher m = pattern.matcher(line(at));
            m.find();
            return m;
        }

        private int[] requireRange(Pattern pattern, String what) {
            Matcher m = require(pattern, 1, lines.size(), "'" + what + " (lines A to B)' entry in the File Format");
            int from = Integer.parseInt(m.group(1));
            int to = Integer.parseInt(m.group(2));
            if (from < 1 || to < from) {
                throw error(what + " (lines " + from + " to " + to + ") is not a valid line range");
            }
            return new int[] {from, to};
        }

        private double number(int lineNumber, String token, String what) {
            if (!NUMBER_PATTERN.matcher(token).matches()) {
                throw error(lineNumber, "malformed number '" + token + "' (expected " + what + ")");
            }
            return Double.parseDouble(token);
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
            Matcher nameMatcher = DATASET_NAME.matcher(line(datasetLine));
            nameMatcher.find();
            String name = nameMatcher.group(1);

            int[] starting = requireRange(STARTING_LINES, "Starting Values");
            int[] certified = requireRange(CERTIFIED_LINES, "Certified Values");
            int[] data = requireRange(DATA_LINES, "Data");
            // The header (description, declared sizes, model) lies before the parameter table.
            int headerEnd = starting[0] - 1;
            int declaredObservations = Integer.parseInt(
                    require(OBSERVATIONS, 1, headerEnd, "'N Observations' declaration").group(1));
            int declaredParameters = Integer.parseInt(
                    require(PARAMETERS, 1, headerEnd, "'N Parameters' declaration").group(1));
            String difficulty = require(DIFFICULTY, 1, headerEnd, "'... Level of Difficulty' declaration").group(1);

            // Model: "y = <text>  +  e", possibly continued on the following lines until the error term "+ e".
            int modelLine = find(MODEL_START, 1, headerEnd);
            if (modelLine < 0) {
                throw error("no model line 'y = ... + e' found in lines 1 to " + headerEnd);
            }
            Matcher start = MODEL_START.matcher(line(modelLine));
            start.matches();
            String responseText = start.group(1).replaceAll("\\s+", "");
            StringBuilder model = new StringBuilder();
            String rest = start.group(2);
            int at = modelLine;
            while (true) {
                Matcher end = MODEL_END.matcher(rest);
                boolean last = end.matches();
                String part = (last ? end.group(1) : rest).trim();
                if (!part.isEmpty()) {
                    model.append(model.length() == 0 ? "" : " ").append(part);
                }
                if (last) {
                    break;
                }
                at++;
                if (at > headerEnd || line(at).isBlank()) {
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
                        + starting[1] + ")");
            }
            List<String> parameterNames = new ArrayList<>();
            double[] start1 = new double[p];
            double[] start2 = new double[p];
            double[] certifiedValues = new double[p];
            double[] certifiedSd = new double[p];
            for (int j = 0; j < p; j++) {
                int ln = starting[0] + j;
                Matcher row = PARAMETER_ROW.matcher(line(ln));
                if (!row.matches()) {
                    throw error(ln, "expected a parameter row 'b" + (j + 1)
                            + " = start1 start2 certified sd', found '" + line(ln).trim() + "'");
                }
                String text = row.group(2).trim();
                String[] f = text.isEmpty() ? new String[0] : text.split("\\s+");
                if (f.length != 4) {
                    throw error(ln, "parameter row has " + f.length
                            + " numbers, expected 4 (start 1, start 2, certified value, standard deviation)");
                }
                parameterNames.add(row.group(1));
                start1[j] = number(ln, f[0], "start 1 of " + row.group(1));
                start2[j] = number(ln, f[1], "start 2 of " + row.group(1));
                certifiedValues[j] = number(ln, f[2], "the certified value of " + row.group(1));
                certifiedSd[j] = number(ln, f[3], "the certified standard deviation of " + row.group(1));
            }

            // Certified statistics, within the Certified Values lines.
            double rss = certifiedStatistic(certified, "Residual Sum of Squares");
            double residualSd = certifiedStatistic(certified, "Residual Standard Deviation");
            double dof = certifiedStatistic(certified, "Degrees of Freedom");
            double observations = certifiedStatistic(certified, "Number of Observations");

            // Data block: the column header "Data: y x..." just above it, then one row per observation.
            int n = data[1] - data[0] + 1;
            int headerLine = data[0] - 1;
            if (headerLine < 1 || headerLine > lines.size() || !DATA_HEADER.matcher(line(headerLine)).matches()) {
                throw error(Math.min(Math.max(headerLine, 1), lines.size()),
                        "expected the data column header 'Data: y x' just before the data (line " + data[0] + ")");
            }
            Matcher dataHeader = DATA_HEADER.matcher(line(headerLine));
            dataHeader.matches();
            List<String> columns = Arrays.asList(dataHeader.group(1).trim().split("\\s+"));
            if (columns.size() < 2 || !columns.get(0).equals("y")) {
                throw error(headerLine, "data column header names " + columns
                        + ", expected the response 'y' followed by the predictor names");
            }
            List<String> variableNames = columns.subList(1, columns.size());
            if (n != declaredObservations || observations != n) {
                throw error(data[0], "Data spans " + n + " lines (" + data[0] + " to " + data[1] + "), expected "
                        + declaredObservations + " (the declared observation count; 'Number of Observations' is "
                        + observations + ")");
            }
            // The degrees of freedom are kept as written, not checked against n - p: NIST's Rat43.dat declares 9
            // where n - p = 11 (its certified residual standard deviation sqrt(RSS / 11) shows the 9 is a typo).
            double[] y = new double[n];
            double[][] x = new double[n][variableNames.size()];
            for (int i = 0; i < n; i++) {
                int ln = data[0] + i;
                if (ln > lines.size()) {
                    throw error(ln, "file ends after " + i + " of " + n + " observations (data declared in lines "
                            + data[0] + " to " + data[1] + ")");
                }
                String[] f = fields(ln);
                if (f.length != columns.size()) {
                    throw error(ln, "data row has " + f.length + " values, expected " + columns.size() + " "
                            + columns + (f.length == 0 ? " (the data block ends early)" : ""));
                }
                y[i] = number(ln, f[0], "the response y");
                for (int k = 0; k < variableNames.size(); k++) {
                    x[i][k] = number(ln, f[k + 1], "the predictor " + variableNames.get(k));
                }
            }
            for (int ln = data[1] + 1; ln <= lines.size(); ln++) {
                if (!line(ln).isBlank()) {
                    throw error(ln, "unexpected content after the data block (declared to end at line " + data[1]
                            + "): '" + line(ln).trim() + "'");
                }
            }
            return new NistProblem(name, difficulty, responseText, model.toString(), variableNames, parameterNames,
                    certifiedValues, certifiedSd, start1, start2, rss, residualSd, (int) dof, x, y);
        }

        /** The number after {@code "label:"} on a line within the certified range. */
        private double certifiedStatistic(int[] certified, String label) {
            Pattern pattern = Pattern.compile("^\\s*" + label + ":\\s*(\\S+)\\s*$");
            int ln = find(pattern, certified[0], certified[1]);
            if (ln < 0) {
                throw error("no '" + label + ":' line found in the Certified Values (lines " + certified[0] + " to "
                        + certified[1] + ")");
            }
            Matcher m = pattern.matcher(line(ln));
            m.matches();
            return number(ln, m.group(1), "the " + label);
        }
    }
}
