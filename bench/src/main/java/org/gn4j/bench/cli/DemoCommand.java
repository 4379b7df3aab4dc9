package org.gn4j.bench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gn4j.bench.Flops;
import org.gn4j.bench.SeededMatrices;
import org.gn4j.linalg.blas.Blas;
import org.gn4j.linalg.blas.BlasProvider;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gn4j demo}: a short tour that exercises the toolkit on seeded inputs, prints timings, and checks every
 * answer against a reference. The whole demo must stay well under 20 s on a 2-core machine.
 *
 * <p>The demo is a list of {@link Section}s run in order (see {@link #sections()}). Each section prints its findings
 * to the writer it is given and signals failure by throwing (use {@link #check}); a failed section is reported on
 * stderr, the remaining sections still run, and the exit code is 1. {@code --only NAME[,NAME...]} runs a subset.
 *
 * <h2>Adding a section (e.g. CG, Cholesky, low-rank)</h2>
 * Write one method with the {@link SectionBody} shape and register it with one line in {@link #sections()}:
 * <pre>{@code
 * private void cg(PrintWriter out) {
 *     // build a seeded problem from `seed`, solve it, then:
 *     Timing t = time(1, 3, () -> solver.solve(b, x));
 *     out.printf(Locale.ROOT, "  %-16s %s%n", "time", t);
 *     check(result.status() == SolveStatus.CONVERGED, "CG did not converge: %s", result);
 * }
 * // in sections():
 * new Section("CG", "matrix-free conjugate gradient on an SPD operator", this::cg),
 * }</pre>
 * Keep each section to a few seconds: use {@link #time} with few repetitions and sizes that finish quickly, print
 * {@code key value} lines indented by two spaces (as the BLAS section does) so the output reads as one report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run a short demo of gn4j's kernels and solvers, checked against references (< 20 s).")
public final class DemoCommand implements Callable<Integer> {
    /** Body of a section: prints to {@code out}, throws on failure. */
    @FunctionalInterface
    public interface SectionBody {
        void run(PrintWriter out) throws Exception;
    }

    /**
     * One demo section.
     *
     * @param name    short name, used by {@code --only} (case-insensitive)
     * @param summary one line printed as the section heading
     * @param body    the code of the section
     */
    public record Section(String name, String summary, SectionBody body) {
    }

    /** Thrown by {@link #check} when a section's result is wrong. */
    public static final class DemoFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DemoFailure(String message) {
            super(message);
        }
    }

    /** Wall-clock times of repeated runs, in milliseconds. */
    public record Timing(double bestMillis, double medianMillis, int repetitions) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "best %.2f ms, median %.2f ms of %d", bestMillis, medianMillis,
                    repetitions);
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--only", split = ",", paramLabel = "SECTION",
            description = "Run only these sections (case-insensitive), e.g. --only BLAS.")
    List<String> only;

    @Option(names = "--seed", defaultValue = "20261123", description = "Seed for all inputs (default: ${DEFAULT-VALUE}).")
    long seed;

    /** The sections, in the order they run. Register a new section here (one line). */
    List<Section> sections() {
        return List.of(
                new Section("BLAS", "512x512 DGEMM through the Blas seam, checked against EJML", this::blas));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Section> selected = select(sections());
        long start = System.nanoTime();
        List<String> failed = new ArrayList<>();
        for (Section s : selected) {
            out.printf(Locale.ROOT, "== %s: %s ==%n", s.name(), s.summary());
            out.flush();
            try {
                s.body().run(out);
                out.println("  OK");
            } catch (Exception | AssertionError | LinkageError e) {
                failed.add(s.name());
                out.println("  FAILED");
                err.printf(Locale.ROOT, "gn4j demo: section %s failed: %s%n", s.name(),
                        e instanceof DemoFailure ? e.getMessage() : e.toString());
            }
            out.println();
            out.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.isEmpty()) {
            out.printf(Locale.ROOT, "demo: %d section(s) passed in %.1f s%n", selected.size(), seconds);
        } else {
            out.printf(Locale.ROOT, "demo: %d of %d section(s) failed (%s) in %.1f s%n", failed.size(),
                    selected.size(), String.join(", ", failed), seconds);
        }
        out.flush();
        err.flush();
        return failed.isEmpty() ? 0 : 1;
    }

    private List<Section> select(List<Section> all) {
        if (only == null || only.isEmpty()) {
            return all;
        }
        List<Section> chosen = new ArrayList<>();
        for (String name : only) {
            Section s = all.stream().filter(x -> x.name().equalsIgnoreCase(name.trim())).findFirst()
                    .orElseThrow(() -> new ParameterException(spec.commandLine(), "--only: unknown section '" + name
                            + "', expected one of " + all.stream().map(Section::name).collect(Collectors.joining(", "))));
            if (!chosen.contains(s)) {
                chosen.add(s);
            }
        }
        return chosen;
    }

    // ---------------------------------------------------------------- sections

    /** C = A·B for seeded Gaussian 512×512 A, B through {@link BlasProvider#blas()}, against CommonOps_DDRM.mult. */
    private void blas(PrintWriter out) {
        final int n = 512;
        DMatrixRMaj a = SeededMatrices.gaussian(n, n, seed);
        DMatrixRMaj b = SeededMatrices.gaussian(n, n, seed + 1);
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        Blas blas = BlasProvider.blas();
        Timing t = time(3, 5, () -> blas.gemm(false, false, 1.0, a, b, 0.0, c));

        DMatrixRMaj ref = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(a, b, ref);
        double maxDev = 0;
        for (int i = 0; i < ref.data.length; i++) {
            maxDev = Math.max(maxDev, Math.abs(c.data[i] - ref.data[i]));
        }
        double scale = CommonOps_DDRM.elementMaxAbs(ref);
        // each entry is a length-n dot product: rounding differences between summation orders stay far below n·ε·max|C|
        double tol = n * 1e-14 * scale;

        out.printf(Locale.ROOT, "  %-16s %s (BlasProvider.blas(); gn4j info says why)%n", "implementation",
                blas.name());
        out.printf(Locale.ROOT, "  %-16s %s%n", "time", t);
        out.printf(Locale.ROOT, "  %-16s %.2f GFLOP/s (best; 2n^3 = %.3g flop)%n", "rate",
                Flops.gemmGflops(n, t.bestMillis()), Flops.gemm(n, n, n));
        out.printf(Locale.ROOT, "  %-16s %.3g vs CommonOps_DDRM.mult (max|C| = %.3g, tolerance %.3g)%n",
                "max |deviation|", maxDev, scale, tol);
        check(maxDev <= tol, "max |deviation| %.3g from CommonOps_DDRM.mult exceeds %.3g", maxDev, tol);
    }

    // ---------------------------------------------------------------- helpers for sections

    /**
     * Runs {@code work} {@code warmups} times untimed, then {@code repetitions} times timed.
     *
     * @throws IllegalArgumentException when {@code repetitions < 1} or {@code warmups < 0}
     */
    static Timing time(int warmups, int repetitions, Runnable work) {
        if (repetitions < 1 || warmups < 0) {
            throw new IllegalArgumentException(
                    "warmups " + warmups + ", repetitions " + repetitions + ", expected >= 0 and >= 1");
        }
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        double[] ms = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long t0 = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        double median = repetitions % 2 == 1 ? ms[repetitions / 2]
                : 0.5 * (ms[repetitions / 2 - 1] + ms[repetitions / 2]);
        return new Timing(ms[0], median, repetitions);
    }

    /** Fails the current section with a formatted message unless {@code ok}. */
    static void check(boolean ok, String format, Object... args) {
        if (!ok) {
            throw new DemoFailure(String.format(Locale.ROOT, format, args));
        }
    }
}
