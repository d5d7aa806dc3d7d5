package sdlab.check.txn;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which consistency models each anomaly rules out: a small table, after Adya's levels and Elle's
 * session and real-time variants.
 *
 * <p>Five isolation levels, each defined by the phenomena it proscribes (Adya 1999): read
 * uncommitted (PL-1) forbids G0; read committed (PL-2) adds G1a, G1b and G1c; repeatable read
 * (PL-2.99) adds G2-item (and so G-single, a G2-item cycle with one rw edge); snapshot isolation
 * adds G-single to read committed but allows G2-item (write skew); serializable (PL-3) forbids
 * all of them. Each level comes in two stronger flavours: "strong session" (the process
 * variants of its cycles are forbidden too: a client sees its own earlier transactions) and
 * "strong" (real-time variants too: a transaction sees every one that completed before it began);
 * strong serializable is strict serializability.
 *
 * <p>Our own placements, where Adya is silent: an internal anomaly, an incompatible order and
 * duplicate elements rule out every model here (no level lets a transaction contradict itself
 * or a key's versions fork); a dirty update rules out read uncommitted and above (a committed
 * write built on an aborted one, Adya's P0 in spirit).
 */
public final class ConsistencyModels {
    private ConsistencyModels() {}

    private enum Level {
        READ_UNCOMMITTED("read-uncommitted", Set.of("G0", "dirty-update")),
        READ_COMMITTED("read-committed", Set.of("G0", "dirty-update", "G1a", "G1b", "G1c")),
        REPEATABLE_READ("repeatable-read", Set.of("G0", "dirty-update", "G1a", "G1b", "G1c", "G-single", "G2-item")),
        SNAPSHOT_ISOLATION("snapshot-isolation", Set.of("G0", "dirty-update", "G1a", "G1b", "G1c", "G-single")),
        SERIALIZABLE("serializable", Set.of("G0", "dirty-update", "G1a", "G1b", "G1c", "G-single", "G2-item"));

        final String name;
        final Set<String> forbids;

        Level(String name, Set<String> forbids) {
            this.name = name;
            this.forbids = forbids;
        }
    }

    /** Anomalies that break every model: the history contradicts itself. */
    private static final Set<String> ALWAYS_FORBIDDEN = Set.of("internal", "incompatible-order", "duplicate-elements");

    /** Every model this table knows, weakest first within each level. */
    public static List<String> all() {
        List<String> names = new ArrayList<>();
        for (Level level : Level.values()) {
            names.add(level.name);
            names.add("strong-session-" + level.name);
            names.add(strongName(level));
        }
        return names;
    }

    /** The models that an anomaly of {@code kind} rules out. */
    public static Set<String> ruledOutBy(String kind) {
        Set<String> out = new TreeSet<>();
        String base = kind.replace("-realtime", "").replace("-process", "");
        boolean process = kind.endsWith("-process");
        boolean realtime = kind.endsWith("-realtime");
        for (Level level : Level.values()) {
            boolean forbidden = ALWAYS_FORBIDDEN.contains(kind) || level.forbids.contains(base);
            if (forbidden && !process && !realtime) {
                out.add(level.name);
            }
            if (forbidden && !realtime) {
                out.add("strong-session-" + level.name);
            }
            if (forbidden) {
                out.add(strongName(level));
            }
        }
        return out;
    }

    /** The models that the anomalies of {@code kinds} rule out, together, in the order of {@link #all}. */
    public static List<String> ruledOutBy(Iterable<String> kinds) {
        Set<String> out = new TreeSet<>();
        kinds.forEach(k -> out.addAll(ruledOutBy(k)));
        return all().stream().filter(out::contains).toList();
    }

    private static String strongName(Level level) {
        return level == Level.SERIALIZABLE ? "strict-serializable" : "strong-" + level.name;
    }
}
