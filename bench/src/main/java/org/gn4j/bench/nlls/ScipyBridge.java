package org.gn4j.bench.nlls;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One {@code python3} child process that runs {@code scipy.optimize.least_squares} while gn4j evaluates the
 * residuals and the Jacobian: the driver script (class-path resource {@code scipy_driver.py}, copied to a temporary
 * file) sends a point, this side answers {@code r(x)} or {@code J(x)} through a {@link CountedProblem}, so each
 * problem is defined once, in Java, and the evaluations are counted exactly. The protocol (big-endian binary over
 * the child's stdin/stdout) is described at the top of the script. SciPy runs with its default tolerances
 * ({@code ftol = xtol = gtol = 1e-8}) and its default {@code max_nfev}.
 *
 * <p>One solve at a time; {@link #close()} ends the child and deletes the script.
 */
public final class ScipyBridge implements AutoCloseable {
    private static final String SCRIPT = "scipy_driver.py";

    /** SciPy cannot be run: python3 is missing, or SciPy does not import. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    /**
     * What a SciPy solve returned.
     *
     * @param status  {@code OptimizeResult.status}
     * @param nfev    SciPy's residual evaluation count
     * @param njev    SciPy's Jacobian evaluation count (-1 when it reports none)
     * @param cost    SciPy's final cost {@code ½‖r‖²}
     * @param x       final point
     * @param message SciPy's message
     * @param seconds solver time: least_squares less its waits for gn4j, plus gn4j's evaluation time
     * @param error   the exception least_squares raised, or null
     */
    public record Result(int status, int nfev, int njev, double cost, double[] x, String message, double seconds,
            String error) {
    }

    private final Process process;
    private final Path script;
    private final Path stderr;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final String versions;

    private ScipyBridge(Process process, Path script, Path stderr, String versions) {
        this.process = process;
        this.script = script;
        this.stderr = stderr;
        this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        this.versions = versions;
    }

    /**
     * Starts the driver with {@code python} (a command on the PATH or a path, e.g. {@code python3}).
     *
     * @param python the interpreter command
     * @return a running bridge; close it to end the child process
     * @throws Unavailable when the interpreter cannot be started or SciPy cannot be imported (the message says which)
     */
    public static ScipyBridge start(String python) throws Unavailable {
        Path script = null;
        Path stderr = null;
        try {
            script = Files.createTempFile("gn4j-scipy-driver", ".py");
            stderr = Files.createTempFile("gn4j-scipy-driver", ".log");
            try (InputStream s = ScipyBridge.class.getResourceAsStream(SCRIPT)) {
                if (s == null) {
                    throw new IllegalStateException("class-path resource " + SCRIPT + " is missing from the build");
                }
                Files.write(script, s.readAllBytes());
            }
        } catch (IOException e) {
            delete(script, stderr);
            throw new Unavailable("cannot write the SciPy driver script: " + e.getMessage());
        }
        Process p;
        try {
            p = new ProcessBuilder(python, "-u", script.toString()).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            delete(script, stderr);
            throw new Unavailable("cannot start '" + python + "' (" + e.getMessage() + "); install Python 3 with "
                    + "SciPy or name the interpreter with --python");
        }
        try {
            DataInputStream in = new DataInputStream(p.getInputStream());
            int tag = in.read();
            if (tag != 'H') {
                throw new EOFException();
            }
            byte[] text = new byte[in.readInt()];
            in.readFully(text);
            return new ScipyBridge(p, script, stderr, new String(text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            String why = childError(p, stderr);
            p.destroyForcibly();
            delete(script, stderr);
            throw new Unavailable("'" + python + "' cannot run scipy.optimize.least_squares: "
                    + (why.isEmpty() ? "the driver ended without a word" : why));
        }
    }

    /**
     * The interpreter's versions, e.g. {@code Python 3.12.3, SciPy 1.17.1, NumPy 2.4.6}.
     *
     * @return the versions line the driver reported at start-up
     */
    public String versions() {
        return versions;
    }

    /**
     * Runs least_squares from {@code x0} with {@code method} ({@code "lm"} or {@code "trf"}), optionally with
     * {@code x_scale='jac'}; the problem's bounds are passed on when it has any. Resets {@code problem}'s counts
     * first.
     *
     * @param problem the counted problem; its evaluations answer the child's requests
     * @param x0 the starting point, length n (not modified)
     * @param method {@code "lm"} or {@code "trf"}
     * @param jacScale true to pass {@code x_scale='jac'}
     * @return SciPy's result with its counts and the solver time
     * @throws UncheckedIOException when the child process fails (it is then unusable)
     */
    public Result solve(CountedProblem problem, double[] x0, String method, boolean jacScale) {
        int n = problem.n();
        int m = problem.m();
        boolean bounded = problem.problem().bounded();
        problem.reset();
        try {
            out.write('P');
            out.writeInt(n);
            out.writeInt(m);
            byte[] mb = method.getBytes(StandardCharsets.UTF_8);
            out.writeInt(mb.length);
            out.write(mb);
            out.writeInt((jacScale ? 1 : 0) | (bounded ? 2 : 0));
            writeDoubles(x0);
            if (bounded) {
                writeDoubles(problem.problem().lowerBounds());
                writeDoubles(problem.problem().upperBounds());
            }
            out.flush();
            double[] x = new double[n];
            double[] r = new double[m];
            double[] j = new double[m * n];
            while (true) {
                int tag = in.read();
                switch (tag) {
                    case 'F':
                        readDoubles(x);
                        evaluate(() -> problem.residuals(x, r), r);
                        writeDoubles(r);
                        out.flush();
                        break;
                    case 'J':
                        readDoubles(x);
                        evaluate(() -> problem.jacobian(x, j), j);
                        writeDoubles(j);
                        out.flush();
                        break;
                    case 'D': {
                        int status = in.readInt();
                        int nfev = in.readInt();
                        int njev = in.readInt();
                        double cost = in.readDouble();
                        in.readDouble(); // first-order optimality, not reported
                        double solve = in.readDouble();
                        double waited = in.readDouble();
                        double[] xf = new double[n];
                        readDoubles(xf);
                        String message = readText();
                        return new Result(status, nfev, njev, cost, xf, message,
                                Math.max(0, solve - waited) + problem.evaluationSeconds(), null);
                    }
                    case 'E':
                        return new Result(0, 0, -1, Double.NaN, null, null, problem.evaluationSeconds(), readText());
                    default:
                        throw new IOException("the SciPy driver ended or sent an unknown message (" + tag + "): "
                                + childError(process, stderr));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs an evaluation; an exception from the problem answers NaN (SciPy then sees a non-finite value). */
    private static void evaluate(Runnable eval, double[] values) {
        try {
            eval.run();
        } catch (RuntimeException e) {
            java.util.Arrays.fill(values, Double.NaN);
        }
    }

    private void writeDoubles(double[] v) throws IOException {
        for (double d : v) {
            out.writeDouble(d);
        }
    }

    private void readDoubles(double[] v) throws IOException {
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readDouble();
        }
    }

    private String readText() throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String childError(Process p, Path stderr) {
        try {
            p.waitFor(5, TimeUnit.SECONDS);
            return Files.readString(stderr, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static void delete(Path... files) {
        for (Path f : files) {
            if (f != null) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** Asks the driver to quit, waits briefly, then ends it and deletes the temporary files. */
    @Override
    public void close() {
        try {
            out.write('Q');
            out.flush();
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // the child is already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroyForcibly();
            delete(script, stderr);
        }
    }
}
