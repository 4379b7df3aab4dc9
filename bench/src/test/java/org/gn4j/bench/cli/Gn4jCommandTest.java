package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The CLI through picocli's {@code execute}, with stdout and stderr captured. */
class Gn4jCommandTest {
    /** Exit code and captured output of one run. */
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Gn4jCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void infoPrintsBlasLineAndExitsZero() {
        Run r = run("info");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("BLAS:\\s+cpu-\\S+ \\(CPU\\)|BLAS:\\s+\\S+ \\(GPU\\)")),
                r.out());
        assertTrue(r.out().contains("BLAS probe:"), r.out());
        assertTrue(r.out().contains("compute threads:"), r.out());
        assertTrue(r.out().contains("jdk.incubator.vector"), r.out());
    }

    @Test
    void demoPassesAndPrintsGflops() {
        Run r = run("demo");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("GFLOP/s"), r.out());
        assertTrue(r.out().contains("== BLAS:"), r.out());
        long sections = r.out().lines().filter(l -> l.startsWith("== ")).count();
        assertTrue(sections >= 5, "BLAS, CG, DENSE, NIST and LOWRANK sections expected:\n" + r.out());
        assertTrue(r.out().contains("demo: " + sections + " section(s) passed"), r.out());
    }

    @Test
    void demoRejectsUnknownSection() {
        Run r = run("demo", "--only", "nope");
        assertEquals(CommandLine.ExitCode.USAGE, r.exitCode());
        assertTrue(r.err().contains("unknown section 'nope'"), r.err());
    }

    @Test
    void unknownSubcommandExitsNonZero() {
        Run r = run("frobnicate");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("frobnicate"), r.err());
    }

    @Test
    void noSubcommandPrintsUsageAndExitsNonZero() {
        Run r = run();
        assertEquals(CommandLine.ExitCode.USAGE, r.exitCode());
        assertTrue(r.err().contains("Usage: gn4j"), r.err());
    }

    @Test
    void versionIsTheProjectVersion() {
        Run r = run("--version");
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
}
