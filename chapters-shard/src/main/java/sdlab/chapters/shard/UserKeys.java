package sdlab.chapters.shard;

/**
 * The keys of the chapter's social graph: user ids written with eight digits ({@code u00000042}), so that string
 * order is id order and a range of ids is a range of keys. Ids from {@code --keys} on are new users, created in order
 * as time-ordered ids are.
 */
public final class UserKeys {
    private UserKeys() {}

    private static final int DIGITS = 8;

    /** {@code u} and the id with leading zeros to eight digits; written out because it runs for every key. */
    public static String of(long id) {
        if (id < 0 || id >= 100_000_000L) {
            throw new IllegalArgumentException("a user id has at most eight digits, got " + id);
        }
        char[] text = new char[DIGITS + 1];
        text[0] = 'u';
        long rest = id;
        for (int i = DIGITS; i >= 1; i--) {
            text[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return new String(text);
    }
}
