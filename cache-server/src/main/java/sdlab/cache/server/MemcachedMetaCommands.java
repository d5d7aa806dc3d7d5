package sdlab.cache.server;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import sdlab.cache.memcached.IncrResult;
import sdlab.cache.memcached.Item;
import sdlab.cache.memcached.MemcachedStore;
import sdlab.cache.memcached.StoreMode;
import sdlab.cache.memcached.StoreResult;

/**
 * The meta commands of memcached 1.6's text protocol, as memcached 1.6.18 answers them:
 * {@code mn} (no-op), {@code mg} (get), {@code ms} (set), {@code md} (delete) and {@code ma}
 * (arithmetic). Each takes one-letter flags, some with a token ({@code T30}, {@code Oabc}), and
 * answers a two-letter status ({@code HD}, {@code VA}, {@code EN}, {@code NF}, {@code NS},
 * {@code EX}) followed by the flags it was asked to return, in the order they were asked.
 *
 * <p>Supported: mg {@code v s f t k c O q T}; ms {@code F T C M c k O q}; md {@code C k O q};
 * ma {@code N J D T M v t c k O q}. Not supported, answered {@code CLIENT_ERROR invalid flag}:
 * base64 keys ({@code b}), stale items and invalidation ({@code I}, {@code X}, {@code W}),
 * lease-style vivification on mg ({@code N}, {@code R}), hit and access reporting ({@code h},
 * {@code l}) and explicit cas setting ({@code E}).
 */
final class MemcachedMetaCommands {
    private static final String BAD_FORMAT = "CLIENT_ERROR bad command line format";
    private static final String INVALID_FLAG = "CLIENT_ERROR invalid flag";
    private static final String BAD_TOKEN = "CLIENT_ERROR bad token in command line format";

    private final MemcachedStore store;

    MemcachedMetaCommands(MemcachedStore store) {
        this.store = store;
    }

    /** How an {@code ms} line was taken: a set waiting for its data block, or refused. */
    sealed interface SetStart permits PendingSet, Refused {}

    /** A meta set waiting for its data block, with what its answer must carry. */
    record PendingSet(StoreMode mode, byte[] key, long flags, long exptime, long cas, int bytes, Flags asked)
            implements SetStart {}

    /** An {@code ms} already answered with an error; its data block, if it announced one, is read and dropped. */
    record Refused(long swallowBytes) implements SetStart {}

    /** One command's flags in the order given; letters that take no token have an empty one. */
    record Flags(List<String> tokens) {
        boolean has(char letter) {
            return token(letter) != null;
        }

        String token(char letter) {
            for (String token : tokens) {
                if (token.charAt(0) == letter) {
                    return token.substring(1);
                }
            }
            return null;
        }

        /** The flags from {@code cmd}'s token {@code from} on, or null if one is not in {@code allowed}. */
        static Flags parse(MemcachedCommandLine cmd, int from, String allowed) {
            List<String> tokens = new ArrayList<>();
            for (int i = from; i < cmd.size(); i++) {
                String token = cmd.text(i);
                if (allowed.indexOf(token.charAt(0)) < 0) {
                    return null;
                }
                tokens.add(token);
            }
            return new Flags(tokens);
        }
    }

    /** {@code mg <key> <flags>*}. */
    void get(MemcachedCommandLine cmd, ByteBuf out) {
        if (cmd.size() < 2) {
            line(out, "ERROR");
            return;
        }
        byte[] key = cmd.key(1);
        Flags asked = Flags.parse(cmd, 2, "vsftkcOqT");
        if (key == null || asked == null) {
            line(out, key == null ? BAD_FORMAT : INVALID_FLAG);
            return;
        }
        Long touchTo = asked.has('T') ? number(asked.token('T')) : null;
        if (asked.has('T') && touchTo == null) {
            line(out, BAD_TOKEN);
            return;
        }
        Item item = store.get(key);
        if (item == null) {
            if (!asked.has('q')) {
                line(out, "EN" + echo(asked, key, null, "Ok"));
            }
            return;
        }
        if (touchTo != null) {
            store.touch(key, touchTo); // t reports the time to live before the touch, as memcached does
        }
        String returned = echo(asked, key, item, "sftkcO");
        if (asked.has('v')) {
            line(out, "VA " + item.value().length + returned);
            out.writeBytes(item.value());
            out.writeBytes(new byte[] {'\r', '\n'});
        } else {
            line(out, "HD" + returned);
        }
    }

