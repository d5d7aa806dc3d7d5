package sdlab.cache;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MONITOR: the clients that watch every command, and the line each command becomes, as Redis 7.0
 * writes it: {@code +1700000000.123000 [0 127.0.0.1:50000] "SET" "k" "v"}, the arguments as the
 * client sent them, quoted with C-style escapes, a script's commands marked {@code [0 lua]}.
 * Administrative commands are not shown (Redis thinks them too sensitive), passwords are
 * replaced by {@code "(redacted)"}, and refused commands never ran, so they are not shown.
 *
 * <p>The time is the engine's clock, which has millisecond resolution: the last three of the six
 * fraction digits are always zero.
 */
final class Monitors {
    /** CLIENT subcommands that Redis 7.0 flags admin, and so keeps from monitors. */
    private static final Set<String> ADMIN_CLIENT_SUBCOMMANDS =
            Set.of("list", "kill", "pause", "unpause", "no-evict", "unblock", "tracking");

    private final Set<ClientSession> monitors = new LinkedHashSet<>();

    boolean isEmpty() {
        return monitors.isEmpty();
    }

    void add(ClientSession session) {
        monitors.add(session);
    }

    void remove(ClientSession session) {
        monitors.remove(session);
    }

    int count() {
        return monitors.size();
    }

    /**
     * Sends the line of a command that ran to every monitor but {@code except}; returns the line
     * so that a monitoring client's own command can be shown to it after its reply.
     */
    Reply feed(ClientSession source, ClientSession except, String address, long nowMillis, byte[][] argv) {
        Reply line = new Reply.Simple(line(nowMillis, source.db(), address, argv));
        for (ClientSession monitor : List.copyOf(monitors)) {
            if (monitor != except) {
                monitor.push(line);
            }
        }
        return line;
    }

    /** Whether Redis shows this command to monitors at all. */
    static boolean shown(CommandSpec spec, byte[][] argv) {
        if (spec.has(CommandFlag.ADMIN)) {
            return false;
        }
        return !(spec.name().equals("client")
                && argv.length > 1
                && ADMIN_CLIENT_SUBCOMMANDS.contains(Args.text(argv[1]).toLowerCase(Locale.ROOT)));
    }

    /**
     * Scripts are shown before they run, so that their commands' lines follow theirs; every
     * other command after it ran (an EXEC's line follows its commands').
     */
    static boolean shownBeforeRunning(CommandSpec spec) {
        return spec.name().startsWith("eval");
    }

    static String line(long nowMillis, int db, String address, byte[][] argv) {
        StringBuilder out = new StringBuilder(32 + 8 * argv.length);
        out.append(nowMillis / 1000).append('.');
        String micros = Long.toString(nowMillis % 1000 * 1000);
        out.append("000000", 0, 6 - micros.length()).append(micros);
        out.append(" [").append(db).append(' ').append(address).append(']');
        boolean[] redacted = redacted(argv);
        for (int i = 0; i < argv.length; i++) {
            out.append(' ');
            if (redacted[i]) {
                out.append("\"(redacted)\"");
            } else {
                quote(argv[i], out);
            }
        }
        return out.toString();
    }

    /** AUTH's arguments and the two after HELLO's AUTH are passwords or user names. */
    private static boolean[] redacted(byte[][] argv) {
        boolean[] hidden = new boolean[argv.length];
        if (Args.is(argv[0], "AUTH")) {
            for (int i = 1; i < argv.length; i++) {
                hidden[i] = true;
            }
        } else if (Args.is(argv[0], "HELLO")) {
            for (int i = 1; i < argv.length - 2; i++) {
                if (Args.is(argv[i], "AUTH")) {
                    hidden[i + 1] = true;
                    hidden[i + 2] = true;
                    i += 2;
                }
            }
        }
        return hidden;
    }

    /** Redis's {@code sdscatrepr}: printable ASCII as is, C escapes, other bytes as {@code \xhh}. */
    static void quote(byte[] arg, StringBuilder out) {
        out.append('"');
        for (byte b : arg) {
            int c = b & 0xFF;
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                default -> {
                    if (c >= 0x20 && c <= 0x7E) {
                        out.append((char) c);
                    } else {
                        out.append("\\x")
                                .append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 0xF, 16));
                    }
                }
            }
        }
        out.append('"');
    }
}
