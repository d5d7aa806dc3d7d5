package sdlab.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import sdlab.lab.Experiment;

/**
 * How a web lab is set up.
 *
 * @param experiments the chapters it serves, in the order it lists them
 * @param port the TCP port on 127.0.0.1, from 0 to 65535; 0 picks a free one
 * @param runsDir where finished runs are kept as JSON files; created if missing
 * @param seedsMax the most seeds one run may ask for
 * @param runsConcurrentMax the most runs in progress at once; each sweep already uses every core
 * @param eventStreamsMax the most progress streams open at once; each holds a thread while it waits for news
 */
public record WebLabSettings(
        List<Experiment> experiments,
        int port,
        Path runsDir,
        int seedsMax,
        int runsConcurrentMax,
        int eventStreamsMax) {
    /**
     * The default bound on seeds per run: enough for the confidence the CLI's reports show, small enough that one
     * click cannot occupy the machine for long.
     */
    public static final int SEEDS_MAX_DEFAULT = 10_000;

    /** The default bound on runs at a time: a sweep already uses every core, so more would only queue. */
    public static final int RUNS_CONCURRENT_MAX_DEFAULT = 2;

    /** The default bound on progress streams open at once: many tabs' worth, far below the server's threads. */
    public static final int EVENT_STREAMS_MAX_DEFAULT = 64;

    /** The port {@code sdlab serve} uses unless told otherwise. */
    public static final int PORT_DEFAULT = 8000;

    public WebLabSettings {
        experiments = List.copyOf(experiments);
        Objects.requireNonNull(runsDir, "runsDir");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
        }
        if (seedsMax < 1 || runsConcurrentMax < 1 || eventStreamsMax < 1) {
            throw new IllegalArgumentException("seedsMax, runsConcurrentMax and eventStreamsMax must be at least 1");
        }
    }

    /** These experiments on {@code port}, runs kept in {@code runsDir}, with the default bounds. */
    public static WebLabSettings of(List<Experiment> experiments, int port, Path runsDir) {
        return new WebLabSettings(
                experiments, port, runsDir, SEEDS_MAX_DEFAULT, RUNS_CONCURRENT_MAX_DEFAULT, EVENT_STREAMS_MAX_DEFAULT);
    }

    public WebLabSettings withSeedsMax(int seeds) {
        return new WebLabSettings(experiments, port, runsDir, seeds, runsConcurrentMax, eventStreamsMax);
    }

    public WebLabSettings withRunsConcurrentMax(int runs) {
        return new WebLabSettings(experiments, port, runsDir, seedsMax, runs, eventStreamsMax);
    }

    public WebLabSettings withEventStreamsMax(int streams) {
        return new WebLabSettings(experiments, port, runsDir, seedsMax, runsConcurrentMax, streams);
    }
}
