package org.gn4j.gn.fit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A numeric CSV table with a header row of column names: comma-separated, blank lines and lines starting with
 * {@code #} skipped, surrounding spaces trimmed. Malformed input raises an {@link IllegalArgumentException} naming the
 * file and line (a ragged row, a value that is not a number, a duplicate column name).
 */
public final class CsvTable {
    private final String source;
    private final List<String> columns;
    private final double[][] rows;

    private CsvTable(String source, List<String> columns, double[][] rows) {
        this.source = source;
        this.columns = columns;
        this.rows = rows;
    }

    /** Reads a file. */
    public static CsvTable read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> lines = new ArrayList<>();
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                lines.add(l);
            }
            return parse(file.toString(), lines);
        }
    }

    /** Parses lines; {@code source} names the input in error messages. */
    public static CsvTable parse(String source, List<String> lines) {
        List<String> header = null;
        List<double[]> data = new ArrayList<>();
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (header == null) {
                header = new ArrayList<>();
                for (String c : cells) {
                    String name = c.trim();
                    if (name.isEmpty()) {
                        throw new IllegalArgumentException(source + ":" + (ln + 1) + ": empty column name in header");
                    }
                    if (header.contains(name)) {
                        throw new IllegalArgumentException(source + ":" + (ln + 1) + ": duplicate column '" + name
                                + "'");
                    }
                    header.add(name);
                }
                continue;
            }
            if (cells.length != header.size()) {
                throw new IllegalArgumentException(source + ":" + (ln + 1) + ": " + cells.length
                        + " values, expected " + header.size() + " " + header);
            }
            double[] row = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                String cell = cells[j].trim();
                try {
                    row[j] = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(source + ":" + (ln + 1) + ": column '" + header.get(j)
                            + "' holds '" + cell + "', expected a number", e);
                }
            }
            data.add(row);
        }
        if (header == null) {
            throw new IllegalArgumentException(source + ": no header row, expected column names");
        }
        return new CsvTable(source, List.copyOf(header), data.toArray(new double[0][]));
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
     * @throws IllegalArgumentException naming the missing column and the available ones
     */
    public double[] column(String name) {
        int j = columns.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException(source + ": no column '" + name + "', expected one of " + columns);
        }
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][j];
        }
        return out;
    }

    /** Rows of the named columns, in the given order. */
    public double[][] columns(List<String> names) {
        double[][] cols = new double[names.size()][];
        for (int k = 0; k < names.size(); k++) {
            cols[k] = column(names.get(k));
        }
        double[][] out = new double[rows.length][names.size()];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < names.size(); k++) {
                out[i][k] = cols[k][i];
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "CsvTable[" + source + ", " + rows.length + " rows, columns " + Arrays.toString(columns.toArray()) + "]";
    }
}
