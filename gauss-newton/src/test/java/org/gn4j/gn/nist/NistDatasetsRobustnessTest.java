package org.gn4j.gn.nist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.gn4j.testkit.Fuzz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reported defects of the StRD reader, one test each: sizes, numbers, byte-order marks, null arguments. */
class NistDatasetsRobustnessTest {
    @TempDir
    Path dir;

    private Path write(String name, UnaryOperator<String> edit) throws IOException {
        String text = new String(NistDatasetsFuzzTest.resource("Misra1a"), StandardCharsets.ISO_8859_1);
        Path file = dir.resolve(name);
        Files.writeString(file, edit.apply(text), StandardCharsets.ISO_8859_1);
        return file;
    }

    private static String message(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> NistDatasets.read(file)).getMessage();
    }

    @Test
    void declaredTwoBillionRowsInASmallFileFailFastWithoutAllocatingThem() throws IOException {
        // the 3 KB file declares 2e9 observations everywhere: the counts agree, the file does not hold them
        Path file = write("huge.dat", t -> t.replace("(lines 61 to 74)", "(lines 61 to 2000000060)")
                .replace("14 Observations", "2000000000 Observations")
                .replace("Number of Observations:                            14",
                        "Number of Observations:                            2000000000"));
        assertTrue(Files.size(file) < 4096);
        Fuzz.AllocationCounter counter = Fuzz.AllocationCounter.forCurrentThread();
        String[] msg = new String[1];
        long bytes = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> counter.measure(() -> msg[0] = message(file)));
        assertTrue(msg[0].startsWith(file + " line 75: file ends after 14 of 2000000000 observations"), msg[0]);
        assertTrue(msg[0].contains("the file has 74 lines"), msg[0]);
        assertTrue(bytes < 64 * Files.size(file) + (1 << 20), bytes + " bytes allocated");
    }

    @Test
    void countBeyondAnIntNamesFileLineAndText() throws IOException {
        Path file = write("count.dat", t -> t.replace("14 Observations", "99999999999 Observations"));
        String msg = message(file);
        assertTrue(msg.startsWith(file + " line 27: declared observation count '99999999999' is too large"), msg);
        Path range = write("range.dat", t -> t.replace("(lines 61 to 74)", "(lines 61 to 99999999999)"));
        msg = message(range);
        assertTrue(msg.startsWith(range + " line 7: Data last line '99999999999' is too large"), msg);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1d", "0x0p0", "1f", "NaN", "Infinity", "1e999", "-1E400", "1_0", "1.2.3", "+"})
    void numbersJavaAcceptsButTheFormatDoesNotNameFileLineAndText(String bad) throws IOException {
        Path file = write("bad.dat", t -> t.replace("      14.73E0     114.9E0", "      14.73E0     " + bad));
        String msg = message(file);
        assertTrue(msg.startsWith(file + " line 62: ") && msg.contains("'" + bad + "'")
                && msg.contains("the predictor x"), msg);
    }

    @Test
    void overflowingCertifiedValueIsAnError() throws IOException {
        Path file = write("sd.dat", t -> t.replace("2.7070075241E+00", "2.7070075241E+999"));
        String msg = message(file);
        assertTrue(msg.startsWith(file + " line 41: number '2.7070075241E+999' overflows a double"), msg);
    }

    @Test
    void fractionalDegreesOfFreedomAreAnError() throws IOException {
        Path file = write("dof.dat", t -> t.replace("Degrees of Freedom:                                12",
                "Degrees of Freedom:                                1e10"));
        String msg = message(file);
        assertTrue(msg.startsWith(file + " line 46: Degrees of Freedom is 1.0E10"), msg);
    }

    @Test
    void utf8ByteOrderMarkIsSkipped() throws IOException {
        byte[] plain = NistDatasetsFuzzTest.resource("Misra1a");
        byte[] withBom = new byte[plain.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, withBom, 3, plain.length);
        Path file = Files.write(dir.resolve("bom.dat"), withBom);
        assertEquals(NistDatasets.load("Misra1a"), NistDatasets.read(file));
        List<String> lines = new ArrayList<>(NistDatasetsFuzzTest.lines(plain));
        lines.set(0, "\uFEFF" + lines.get(0));
        assertEquals(NistDatasets.load("Misra1a"), NistDatasets.parse("Misra1a.dat", lines));
    }

    @Test
    void longBlankLinesAreReadInLinearTime() {
        // two adjacent optional blank runs in a pattern used to backtrack quadratically on a long blank line
        List<String> lines = new ArrayList<>(NistDatasetsFuzzTest.lines(NistDatasetsFuzzTest.twoPredictorFile()
                .getBytes(StandardCharsets.ISO_8859_1)));
        lines.set(2, " ".repeat(200_000));
        lines.set(12, "1" + "9".repeat(100_000) + "x");
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> NistDatasets.parse("blank.dat", lines));
    }

    @Test
    void nullArgumentsAreIllegalArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NistDatasets.read(null));
        assertTrue(e.getMessage().contains("file"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NistDatasets.parse(null, List.of()));
        assertTrue(e.getMessage().contains("source"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NistDatasets.parse("x.dat", null));
        assertTrue(e.getMessage().contains("lines"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NistDatasets.parse("x.dat", Arrays.asList("a", null)));
        assertTrue(e.getMessage().contains("lines[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NistDatasets.load(null));
        assertTrue(e.getMessage().contains("null"), e.getMessage());
        NistProblem p = NistDatasets.load("Misra1a");
        e = assertThrows(IllegalArgumentException.class, () -> new NistProblem(p.name(), p.difficulty(),
                p.responseText(), p.modelText(), p.variableNames(), p.parameterNames(), null,
                p.certifiedStandardDeviations(), p.start1(), p.start2(), p.certifiedResidualSumOfSquares(),
                p.residualStandardDeviation(), p.degreesOfFreedom(), p.x(), p.y()));
        assertTrue(e.getMessage().contains("certifiedValues"), e.getMessage());
    }
}
