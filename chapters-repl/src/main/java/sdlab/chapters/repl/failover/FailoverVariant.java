package sdlab.chapters.repl.failover;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sdlab.lab.Variant;

/**
 * The four ways of watching the primary that chapter 12 compares, and what each needs from the store.
 *
 * @param name the variant's name in reports
 * @param description one line for reports
 * @param check which health check the manager runs
 * @param lease whether the primary must hold a lease to take writes
 * @param fenced whether replicas check the lease's token, and commits wait for a replica that did
 */
record FailoverVariant(String name, String description, Check check, boolean lease, boolean fenced) {
    static final String PORT = "port";
    static final String QUERY = "query";
    static final String LEASE = "lease";
    static final String LEASE_FENCED = "lease-fenced";

    /** The health checks. */
    enum Check {
        PORT,
        QUERY,
        LEASE
    }

    static List<FailoverVariant> all() {
        return List.of(
                new FailoverVariant(
                        PORT,
                        "the manager connects to the primary's TCP port; async replication",
                        Check.PORT,
                        false,
                        false),
                new FailoverVariant(
                        QUERY,
                        "the manager writes a heartbeat row through the primary; async replication",
                        Check.QUERY,
                        false,
                        false),
                new FailoverVariant(
                        LEASE,
                        "the primary holds a lease and stops taking writes when it cannot renew; the manager fails over"
                                + " when the lease lapses; async replication, no token checked",
                        Check.LEASE,
                        true,
                        false),
                new FailoverVariant(
                        LEASE_FENCED,
                        "the lease, and its token checked by the replicas on every shipment; a commit waits for one"
                                + " replica (sync on), and a promotion for both replicas' positions",
                        Check.LEASE,
                        true,
                        true));
    }

    static FailoverVariant named(String name) {
        return all().stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chapter 12 has no variant " + name));
    }

    Variant toVariant() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("check", check.name().toLowerCase(Locale.ROOT));
        settings.put("lease", lease);
        settings.put("fencing", fenced);
        settings.put("commit", fenced ? "sync-on, 1 of 2 replicas" : "async");
        return new Variant(name, description, settings);
    }
}
