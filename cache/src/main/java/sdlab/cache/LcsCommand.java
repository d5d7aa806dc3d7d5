package sdlab.cache;

import static sdlab.cache.CommandFlag.READONLY;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;
import sdlab.cache.store.StringValue;

/**
 * LCS key1 key2 [LEN] [IDX] [MINMATCHLEN n] [WITHMATCHLEN]: the longest common subsequence of
 * two strings, by the dynamic program Redis 7.0 uses, backtracked the same way so that IDX
 * lists the same matches in the same order (from the ends of the strings backwards).
 */
final class LcsCommand {
    /** The table has (len1 + 1) * (len2 + 1) cells; beyond this the command refuses. */
    private static final long TABLE_CELLS_MAX = Integer.MAX_VALUE - 8;

    private LcsCommand() {}

    static void register(CommandTable.Builder table) {
        table.add("lcs", -3, Set.of(READONLY), 1, 2, 1, LcsCommand::lcs);
    }

    private record Options(boolean len, boolean idx, long minMatchLen, boolean withMatchLen) {
        static Options parse(byte[][] argv) {
            boolean len = false;
            boolean idx = false;
            boolean withMatchLen = false;
            long minMatchLen = 0;
            for (int i = 3; i < argv.length; i++) {
                if (Args.is(argv[i], "IDX")) {
                    idx = true;
                } else if (Args.is(argv[i], "LEN")) {
                    len = true;
                } else if (Args.is(argv[i], "WITHMATCHLEN")) {
                    withMatchLen = true;
                } else if (Args.is(argv[i], "MINMATCHLEN") && i + 1 < argv.length) {
                    minMatchLen = Math.max(0, Args.parseLong(argv[++i]));
                } else {
                    throw new CommandException(ErrorReplies.SYNTAX);
                }
            }
            if (idx && len) {
                throw new CommandException("ERR If you want both the length and indexes, please just use IDX.");
            }
            return new Options(len, idx, minMatchLen, withMatchLen);
        }
    }

    private static Reply lcs(CommandContext ctx, byte[][] argv) {
        byte[] a = stringOf(ctx, argv[1]);
        byte[] b = stringOf(ctx, argv[2]);
        Options options = Options.parse(argv);
        if ((long) (a.length + 1) * (b.length + 1) > TABLE_CELLS_MAX) {
            return Reply.error("ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len");
        }
        int[] table = lengths(a, b);
        int width = b.length + 1;
        int total = table[a.length * width + b.length];
        if (options.len()) {
            return Reply.integer(total);
        }
        byte[] common = new byte[total];
        List<Reply> matches = new ArrayList<>();
        backtrack(a, b, table, common, matches, options);
        if (!options.idx()) {
            return new Reply.Bulk(common);
        }
        return new Reply.Map(
                List.of(Reply.bulk("matches"), new Reply.Array(matches), Reply.bulk("len"), Reply.integer(total)));
    }

    /** A missing key is an empty string; another type is an error with LCS's own text. */
    private static byte[] stringOf(CommandContext ctx, byte[] key) {
        Entry e = ctx.db().lookupRead(Key.wrap(key));
        if (e == null) {
            return new byte[0];
        }
        if (!(e.value() instanceof StringValue value)) {
            throw new CommandException("ERR The specified keys must contain string values");
        }
        return value.bytes();
    }

    /** {@code table[i * (b.length + 1) + j]}: the LCS length of the first i bytes of a and j of b. */
    private static int[] lengths(byte[] a, byte[] b) {
        int width = b.length + 1;
        int[] table = new int[(a.length + 1) * width];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                table[i * width + j] = a[i - 1] == b[j - 1]
                        ? table[(i - 1) * width + j - 1] + 1
                        : Math.max(table[(i - 1) * width + j], table[i * width + j - 1]);
            }
        }
        return table;
    }

    /** Redis's backtrack: fills {@code common} and, for IDX, emits contiguous ranges as they close. */
    private static void backtrack(
            byte[] a, byte[] b, int[] table, byte[] common, List<Reply> matches, Options options) {
        int width = b.length + 1;
        int idx = common.length;
        int aStart = a.length; // a.length: no range open
        int aEnd = 0;
        int bStart = 0;
        int bEnd = 0;
        int i = a.length;
        int j = b.length;
        while (i > 0 && j > 0) {
            boolean emit = false;
            if (a[i - 1] == b[j - 1]) {
                common[idx - 1] = a[i - 1];
                if (aStart == a.length) {
                    aStart = aEnd = i - 1;
                    bStart = bEnd = j - 1;
                } else if (aStart == i && bStart == j) {
                    aStart--;
                    bStart--;
                } else {
                    emit = true;
                }
                emit |= aStart == 0 || bStart == 0;
                idx--;
                i--;
                j--;
            } else {
                if (table[(i - 1) * width + j] > table[i * width + j - 1]) {
                    i--;
                } else {
                    j--;
                }
                emit = aStart != a.length;
            }
            if (emit) {
                long matchLen = aEnd - aStart + 1;
                if (options.idx() && (options.minMatchLen() == 0 || matchLen >= options.minMatchLen())) {
                    matches.add(match(aStart, aEnd, bStart, bEnd, options.withMatchLen() ? matchLen : -1));
                }
                aStart = a.length;
            }
        }
    }

    private static Reply match(int aStart, int aEnd, int bStart, int bEnd, long matchLen) {
        List<Reply> match = new ArrayList<>(3);
        match.add(new Reply.Array(List.of(Reply.integer(aStart), Reply.integer(aEnd))));
        match.add(new Reply.Array(List.of(Reply.integer(bStart), Reply.integer(bEnd))));
        if (matchLen >= 0) {
            match.add(Reply.integer(matchLen));
        }
        return new Reply.Array(match);
    }
}
