package sdlab.repl.server;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import sdlab.core.Message;
import sdlab.repl.Entry;
import sdlab.repl.ReplMessages;
import sdlab.repl.ReplMessages.Read;
import sdlab.repl.ReplMessages.ReadOk;
import sdlab.repl.ReplMessages.ReadRefused;
import sdlab.repl.ReplMessages.Write;
import sdlab.repl.ReplMessages.WriteOk;
import sdlab.repl.ReplMessages.WriteRefused;
import sdlab.repl.ReplMessages.WriteUnknown;
import sdlab.repl.ReplNode;
import sdlab.repl.ReplicaPosition;
import sdlab.resp.RespReply;
import sdlab.resp.RespRequest;

/**
 * What each Redis command means to the replicated store. Writes ({@code SET}, {@code INCRBY}, {@code DEL}) become
 * the store's {@link Write}, answered when the mode acknowledges the commit; reads ({@code GET}, {@code EXISTS})
 * become its {@link Read} of the node's applied state, stale on a replica; {@code WAIT} counts the replicas whose
 * relay log holds this connection's last write; {@code INFO replication} and {@code ROLE} report the node's
 * positions. A replica refuses writes as a Redis replica does ({@code -READONLY}).
 */
final class ReplCommands {
    static final String READONLY = "READONLY You can't write against a read only replica.";
    static final String SERVED = "PING ECHO SET GET EXISTS INCR INCRBY DECR DECRBY DEL WAIT INFO ROLE SELECT COMMAND";
    /** The node's reason for refusing reads while it joins from a snapshot. */
    private static final String LOADING_REASON = "loading a snapshot";
    /** Redis's answer while it loads its dataset, which clients know to retry later. */
    static final String LOADING = "LOADING loading a snapshot: this replica serves no reads until it is loaded";
    /** How often a WAIT looks at the replicas' positions again. */
    private static final long WAIT_POLL_MILLIS = 1;

    /** The connection a command runs for. */
    interface Session {
        long nextRequestId();

        /** Sends the node {@code message}; {@code onAnswer} turns its answer into the reply, or null to wait on. */
        void send(long requestId, Message message, Function<ReplMessages, RespReply> onAnswer);

        /** Hands the node {@code message} and expects no answer (only under a planted bug). */
        void sendOnly(Message message);

        /** Calls {@code check} now and every {@code everyMillis} until it gives the reply. */
        void poll(long everyMillis, Supplier<RespReply> check);

        /** The position of this connection's last acknowledged write (0 before any): what WAIT waits for. */
        long lastWritePosition();

        void wrote(long position);

        ReplNode node();
    }

    private final ReplRespDoor door;
    private final ReplicationReport report;

    ReplCommands(ReplRespDoor door) {
        this.door = door;
        this.report = new ReplicationReport(door);
    }

    /** Runs {@code command}: its reply now, or null when the session will reply later. */
    RespReply run(RespRequest.Command command, Session session) {
        List<String> args = command.args();
        String name = command.name();
        return switch (name) {
            case "PING" -> args.size() == 1 ? new RespReply.Simple("PONG") : arity(args, 2, () -> bulk(args.get(1)));
            case "ECHO" -> arity(args, 2, () -> bulk(args.get(1)));
            case "COMMAND" -> RespReply.array(List.of()); // redis-cli asks for command docs; it does without
            case "SELECT" ->
                arity(args, 2, () -> args.get(1).equals("0") ? RespReply.OK : error("ERR DB index is out of range"));
            case "SET" -> arity(args, 3, () -> set(session, args.get(1), args.get(2)));
            case "GET" -> arity(args, 2, () -> read(session, args.get(1), value -> bulk(value)));
            case "EXISTS" ->
                arity(args, 2, () -> read(session, args.get(1), v -> RespReply.integer(v == null ? 0 : 1)));
            case "INCR" -> arity(args, 2, () -> increment(session, args.get(1), "1", false));
            case "DECR" -> arity(args, 2, () -> increment(session, args.get(1), "1", true));
            case "INCRBY" -> arity(args, 3, () -> increment(session, args.get(1), args.get(2), false));
            case "DECRBY" -> arity(args, 3, () -> increment(session, args.get(1), args.get(2), true));
            case "DEL" -> args.size() < 2 ? wrongArity(args) : delete(session, args.subList(1, args.size()), 0, 0);
            case "WAIT" -> arity(args, 3, () -> waitForReplicas(session, args.get(1), args.get(2)));
            case "INFO" -> args.size() > 2 ? wrongArity(args) : bulk(report.info(args.size() == 2 ? args.get(1) : ""));
            case "ROLE" -> arity(args, 1, report::role);
            default -> unknown(args);
        };
    }

    private RespReply set(Session session, String key, String value) {
        if (door.settings().bug() == DoorSettings.Bug.ACK_BEFORE_COMMIT
                && session.node().isPrimary()) {
            String unfit = unfit(key) != null ? unfit(key) : unfit(value);
            if (unfit != null) {
                return error(unfit);
            }
            // The planted bug: the client hears OK before the commit, so a crash can take the write with it.
            session.sendOnly(new Write(session.nextRequestId(), key, value));
            return RespReply.OK;
        }
        return write(session, key, value, position -> RespReply.OK);
    }

