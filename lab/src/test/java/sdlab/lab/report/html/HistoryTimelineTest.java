package sdlab.lab.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.core.history.History;
import sdlab.core.history.Op;

/** The history timeline draws every operation and outlines the ones a checker singled out. */
class HistoryTimelineTest {
    private static final History HISTORY = History.of(List.of(
            Op.invoke(0, "write", "k", 1L, 0),
            Op.ok(0, "write", "k", 1L, 10),
            Op.invoke(1, "read", "k", null, 20),
            Op.ok(1, "read", "k", null, 30)));

    @Test
    void flaggedOperationsAreOutlinedWithTheirReason() {
        // Shows: operation 1 (the read, second invocation) is flagged; operation 0 is not.
        String svg = HistoryTimeline.svg(HISTORY, 100, Map.of(1, "stale read: missed the write of 1"));

        assertThat(svg.split("<rect ", -1)).hasSize(3);
        assertThat(svg).containsOnlyOnce("flagged\"").contains("Flagged: stale read: missed the write of 1");
        assertThat(svg.indexOf("flagged")).isGreaterThan(svg.indexOf("p0 write"));
    }

    @Test
    void withoutFlagsNothingIsOutlined() {
        // Shows: the plain timeline has no flagged boxes.
        assertThat(HistoryTimeline.svg(HISTORY, 100)).doesNotContain("flagged");
    }
}
