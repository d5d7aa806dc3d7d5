package sdlab.bench.repl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which {@code cluster start repl} options give each commit mode, and the order sdlab's modes are measured in. */
final class SdlabModes {
    /** Every mode sdlab's store offers; async first, the one the others are compared with. */
    static final List<CommitMode> MODES = List.of(
            CommitMode.ASYNC,
            CommitMode.SEMI_SYNC_AFTER_SYNC,
            CommitMode.SEMI_SYNC_AFTER_COMMIT,
            CommitMode.SYNC_REMOTE_WRITE,
            CommitMode.SYNC_ON,
            CommitMode.SYNC_REMOTE_APPLY);

    private SdlabModes() {}

    /**
     * The options for {@code mode}; every cluster has one replica and no failover (the databases beside it run no
     * failover manager either); semi-sync keeps the store's default timeout, MySQL's 10 s.
     */
    static Map<String, String> options(CommitMode mode) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("replicas", "1");
        options.put("failover", "none");
        options.putAll(modeOptions(mode));
        return options;
    }

    /** The options that differ between modes, as a command line gives them, for the report. */
    static String setting(CommitMode mode) {
        StringBuilder text = new StringBuilder();
        modeOptions(mode).forEach((key, value) -> text.append(text.isEmpty() ? "" : " ")
                .append("--")
                .append(key)
                .append(' ')
                .append(value));
        return text.toString();
    }

    private static Map<String, String> modeOptions(CommitMode mode) {
        Map<String, String> options = new LinkedHashMap<>();
        switch (mode) {
            case ASYNC -> options.put("mode", "async");
            case SEMI_SYNC_AFTER_SYNC -> semiSync(options, "after-sync");
            case SEMI_SYNC_AFTER_COMMIT -> semiSync(options, "after-commit");
            case SYNC_REMOTE_WRITE -> sync(options, "remote-write");
            case SYNC_ON -> sync(options, "on");
            case SYNC_REMOTE_APPLY -> sync(options, "remote-apply");
            case NO_SYNC -> throw new IllegalArgumentException("sdlab's store always syncs its log before a commit");
        }
        return options;
    }

    private static void semiSync(Map<String, String> options, String waitPoint) {
        options.put("mode", "semi-sync");
        options.put("wait-point", waitPoint);
    }

    private static void sync(Map<String, String> options, String level) {
        options.put("mode", "sync");
        options.put("sync-level", level);
    }
}
