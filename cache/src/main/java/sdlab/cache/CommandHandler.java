package sdlab.cache;

/** Executes one command: validates its arguments, acts on the keyspace, returns the reply. */
@FunctionalInterface
interface CommandHandler {
    /** Bad input is reported by throwing {@link CommandException} with the reply to send. */
    Reply handle(CommandContext ctx, byte[][] argv);
}
