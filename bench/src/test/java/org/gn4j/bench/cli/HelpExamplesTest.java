package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.gn4j.nn.data.DataDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * Runs every example command shown in every subcommand's {@code --help} (the lines starting with {@code gn4j}),
 * as written but with short budgets: wall-clock budgets of 2 s, one seed, the SGN-paper protocol at 1 % of its
 * budgets for the SGD and SGN families, a small matrix-free problem, sparse suites at 1000 and 2000 parameters, and
 * output files in a temporary folder (a later example that reads a file an earlier one wrote reads it there). Each
 * example's time is printed. The data files the {@code fit} examples name are made here ({@code *.dat} is the
 * built-in NIST file of that name). Examples that need the data sets or SciPy are skipped where those are absent.
 *
 * <p>Tagged {@code help-examples} and left out of the default build (the PINNacle and full SGN-paper examples take
 * minutes even with short budgets); {@code .ci/run} runs it:
 * {@code mvn -pl bench -am verify -Dbench.test.groups=help-examples -Dbench.excluded.groups=none
 * -Dtest=HelpExamplesTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("help-examples")
class HelpExamplesTest {
    @TempDir
    static Path dir;

    /** Options whose value is a file or folder the example writes: redirected into the temporary folder. */
    private static final Set<String> OUTPUTS = Set.of("--out", "--csv", "--plot", "--output", "--residuals", "--json",
            "--metrics", "--checkpoint");

    /** Files an earlier example wrote (as the help names them), where they were written: later examples read them. */
    private static final Map<String, Path> WRITTEN = new LinkedHashMap<>();

    /** One example: the command it belongs to and its words after {@code gn4j}. */
    record Example(String command, List<String> words) {
        @Override
        public String toString() {
            return "gn4j " + String.join(" ", words);
        }
    }

    static List<Example> examples() {
        List<Example> out = new ArrayList<>();
        for (CommandLine cl : CliConventionsTest.commands()) {
            List<String> lines = new ArrayList<>(List.of(cl.getCommandSpec().usageMessage().description()));
            lines.addAll(List.of(cl.getCommandSpec().usageMessage().footer()));
            String pending = null;
            for (String raw : lines) {
                String line = raw.strip();
                if (pending == null && !raw.startsWith("  ")) {
                    continue; // examples are indented; prose lines are not
                }
                if (pending != null) {
                    line = pending + " " + line;
                    pending = null;
                }
                if (line.endsWith("\\")) {
                    pending = line.substring(0, line.length() - 1).strip();
                    continue;
                }
                line = line.replaceFirst("^GN4J_JAVA_OPTS=\\S+\\s+", "");
                if (!line.startsWith("gn4j ")) {
                    continue;
                }
                int hash = line.indexOf(" #");
                if (hash >= 0) {
                    line = line.substring(0, hash).strip();
                }
                List<String> words = words(line.substring(5));
                out.add(new Example(cl.getCommandSpec().qualifiedName(" "), words));
            }
        }
        return out;
    }

    /** Splits on blanks, keeping single-quoted text together (without the quotes), as a shell does. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : text.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(w.toString());
                    w.setLength(0);
                    any = false;
                }
            } else {
                w.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(w.toString());
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyHelpExampleRuns() {
        List<Example> all = examples();
        assertFalse(all.isEmpty(), "no examples found in the help texts");
        return all.stream().map(e -> DynamicTest.dynamicTest(e.toString(), () -> run(e)));
    }

    private static void run(Example e) throws IOException {
        List<String> w = new ArrayList<>(e.words());
        String joined = String.join(" ", w);
        if (joined.matches(".*\\b(mnist-10k|fashion-mnist|cifar10)\\b.*") || (joined.startsWith("bench sgn-paper")
                && !joined.contains("--problems sine"))) {
            Assumptions.assumeTrue(DataDirectory.find().isPresent(), "the data sets are not present");
        }
        if (joined.contains("scipy")) {
            Assumptions.assumeTrue(scipyPresent(), "python3 with SciPy is not present");
        }
        Map<String, String> set = new LinkedHashMap<>();
        List<String> add = new ArrayList<>();
        switch (w.get(0)) {
            case "train" -> {
                set.put("--budget", "2");
                add.add("--no-progress");
            }
            case "pinn" -> {
                set.put("--budget", "2");
                set.put("--max-iterations", "3");
                add.add("--no-progress");
            }
            case "bench" -> {
                switch (w.get(1)) {
                    case "sgn-paper" -> {
                        set.put("--seeds", "1");
                        set.put("--budget-scale", "0.01");
                        if (!w.contains("--only")) {
                            set.put("--only", "sgd,sgn"); // a first-order and a Gauss-Newton family on every problem
                        }
                        if (!w.contains("--out")) { // its default folder is relative: keep it out of the working tree
                            set.put("--out", dir.resolve("sgn-paper-" + e.words().hashCode()).toString());
                        }
                        add.add("--no-progress");
                    }
                    case "nlls" -> {
                        set.put("--repeats", "1");
                        if (w.contains("--sizes")) {
                            set.put("--sizes", "1000,2000");
                        }
                        add.add("--no-progress");
                    }
                    case "matrix-free" -> {
                        set.put("--residuals", "3000");
                        set.put("--parameters", "100");
                    }
                    default -> { }
                }
            }
            case "spark" -> {
                if (w.get(1).equals("train")) {
                    set.put("--budget", "2");
                    add.add("--no-progress");
                }
            }
            default -> { }
        }
        for (int i = 0; i < w.size(); i++) {
            String word = w.get(i);
            if (set.containsKey(word) && i + 1 < w.size()) {
                w.set(i + 1, set.remove(word));
            } else if (OUTPUTS.contains(word) && i + 1 < w.size()) {
                Path named = Path.of(w.get(i + 1));
                Path p = dir.resolve(e.words().hashCode() + "").resolve(named.isAbsolute() ? named.getFileName() : named);
                Files.createDirectories(p.getParent());
                WRITTEN.put(w.get(i + 1), p);
                w.set(i + 1, p.toString());
            } else if (word.equals("--file") && i + 1 < w.size() && WRITTEN.containsKey(w.get(i + 1))) {
                w.set(i + 1, WRITTEN.get(w.get(i + 1)).toString());
            } else if (word.equals("--data") && i + 1 < w.size()) {
                w.set(i + 1, inputCsv(w.get(i + 1)).toString());
            } else if (word.endsWith(".dat")) {
                w.set(i, nistFile(Path.of(word).getFileName().toString()).toString());
            }
        }
        set.forEach((k, v) -> {
            w.add(k);
            w.add(v);
        });
        w.addAll(add);
        long start = System.nanoTime();
        CliRun r = CliRun.of(w.toArray(new String[0]));
        System.out.printf(java.util.Locale.ROOT, "help example, %.1f s: gn4j %s%n", (System.nanoTime() - start) / 1e9,
                String.join(" ", w));
        assertEquals(0, r.exitCode(), "gn4j " + String.join(" ", w) + "\n" + r.out() + "\n" + r.err());
    }

    private static boolean scipyPresent() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import scipy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException ex) {
            return false;
        }
    }

    /** The built-in NIST StRD file of that name, copied into the temporary folder. */
    private static Path nistFile(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = org.gn4j.gn.nist.NistDatasets.class.getResourceAsStream(name)) {
            Assumptions.assumeTrue(in != null, "no built-in " + name);
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    /** The data file an example names: Misra1a's x, y for misra1a.csv, a noisy decay with its sigma for decay.csv. */
    private static Path inputCsv(String name) throws IOException {
        StringBuilder sb = new StringBuilder();
        switch (name) {
            case "misra1a.csv" -> {
                sb.append("x,y\n");
                double[] x = {77.6, 114.9, 141.1, 190.8, 239.9, 289.0, 332.8, 378.4, 434.8, 477.3, 536.8, 593.1,
                    689.1, 760.0};
                for (double v : x) {
                    // the certified Misra1a model (b1 = 238.94, b2 = 5.5016e-4) with a small deterministic wobble
                    sb.append(v).append(',').append(238.94 * (1 - Math.exp(-5.5016e-4 * v)) + 0.05 * Math.sin(v))
                            .append('\n');
                }
            }
            case "decay.csv" -> {
                sb.append("t,y,dy\n");
                for (int i = 0; i < 12; i++) {
                    double t = 0.5 * i;
                    sb.append(t).append(',').append(3.0 * Math.exp(-0.7 * t) + 0.5 + 0.04 * Math.sin(7 * i))
                            .append(',').append(0.05 + 0.02 * (i % 3)).append('\n');
                }
            }
            default -> throw new AssertionError("an example reads " + name + ", which this test does not make");
        }
        return Files.writeString(dir.resolve(name), sb.toString(), StandardCharsets.UTF_8);
    }
}
