package sdlab.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import sdlab.lab.SeedRun;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;
import sdlab.lab.sweep.SweepProgress;
import sdlab.lab.sweep.SweepSettings;
import sdlab.sim.ForkException;

/**
 * One seed run again, to step through: what {@code sdlab run --seed S --variant V --trace} does. The claims are judged
 * on every variant over this one seed (the sweep's own one-seed run, so a verdict here is the command line's), and
 * the named variant is run again with its trace and history kept. Replays run on the request's thread and are
 * bounded: each may take seconds for a large run and holds its whole trace in memory. The last answers are kept
 * ({@link SeedCache}), so that opening a seed again costs nothing.
 */
final class SeedApi {
    /** Replays at a time; one more is a 429. Two keep the page usable from two tabs without starving runs. */
    static final int REPLAYS_CONCURRENT_MAX = 2;

    private final SeedRequestParser parser;
    private final SeedCache cache;
    private final Semaphore replays = new Semaphore(REPLAYS_CONCURRENT_MAX);

    SeedApi(SeedRequestParser parser, SeedCache cache) {
        this.parser = parser;
        this.cache = cache;
    }

    /** Seed {@code seed} of kept run {@code runId}, with the run's parameters. */
    String ofRun(String runId, String seed, Map<String, List<String>> query) {
        return replay(parser.ofRun(runId, seed, query));
    }

    /** Seed {@code seed} of chapter {@code experimentId}, with the query's parameters. */
    String ofChapter(String experimentId, String seed, Map<String, List<String>> query) {
        return replay(parser.ofChapter(experimentId, seed, query));
    }

    private String replay(SeedRequest request) {
        Optional<String> kept = cache.find(request);
        if (kept.isPresent()) {
            return kept.get();
        }
        if (!replays.tryAcquire()) {
            throw ApiError.tooManyRequests(REPLAYS_CONCURRENT_MAX
                    + " seeds are being replayed already; open this one when one of them is shown");
        }
        try {
            if (request.forked()) {
                String answer = SeedJson.write(request, null, fork(request));
                cache.keep(request, answer);
                return answer;
            }
            SweepSettings oneSeed = SweepSettings.of(request.seed(), 1).withThreads(1);
            ExperimentReport judged = Sweep.run(request.experiment(), request.values(), oneSeed, SweepProgress.none());
            SeedRun run = Sweep.replay(
                            request.experiment(), request.values(), request.seed(), Optional.of(request.variant()))
                    .runsByVariant()
                    .get(request.variant());
            String answer = SeedJson.write(request, judged, run);
            cache.keep(request, answer);
            return answer;
        } finally {
            replays.release();
        }
    }

    /** The traced variant run with the request's changes: a fork is judged by its own findings, not the claims. */
    private static SeedRun fork(SeedRequest request) {
        try {
            return Sweep.fork(
                    request.experiment(), request.values(), request.seed(), request.variant(), request.forks());
        } catch (ForkException cannot) {
            throw ApiError.badRequest(cannot.getMessage());
        }
    }
}