    /** {@code ms <key> <datalen> <flags>*}: the set to finish once the data block has arrived, or a refusal already answered. */
    SetStart set(MemcachedCommandLine cmd, ByteBuf out) {
        if (cmd.size() < 3) {
            line(out, cmd.size() < 2 ? "ERROR" : BAD_FORMAT);
            return new Refused(0);
        }
        byte[] key = cmd.key(1);
        long bytes = cmd.unsigned(2, Integer.MAX_VALUE - 2L);
        if (key == null || bytes < 0) {
            line(out, BAD_FORMAT);
            return new Refused(0);
        }
        Refused dropData = new Refused(bytes + 2);
        Flags asked = Flags.parse(cmd, 3, "FTCMckOq");
        if (asked == null) {
            line(out, INVALID_FLAG);
            return dropData;
        }
        StoreMode mode = mode(asked.token('M'));
        Long flags = asked.has('F') ? number(asked.token('F')) : Long.valueOf(0);
        Long exptime = asked.has('T') ? number(asked.token('T')) : Long.valueOf(0);
        Long cas = asked.has('C') ? number(asked.token('C')) : Long.valueOf(0);
        if (mode == null) {
            line(out, "CLIENT_ERROR invalid mode for ms M token");
            return dropData;
        }
        if (flags == null || flags < 0 || exptime == null || cas == null) {
            line(out, BAD_TOKEN);
            return dropData;
        }
        if (bytes > store.itemBytesMax()) {
            line(out, "SERVER_ERROR object too large for cache");
            return dropData;
        }
        StoreMode effective = cas != 0 && mode == StoreMode.SET ? StoreMode.CAS : mode;
        return new PendingSet(effective, key, flags, exptime, cas, (int) bytes, asked);
    }

    /** Stores a meta set's data and answers it. */
    void finishSet(PendingSet set, byte[] data, ByteBuf out) {
        StoreResult result = store.store(set.mode(), set.key(), set.flags(), set.exptime(), data, set.cas());
        String status =
                switch (result) {
                    case STORED -> "HD";
                    case NOT_STORED -> "NS";
                    case EXISTS -> "EX";
                    case NOT_FOUND -> "NF";
                    case TOO_LARGE -> "SERVER_ERROR object too large for cache";
                    case OUT_OF_MEMORY -> "SERVER_ERROR out of memory storing object";
                };
        if (status.equals("HD") && set.asked().has('q')) {
            return;
        }
        Item stored = result == StoreResult.STORED ? store.peek(set.key()) : null;
        line(out, status + echo(set.asked(), set.key(), stored, stored == null ? "Ok" : "Okc"));
    }

    /** {@code md <key> <flags>*}. */
    void delete(MemcachedCommandLine cmd, ByteBuf out) {
        if (cmd.size() < 2) {
            line(out, "ERROR");
            return;
        }
        byte[] key = cmd.key(1);
        Flags asked = Flags.parse(cmd, 2, "CkOq");
        if (key == null || asked == null) {
            line(out, key == null ? BAD_FORMAT : INVALID_FLAG);
            return;
        }
        Long cas = asked.has('C') ? number(asked.token('C')) : Long.valueOf(0);
        if (cas == null) {
            line(out, BAD_TOKEN);
            return;
        }
        String status =
                switch (store.deleteIfCas(key, cas)) {
                    case STORED -> "HD";
                    case EXISTS -> "EX";
                    default -> "NF";
                };
        if (!(status.equals("HD") && asked.has('q'))) {
            line(out, status + echo(asked, key, null, "Ok"));
        }
    }

