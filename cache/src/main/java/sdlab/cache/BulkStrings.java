package sdlab.cache;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The items of a {@link Reply.Array} that are all bulk strings, kept as the byte arrays
 * themselves: what LRANGE answers. A reply of 600 elements then costs one array of references
 * instead of 600 {@link Reply.Bulk} records and a list (they were most of what the node
 * allocated under redis-benchmark's LRANGE tests, and so most of its young collections).
 *
 * <p>To anyone reading it as a {@code List<Reply>} it looks like a list of {@link Reply.Bulk},
 * made on demand; the RESP encoder recognises it and writes the arrays directly. The array is
 * a snapshot taken when the command ran (a reply queued by MULTI must not change with the key),
 * and it is not copied again: nobody may change it afterwards.
 */
public final class BulkStrings extends AbstractList<Reply> implements RandomAccess {
    private final byte[][] items;

    private BulkStrings(byte[][] items) {
        this.items = items;
    }

    /** An array reply of these strings; {@code items} is kept, not copied, and must not change. */
    public static Reply.Array reply(byte[][] items) {
        return new Reply.Array(new BulkStrings(items));
    }

    @Override
    public Reply get(int index) {
        return new Reply.Bulk(items[index]);
    }

    /** The string at {@code index}, without a {@link Reply.Bulk} around it. */
    public byte[] bytes(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }
}
