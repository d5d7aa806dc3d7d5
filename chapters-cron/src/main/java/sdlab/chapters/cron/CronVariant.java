package sdlab.chapters.cron;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.cron.CronOption;
import sdlab.lab.Variant;

/**
 * One answer to chapter 14's question, as the option every scheduler runs with.
 *
 * @param name the variant's name in reports
 * @param description one line on what it does
 * @param option the schedulers' option (which also says what the target checks)
 */
record CronVariant(String name, String description, CronOption option) {
    static final String TABLE_LOCK = "table-lock";
    static final String FENCING = "fencing";
    static final String RETRIES = "retries";
    static final String IDEMPOTENT = "idempotent";
    static final String FENCING_AND_KEYS = "fencing-keys";

    static List<CronVariant> all() {
        return List.of(
                new CronVariant(
                        TABLE_LOCK,
                        "A: the leader takes the job's lock row in the store for each run and releases it after",
                        CronOption.TABLE_LOCK),
                new CronVariant(
                        FENCING,
                        "B: the lease's epoch goes with the write; the target refuses one lower than it has seen",
                        CronOption.FENCING),
                new CronVariant(
                        RETRIES,
                        "C: an unanswered write is sent again with exponential backoff; nothing is fenced",
                        CronOption.RETRIES),
                new CronVariant(
                        IDEMPOTENT,
                        "D: the write carries the key (job, slot); the target applies a key once; retried",
                        CronOption.IDEMPOTENT),
                new CronVariant(
                        FENCING_AND_KEYS,
                        "B and D: the epoch as a fencing token and the slot as an idempotency key; retried",
                        CronOption.FENCING_AND_IDEMPOTENT));
    }

    Variant toVariant() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("lockRow", option.locksRow());
        settings.put("token", option.sendsToken());
        settings.put("idempotencyKey", option.sendsKey());
        settings.put("retries", option.retries());
        return new Variant(name, description, settings);
    }
}
