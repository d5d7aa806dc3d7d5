package sdlab.web;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.JsonReport;
import sdlab.lab.report.QuestionResult;
import sdlab.lab.sweep.ReplayCommand;
import sdlab.lab.sweep.Sweep;
import sdlab.lab.sweep.SweepFailure;
import sdlab.lab.sweep.SweepSettings;

/**
 * The runs in progress: starts each on a worker of its own (at most {@link WebLabSettings#runsConcurrentMax()} at
 * once; one more is refused with a 429 rather than queued, so a client always knows whether its run started), and
 * keeps each in the {@link RunStore} when it ends, before telling its followers, so that a client told "done" can
 * fetch the report at once.
 */
final class RunRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunRegistry.class);
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final long SHUTDOWN_WAIT_SECONDS = 5;
    private static final int ID_ATTEMPTS_MAX = 100;

    private final RunStore store;
    private final int runsConcurrentMax;
    private final Clock clock;
    private final ExecutorService workers;
    private final Map<String, LiveRun> live = new ConcurrentHashMap<>();

    RunRegistry(RunStore store, int runsConcurrentMax, Clock clock) {
        this.store = store;
        this.runsConcurrentMax = runsConcurrentMax;
        this.clock = clock;
        AtomicInteger created = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(runsConcurrentMax, work -> {
            // Daemon threads: a sweep left running never keeps the JVM alive after the server stops.
            Thread thread = new Thread(work, "sdlab-web-run-" + created.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts {@code request} in the background, or refuses with a 429 when the bound on runs at once is reached. */
    synchronized LiveRun start(RunRequest request) {
        if (live.size() >= runsConcurrentMax) {
            throw ApiError.tooManyRequests("this server runs at most " + runsConcurrentMax + " runs at a time and "
                    + live.size() + " are in progress; wait for one to end or cancel it (DELETE /api/runs/{id})");
        }
        LiveRun run = new LiveRun(newId(request.experiment().id()), request, clock.instant());
        live.put(run.id(), run);
        workers.execute(() -> execute(run));
        return run;
    }

    Optional<LiveRun> find(String id) {
        return Optional.ofNullable(live.get(id));
    }

    Collection<LiveRun> inProgress() {
        return List.copyOf(live.values());
    }

    private void execute(LiveRun run) {
        RunRequest request = run.request();
        try {
            ExperimentReport report = Sweep.run(
                    request.experiment(),
                    request.values(),
                    SweepSettings.of(request.firstSeed(), request.seeds()),
                    run);
            end(run, RunState.DONE, Optional.of(report), Optional.empty());
        } catch (LiveRun.Cancelled cancelled) {
            end(run, RunState.CANCELLED, Optional.empty(), Optional.empty());
        } catch (SweepFailure failure) {
            String replay =
                    ReplayCommand.of(request.experiment().id(), request.values(), failure.seed(), failure.variant());
            end(run, RunState.FAILED, Optional.empty(), Optional.of(failure.getMessage() + "; replay: " + replay));
        } catch (RuntimeException | Error e) {
            LOG.error("run {} failed", run.id(), e);
            end(run, RunState.FAILED, Optional.empty(), Optional.of("the server failed: " + e));
        } finally {
            live.remove(run.id());
        }
    }

    private void end(LiveRun run, RunState state, Optional<ExperimentReport> report, Optional<String> error) {
        KeptRun summary = summary(run, state, report, error);
        try {
            store.keep(summary, report.map(JsonReport::render));
            // Kept first, then out of the runs in progress, then its followers told: a client told that the run
            // ended finds it kept, and may start another at once without meeting the bound on runs at a time.
            live.remove(run.id());
            run.finish(state, error);
        } catch (RuntimeException e) {
            LOG.error("run {} could not be kept", run.id(), e);
            live.remove(run.id());
            run.finish(RunState.FAILED, Optional.of("the run ended but could not be kept: " + e.getMessage()));
        }
    }

    private static KeptRun summary(
            LiveRun run, RunState state, Optional<ExperimentReport> report, Optional<String> error) {
        int seedsDone =
                report.map(ExperimentReport::seeds).orElse(run.snapshot().seedsDone());
        return KeptRun.of(run, state, seedsDone, report.map(RunRegistry::verdict), error);
    }

    private static KeptRun.Verdict verdict(ExperimentReport report) {
        List<QuestionResult.OptionResult> options =
                report.question().map(QuestionResult::options).orElse(List.of());
        return new KeptRun.Verdict(
                report.assertionsHold(),
                options.stream()
                        .filter(QuestionResult.OptionResult::supported)
                        .map(QuestionResult.OptionResult::label)
                        .toList(),
                options.stream()
                        .filter(o -> o.decided() && !o.supported())
                        .map(QuestionResult.OptionResult::label)
                        .toList());
    }

    /** The start time first, so that ids sort by age; a random tail, so that two runs in one second differ. */
    private String newId(String experimentId) {
        for (int attempt = 0; attempt < ID_ATTEMPTS_MAX; attempt++) {
            String id = ID_TIME.format(clock.instant()) + "-" + experimentId + "-"
                    + String.format(
                            Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000));
            if (!live.containsKey(id) && store.find(id).isEmpty()) {
                return id;
            }
        }
        throw new IllegalStateException("no free run id after " + ID_ATTEMPTS_MAX + " attempts");
    }

    /** Cancels every run in progress and waits briefly for their workers. */
    @Override
    public void close() {
        live.values().forEach(LiveRun::cancel);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
