package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The CLI through picocli's {@code execute}, with stdout and stderr captured. */
class Gn4jCommandTest {
    /** Exit code and captured output of one run. */

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void infoPrintsBlasLineAndExitsZero() {
        CliRun r = run("info");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("BLAS:\\s+cpu-\\S+ \\(CPU\\)|BLAS:\\s+\\S+ \\(GPU\\)")),
                r.out());
        assertTrue(r.out().contains("BLAS probe:"), r.out());
        assertTrue(r.out().contains("compute threads:"), r.out());
        assertTrue(r.out().contains("jdk.incubator.vector"), r.out());
    }

    @Test
    void demoPassesAndPrintsGflops() {
        CliRun r = run("demo");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("GFLOP/s"), r.out());
        assertTrue(r.out().contains("== BLAS:"), r.out());
        long sections = r.out().lines().filter(l -> l.startsWith("== ")).count();
        assertTrue(sections >= 6, "BLAS, CG, DENSE, NIST, NN and LOWRANK sections expected:\n" + r.out());
        assertTrue(r.out().contains("demo: " + sections + " section(s) passed"), r.out());
    }

    @Test
    void demoRejectsUnknownSection() {
        CliRun r = run("demo", "--only", "nope");
        assertEquals(CommandLine.ExitCode.USAGE, r.exitCode());
        assertTrue(r.err().contains("unknown section 'nope'"), r.err());
    }

    @Test
    void unknownSubcommandExitsNonZero() {
        CliRun r = run("frobnicate");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("frobnicate"), r.err());
    }

    @Test
    void noSubcommandPrintsUsageAndExitsNonZero() {
        CliRun r = run();
        assertEquals(CommandLine.ExitCode.USAGE, r.exitCode());
        assertTrue(r.err().contains("Usage: gn4j"), r.err());
    }

    @Test
    void versionIsTheProjectVersion() {
        CliRun r = run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("gn4j ") && !r.out().contains("${"), r.out());
        assertNotEquals("dev", VersionProvider.gn4jVersion(), "filtered version.properties not on the class path");
    }

    @Test
    void jmhReceivesUnknownOptionsAsArguments() {
        // parse only: running JMH here would fork JVMs
        CommandLine cl = Gn4jCommand.commandLine();
        CommandLine.ParseResult pr = cl.parseArgs("jmh", "CgIteration", "-prof", "gc", "-f", "1");
        JmhCommand jmh = pr.subcommand().commandSpec().commandLine().getCommand();
        assertEquals(java.util.List.of("CgIteration", "-prof", "gc", "-f", "1"), jmh.args);
    }

    @Test
    void unwritableStandardOutputExitsNonZeroWithAMessage() {
        CommandLine cl = Gn4jCommand.commandLine();
        java.io.OutputStream full = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        };
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setOut(new java.io.PrintWriter(full, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        int code = cl.execute("train", "--dataset", "sine", "--epochs", "1", "--no-progress");
        assertNotEquals(0, code);
        assertTrue(err.toString().contains("gn4j train: cannot write to standard output"), err.toString());
    }

    @Test
    void ioErrorOfAnInputOptionNamesTheOptionThePathAndTheReason(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path nope = dir.resolve("nope.csv");
        CliRun r = run("fit", "--data", nope.toString(), "--model", "b1*x", "--start", "1");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("cannot read --data " + nope + ": no such file or directory"), r.err());
    }

    @Test
    void downloadIntoAFileInsteadOfAFolderIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("f"), "x");
        CliRun r = run("download", "mnist", "--dir", file.toString());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("--dir " + file) && r.err().contains("is a file"), r.err());
    }
}
