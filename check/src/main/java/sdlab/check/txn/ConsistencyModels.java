package sdlab.check.txn;

import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Where Adya is silent the placements follow Elle's: duplicate elements rule out read
 * uncommitted and above; a dirty update (a committed append after an aborted one), a future read
 * and an incompatible order rule out read committed and above; a lost update rules out
 * repeatable read, snapshot isolation and serializability; an internal anomaly (a transaction
 * that does not see its own writes, or reads two states) rules out snapshot isolation and
 * serializability, whose transactions read one snapshot, but not the lower levels.
 */
public final class ConsistencyModels {
    private ConsistencyModels() {}

    /** What read committed forbids: read uncommitted's anomalies and those of aborted, intermediate and circular reads. */
    private static final String[] READ_UNCOMMITTED_PLUS = {
        "G0", "duplicate-elements", "G1a", "G1b", "G1c", "dirty-update", "future-read", "incompatible-order"
    };

    private enum Level {
        READ_UNCOMMITTED("read-uncommitted", union(new String[] {"G0", "duplicate-elements"})),
        READ_COMMITTED("read-committed", union(READ_UNCOMMITTED_PLUS)),
        REPEATABLE_READ("repeatable-read", union(READ_UNCOMMITTED_PLUS, "G-single", "G2-item", "lost-update")),
        SNAPSHOT_ISOLATION("snapshot-isolation", union(READ_UNCOMMITTED_PLUS, "G-single", "lost-update", "internal")),
        SERIALIZABLE("serializable", union(READ_UNCOMMITTED_PLUS, "G-single", "G2-item", "lost-update", "internal"));

        final String name;
        final Set<String> forbids;

        private static Set<String> union(String[] base, String... more) {
            Set<String> all = new TreeSet<>(Arrays.asList(base));
            all.addAll(Arrays.asList(more));
            return all;
        }

        Level(String name, Set<String> forbids) {
            this.name = name;
            this.forbids = forbids;
        }
    }

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
            boolean forbidden = level.forbids.contains(base);
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
