package sdlab.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which arguments of a command are keys, as COMMAND GETKEYS answers it. Most commands say so
 * in their table entry (first key, last key, step); the others count their keys in an
 * argument ({@code numkeys}), or are containers whose subcommand decides. The errors are Redis
 * 7.0's, checked in the same order: unknown command, no key arguments, wrong argument count,
 * then keys that the arguments do not actually give.
 */
final class CommandKeys {
    static final String INVALID_COMMAND = "ERR Invalid command specified";
    static final String NO_KEYS = "ERR The command has no key arguments";
    static final String BAD_ARGUMENT_COUNT = "ERR Invalid number of arguments specified for command";
    static final String BAD_ARGUMENTS = "ERR Invalid arguments specified for command";

    /**
     * A command whose keys follow a count: {@code storeAt} is the destination key's position (0
     * for none), {@code countAt} the count's, {@code firstAt} the first counted key's. Scripts may
     * name no keys at all.
     */
    private record CountedKeys(int storeAt, int countAt, int firstAt, boolean keysOptional) {}

    private static final CountedKeys SCRIPT = new CountedKeys(0, 2, 3, true);
    private static final CountedKeys STORE = new CountedKeys(1, 2, 3, false);
    private static final CountedKeys LEADING = new CountedKeys(0, 1, 2, false);
    /** The blocking multi-pops: a timeout, then the count. */
    private static final CountedKeys AFTER_TIMEOUT = new CountedKeys(0, 2, 3, false);

    private static final Map<String, CountedKeys> COUNTED = Map.ofEntries(
            Map.entry("eval", SCRIPT),
            Map.entry("evalsha", SCRIPT),
            Map.entry("eval_ro", SCRIPT),
            Map.entry("evalsha_ro", SCRIPT),
            Map.entry("zunionstore", STORE),
            Map.entry("zinterstore", STORE),
            Map.entry("zdiffstore", STORE),
            Map.entry("zunion", LEADING),
            Map.entry("zinter", LEADING),
            Map.entry("zdiff", LEADING),
            Map.entry("zintercard", LEADING),
            Map.entry("sintercard", LEADING),
            Map.entry("lmpop", LEADING),
            Map.entry("zmpop", LEADING),
            Map.entry("blmpop", AFTER_TIMEOUT),
            Map.entry("bzmpop", AFTER_TIMEOUT));

    /** A subcommand with one key, right after its name, and its arity (the container's name counted). */
    private record KeyedSubcommand(int arity) {}

    /** Redis 7.0's subcommands of the containers this node implements; only those listed with a key have one. */
    private static final Map<String, Set<String>> SUBCOMMANDS = Map.of(
            "object", Set.of("encoding", "freq", "help", "idletime", "refcount"),
            "memory", Set.of("doctor", "help", "malloc-stats", "purge", "stats", "usage"),
            "config", Set.of("get", "set", "resetstat", "rewrite", "help"),
            "client",
                    Set.of(
                            "caching",
                            "getname",
                            "getredir",
                            "id",
                            "info",
                            "kill",
                            "list",
                            "no-evict",
                            "pause",
                            "reply",
                            "setname",
                            "tracking",
                            "trackinginfo",
                            "unblock",
                            "unpause",
                            "help"),
            "script", Set.of("debug", "exists", "flush", "kill", "load", "help"),
            "slowlog", Set.of("get", "help", "len", "reset"),
            "latency", Set.of("doctor", "graph", "help", "histogram", "history", "latest", "reset"),
            "function", Set.of("delete", "dump", "flush", "help", "kill", "list", "load", "restore", "stats"),
            "pubsub", Set.of("channels", "help", "numpat", "numsub", "shardchannels", "shardnumsub"),
            "command", Set.of("count", "docs", "getkeys", "getkeysandflags", "help", "info", "list"));

    private static final Map<String, KeyedSubcommand> KEYED_SUBCOMMANDS = Map.of(
            "object|encoding", new KeyedSubcommand(3),
            "object|freq", new KeyedSubcommand(3),
            "object|idletime", new KeyedSubcommand(3),
            "object|refcount", new KeyedSubcommand(3),
            "memory|usage", new KeyedSubcommand(-3));

