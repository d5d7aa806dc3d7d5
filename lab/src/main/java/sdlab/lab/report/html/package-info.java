/**
 * The self-contained HTML report: one file, no scripts, no external resources, inline SVG charts drawn here.
 *
 * <p>{@link sdlab.lab.report.html.HtmlReport} lays out the page; {@code BarChart} draws one metric across variants on
 * an axis with its unit; {@code SpaceTimePages} cuts a run's trace into windows ({@code TraceWindows}), opens at the
 * one that holds the operations a checker flagged, and pages through the rest with CSS {@code :target} links;
 * {@code SpaceTimeDiagram} draws one window as a Lamport space-time diagram (a vertical line per node or client,
 * arrows from send to delivery labelled with the message type, dropped messages crossed out, crashes, pauses and
 * partitions shaded, flagged operations outlined); {@code HistoryTimeline} draws a client history grouped by key on a
 * time axis. {@code TraceOperations} names operations as the trace does ({@code op 59}), so findings, diagram and
 * history agree. Drawings are capped ({@link sdlab.lab.report.html.HtmlReport#TRACE_WINDOWS_MAX}, {@link
 * sdlab.lab.report.html.HtmlReport#HISTORY_OPS_MAX}) so a page stays light whatever the run's length, and the page
 * says what it leaves out. The page is also well-formed XML, which the tests check.
 */
package sdlab.lab.report.html;
