package sdlab.lab.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A trace is cut into windows that cover it exactly once, with the offending events inside the start window. */
class TraceWindowsTest {
    @Test
    void theStartWindowHoldsTheFocusWithContextBeforeIt() {
        // Shows: events 2,010 to 2,030 of 3,550 land in one window that starts a sixth of a window before them.
        TraceWindows windows = TraceWindows.around(3550, 250, 2010, 2030);
        TraceWindows.Window start = windows.startWindow();
        assertThat(start.from()).isEqualTo(2010 - 41);
        assertThat(start.to()).isEqualTo(2010 - 41 + 250);
    }

    @Test
    void windowsCoverEveryEventOnceInOrder() {
        // Shows: whatever the focus, consecutive windows tile the trace from its first event to its last.
        for (int focus : new int[] {0, 1, 100, 2010, 3549}) {
            List<TraceWindows.Window> all =
                    TraceWindows.around(3550, 250, focus, focus).windows();
            assertThat(all.getFirst().from()).isZero();
            assertThat(all.getLast().to()).isEqualTo(3550);
            for (int i = 1; i < all.size(); i++) {
                assertThat(all.get(i).from()).isEqualTo(all.get(i - 1).to());
                assertThat(all.get(i).size()).isBetween(1, 250);
                assertThat(all.get(i).number()).isEqualTo(i + 1);
            }
        }
    }

    @Test
    void aFocusNearTheEndStillGetsAFullWindow() {
        // Shows: the last window is not a sliver when the violation is in the last events of the run.
        TraceWindows windows = TraceWindows.around(1000, 250, 990, 995);
        assertThat(windows.startWindow().from()).isEqualTo(750);
        assertThat(windows.startWindow().to()).isEqualTo(1000);
    }

    @Test
    void aCappedPageKeepsTheWindowsNearestTheStart() {
        // Shows: with room for 3 of 15 windows, the start window and its two neighbours are drawn.
        TraceWindows windows = TraceWindows.around(3550, 250, 2010, 2030);
        int start = windows.startWindow().number();
        assertThat(windows.drawn(3))
                .extracting(TraceWindows.Window::number)
                .containsExactly(start - 1, start, start + 1);
        assertThat(windows.drawn(100)).hasSameSizeAs(windows.windows());
    }
}