    private CommandKeys() {}

    /** The positions in {@code args} (the command's name at 0) of its keys; Redis's errors as {@link CommandException}. */
    static List<Integer> positions(CommandTable table, byte[][] args) {
        CommandSpec spec = table.lookup(args[0]);
        if (spec == null) {
            throw new CommandException(INVALID_COMMAND);
        }
        if (SUBCOMMANDS.containsKey(spec.name())) {
            return subcommandKeys(spec.name(), args);
        }
        CountedKeys counted = COUNTED.get(spec.name());
        if (counted == null && spec.firstKey() == 0) {
            throw new CommandException(NO_KEYS);
        }
        if (!spec.arityAccepts(args.length)) {
            throw new CommandException(BAD_ARGUMENT_COUNT);
        }
        List<Integer> keys = counted == null ? rangeKeys(spec, args.length) : countedKeys(counted, args);
        if (keys.isEmpty() && (counted == null || !counted.keysOptional())) {
            throw new CommandException(BAD_ARGUMENTS);
        }
        return keys;
    }

    private static List<Integer> subcommandKeys(String container, byte[][] args) {
        String sub = Args.text(args[1]).toLowerCase(Locale.ROOT);
        if (!SUBCOMMANDS.get(container).contains(sub)) {
            throw new CommandException(INVALID_COMMAND);
        }
        KeyedSubcommand keyed = KEYED_SUBCOMMANDS.get(container + "|" + sub);
        if (keyed == null) {
            throw new CommandException(NO_KEYS);
        }
        boolean arityOk = keyed.arity() >= 0 ? args.length == keyed.arity() : args.length >= -keyed.arity();
        if (!arityOk) {
            throw new CommandException(BAD_ARGUMENT_COUNT);
        }
        return List.of(2);
    }

    private static List<Integer> rangeKeys(CommandSpec spec, int argc) {
        int last = spec.lastKey() < 0 ? argc + spec.lastKey() : spec.lastKey();
        List<Integer> keys = new ArrayList<>();
        for (int i = spec.firstKey(); i <= last && i < argc; i += spec.keyStep()) {
            keys.add(i);
        }
        return keys;
    }

    /**
     * Keys after a count. A count that is a proper positive integer and fits the arguments
     * gives the destination first, then the counted keys (Redis's key specifications). Otherwise
     * Redis falls back to reading the count as C's {@code atoi} does, which names keys only when
     * at least one fits, the destination then coming last.
     */
    private static List<Integer> countedKeys(CountedKeys rule, byte[][] args) {
        long[] count = new long[1];
        List<Integer> keys = new ArrayList<>();
        if (rule.countAt() < args.length
                && Args.tryParseLong(args[rule.countAt()], count)
                && count[0] >= 1
                && rule.firstAt() + count[0] - 1 < args.length) {
            if (rule.storeAt() > 0) {
                keys.add(rule.storeAt());
            }
            for (int i = 0; i < count[0]; i++) {
                keys.add(rule.firstAt() + i);
            }
            return keys;
        }
        long loose = rule.countAt() < args.length ? atoi(args[rule.countAt()]) : 0;
        if (loose < 1 || loose > args.length - rule.firstAt()) {
            return keys;
        }
        for (int i = 0; i < loose; i++) {
            keys.add(rule.firstAt() + i);
        }
        if (rule.storeAt() > 0) {
            keys.add(rule.storeAt());
        }
        return keys;
    }

    /** C's {@code atoi}: leading spaces, a sign, then digits up to the first non-digit; 0 if none. */
    private static long atoi(byte[] text) {
        int i = 0;
        while (i < text.length && Character.isWhitespace(text[i])) {
            i++;
        }
        boolean negative = i < text.length && text[i] == '-';
        if (i < text.length && (text[i] == '-' || text[i] == '+')) {
            i++;
        }
        long value = 0;
        for (; i < text.length && text[i] >= '0' && text[i] <= '9' && value < Integer.MAX_VALUE; i++) {
            value = value * 10 + (text[i] - '0');
        }
        return negative ? -value : value;
    }
}
