package sdlab.cache;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The commands the engine knows, found by name without allocating: an open-addressing table
 * keyed by a case-insensitive hash of the name's bytes, since every request starts with this
 * lookup.
 */
final class CommandTable {
    private final CommandSpec[] slots;
    private final List<CommandSpec> all;

    private CommandTable(List<CommandSpec> specs) {
        int capacity = Integer.highestOneBit(Math.max(16, specs.size() * 4 - 1)) << 1;
        this.slots = new CommandSpec[capacity];
        this.all = Collections.unmodifiableList(new ArrayList<>(specs));
        for (CommandSpec spec : specs) {
            byte[] name = spec.name().getBytes(StandardCharsets.US_ASCII);
            int index = hash(name) & (capacity - 1);
            while (slots[index] != null) {
                if (slots[index].name().equals(spec.name())) {
                    throw new IllegalArgumentException("command registered twice: " + spec.name());
                }
                index = (index + 1) & (capacity - 1);
            }
            slots[index] = spec;
        }
    }

    /** Every command the engine implements. */
    static CommandTable standard() {
        Builder builder = new Builder();
        ConnectionCommands.register(builder);
        MonitorCommands.register(builder);
        ServerCommands.register(builder);
        DatabaseCommands.register(builder);
        KeyCommands.register(builder);
        ExpireCommands.register(builder);
        StringCommands.register(builder);
        HyperLogLogCommands.register(builder);
        ListCommands.register(builder);
        ListEditCommands.register(builder);
        ListMoveCommands.register(builder);
        BlockingListCommands.register(builder);
        HashCommands.register(builder);
        SetTypeCommands.register(builder);
        TransactionCommands.register(builder);
        PubSubCommands.register(builder);
        ScriptCommands.register(builder);
        AdminCommands.register(builder);
        ZSetCommands.register(builder);
        ZRangeCommands.register(builder);
        ZPopCommands.register(builder);
        BlockingZSetCommands.register(builder);
        ZSetAlgebraCommands.register(builder);
        return builder.build();
    }

    /** The command named {@code name} (any case), or null. */
    public CommandSpec lookup(byte[] name) {
        int mask = slots.length - 1;
        for (int index = hash(name) & mask; slots[index] != null; index = (index + 1) & mask) {
            if (Args.is(name, slots[index].name())) {
                return slots[index];
            }
        }
        return null;
    }

    public CommandSpec lookup(String name) {
        return lookup(name.getBytes(StandardCharsets.UTF_8));
    }

    public List<CommandSpec> all() {
        return all;
    }

    private static int hash(byte[] name) {
        int h = 0;
        for (byte b : name) {
            int lower = b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
            h = 31 * h + lower;
        }
        return h ^ (h >>> 16);
    }

    /** Collects command specs. */
    static final class Builder {
        private final List<CommandSpec> specs = new ArrayList<>();

        /** Registers a command whose keys are the arguments from {@code firstKey} to {@code lastKey}. */
        Builder add(
                String name,
                int arity,
                Set<CommandFlag> flags,
                int firstKey,
                int lastKey,
                int keyStep,
                CommandHandler handler) {
            Set<CommandFlag> copy = flags.isEmpty() ? EnumSet.noneOf(CommandFlag.class) : EnumSet.copyOf(flags);
            specs.add(new CommandSpec(
                    name, arity, Collections.unmodifiableSet(copy), firstKey, lastKey, keyStep, handler));
            return this;
        }

        /** Registers a command without key arguments. */
        Builder add(String name, int arity, Set<CommandFlag> flags, CommandHandler handler) {
            return add(name, arity, flags, 0, 0, 0, handler);
        }

        /** Registers a command whose only key is its first argument. */
        Builder addSingleKey(String name, int arity, Set<CommandFlag> flags, CommandHandler handler) {
            return add(name, arity, flags, 1, 1, 1, handler);
        }

        CommandTable build() {
            return new CommandTable(specs);
        }
    }
}
