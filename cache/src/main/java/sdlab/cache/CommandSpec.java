package sdlab.cache;

import java.util.Set;

/**
 * One entry of the command table, as Redis describes its commands.
 *
 * @param name lower-case name
 * @param arity argument count including the name; negative means "at least -arity"
 * @param flags properties used by the dispatcher and reported by COMMAND
 * @param firstKey position of the first key argument (0 for none)
 * @param lastKey position of the last key (-1: the last argument)
 * @param keyStep distance between keys
 */
record CommandSpec(
        String name,
        int arity,
        Set<CommandFlag> flags,
        int firstKey,
        int lastKey,
        int keyStep,
        CommandHandler handler) {

    public boolean has(CommandFlag flag) {
        return flags.contains(flag);
    }

    /** Whether {@code argc} arguments (with the name) satisfy the arity. */
    public boolean arityAccepts(int argc) {
        return arity >= 0 ? argc == arity : argc >= -arity;
    }
}
