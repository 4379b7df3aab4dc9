package org.gn4j.bench.nlls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.gn4j.bench.cli.Gn4jCommand;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.Optimum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class NllsCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run gn4j(String... args) {
        CommandLine cl = Gn4jCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void tinyNistRunWritesCsvTableAndPlot() throws Exception {
        Path csv = dir.resolve("out.csv");
        Path png = dir.resolve("out.png");
        Run r = gn4j("bench", "nlls", "--suite", "nist", "--solvers", "lm,dogleg", "--problems", "Misra1a,DanWood",
                "--repeats", "1", "--csv", csv.toString(), "--plot", png.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(NllsReport.CSV_HEADER, lines.get(0));
        assertEquals(1 + 2 * 2 * 2, lines.size(), String.join("\n", lines));
        // the CSV's counts for lm on Misra1a start 1 are the ones an independent LM run reports
        Optimum o = new LevenbergMarquardt().optimize(org.gn4j.gn.fit.CurveFit.problem(
                org.gn4j.gn.nist.NistDatasets.load("Misra1a")), org.gn4j.gn.nist.NistDatasets.load("Misra1a").start1());
        String row = lines.stream().filter(l -> l.startsWith("nist,Misra1a start 1,Misra1a,1,lm,")).findFirst()
                .orElseThrow();
        String[] f = row.split(",");
        assertEquals("yes", f[5], row);
        assertEquals(o.residualEvaluations(), Integer.parseInt(f[7]), row);
        assertEquals(o.jacobianEvaluations(), Integer.parseInt(f[8]), row);
        assertEquals(o.residualEvaluations(), Integer.parseInt(f[10]), row);
        assertEquals(o.cost(), Double.parseDouble(f[6]), 1e-12 * o.cost(), row);
        for (String l : lines.subList(1, lines.size())) {
            assertTrue(l.contains(",yes,"), "NIST certified runs solved by lm and dogleg: " + l);
        }
        assertTrue(r.out().contains("lm                4 / 4"), r.out());
        assertTrue(r.out().contains("over the 4 of 4 runs"), r.out());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(2 * 640, img.getWidth());
        assertEquals(480, img.getHeight());
    }

    @Test
    void missingPythonReportsScipyUnavailableAndRunsGn4j() {
        Run r = gn4j("bench", "nlls", "--suite", "nist", "--solvers", "lm,scipy-lm", "--problems", "Misra1a",
                "--repeats", "1", "--python", dir.resolve("no-such-python").toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("scipy-lm unavailable: cannot start"), r.err());
        assertTrue(r.out().contains("lm                2 / 2"), r.out());
    }

    @Test
    void unknownProblemsSolversAndSuitesAreNamed() {
        Run r = gn4j("bench", "nlls", "--suite", "nist", "--solvers", "lm", "--problems", "Nope");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("problem 'Nope' is not in the suite, expected one of [Bennett5, BoxBOD"), r.err());
        r = gn4j("bench", "nlls", "--solvers", "lm,newton");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--solvers: 'newton', expected one of"), r.err());
        r = gn4j("bench", "nlls", "--suite", "box", "--solvers", "lm");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'box'"), r.err());
    }

    @Test
    void mghSuiteHasEveryFunctionFromThreeStarts() {
        List<NllsProblem> runs = NllsSuites.mgh();
        assertEquals(0, runs.size() % 3);
        assertEquals("Rosenbrock x1", runs.get(0).name());
        assertEquals("Rosenbrock", runs.get(0).family());
        assertEquals("Rosenbrock x10", runs.get(1).name());
        assertEquals(10, runs.get(1).start());
        assertEquals("Rosenbrock", runs.get(2).family());
        assertEquals(-120, runs.get(2).x0()[0], 1e-12);
        assertEquals(108, runs.size());
        assertEquals(54, NllsSuites.nist().size());
    }

    @Test
    void boundedSuiteJudgesByTheKktTestAndTheBestKnownCost() {
        List<NllsProblem> runs = NllsSuites.suite("bounded");
        assertEquals(25, runs.size());
        List<org.gn4j.gn.suites.BoundedTestProblem> problems = org.gn4j.gn.suites.BoundedSuite.problems();
        for (int i = 0; i < runs.size(); i++) {
            NllsProblem run = runs.get(i);
            org.gn4j.gn.suites.BoundedTestProblem b = problems.get(i);
            assertTrue(run.problem().bounded(), run.name());
            assertTrue(run.judge().solved(b.bestKnownPoint(), b.bestKnownCost()), run.name());
            assertFalse(run.judge().solved(b.start(), b.cost(b.start())), run.name() + ": the start is not a solution");
            assertFalse(run.judge().solved(b.bestKnownPoint(), Double.NaN), run.name());
        }
    }
}
