package sdlab.chapters.repl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import sdlab.lab.Variant;
import sdlab.repl.ReplConfig;
import sdlab.repl.ReplConfig.SyncLevel;
import sdlab.repl.ReplConfig.WaitPoint;

/**
 * One way of replicating that chapter 19 compares.
 *
 * @param name the variant's name in reports
 * @param description one line on when a commit returns
 * @param mode turns the chapter's base configuration into this mode
 */
record SemiSyncVariant(String name, String description, UnaryOperator<ReplConfig> mode) {
    static final String ASYNC = "async";
    static final String AFTER_COMMIT = "semisync-after-commit";
    static final String AFTER_SYNC = "semisync-after-sync";
    static final String REMOTE_WRITE = "sync-remote-write";
    static final String ON = "sync-on";
    static final String REMOTE_APPLY = "sync-remote-apply";

    static List<SemiSyncVariant> all() {
        return List.of(
                new SemiSyncVariant(
                        ASYNC, "returns after the primary's own sync; replicas catch up", ReplConfig::async),
                new SemiSyncVariant(
                        AFTER_COMMIT,
                        "visible on the primary after its sync, returns after a replica flushed it (MariaDB)",
                        c -> c.semiSync(WaitPoint.AFTER_COMMIT)),
                new SemiSyncVariant(
                        AFTER_SYNC,
                        "visible and returns only after a replica flushed it (MySQL's lossless semi-sync)",
                        c -> c.semiSync(WaitPoint.AFTER_SYNC)),
                new SemiSyncVariant(
                        REMOTE_WRITE,
                        "returns after a replica wrote it, not flushed; no timeout (PostgreSQL)",
                        c -> c.sync(SyncLevel.REMOTE_WRITE)),
                new SemiSyncVariant(
                        ON,
                        "returns after a replica flushed it; no timeout (PostgreSQL's synchronous_commit = on)",
                        c -> c.sync(SyncLevel.ON)),
                new SemiSyncVariant(
                        REMOTE_APPLY,
                        "returns after a replica applied it; no timeout (PostgreSQL)",
                        c -> c.sync(SyncLevel.REMOTE_APPLY)));
    }

    static SemiSyncVariant named(String name) {
        return all().stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chapter 19 has no variant " + name));
    }

    Variant toVariant(ReplConfig base) {
        ReplConfig config = mode.apply(base);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("mode", config.mode());
        if (config.mode() == ReplConfig.Mode.SEMI_SYNC) {
            settings.put("waitPoint", config.waitPoint());
        }
        if (config.mode() == ReplConfig.Mode.SYNC) {
            settings.put("level", config.syncLevel());
        }
        settings.put("acks", config.waitsForReplicas() ? config.acksRequired() : 0);
        return new Variant(name, description, settings);
    }
}
