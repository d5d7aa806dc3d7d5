package sdlab.chapters.cron;

import static sdlab.chapters.cron.CronMeasurements.DUPLICATE_EFFECTS;
import static sdlab.chapters.cron.CronMeasurements.DUPLICATE_RUNS;
import static sdlab.chapters.cron.CronMeasurements.RETRY_DUPLICATES;
import static sdlab.chapters.cron.CronMeasurements.STALE_OVERWRITES;
import static sdlab.chapters.cron.CronVariant.FENCING;
import static sdlab.chapters.cron.CronVariant.FENCING_AND_KEYS;
import static sdlab.chapters.cron.CronVariant.IDEMPOTENT;
import static sdlab.chapters.cron.CronVariant.RETRIES;
import static sdlab.chapters.cron.CronVariant.TABLE_LOCK;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.Question;
import sdlab.lab.SeedRun;

/**
 * What chapter 14 claims, each a predicate over one seed's runs of the five variants.
 *
 * <p>The assertions are the mechanisms' guarantees and limits, measured: with the token checked,
 * no stale leader overwrites its successor; with keys, no slot takes effect twice; and yet
 * schedulers do begin duplicate runs, and the options without a token check do let a stale leader
 * overwrite its successor, and retries do repeat applied writes. The hypotheses are the question's
 * options: "this option gives each slot at most one effect and lets no stale leader overwrite".
 */
final class CronClaims {
    static final String FENCING_STOPS_STALE_OVERWRITES = "fencingLetsNoStaleLeaderOverwriteItsSuccessor";
    static final String KEYS_STOP_DUPLICATE_EFFECTS = "idempotencyKeysApplyEachSlotOnce";
    static final String STALE_WITHOUT_TOKEN_CHECK = "withoutATokenCheckAStaleLeaderOverwritesItsSuccessor";
    static final String DUPLICATE_RUNS_REMAIN = "schedulersBeginDuplicateRunsWhateverTheOption";
    static final String RETRIES_REPEAT_WRITES = "retriesRepeatAnAppliedWrite";

    private static final List<String> FENCED = List.of(FENCING, FENCING_AND_KEYS);
    private static final List<String> KEYED = List.of(IDEMPOTENT, FENCING_AND_KEYS);
    private static final List<String> UNFENCED = List.of(TABLE_LOCK, RETRIES, IDEMPOTENT);

    private CronClaims() {}

    static List<Claim> all() {
        List<Claim> claims = new ArrayList<>();
        claims.add(Claim.everySeed(
                FENCING_STOPS_STALE_OVERWRITES,
                "Where the target checks the epoch, it never applies a write of a lower epoch after one of a higher.",
                (seed, runs) -> noneOf(runs, FENCED, STALE_OVERWRITES, "stale overwrites")));
        claims.add(Claim.everySeed(
                KEYS_STOP_DUPLICATE_EFFECTS,
                "Where the target dedupes the key (job, slot), no slot takes effect twice.",
                (seed, runs) -> noneOf(runs, KEYED, DUPLICATE_EFFECTS, "duplicate effects")));
        claims.add(Claim.someSeed(
                STALE_WITHOUT_TOKEN_CHECK,
                "Where the target does not check the epoch (lock row, retries, keys alone), a stale leader's write"
                        + " lands after its successor's.",
                (seed, runs) -> someOf(runs, UNFENCED, STALE_OVERWRITES, "stale overwrites")));
        claims.add(Claim.someSeed(
                DUPLICATE_RUNS_REMAIN,
                "Even with fencing and keys, two schedulers begin the same slot: the options guard the effect,"
                        + " not the run.",
                (seed, runs) -> someOf(runs, List.of(FENCING_AND_KEYS), DUPLICATE_RUNS, "duplicate runs")));
        claims.add(Claim.someSeed(
                RETRIES_REPEAT_WRITES,
                "Client-side retries apply one run's write twice when an answer is lost.",
                (seed, runs) -> someOf(runs, List.of(RETRIES), RETRY_DUPLICATES, "repeated writes of one run")));
        for (CronVariant variant : CronVariant.all()) {
            claims.add(Claim.hypothesis(
                    oneEffect(variant.name()),
                    variant.name() + " gives every slot at most one effect and lets no stale leader overwrite its"
                            + " successor.",
                    (seed, runs) -> oneEffectEach(runs.get(variant.name()))));
        }
        return List.copyOf(claims);
    }

    static List<Question.Option> options() {
        return List.of(
                option(
                        "A. table-level pessimistic lock",
                        TABLE_LOCK,
                        "The lock row excludes a leader cut off from the store, but its expiry is judged by clocks, and a"
                                + " holder paused past it still writes."),
                option(
                        "B. fencing tokens with a monotonically increasing epoch",
                        FENCING,
                        "The target refuses a stale leader once its successor has written; a stale write that lands"
                                + " first, or a successor re-running a slot, still takes effect twice."),
                option(
                        "C. client-side retries with exponential backoff",
                        RETRIES,
                        "Retries recover lost answers by repeating writes; nothing stops a second leader."),
                option(
                        "D. idempotent job handlers",
                        IDEMPOTENT,
                        "The key makes a slot take effect once, but a stale leader's write of another slot overwrites"
                                + " its successor's."),
                option(
                        "B and D together (not one of the textbook's options)",
                        FENCING_AND_KEYS,
                        "The key stops the second effect of a slot and the token stops the stale leader."));
    }

    static String oneEffect(String variant) {
        return "oneEffectPerSlotAndNoStaleOverwrite[" + variant + "]";
    }

    private static Question.Option option(String label, String variant, String explanation) {
        return new Question.Option(label, variant, List.of(oneEffect(variant)), explanation);
    }

    private static Optional<String> oneEffectEach(SeedRun run) {
        long duplicates = run.counter(DUPLICATE_EFFECTS);
        long stale = run.counter(STALE_OVERWRITES);
        if (duplicates == 0 && stale == 0) {
            return Optional.empty();
        }
        return Optional.of(
                "%d duplicate effects, %d stale overwrites; %s".formatted(duplicates, stale, firstFindings(run)));
    }

    private static Optional<String> noneOf(
            Map<String, SeedRun> runs, List<String> variants, String counter, String what) {
        for (String variant : variants) {
            SeedRun run = runs.get(variant);
            if (run.counter(counter) > 0) {
                return Optional.of("%s: %d %s; %s".formatted(variant, run.counter(counter), what, firstFindings(run)));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> someOf(
            Map<String, SeedRun> runs, List<String> variants, String counter, String what) {
        for (String variant : variants) {
            SeedRun run = runs.get(variant);
            if (run.counter(counter) > 0) {
                return Optional.empty();
            }
        }
        return Optional.of("no " + what + " in " + String.join(", ", variants));
    }

    private static String firstFindings(SeedRun run) {
        return String.join(
                "; ",
                run.findings().stream()
                        .filter(f -> !f.startsWith("fault:"))
                        .limit(2)
                        .toList());
    }
}
