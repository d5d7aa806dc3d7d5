/**
 * The self-contained HTML report: one file, no scripts, no external resources, inline SVG charts drawn here.
 *
 * <p>{@link sdlab.lab.report.html.HtmlReport} lays out the page; {@code BarChart} draws one metric across variants;
 * {@code SpaceTimeDiagram} draws a run's trace as a Lamport space-time diagram (a vertical line per node or client,
 * arrows from send to delivery, dropped messages crossed out, crashes, pauses and partitions shaded);
 * {@code HistoryTimeline} draws a client history as invoke-to-completion boxes per process. Both drawings are capped
 * ({@link sdlab.lab.report.html.HtmlReport#TRACE_EVENTS_MAX}, {@link sdlab.lab.report.html.HtmlReport#HISTORY_OPS_MAX})
 * so a page stays light whatever the run's length. The page is also well-formed XML, which the tests check.
 */
package sdlab.lab.report.html;
