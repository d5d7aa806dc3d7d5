package sdlab.chapters.txlog.lag;

/** The metrics the question offers, plus lag's other forms, each sampled per window and set against p95 latency. */
enum Metric {
    DLQ_SIZE("deadLetterSize", "records in the dead-letter topic at the window's end"),
    LAG_RECORDS("consumerLagRecords", "log end (the high watermark) minus committed offset, summed over partitions"),
    LAG_LSO("consumerLagBehindLso", "last stable offset minus committed offset, summed over partitions"),
    LAG_SECONDS("consumerLagSeconds", "age of the oldest record not yet committed"),
    TTL_VIOLATIONS("ttlViolations", "records dropped so far because they were older than the TTL when their turn came"),
    BROKER_IDLE("brokerCpuIdle", "1 minus the broker's busy share, derived from per-record and per-request costs");

    final String id;
    final String description;

    Metric(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The per-seed value: this metric's correlation with p95 latency over the run's windows. */
    String correlationKey() {
        return "corr." + id;
    }

    /** The per-seed value: this metric's largest window value. */
    String maxKey() {
        return "max." + id;
    }
}
