package sdlab.app.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sdlab.consensus.raft.Command;
import sdlab.consensus.raft.TxnRequest;
import sdlab.runtime.cluster.ClusterMechanism.ClientCommand;

/**
 * Reads the words of a {@code txn} command of the Raft cluster's client into a transaction:
 * conditions, the word {@code then}, writes.
 *
 * <pre>
 * txn a >= 10 b absent then add a -10 add b 10
 * txn a = 90 then put a 80 del c
 * </pre>
 *
 * Conditions: {@code KEY = VALUE}, {@code KEY absent}, {@code KEY >= N}. Writes: {@code put KEY
 * VALUE}, {@code add KEY N}, {@code del KEY}. Whole numbers are numbers, as in put.
 */
final class RaftTxnWords {
    static final String USAGE =
            "usage: txn [KEY = VALUE | KEY absent | KEY >= N]... then" + " [put KEY VALUE | add KEY N | del KEY]...";

    private final List<String> words;
    private int at = 1; // after "txn"

    private RaftTxnWords(List<String> words) {
        this.words = words;
    }

    static ClientCommand parse(List<String> words) {
        try {
            return new ClientCommand.Invoke("txn", null, new RaftTxnWords(words).request());
        } catch (IllegalArgumentException e) {
            return new ClientCommand.Invalid(e.getMessage() + "; " + USAGE);
        }
    }

    private TxnRequest request() {
        List<Command.Condition> conditions = new ArrayList<>();
        while (!peek().equalsIgnoreCase("then")) {
            conditions.add(condition());
        }
        at++;
        List<Command.Mutation> writes = new ArrayList<>();
        while (at < words.size()) {
            writes.add(mutation());
        }
        if (conditions.size() + writes.size() > Command.Txn.PARTS_MAX) {
            throw new IllegalArgumentException("at most " + Command.Txn.PARTS_MAX + " conditions and writes");
        }
        return new TxnRequest(conditions, writes);
    }

    private Command.Condition condition() {
        String key = next("a key");
        String operator = next("=, >= or absent after " + key);
        return switch (operator.toLowerCase(Locale.ROOT)) {
            case "=" -> new Command.ValueEquals(key, RaftClusterMechanism.value(next("a value after =")));
            case "absent" -> new Command.Absent(key);
            case ">=" -> new Command.AtLeast(key, number(next("a number after >=")));
            default -> throw new IllegalArgumentException("'" + operator + "' is no condition");
        };
    }

    private Command.Mutation mutation() {
        String kind = next("a write");
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "put", "set" ->
                new Command.SetValue(next("a key after put"), RaftClusterMechanism.value(next("a value to put")));
            case "add" -> new Command.Add(next("a key after add"), number(next("a number to add")));
            case "del", "delete" -> new Command.SetValue(next("a key after del"), null);
            default -> throw new IllegalArgumentException("'" + kind + "' is no write");
        };
    }

    private String peek() {
        if (at >= words.size()) {
            throw new IllegalArgumentException("no 'then'");
        }
        return words.get(at);
    }

    private String next(String what) {
        if (at >= words.size()) {
            throw new IllegalArgumentException("expected " + what);
        }
        return words.get(at++);
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
    }
}
