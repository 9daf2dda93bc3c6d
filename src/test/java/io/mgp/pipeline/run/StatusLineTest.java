package io.mgp.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a terminal shows when a status line and log lines share stderr. */
class StatusLineTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final StatusLine line = new StatusLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    private final PrintStream err = new PrintStream(line, true, StandardCharsets.UTF_8);

    @Test
    void theStatusIsRewrittenInPlace() {
        line.show("crawl: 10/100+ tasks");
        line.show("crawl: 20/100 tasks");

        assertEquals(List.of("crawl: 20/100 tasks"), screen());
    }

    @Test
    void logLinesGoAboveTheStatusWhichIsDrawnAgainBelowThem() {
        line.show("crawl: 10/100+ tasks");
        err.println("04:27:42.718 INFO  Stage crawl finished in 5012 ms");
        err.print("04:27:42.719 INFO  Stage ");
        line.show("tasks: 100/100 tasks");
        err.println("tasks started");

        assertEquals(List.of(
                "04:27:42.718 INFO  Stage crawl finished in 5012 ms",
                "04:27:42.719 INFO  Stage tasks started",
                "tasks: 100/100 tasks"), screen());
    }

    @Test
    void removingItLeavesAnEmptyLineForWhatIsPrintedNext() {
        line.show("transform: 100/100 tasks");
        line.remove();
        line.show("too late");
        err.println("Run finished in 9.14 s");

        assertEquals(List.of("Run finished in 9.14 s"), screen());
    }

    /** The terminal's lines, as carriage returns and newlines leave them, without trailing blanks. */
    private List<String> screen() {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int column = 0;
        for (char c : bytes.toString(StandardCharsets.UTF_8).toCharArray()) {
            if (c == '\r') {
                column = 0;
            } else if (c == '\n') {
                lines.add(current.toString().stripTrailing());
                current.setLength(0);
                column = 0;
            } else {
                if (column < current.length()) {
                    current.setCharAt(column, c);
                } else {
                    current.append(c);
                }
                column++;
            }
        }
        if (!current.toString().isBlank()) {
            lines.add(current.toString().stripTrailing());
        }
        return lines;
    }
}
