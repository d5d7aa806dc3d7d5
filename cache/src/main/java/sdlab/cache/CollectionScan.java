package sdlab.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * HSCAN and SSCAN: {@code key cursor [MATCH pattern] [COUNT count]}. A hash or set iterates in
 * insertion order, which has no cursor that survives deletions, so every scan answers the whole
 * collection at cursor 0 and ends there, as Redis does for its small encodings (listpack,
 * intset). That keeps SCAN's guarantee: an element present from start to end is returned.
 */
final class CollectionScan {
    private static final Reply CURSOR_DONE = Reply.bulk("0");

    private CollectionScan() {}

    /** The options after the cursor, parsed once the key exists; a null pattern means everything. */
    record Options(GlobPattern pattern) {
        static Options parse(byte[][] argv) {
            GlobPattern pattern = null;
            for (int i = 3; i < argv.length; i += 2) {
                if (i + 1 >= argv.length) {
                    throw new CommandException(ErrorReplies.SYNTAX);
                }
                if (Args.is(argv[i], "MATCH")) {
                    pattern = new GlobPattern(argv[i + 1]);
                } else if (Args.is(argv[i], "COUNT")) {
                    if (Args.parseLong(argv[i + 1]) < 1) {
                        throw new CommandException(ErrorReplies.SYNTAX);
                    }
                } else {
                    throw new CommandException(ErrorReplies.SYNTAX);
                }
            }
            return new Options(pattern == null || pattern.matchesAll() ? null : pattern);
        }

        boolean matches(byte[] element) {
            return pattern == null || pattern.matches(element);
        }
    }

    /** The reply: cursor 0 and what {@code fill} added. */
    static Reply reply(Consumer<List<Reply>> fill) {
        List<Reply> items = new ArrayList<>();
        fill.accept(items);
        return new Reply.Array(List.of(CURSOR_DONE, new Reply.Array(items)));
    }

    /** Checks the cursor first, as Redis does before it even looks the key up. */
    static void parseCursor(byte[] arg) {
        try {
            Long.parseUnsignedLong(Args.text(arg));
        } catch (NumberFormatException e) {
            throw new CommandException(ErrorReplies.INVALID_CURSOR);
        }
    }
}
