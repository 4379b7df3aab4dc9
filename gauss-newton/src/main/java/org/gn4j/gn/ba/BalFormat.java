package org.gn4j.gn.ba;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.gn4j.linalg.ArgumentChecks;

/**
 * Reads and writes the text format of the BAL data sets (Bundle Adjustment in the Large, as read by Ceres's
 * {@code bundle_adjuster}): a header {@code <cameras> <points> <observations>}, then one line per observation
 * {@code <camera> <point> <x> <y>}, then the 9 parameters of each camera and the 3 of each point (whitespace-separated,
 * one per line when written). Numbers are written in Java's shortest round-trip form, so a write then a read gives
 * back the same doubles.
 */
public final class BalFormat {
    private BalFormat() {
    }

    /**
     * Reads a BAL file.
     *
     * @param file the BAL text file
     * @return the problem, with the file's cameras and points as its parameters
     * @throws IllegalArgumentException naming the file, the line and what was expected, when the content is malformed
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static BalProblem read(Path file) {
        ArgumentChecks.requireNonNull("file", file);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads BAL content from a reader; {@code name} is used in error messages.
     *
     * @param reader the BAL text (not closed)
     * @param name the name of the source for error messages
     * @return the problem, with the text's cameras and points as its parameters
     * @throws IllegalArgumentException naming the source, the line and what was expected, when the content is malformed
     * @throws UncheckedIOException     on a read error
     */
    public static BalProblem read(Reader reader, String name) {
        Tokens t = new Tokens(reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader),
                name);
        int cameras = t.nextInt("the number of cameras (header)", 0, 0, 1, Integer.MAX_VALUE);
        int points = t.nextInt("the number of points (header)", 0, 0, 1, Integer.MAX_VALUE);
        int obs = t.nextInt("the number of observations (header)", 0, 0, 1, Integer.MAX_VALUE);
        int[] cam = new int[obs];
        int[] pt = new int[obs];
        double[] xy = new double[2 * obs];
        for (int k = 0; k < obs; k++) {
            cam[k] = t.nextInt("the camera index of observation %d", k, 0, 0, cameras - 1);
            pt[k] = t.nextInt("the point index of observation %d", k, 0, 0, points - 1);
            xy[2 * k] = t.nextDouble("the x coordinate of observation %d", k, 0);
            xy[2 * k + 1] = t.nextDouble("the y coordinate of observation %d", k, 0);
        }
        double[] x = new double[SnavelyProjection.CAMERA_SIZE * cameras + SnavelyProjection.POINT_SIZE * points];
        for (int c = 0; c < cameras; c++) {
            for (int j = 0; j < SnavelyProjection.CAMERA_SIZE; j++) {
                x[9 * c + j] = t.nextDouble("parameter %2$d of camera %1$d", c, j);
            }
        }
        int off = SnavelyProjection.CAMERA_SIZE * cameras;
        for (int p = 0; p < points; p++) {
            for (int j = 0; j < SnavelyProjection.POINT_SIZE; j++) {
                x[off + 3 * p + j] = t.nextDouble("coordinate %2$d of point %1$d", p, j);
            }
        }
        t.expectEnd();
        return new BalProblem(cameras, points, cam, pt, xy, x);
    }

    /**
     * Writes the problem (its parameter vector as the cameras and points).
     *
     * @param file the file to create or overwrite (US-ASCII)
     * @param problem the problem to write; not {@code null}
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Path file, BalProblem problem) {
        ArgumentChecks.requireNonNull("file", file);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            write(out, problem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the problem to a writer (not closed).
     *
     * @param out the destination
     * @param problem the problem to write; not {@code null}
     * @throws IOException on a write error
     */
    public static void write(Writer out, BalProblem problem) throws IOException {
        ArgumentChecks.requireNonNull("problem", problem);
        StringBuilder sb = new StringBuilder(64);
        out.write(problem.cameras() + " " + problem.points() + " " + problem.observations() + "\n");
        for (int k = 0; k < problem.observations(); k++) {
            sb.setLength(0);
            sb.append(problem.cameraOf(k)).append(' ').append(problem.pointOf(k)).append("     ")
                    .append(problem.observedX(k)).append(' ').append(problem.observedY(k)).append('\n');
            out.write(sb.toString());
        }
        for (double v : problem.parameters()) {
            out.write(Double.toString(v));
            out.write('\n');
        }
    }

    /**
     * Whitespace-separated tokens with the line each came from, parsed in place in the line (no string per token) by
     * {@link DecimalParsing}. What a token was expected to be is a {@link String#format} pattern with two int
     * arguments, formatted only for an error message.
     */
    private static final class Tokens {
        private final BufferedReader in;
        private final String name;
        private String line;
        private int lineNo;
        private int pos;
        /** The current token: line[start, pos). */
        private int start;

        Tokens(BufferedReader in, String name) {
            this.in = in;
            this.name = name;
        }

        /** Moves to the next token; false at the end of the input. */
        private boolean next() {
            try {
                while (true) {
                    if (line != null) {
                        int n = line.length();
                        while (pos < n && Character.isWhitespace(line.charAt(pos))) {
                            pos++;
                        }
                        if (pos < n) {
                            start = pos;
                            while (pos < n && !Character.isWhitespace(line.charAt(pos))) {
                                pos++;
                            }
                            return true;
                        }
                    }
                    line = in.readLine();
                    pos = 0;
                    if (line == null) {
                        return false;
                    }
                    lineNo++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
            }
        }

        private String where() {
            return name + ", line " + lineNo;
        }

        private String token() {
            return line.substring(start, pos);
        }

        private static String what(String what, int a, int b) {
            return String.format(Locale.ROOT, what, a, b);
        }

        private IllegalArgumentException ended(String what, int a, int b) {
            return new IllegalArgumentException(name + ": the file ends after line " + lineNo + ", expected "
                    + what(what, a, b));
        }

        int nextInt(String what, int a, int b, int lo, int hi) {
            if (!next()) {
                throw ended(what, a, b);
            }
            long v;
            try {
                v = DecimalParsing.parseLong(line, start, pos);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where() + ": found '" + token() + "', expected " + what(what, a, b)
                        + " (an integer)");
            }
            if (v < lo || v > hi) {
                throw new IllegalArgumentException(where() + ": found " + v + ", expected " + what(what, a, b)
                        + " in [" + lo + ", " + hi + "]");
            }
            return (int) v;
        }

        double nextDouble(String what, int a, int b) {
            if (!next()) {
                throw ended(what, a, b);
            }
            double v;
            try {
                v = DecimalParsing.parseDouble(line, start, pos);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where() + ": found '" + token() + "', expected " + what(what, a, b)
                        + " (a number)");
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(where() + ": found " + token() + ", expected " + what(what, a, b)
                        + " (a finite number)");
            }
            return v;
        }

        void expectEnd() {
            if (next()) {
                throw new IllegalArgumentException(where() + ": found '" + token()
                        + "' after the last point, expected the end of the file");
            }
        }
    }
}
