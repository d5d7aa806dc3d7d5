package sdlab.shard.server;

import java.util.List;

/** Redis's own error texts for the commands it shares with the door, so that clients read both alike. */
final class RedisErrors {
    static final String NOT_AN_INTEGER = "ERR value is not an integer or out of range";
    static final String SYNTAX = "ERR syntax error";

    private RedisErrors() {}

    /**
     * Redis 7's answer to a command it does not know: the name (at most 128 characters), then the arguments, each
     * quoted and followed by a space, until their text reaches 128 characters, the last one cut to fit.
     */
    static String unknownCommand(List<String> words) {
        StringBuilder args = new StringBuilder();
        for (int i = 1; i < words.size() && args.length() < 128; i++) {
            String arg = words.get(i);
            int room = 128 - args.length();
            args.append('\'').append(arg, 0, Math.min(arg.length(), room)).append("' ");
        }
        return "ERR unknown command '" + cut(words.getFirst()) + "', with args beginning with: " + args;
    }

    static String unknownSubcommand(String subcommand, String command) {
        return "ERR unknown subcommand '" + cut(subcommand) + "'. Try " + command + " HELP.";
    }

    private static String cut(String text) {
        return text.length() > 128 ? text.substring(0, 128) : text;
    }
}
