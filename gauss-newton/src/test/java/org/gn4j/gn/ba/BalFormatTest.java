package org.gn4j.gn.ba;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BAL read/write round trip and the messages for malformed files. */
class BalFormatTest {

    @Test
    void writeThenReadGivesTheSameProblem(@TempDir Path dir) {
        BalProblem p = BalTestProblems.tiny(11);
        Path f = dir.resolve("tiny.bal");
        BalFormat.write(f, p);
        BalProblem q = BalFormat.read(f);
        assertEquals(p.cameras(), q.cameras());
        assertEquals(p.points(), q.points());
        assertEquals(p.observations(), q.observations());
        assertArrayEquals(p.parameters(), q.parameters(), 0.0);
        for (int k = 0; k < p.observations(); k++) {
            assertEquals(p.cameraOf(k), q.cameraOf(k));
            assertEquals(p.pointOf(k), q.pointOf(k));
            assertEquals(p.observedX(k), q.observedX(k), 0.0);
            assertEquals(p.observedY(k), q.observedY(k), 0.0);
        }
        double[] r1 = new double[p.residualCount()];
        double[] r2 = new double[p.residualCount()];
        assertEquals(p.residuals(p.parameters(), r1), q.residuals(q.parameters(), r2), 0.0);
    }

    @Test
    void readsTheLayoutOfThePublishedFiles() {
        // header, observations, then one parameter per line (as in the BAL files)
        StringBuilder sb = new StringBuilder("1 2 2\n0 0     -3.859900e+02 3.871200e+02\n0 1  1.5e1 -2\n");
        for (int j = 0; j < 9; j++) {
            sb.append(j == 6 ? "3.99e+02" : "1.0e-02").append('\n');
        }
        sb.append("-0.6 1.7 -5\n0.1\n0.2\n0.3\n");
        BalProblem p = BalFormat.read(new StringReader(sb.toString()), "inline");
        assertEquals(2, p.observations());
        assertEquals(-385.99, p.observedX(0), 1e-12);
        assertEquals(399, p.parameters()[6], 0.0);
        assertEquals(0.3, p.parameters()[14], 0.0);
    }

    private static String message(String content) {
        return assertThrows(IllegalArgumentException.class,
                () -> BalFormat.read(new StringReader(content), "bad.bal")).getMessage();
    }

    @Test
    void malformedFilesNameTheLineAndWhatWasExpected() {
        String m = message("1 1 x\n");
        assertTrue(m.contains("bad.bal, line 1") && m.contains("expected the number of observations"), m);
        m = message("1 1 1\n0 3 1.0 2.0\n");
        assertTrue(m.contains("line 2") && m.contains("point index of observation 0") && m.contains("[0, 0]"), m);
        m = message("1 1 1\n0 0 1.0 abc\n");
        assertTrue(m.contains("line 2") && m.contains("found 'abc'") && m.contains("y coordinate of observation 0"), m);
        m = message("1 1 1\n0 0 1.0 2.0\n1\n2\n3\n");
        assertTrue(m.contains("ends after line 5") && m.contains("parameter 3 of camera 0"), m);
        StringBuilder sb = new StringBuilder("1 1 1\n0 0 1 2\n");
        for (int j = 0; j < 12; j++) {
            sb.append("1\n");
        }
        sb.append("7\n");
        m = message(sb.toString());
        assertTrue(m.contains("line 15") && m.contains("expected the end of the file"), m);
        m = message("0 1 1\n");
        assertTrue(m.contains("line 1") && m.contains("number of cameras"), m);
    }

    @Test
    void writerOutputStartsWithTheHeader() throws IOException {
        StringWriter w = new StringWriter();
        BalFormat.write(w, BalTestProblems.tiny(3));
        assertTrue(w.toString().startsWith("4 10 30\n"), w.toString().substring(0, 20));
        assertTrue(Files.exists(Path.of(".")));
    }
}
