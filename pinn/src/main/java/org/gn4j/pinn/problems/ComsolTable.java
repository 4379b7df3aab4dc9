package org.gn4j.pinn.problems;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gn4j.linalg.text.PlainDecimal;

/**
 * A COMSOL text export as PINNacle ships its reference solutions: header lines starting with {@code %}, then rows of
 * whitespace-separated numbers, all with the same number of columns.
 */
final class ComsolTable {
    private ComsolTable() {
    }

    /**
     * The columns of the file.
     *
     * @param columns the expected number of columns
     * @throws IllegalArgumentException naming the file and line of a malformed row
     * @throws IOException              if the file cannot be read
     */
    static double[][] read(Path file, int columns) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("%")) {
                    continue;
                }
                String[] parts = t.split("\\s+");
                if (parts.length != columns) {
                    throw new IllegalArgumentException(file + ":" + number + ": " + parts.length
                            + " values, expected " + columns);
                }
                double[] row = new double[columns];
                for (int c = 0; c < columns; c++) {
                    if (!PlainDecimal.matches(parts[c])) {
                        throw new IllegalArgumentException(file + ":" + number + ": field " + (c + 1) + " is '"
                                + parts[c] + "', expected a finite decimal number");
                    }
                    row[c] = Double.parseDouble(parts[c]);
                }
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": no data rows");
        }
        double[][] out = new double[columns][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                out[c][r] = rows.get(r)[c];
            }
        }
        return out;
    }
}
