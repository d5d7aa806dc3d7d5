package sdlab.chapters.cron;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import sdlab.coord.fencing.AppliedWrite;
import sdlab.cron.JobEffect;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;

/**
 * Turns one run of chapter 14 into the seed's counts. Runs are what the schedulers began (a slot
 * begun by two schedulers, or twice, is a duplicate run); effects are what the target applied, read
 * from its disk (a slot applied twice is a duplicate effect). Staleness is judged on one time
 * line, the virtual one: a write is stale if the store had granted a higher epoch before the target
 * applied it, and it overwrites its successor if the target had already applied a higher epoch.
 */
final class CronMeasurements {
    static final String SLOTS = "slots";
    static final String RUNS = "runs";
    static final String DUPLICATE_RUNS = "duplicateRuns";
    static final String MISSED_RUNS = "missedRuns";
    static final String EFFECTS = "effects";
    static final String DUPLICATE_EFFECTS = "duplicateEffects";
    static final String RETRY_DUPLICATES = "retryDuplicates";
    static final String MISSED_EFFECTS = "missedEffects";
    static final String STALE_WRITES_ACCEPTED = "staleWritesAccepted";
    static final String STALE_OVERWRITES = "staleOverwrites";
    static final String STALE_REFUSED = "staleWritesRefused";
    static final String DUPLICATE_KEYS_REFUSED = "duplicateKeysRefused";
    static final String LEASES = "leaseAcquisitions";

    private CronMeasurements() {}

    static SeedRun measure(CronScenario.Outcome outcome, ParamValues values, RunOptions options) {
        long first = CronScenario.firstSlot();
        long last = CronScenario.lastSlot(values);
        SeedRun.Builder run = SeedRun.builder();
        run.counter(SLOTS, last - first + 1);
        countRuns(outcome.log(), first, last, run);
        List<Applied> applied = effects(outcome.applied());
        countEffects(applied, first, last, run);
        countStaleness(applied, outcome.log(), run);
        run.counter(STALE_REFUSED, outcome.target().counts().refusedStale());
        run.counter(DUPLICATE_KEYS_REFUSED, outcome.target().counts().refusedDuplicate());
        run.counter(LEASES, outcome.log().acquisitions().size());
        for (CronFaults.LeaderFault fault : outcome.faults().leaderFaults()) {
            run.finding("fault: %s of the leader at %.3f s for %d ms"
                    .formatted(
                            fault.kind().name().toLowerCase(Locale.ROOT),
                            fault.atNanos() / 1e9,
                            fault.lengthNanos() / 1_000_000));
        }
        for (CronFaults.Skew skew : outcome.faults().skews()) {
            run.finding("fault: %s's clock %+d ms, %+.0f ppm"
                    .formatted(skew.scheduler(), skew.offsetNanos() / 1_000_000, skew.driftPpm()));
        }
        run.traceHash(outcome.result().traceHash());
        if (options.recordTrace()) {
            run.trace(outcome.result().trace());
        }
        return run.build();
    }

    /** A write the target applied, with the run it came from. */
    private record Applied(JobEffect effect, AppliedWrite write) {}

    private static List<Applied> effects(List<AppliedWrite> writes) {
        List<Applied> applied = new ArrayList<>();
        for (AppliedWrite write : writes) {
            if (write.resource().equals(CronScenario.JOB)) {
                applied.add(new Applied(JobEffect.parse(write.value()), write));
            }
        }
        return applied;
    }

    private static void countRuns(RunLog log, long first, long last, SeedRun.Builder run) {
        TreeMap<Long, Integer> bySlot = new TreeMap<>();
        for (RunLog.RunStart start : log.runs()) {
            run.counter(RUNS, 1);
            if (start.slot() >= first && start.slot() <= last) {
                if (bySlot.merge(start.slot(), 1, Integer::sum) == 2) {
                    run.finding("duplicate run: slot %d begun again by %s (epoch %d) at %.3f s"
                            .formatted(start.slot(), start.scheduler(), start.epoch(), start.atNanos() / 1e9));
                }
            }
        }
        long duplicates = 0;
        for (int count : bySlot.values()) {
            duplicates += count - 1;
        }
        run.counter(DUPLICATE_RUNS, duplicates);
        run.counter(MISSED_RUNS, (last - first + 1) - bySlot.size());
    }

    private static void countEffects(List<Applied> applied, long first, long last, SeedRun.Builder run) {
        TreeMap<Long, List<JobEffect>> bySlot = new TreeMap<>();
        for (Applied one : applied) {
            long slot = one.effect().slot();
            if (slot < first || slot > last) {
                continue;
            }
            List<JobEffect> earlier = bySlot.computeIfAbsent(slot, s -> new ArrayList<>());
            if (!earlier.isEmpty()) {
                run.counter(DUPLICATE_EFFECTS, 1);
                boolean retry = earlier.stream().anyMatch(e -> e.equals(one.effect()));
                run.counter(RETRY_DUPLICATES, retry ? 1 : 0);
                run.finding("duplicate effect: slot %d applied again at %.3f s (%s; before: %s)%s"
                        .formatted(
                                slot,
                                one.write().appliedAtNanos() / 1e9,
                                one.effect().format(),
                                String.join(
                                        ", ",
                                        earlier.stream().map(JobEffect::format).toList()),
                                retry ? ", a retry of the same run" : ""));
            }
            earlier.add(one.effect());
        }
        run.counter(EFFECTS, applied.size());
        run.counter(MISSED_EFFECTS, (last - first + 1) - bySlot.size());
    }

    private static void countStaleness(List<Applied> applied, RunLog log, SeedRun.Builder run) {
        long highestApplied = Long.MIN_VALUE;
        Set<Long> reported = new HashSet<>();
        for (Applied one : applied) {
            long epoch = one.effect().epoch();
            long at = one.write().appliedAtNanos();
            if (at >= log.supersededAtNanos(epoch)) {
                run.counter(STALE_WRITES_ACCEPTED, 1);
            }
            if (epoch < highestApplied) {
                run.counter(STALE_OVERWRITES, 1);
                if (reported.add(epoch)) {
                    run.finding("stale overwrite: %s applied at %.3f s after epoch %d's write"
                            .formatted(one.effect().format(), at / 1e9, highestApplied));
                }
            }
            highestApplied = Math.max(highestApplied, epoch);
        }
    }
}
