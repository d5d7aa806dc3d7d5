package sdlab.lab.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import sdlab.lab.ParamValues;
import sdlab.lab.SeedRun;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.SeedDetail;
import sdlab.lab.sweep.Sweep;
import sdlab.lab.sweep.SweepProgress;
import sdlab.lab.sweep.SweepSettings;
import sdlab.lab.toy.CoinExperiment;
import sdlab.lab.toy.WeatherExperiment;
import sdlab.sim.TraceEvent;

class HtmlReportTest {
    private final CoinExperiment coin = new CoinExperiment();

    private String page(ParamValues values) {
        ExperimentReport report =
                Sweep.run(coin, values, SweepSettings.of(1, 20).withThreads(2), SweepProgress.none());
        SeedDetail detail = Sweep.replay(coin, values, report.showcaseSeed(), Optional.empty())
                .focusedOn(report.showcase());
        return HtmlReport.render(report, Optional.of(detail));
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    @Test
    void thePageIsWellFormedAndSelfContained() throws Exception {
        // Every element closes and nothing is fetched: no scripts, no external stylesheets, fonts or images.
        String html = page(ParamValues.defaults(coin.params()));
        Document document = parse(html);
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(html).doesNotContainPattern("(src|href)\\s*=\\s*\"(https?:)?//");
        assertThat(html).doesNotContain("<script").doesNotContain("@import").doesNotContain("url(http");
        assertThat(html).contains("A loaded coin &amp; its &lt;bias&gt; show more.");
    }

    @Test
    void itHasAChartPerMetricClaimsQuestionAndTheShowcasedSeed() {
        // One bar chart per metric, both variants' diagrams for seed 7 (the first counterexample), and the verdicts.
        String html = page(ParamValues.defaults(coin.params()));
        assertThat(count(html, "<svg class=\"bars\"")).isEqualTo(coin.metrics().size());
        assertThat(count(html, "<svg class=\"spacetime\"")).isEqualTo(2);
        assertThat(count(html, "<svg class=\"history\"")).isEqualTo(2);
        assertThat(html)
                .contains("<h2>Seed 7, variant fair in detail</h2>")
                .contains("Shown because it is the counterexample of noSeedDivisibleBySeven")
                .contains("noSeedDivisibleBySeven")
                .contains("./sdlab run coin --seed 7 --variant fair --trace")
                .contains("Which statement do the coins support?")
                .contains("2 of 4 claims held over 20 seeds (1 to 20).");
    }

    @Test
    void aStratifiedReportHasTheTerminalsPerStratumTableAndAnOtherReportNone() throws Exception {
        // One row per weather with both variants in each cell, as the terminal shows it; still well formed.
        WeatherExperiment weather = new WeatherExperiment();
        ExperimentReport report = Sweep.run(
                weather,
                ParamValues.defaults(weather.params()),
                SweepSettings.of(1, 60).withThreads(2),
                SweepProgress.none());
        String html = HtmlReport.render(report, Optional.empty());

        parse(html);
        assertThat(html)
                .contains("<section id=\"strata\"><h2>Per weather</h2>")
                .contains("per weather (seeds); each cell: walk / drive")
                .contains("<td class=\"name\">sunny (20)</td><td class=\"num\">630 / 1260</td>");
        assertThat(count(html, "<td class=\"name\">[a-z]+ \\(\\d+\\)</td>")).isEqualTo(4);
        assertThat(page(ParamValues.defaults(coin.params()))).doesNotContain("id=\"strata\"");
    }

    @Test
    void everyDeliveryIsAnArrowAndEveryDropACross() {
        // The diagram draws exactly the trace's messages: arrows for deliveries, crosses for drops.
        ParamValues values = ParamValues.defaults(coin.params());
        SeedRun fair = Sweep.replay(coin, values, 3, Optional.of("fair"))
                .runsByVariant()
                .get("fair");
        String svg = SpaceTimeDiagram.svg("t", fair.trace());
        long delivered = fair.trace().stream()
                .filter(e -> e.kind() == TraceEvent.Kind.DELIVER)
                .count();
        long dropped = fair.trace().stream()
                .filter(e -> e.kind() == TraceEvent.Kind.DROP)
                .count();
        assertThat(delivered + dropped).isEqualTo(20);
        assertThat(count(svg, "<line class=\"message\"")).isEqualTo((int) delivered);
        assertThat(count(svg, "<g class=\"dropped\">")).isEqualTo((int) dropped);
        assertThat(svg).contains("<title>").contains("SEND").contains("thrower").contains("table");
    }

    @Test
    void longTracesArePagedAndTheFoldedRunsSayWhatTheyLeaveOut() {
        // 1000 flips are 2000 events: 8 windows of 250. The run the page opens at draws all 8, every message once;
        // the folded run draws 1 and says which 7 windows (1750 events) it leaves to --trace.
        String html = page(ParamValues.defaults(coin.params()).with(CoinExperiment.FLIPS, "1000"));
        String opened = html.substring(html.indexOf("<details open="), html.indexOf("</details>"));
        assertThat(count(opened, "<div class=\"window[ \"]")).isEqualTo(8);
        assertThat(count(opened, "<line class=\"message\"") + count(opened, "<g class=\"dropped\">"))
                .isEqualTo(1000);
        assertThat(opened).contains("2000 events in 8 windows of at most 250 events.");
        String folded = html.substring(html.indexOf("</details>"));
        assertThat(count(folded, "<div class=\"window[ \"]")).isEqualTo(1);
        assertThat(folded).contains("Not drawn, to keep the page light: 7 windows (1750 events, windows 2-8)");
    }

    @Test
    void theMessageTypeLabelsEachArrowAndEveryChartHasAnAxisWithItsUnit() {
        // Shows: an arrow reads without hovering (its message type beside it), and bars sit on a labelled axis.
        String html = page(ParamValues.defaults(coin.params()));
        assertThat(count(html, "<text class=\"msg\"[^>]*>Flip</text>"))
                .isEqualTo(count(html, "<line class=\"message\"") + count(html, "<g class=\"dropped\">"));
        assertThat(html)
                .contains(">flipMsP50, ms</text>")
                .contains(">heads, count over all seeds</text>")
                .contains(">headShare, ratio heads / flips</text>");
    }

    @Test
    void crashesPausesAndPartitionsAreShaded() {
        // Faults show as shaded stretches on a node's line or bands across the diagram, with the event on hover.
        var n1 = sdlab.core.NodeId.of("n1");
        var n2 = sdlab.core.NodeId.of("n2");
        List<TraceEvent> trace = List.of(
                new TraceEvent(0, TraceEvent.Kind.PARTITION, null, null, 0, "{n1} | {n2}"),
                new TraceEvent(1, TraceEvent.Kind.SEND, n1, n2, 1, "Ping"),
                new TraceEvent(2, TraceEvent.Kind.DROP, n1, n2, 1, "partitioned"),
                new TraceEvent(3, TraceEvent.Kind.HEAL, null, null, 0, ""),
                new TraceEvent(4, TraceEvent.Kind.CRASH, n2, null, 0, ""),
                new TraceEvent(5, TraceEvent.Kind.PAUSE, n1, null, 0, ""),
                new TraceEvent(6, TraceEvent.Kind.RESTART, n2, null, 0, ""),
                new TraceEvent(7, TraceEvent.Kind.RESUME, n1, null, 0, ""));
        String svg = SpaceTimeDiagram.svg("f", trace);
        assertThat(count(svg, "<rect class=\"partition\"")).isEqualTo(1);
        assertThat(count(svg, "<rect class=\"crashed\"")).isEqualTo(1);
        assertThat(count(svg, "<rect class=\"paused\"")).isEqualTo(1);
        assertThat(count(svg, "<g class=\"dropped\">")).isEqualTo(1);
        assertThat(svg.indexOf(">n1<")).isLessThan(svg.indexOf(">n2<"));
    }

    @Test
    void nodesAreOrderedAsPeopleCount() {
        // n2 comes before n10 in the diagram, as a reader expects.
        assertThat(List.of("n10", "n2", "c1", "n1").stream().sorted(NaturalOrder.NAMES))
                .containsExactly("c1", "n1", "n2", "n10");
    }
}
