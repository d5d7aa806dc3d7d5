/**
 * What {@code sdlab check} shows: the entry point and the three renderings of a verdict.
 *
 * <p>{@link sdlab.check.report.Checker#run} takes a {@link sdlab.check.report.CheckRequest} (a
 * model, named inputs, limits) and gives one {@link sdlab.check.report.CheckOutcome} per input;
 * bad input is an outcome, not an exception. {@link sdlab.check.report.TextReport} writes one
 * line per input or a short explanation, {@link sdlab.check.report.JsonReport} a stable JSON
 * document for scripts, and {@link sdlab.check.report.HtmlReport} a self-contained page that
 * draws the history as per-process timelines with the violation highlighted, after Porcupine's
 * visualisation (Athalye, "Porcupine: a fast linearizability checker in Go").
 *
 * <p>Exit codes follow Maelstrom: 0 valid, 1 invalid, 2 unknown or bad input ({@link
 * sdlab.check.report.Checker#exitCode}). The command line itself (option parsing, opening
 * files, writing the HTML file) lives in the app module.
 */
package sdlab.check.report;
