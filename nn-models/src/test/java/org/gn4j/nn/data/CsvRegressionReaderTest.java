package org.gn4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRegressionReaderTest {
    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("data.csv"), text);
    }

    private String error(Path f, List<String> features, List<String> targets) {
        return assertThrows(IllegalArgumentException.class,
                () -> CsvRegressionReader.read(f, features, targets, "s")).getMessage();
    }

    @Test
    void readsNamedColumnsInTheRequestedOrder() throws IOException {
        Path f = csv("a, b, y, c\n1, 2, 3, 4\n\n-5e-1, .25, 7, +8\n");
        Dataset d = CsvRegressionReader.read(f, List.of("c", "a"), List.of("y"), "toy");
        assertEquals(2, d.size());
        assertArrayEquals(new int[] {2}, d.featureShape());
        assertEquals(1, d.targetWidth());
        assertArrayEquals(new double[] {4, 1, 8, -0.5}, d.features());
        assertArrayEquals(new double[] {3, 7}, d.targets());
        assertFalse(d.hasLabels());
        assertEquals("data.csv", d.name());
    }

    @Test
    void lastColumnsAsTargets() throws IOException {
        Path f = csv("x1,x2,y1,y2\n1,2,3,4\n5,6,7,8\n");
        Dataset d = CsvRegressionReader.readLastColumnsAsTargets(f, 2, "toy");
        assertArrayEquals(new double[] {1, 2, 5, 6}, d.features());
        assertArrayEquals(new double[] {3, 4, 7, 8}, d.targets());
        assertThrows(IllegalArgumentException.class, () -> CsvRegressionReader.readLastColumnsAsTargets(f, 4, "s"));
        assertThrows(IllegalArgumentException.class, () -> CsvRegressionReader.readLastColumnsAsTargets(f, 0, "s"));
    }

    @Test
    void raggedRowNamesFileAndLine() throws IOException {
        Path f = csv("a,b,y\n1,2,3\n4,5\n");
        String msg = error(f, List.of("a", "b"), List.of("y"));
        assertTrue(msg.contains(f + ":3") && msg.contains("2 values, expected 3"), msg);
    }

    @Test
    void nonNumberNamesFileLineAndColumn() throws IOException {
        Path f = csv("a,b,y\n1,2,3\n1,two,3\n");
        String msg = error(f, List.of("a", "b"), List.of("y"));
        assertTrue(msg.contains(f + ":3") && msg.contains("'b'") && msg.contains("'two'"), msg);
        Path g = csv("a,y\n1,\n");
        assertTrue(error(g, List.of("a"), List.of("y")).contains(g + ":2"));
        Path h = csv("a,y\n1d,2\n");
        assertTrue(error(h, List.of("a"), List.of("y")).contains(h + ":2"));
    }

    @Test
    void nanAndInfinityAreRejectedWithFileAndLine() throws IOException {
        for (String bad : new String[] {"NaN", "nan", "-Infinity", "inf"}) {
            Path f = csv("a,y\n1,2\n3,4\n" + bad + ",5\n");
            String msg = error(f, List.of("a"), List.of("y"));
            assertTrue(msg.contains(f + ":4") && msg.contains("finite"), msg);
        }
        Path f = csv("a,y\n1e999,2\n");
        assertTrue(error(f, List.of("a"), List.of("y")).contains(f + ":2"));
    }

    @Test
    void headerProblemsAreReported() throws IOException {
        Path f = csv("a,b,y\n1,2,3\n");
        String msg = error(f, List.of("a", "z"), List.of("y"));
        assertTrue(msg.contains(f + ":1") && msg.contains("'z'") && msg.contains("a, b, y"), msg);
        assertTrue(error(f, List.of("a", "y"), List.of("y")).contains("both"));
        assertTrue(error(f, List.of(), List.of("y")).contains("featureColumns"));
        Path dup = csv("a,a,y\n1,2,3\n");
        assertTrue(error(dup, List.of("a"), List.of("y")).contains("duplicate column 'a'"));
        Path empty = csv("");
        assertTrue(error(empty, List.of("a"), List.of("y")).contains("no header"));
        Path late = csv("\n\na,b,y\n1,2,3\n");
        String lateMsg = error(late, List.of("q"), List.of("y"));
        assertTrue(lateMsg.contains(late + ":3"), "header found on line 3: " + lateMsg);
        Path noRows = csv("a,y\n");
        assertTrue(error(noRows, List.of("a"), List.of("y")).contains("no data rows"));
    }

    @Test
    void quotedHeaderUnusedTextColumnByteOrderMarkAndWindowsLineEndings() throws IOException {
        Path f = Files.write(dir.resolve("forms.csv"), ("\uFEFF\"x, first\",\"label\",\"y\"\r\n"
                + "1,\"a, \"\"quoted\"\" label\",2\r\n# a comment line\r\n3,plain text,4\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Dataset d = CsvRegressionReader.read(f, List.of("x, first"), List.of("y"), "s");
        assertArrayEquals(new double[] {1, 3}, d.features());
        assertArrayEquals(new double[] {2, 4}, d.targets());
        // the label column is text: fine while unused, an error naming file, line and column once chosen
        String msg = error(f, List.of("label"), List.of("y"));
        assertTrue(msg.startsWith(f + ":2: column 'label'"), msg);
    }
}
