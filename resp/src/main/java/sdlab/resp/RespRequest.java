package sdlab.resp;

import java.util.List;

/** What the decoder makes of the bytes a client sent: a command, or the reason the bytes are no RESP request. */
public sealed interface RespRequest {

    /** A command and its arguments, as text (UTF-8). */
    record Command(List<String> args) implements RespRequest {
        public Command {
            args = List.copyOf(args);
        }

        /** The command's name in upper case: commands are case-insensitive. */
        public String name() {
            return args.getFirst().toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** The input broke the protocol; the connection answers {@code -ERR Protocol error: <reason>} and closes. */
    record Malformed(String reason) implements RespRequest {}
}
