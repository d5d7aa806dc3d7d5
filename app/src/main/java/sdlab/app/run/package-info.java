/**
 * {@code sdlab run <experiment>}: one picocli subcommand per experiment, its options generated from the experiment's
 * {@link sdlab.lab.Param parameters} with picocli's programmatic API, plus the options every run shares (seeds,
 * replay, trace, variant, JSON, HTML, threads, quiet). Parameter values are parsed by the parameters themselves, so a
 * bad value is reported in the experiment's own words.
 */
package sdlab.app.run;
