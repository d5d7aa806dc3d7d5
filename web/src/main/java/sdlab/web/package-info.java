/**
 * The web lab: {@code sdlab serve}. A local HTTP server (bound to 127.0.0.1 only) with a JSON API over the lab's
 * experiments and a one-page app, served from this jar, that reads a chapter, asks its question as a quiz and proves
 * the answer by running the chapter's sweep with live progress.
 *
 * <h2>Design</h2>
 *
 * <p>The web lab adds no lab logic of its own. A chapter's parameters are parsed by the experiment's own {@link
 * sdlab.lab.Param}s (their {@link sdlab.lab.ParamException} messages become the API's 400 messages), a run is the
 * same {@link sdlab.lab.sweep.Sweep} that {@code sdlab run} uses, and a run's report is {@link
 * sdlab.lab.report.JsonReport}'s documented JSON. The page is plain HTML, CSS and JavaScript under {@code
 * sdlab/web/static} in this jar: no build step, no npm, nothing fetched from elsewhere.
 *
 * <p>Roles, one type each: {@link sdlab.web.WebLab} starts and stops the server; {@code ApiRoutes} maps requests to
 * {@code ChapterApi} (what the chapters are) and {@code RunApi} (starting, following, cancelling and reading runs);
 * {@code RunEvents} streams a run's progress; {@code RunRegistry} owns the runs in progress and bounds them; {@code LiveRun} is one sweep in progress, told of
 * each seed through {@link sdlab.lab.sweep.SweepProgress} (which is also how a cancel stops it: the next progress
 * call throws); {@code RunStore} keeps finished runs as JSON files so that they are listed after a restart.
 *
 * <p>One seed, stepped: {@code SeedApi} replays a seed as {@code sdlab run --seed S --variant V --trace} does (the
 * sweep's one-seed run judges the claims, {@link sdlab.lab.sweep.Sweep#replay} traces the variant), {@code
 * SeedRequestParser} reads which seed, and {@code SeedJson} writes it: the trace ({@code TraceJson}, each event with
 * the operation it works for from {@code MessageOwners}) and the history ({@code OperationsJson}, named by the HTML
 * report's own {@link sdlab.lab.report.html.TraceOperations}). {@code CheckApi} is {@code sdlab check} over HTTP: the
 * check module's {@link sdlab.check.report.Checker} and JSON report, nothing re-implemented.
 *
 * <h2>Bounds</h2>
 *
 * <p>Everything a client can ask for is bounded, and a request beyond a bound gets a 4xx that names it: seeds per run
 * ({@link sdlab.web.WebLabSettings#seedsMax()}), runs at a time ({@link sdlab.web.WebLabSettings#runsConcurrentMax()}),
 * event streams open at once ({@link sdlab.web.WebLabSettings#eventStreamsMax()}), request body size, seeds replayed
 * and histories checked at once (each check also within a deadline and a memory bound) and the number of kept runs
 * listed. The server answers only requests addressed to 127.0.0.1 or
 * localhost (a guard against DNS rebinding) and takes runs only as {@code application/json} (which a cross-site form
 * cannot send without the browser asking first).
 */
package sdlab.web;
