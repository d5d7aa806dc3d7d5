package sdlab.cache;

import static sdlab.cache.CommandFlag.READONLY;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import sdlab.cache.store.Entry;
import sdlab.cache.store.HashValue;
import sdlab.cache.store.Key;
import sdlab.cache.store.ListValue;
import sdlab.cache.store.SetValue;
import sdlab.cache.store.SortedSetNode;
import sdlab.cache.store.SortedSetValue;
import sdlab.cache.store.StringValue;
import sdlab.cache.store.Value;

/**
 * OBJECT ENCODING | FREQ | IDLETIME | REFCOUNT | HELP: what Redis 7.0 would say about a key's
 * internals. This node stores every value one way, so ENCODING names the encoding Redis 7.0
 * would pick for the value's current size and content with default limits; Redis, which
 * never converts back, may still report the larger encoding for a collection that shrank, and
 * reports "raw" for strings that APPEND or SETRANGE built.
 */
final class ObjectCommand {
    /** Redis's defaults: hash-max-listpack-entries/value and set-max-intset-entries. */
    private static final int HASH_LISTPACK_ENTRIES_MAX = 128;

    private static final int HASH_LISTPACK_VALUE_BYTES_MAX = 64;
    private static final int SET_INTSET_ENTRIES_MAX = 512;
    /** Longer strings are "raw": their header and bytes are no longer one allocation. */
    private static final int EMBSTR_BYTES_MAX = 44;
    /** Redis shares the integers 0 to 9999 among all keys, with a refcount that means "shared". */
    private static final long SHARED_INTEGERS = 10_000;

    private static final int SHARED_REFCOUNT = Integer.MAX_VALUE;
    private static final String FREQ_WITHOUT_LFU = "ERR An LFU maxmemory policy is not selected, access frequency not "
            + "tracked. Please note that when switching between policies at runtime LRU and LFU data will take some "
            + "time to adjust.";
    private static final String IDLETIME_WITH_LFU = "ERR An LFU maxmemory policy is selected, idle time not tracked."
            + " Please note that when switching between policies at runtime LRU and LFU data will take some time to "
            + "adjust.";
    private static final List<String> HELP = List.of(
            "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "ENCODING <key>",
            "    Return the kind of internal representation used in order to store the value",
            "    associated with a <key>.",
            "FREQ <key>",
            "    Return the access frequency index of the <key>. The returned integer is",
            "    proportional to the logarithm of the recent access frequency of the key.",
            "IDLETIME <key>",
            "    Return the idle time of the <key>, that is the approximated number of",
            "    seconds elapsed since the last access to the key.",
            "REFCOUNT <key>",
            "    Return the number of references of the value associated with the specified",
            "    <key>.",
            "HELP",
            "    Prints this help.");

    private ObjectCommand() {}

    static void register(CommandTable.Builder table) {
        table.add("object", -2, Set.of(READONLY), 2, 2, 1, ObjectCommand::object);
    }

    private static Reply object(CommandContext ctx, byte[][] argv) {
        byte[] sub = argv[1];
        if (Args.is(sub, "HELP")) {
            return argv.length == 2 ? help() : Reply.error(ErrorReplies.wrongArity("object|help"));
        }
        for (String name : List.of("ENCODING", "FREQ", "IDLETIME", "REFCOUNT")) {
            if (Args.is(sub, name)) {
                if (argv.length != 3) {
                    return Reply.error(ErrorReplies.wrongArity("object|" + name.toLowerCase(Locale.ROOT)));
                }
                Entry e = ctx.db().lookupReadNoTouch(Key.wrap(argv[2]));
                return e == null ? Reply.Nil.BULK : describe(ctx, name, e);
            }
        }
        return Reply.error(ErrorReplies.unknownSubcommand(sub, "OBJECT"));
    }

    private static Reply describe(CommandContext ctx, String sub, Entry e) {
        return switch (sub) {
            case "ENCODING" -> Reply.bulk(encoding(e.value()));
            case "REFCOUNT" -> Reply.integer(isSharedInteger(ctx, e.value()) ? SHARED_REFCOUNT : 1);
            case "FREQ" ->
                ctx.keyspace().tracksFrequency()
                        ? Reply.integer(ctx.keyspace().frequency(e))
                        : Reply.error(FREQ_WITHOUT_LFU);
            default ->
                ctx.keyspace().tracksFrequency()
                        ? Reply.error(IDLETIME_WITH_LFU)
                        : Reply.integer(Math.max(0, ctx.nowMillis() - e.accessMillis()) / 1000);
        };
    }

    private static final int ZSET_LISTPACK_ENTRIES_MAX = 128;
    private static final int ZSET_LISTPACK_VALUE_BYTES_MAX = 64;

    /** The encoding Redis 7.0 gives a value of this size and content. */
    static String encoding(Value value) {
        return switch (value) {
            case StringValue string -> {
                long[] parsed = {0};
                if (Args.tryParseLong(string.bytes(), parsed)) {
                    yield "int";
                }
                yield string.bytes().length <= EMBSTR_BYTES_MAX ? "embstr" : "raw";
            }
            case ListValue list -> "quicklist"; // Redis 7.0 lists are always quicklists
            case HashValue hash -> fitsListpack(hash) ? "listpack" : "hashtable";
            case SetValue set -> fitsIntset(set) ? "intset" : "hashtable";
            case SortedSetValue zset -> fitsListpack(zset) ? "listpack" : "skiplist";
        };
    }

    private static boolean fitsListpack(HashValue hash) {
        if (hash.size() > HASH_LISTPACK_ENTRIES_MAX) {
            return false;
        }
        for (Map.Entry<Key, byte[]> field : hash.fields().entrySet()) {
            if (field.getKey().length() > HASH_LISTPACK_VALUE_BYTES_MAX
                    || field.getValue().length > HASH_LISTPACK_VALUE_BYTES_MAX) {
                return false;
            }
        }
        return true;
    }

    /** zset-max-listpack-entries 128 and zset-max-listpack-value 64, Redis 7.0's defaults. */
    private static boolean fitsListpack(SortedSetValue zset) {
        if (zset.size() > ZSET_LISTPACK_ENTRIES_MAX) {
            return false;
        }
        for (SortedSetNode node = zset.byRank(0); node != null; node = node.next()) {
            if (node.member().length() > ZSET_LISTPACK_VALUE_BYTES_MAX) {
                return false;
            }
        }
        return true;
    }

    private static boolean fitsIntset(SetValue set) {
        if (set.size() > SET_INTSET_ENTRIES_MAX) {
            return false;
        }
        long[] parsed = {0};
        return set.members().stream().allMatch(member -> Args.tryParseLong(member.bytes(), parsed));
    }

    /** Integers 0..9999 are shared unless maxmemory evicts by LRU or LFU, which needs one object per key. */
    private static boolean isSharedInteger(CommandContext ctx, Value value) {
        long[] parsed = {-1};
        boolean sharingAllowed = ctx.keyspace().maxmemoryBytes() == 0
                || !(ctx.keyspace().evictionPolicyName().endsWith("-lru")
                        || ctx.keyspace().evictionPolicyName().endsWith("-lfu"));
        return sharingAllowed
                && value instanceof StringValue string
                && Args.tryParseLong(string.bytes(), parsed)
                && parsed[0] >= 0
                && parsed[0] < SHARED_INTEGERS;
    }

    private static Reply help() {
        List<Reply> lines = new ArrayList<>(HELP.size());
        HELP.forEach(line -> lines.add(new Reply.Simple(line)));
        return new Reply.Array(lines);
    }
}
