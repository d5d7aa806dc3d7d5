package sdlab.chapters.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chapter's HTML report opens at the violation: the run whose claim failed, its diagram's first visible window
 * around the operations a checker flagged, and the question's options labelled with the runs that refuted them.
 */
class QuorumReportTest {
    private static FailingQuorumPage.Page page;

    @BeforeAll
    static void render() {
        page = FailingQuorumPage.build();
    }

    @Test
    void theDetailedRunIsTheFailingVariantAndSeed() {
        // Shows: the showcase is n3r1w3 on seed 5, the counterexample of monotonic reads, not the first variant.
        assertThat(page.report().showcase().seed()).isEqualTo(5);
        assertThat(page.report().showcase().variant()).contains("n3r1w3");
        assertThat(page.detail().focus()).contains("n3r1w3");
        assertThat(page.html()).contains("<h2>Seed 5, variant n3r1w3 in detail</h2>");
        assertThat(page.openedRun()).startsWith("<details open=\"open\"><summary>variant <strong>n3r1w3</strong>");
    }

    @Test
    void theFirstWindowOfTheDiagramHoldsTheOffendingOperations() {
        // Shows: op 59 of c4, at about 820 ms (event 1,000 of 3,500), is outlined and named in the window that
        // shows without a click, with its trace line on hover; the first 400 events alone would not reach it.
        String window = page.startWindow();
        assertThat(window).contains("⚑ op 59 of c4").contains("<rect class=\"flaggedop\"");
        assertThat(window).containsPattern("COMPLETE +c4 op 59: Ok\\[value=4000000008\\]");
        assertThat(window).doesNotContain(">0.000ms<");
    }

    @Test
    void theClientHistoryNamesTheOffendingOperationsAsTheTraceDoes() {
        // Shows: the history's zoomed view and table call the operations op 59 and op 63 of c4 on key k0.
        String run = page.openedRun();
        assertThat(run)
                .contains("<h4>Around the flagged operations")
                .contains("⚑ op 59 read k0 → ok 4000000008")
                .contains("<td class=\"name\">&#9873; op 63</td><td>c4</td><td>k0</td>");
    }

    @Test
    void refutedOptionsAreLabelledWithTheVariantThatRefutedThem() {
        // Shows: the options stand for n3r2w2, but n3r1w3's runs refuted them, and that is what the page says.
        assertThat(page.html())
                .contains(
                        "<strong>monotonic reads</strong> <span class=\"muted\">(refuted by variant n3r1w3 on seed 5)")
                .contains("<strong>read-your-writes</strong> <span class=\"muted\">(variant n3r2w2)</span>: supported");
    }
}
