/**
 * The {@code sdlab} command line (picocli). {@link sdlab.app.Main} registers every subcommand in one place; {@code
 * list} and {@code run} find experiments with {@link java.util.ServiceLoader} through {@link
 * sdlab.app.ExperimentCatalog}.
 *
 * <p>Conventions every subcommand follows: standard output carries only the result (a report, JSON, a trace), so it
 * can be piped and compared byte for byte; progress, timing and notices go to standard error. Bad input gets one line
 * that says what was wrong and what to do, and exit code 2 ({@code BadInput}); a run whose claims fail exits 1; an
 * experiment that throws is a bug and exits 3 with the seed that replays it.
 */
package sdlab.app;
