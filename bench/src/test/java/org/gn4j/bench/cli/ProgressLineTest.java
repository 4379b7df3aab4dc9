package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** Progress output: carriage returns only on a terminal, plain periodic lines in a log, and the suite counter. */
class ProgressLineTest {

    @Test
    void aLogGetsPlainLinesAndNoCarriageReturn() {
        StringWriter w = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(w), true, false);
        p.show("step 1", false);
        p.show("step 2", false); // within the interval: left out
        p.show("done", true);
        p.clear();
        assertEquals("step 1\ndone\n", w.toString().replace(System.lineSeparator(), "\n"));
        assertFalse(w.toString().contains("\r"));
    }

    @Test
    void aTerminalGetsOneRedrawnLine() {
        StringWriter w = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(w), true, true);
        p.show("a longer line", true);
        p.show("short", true);
        p.clear();
        assertEquals("\ra longer line\rshort        \r     \r", w.toString());
    }

    @Test
    void disabledWritesNothing() {
        StringWriter w = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(w), false, true);
        p.show("x", true);
        p.clear();
        assertEquals("", w.toString());
    }

    @Test
    void suiteCounterAndTimeLeft() {
        assertEquals("run 1/14, 0 s elapsed", ProgressLine.eta(0, 14, 0.2));
        assertEquals("run 5/14, 40 s elapsed, about 1 min 40 s left", ProgressLine.eta(4, 14, 40));
        assertTrue(ProgressLine.duration(7500).startsWith("2 h 5 min"));
        assertEquals("[=====     ]", ProgressLine.bar(0.5, 10));
    }
}
