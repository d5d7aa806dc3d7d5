package sdlab.cache;

import java.nio.charset.StandardCharsets;

/** Redis's error texts, word for word, so that clients and their users see what they expect. */
final class ErrorReplies {
    static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
    static final String NOT_INTEGER = "ERR value is not an integer or out of range";
    static final String SYNTAX = "ERR syntax error";
    static final String OVERFLOW = "ERR increment or decrement would overflow";
    static final String NOAUTH = "NOAUTH Authentication required.";
    static final String WRONGPASS = "WRONGPASS invalid username-password pair or user is disabled.";
    static final String OOM = "OOM command not allowed when used memory > 'maxmemory'.";
    static final String DB_INDEX_RANGE = "ERR DB index is out of range";
    static final String INVALID_CURSOR = "ERR invalid cursor";
    static final String MUST_BE_POSITIVE = "ERR value is out of range, must be positive";
    static final String EXECABORT = "EXECABORT Transaction discarded because of previous errors.";
    static final String NOT_IN_MULTI = "ERR Command not allowed inside a transaction";
    static final String NESTED_MULTI = "ERR MULTI calls can not be nested";
    static final String WATCH_IN_MULTI = "ERR WATCH inside MULTI is not allowed";
    static final String EXEC_WITHOUT_MULTI = "ERR EXEC without MULTI";
    static final String DISCARD_WITHOUT_MULTI = "ERR DISCARD without MULTI";
    static final String NO_PASSWORD_SET = "ERR AUTH <password> called without any password configured for the "
            + "default user. Are you sure your configuration is correct?";

    /** Redis quotes at most about this many characters of the arguments of an unknown command. */
    private static final int QUOTED_ARGS_MAX = 128;

    private ErrorReplies() {}

    /** EXEC itself refused (wrong arity, NOAUTH, OOM): the transaction is discarded, saying why. */
    static String execAborted(String error) {
        return "EXECABORT Transaction discarded because of: " + error;
    }

    static String wrongArity(String command) {
        return "ERR wrong number of arguments for '" + command + "' command";
    }

    static String invalidExpire(String command) {
        return "ERR invalid expire time in '" + command + "' command";
    }

    static String unknownSubcommand(byte[] subcommand, String command) {
        return "ERR unknown subcommand '" + clip(text(subcommand)) + "'. Try " + command + " HELP.";
    }

    /** {@code ERR unknown command 'FOO', with args beginning with: 'a' 'b' }, as Redis 7 words it. */
    static String unknownCommand(byte[][] argv) {
        StringBuilder args = new StringBuilder();
        for (int i = 1; i < argv.length && args.length() < QUOTED_ARGS_MAX; i++) {
            String arg = text(argv[i]);
            int room = QUOTED_ARGS_MAX - args.length();
            args.append('\'').append(arg, 0, Math.min(arg.length(), room)).append("' ");
        }
        return sanitize("ERR unknown command '" + clip(text(argv[0])) + "', with args beginning with: " + args);
    }

    private static String clip(String text) {
        return text.length() <= QUOTED_ARGS_MAX ? text : text.substring(0, QUOTED_ARGS_MAX);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    // An error line must not contain CR or LF, or it would end early on the wire.
    private static String sanitize(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
