package sdlab.chapters.txlog.lag;

/** What goes wrong on the consuming side during a run's disturbance window; one variant of chapter 22 each. */
enum Disturbance {
    /** Nothing: the baseline every other variant is compared with. */
    HEALTHY("healthy", "nothing goes wrong: the consumers keep up"),
    /** Every consumer's service time is multiplied (a slow downstream, a heavier record mix). */
    SLOW("slow-consumers", "every consumer's service time per record is multiplied during the window"),
    /** One consumer stops for the whole window, as in a stop-the-world garbage collection. */
    GC_PAUSE("gc-pause", "one consumer stops (a GC pause) for the window; the other runs on"),
    /**
     * A consumer joins the group: under the classic eager protocol every member gives up its partitions and stops
     * fetching until the join and sync rounds end, so the whole group pauses for the window.
     */
    REBALANCE("rebalance", "a consumer joins; every member stops for the join/sync rounds (the window)"),
    /**
     * Clients send poison messages during the window: each fails, is retried after a back-off and after the last
     * attempt goes to the dead-letter topic, holding up the records behind it in its partition.
     */
    POISON(
            "poison",
            "a share of the records sent during the window fail every attempt and go to the dead-letter topic");

    final String variant;
    final String description;

    Disturbance(String variant, String description) {
        this.variant = variant;
        this.description = description;
    }

    static Disturbance ofVariant(String name) {
        for (Disturbance d : values()) {
            if (d.variant.equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no disturbance " + name);
    }
}