    private RespReply write(Session session, String key, String value, LongFunction<RespReply> onCommitted) {
        if (!session.node().isPrimary()) {
            return error(READONLY);
        }
        String unfit = unfit(key);
        if (unfit == null && !value.equals(Entry.DELETED)) {
            unfit = unfit(value);
        }
        if (unfit != null) {
            return error(unfit);
        }
        long id = session.nextRequestId();
        session.send(id, new Write(id, key, value), answer -> switch (answer) {
            case WriteOk ok -> {
                session.wrote(ok.position());
                yield onCommitted.apply(ok.position());
            }
            case WriteRefused refused ->
                refused.reason().equals("read-only replica")
                        ? error(READONLY)
                        : error("ERR write refused, certainly not applied: " + refused.reason());
            case WriteUnknown unknown ->
                error("UNCERTAIN write outcome unknown (it may or may not survive): " + unknown.reason());
            default -> error("ERR unexpected answer from the node: " + answer);
        });
        return null;
    }

    private RespReply read(Session session, String key, Function<String, RespReply> onValue) {
        long id = session.nextRequestId();
        session.send(id, new Read(id, key, 0, 0, false), answer -> switch (answer) {
            case ReadOk ok -> onValue.apply(ok.value());
            case ReadRefused refused when refused.reason().equals(LOADING_REASON) -> error(LOADING);
            case ReadRefused refused -> error("ERR read refused: " + refused.reason());
            default -> error("ERR unexpected answer from the node: " + answer);
        });
        return null;
    }

    /**
     * INCRBY as the primary runs it: the value after every entry in its log (committed or still waiting, since the
     * new entry follows them all) plus the increment, written as the resulting value, as a row-based binlog records
     * an UPDATE. Reading the head and appending happen in one turn of the node's loop, so no other write comes
     * between them.
     */
    private RespReply increment(Session session, String key, String byText, boolean negate) {
        if (!session.node().isPrimary()) {
            return error(READONLY);
        }
        long by;
        long current;
        try {
            by = Long.parseLong(byText);
            String head = session.node().valueAtHead(key);
            current = head == null ? 0 : Long.parseLong(head);
        } catch (NumberFormatException e) {
            return error("ERR value is not an integer or out of range");
        }
        long next;
        try {
            next = negate ? Math.subtractExact(current, by) : Math.addExact(current, by);
        } catch (ArithmeticException e) {
            return error("ERR increment or decrement would overflow");
        }
        return write(session, key, Long.toString(next), position -> RespReply.integer(next));
    }

    /** DEL: one delete entry per key that exists at the log head, one after another; the reply counts them. */
    private RespReply delete(Session session, List<String> keys, int from, long removed) {
        if (!session.node().isPrimary()) {
            return error(READONLY);
        }
        int next = from;
        while (next < keys.size() && session.node().valueAtHead(keys.get(next)) == null) {
            next++;
        }
        if (next == keys.size()) {
            return RespReply.integer(removed);
        }
        int at = next;
        return write(session, keys.get(at), Entry.DELETED, position -> delete(session, keys, at + 1, removed + 1));
    }

    /**
     * WAIT numreplicas timeout: the number of replicas whose relay log holds (synced) this connection's last write,
     * once it reaches {@code numreplicas} or the timeout passes (0: no timeout), as Redis counts acknowledged offsets.
     */
    private RespReply waitForReplicas(Session session, String numText, String timeoutText) {
        if (!session.node().isPrimary()) {
            return error("ERR WAIT cannot be used with replica instances.");
        }
        long wanted;
        long timeoutMillis;
        try {
            wanted = Long.parseLong(numText);
            timeoutMillis = Long.parseLong(timeoutText);
        } catch (NumberFormatException e) {
            return error("ERR value is not an integer or out of range");
        }
        if (wanted < 0 || timeoutMillis < 0) {
            return error("ERR timeout is negative");
        }
        long position = session.lastWritePosition();
        long deadline = timeoutMillis == 0 ? Long.MAX_VALUE : door.nowNanos() + timeoutMillis * 1_000_000L;
        session.poll(WAIT_POLL_MILLIS, () -> {
            long holding = session.node().replicaPositions().stream()
                    .filter(ReplicaPosition::reported)
                    .filter(replica -> replica.flushedPosition() >= position)
                    .count();
            return holding >= wanted
                            || door.nowNanos() >= deadline
                            || !session.node().isPrimary()
                    ? RespReply.integer(holding)
                    : null;
        });
        return null;
    }

    /** Why a key or value cannot go into the line-based log, or null if it can. */
    private static String unfit(String text) {
        if (text.indexOf('\t') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\0') >= 0) {
            return "ERR keys and values here cannot hold tabs, newlines or NUL bytes: the replication log is"
                    + " line-based";
        }
        return null;
    }

    private static RespReply arity(List<String> args, int expected, Supplier<RespReply> run) {
        return args.size() == expected ? run.get() : wrongArity(args);
    }

    private static RespReply wrongArity(List<String> args) {
        return error("ERR wrong number of arguments for '" + args.getFirst().toLowerCase(Locale.ROOT) + "' command");
    }

    private static RespReply unknown(List<String> args) {
        StringBuilder text = new StringBuilder("ERR unknown command '")
                .append(args.getFirst())
                .append("', with args beginning with: ");
        args.stream().skip(1).limit(3).forEach(arg -> text.append('\'')
                .append(arg)
                .append("' "));
        return error(
                text.append("(this door serves ").append(SERVED).append(')').toString());
    }

    private static RespReply bulk(String text) {
        return RespReply.bulk(text);
    }

    private static RespReply error(String text) {
        return RespReply.error(text);
    }
}