    /** {@code ma <key> <flags>*}: incr or decr, creating a missing item when asked ({@code N}). */
    void arithmetic(MemcachedCommandLine cmd, ByteBuf out) {
        if (cmd.size() < 2) {
            line(out, "ERROR");
            return;
        }
        byte[] key = cmd.key(1);
        Flags asked = Flags.parse(cmd, 2, "NJDTMvtckOq");
        if (key == null || asked == null) {
            line(out, key == null ? BAD_FORMAT : INVALID_FLAG);
            return;
        }
        String modeToken = asked.token('M');
        Boolean decrement = modeToken == null ? Boolean.FALSE : decrementMode(modeToken);
        Long delta = asked.has('D') ? unsignedNumber(asked.token('D')) : Long.valueOf(1);
        Long initial = asked.has('J') ? unsignedNumber(asked.token('J')) : Long.valueOf(0);
        Long vivifyTtl = asked.has('N') ? number(asked.token('N')) : null;
        Long touchTo = asked.has('T') ? number(asked.token('T')) : null;
        if (decrement == null) {
            line(out, "CLIENT_ERROR invalid mode for ma M token");
            return;
        }
        if (delta == null
                || initial == null
                || (asked.has('N') && vivifyTtl == null)
                || (asked.has('T') && touchTo == null)) {
            line(out, BAD_TOKEN);
            return;
        }
        String value;
        switch (store.increment(key, delta, decrement)) {
            case IncrResult.Value v -> value = v.text();
            case IncrResult.NonNumeric nonNumeric -> {
                line(out, "CLIENT_ERROR cannot increment or decrement non-numeric value");
                return;
            }
            case IncrResult.NotFound notFound -> {
                if (vivifyTtl == null) {
                    line(out, "NF" + echo(asked, key, null, "Ok"));
                    return;
                }
                value = Long.toUnsignedString(initial);
                store.store(StoreMode.ADD, key, 0, vivifyTtl, value.getBytes(StandardCharsets.US_ASCII), 0);
            }
        }
        if (touchTo != null) {
            store.touch(key, touchTo);
        }
        String returned = echo(asked, key, store.peek(key), "Oktc");
        if (asked.has('v')) {
            line(out, "VA " + value.length() + returned);
            line(out, value);
        } else {
            line(out, "HD" + returned);
        }
    }

    /**
     * The flags a reply returns, in the order they were asked, among {@code returnable}: the
     * opaque token ({@code O}), the key ({@code k}), and, of a live {@code item}, its size
     * ({@code s}), client flags ({@code f}), time to live ({@code t}) and cas unique ({@code c}).
     */
    private String echo(Flags asked, byte[] key, Item item, String returnable) {
        StringBuilder returned = new StringBuilder();
        for (String token : asked.tokens()) {
            char letter = token.charAt(0);
            if (returnable.indexOf(letter) < 0) {
                continue;
            }
            String text =
                    switch (letter) {
                        case 'O' -> token;
                        case 'k' -> "k" + new String(key, StandardCharsets.ISO_8859_1);
                        case 's' -> item == null ? null : "s" + item.value().length;
                        case 'f' -> item == null ? null : "f" + item.flags();
                        case 't' -> item == null ? null : "t" + store.ttlSeconds(item);
                        case 'c' -> item == null ? null : "c" + item.cas();
                        default -> null;
                    };
            if (text != null) {
                returned.append(' ').append(text);
            }
        }
        return returned.toString();
    }

    private static StoreMode mode(String token) {
        if (token == null) {
            return StoreMode.SET;
        }
        return switch (token) {
            case "S", "s" -> StoreMode.SET;
            case "E", "e" -> StoreMode.ADD;
            case "A", "a" -> StoreMode.APPEND;
            case "P", "p" -> StoreMode.PREPEND;
            case "R", "r" -> StoreMode.REPLACE;
            default -> null;
        };
    }

    private static Boolean decrementMode(String token) {
        return switch (token) {
            case "I", "i", "+" -> Boolean.FALSE;
            case "D", "d", "-" -> Boolean.TRUE;
            default -> null;
        };
    }

    /** A signed decimal token, or null. */
    private static Long number(String token) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An unsigned 64-bit decimal token, or null. */
    private static Long unsignedNumber(String token) {
        try {
            return Long.parseUnsignedLong(token);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void line(ByteBuf out, String text) {
        out.writeCharSequence(text, StandardCharsets.ISO_8859_1);
        out.writeBytes(new byte[] {'\r', '\n'});
    }
}
