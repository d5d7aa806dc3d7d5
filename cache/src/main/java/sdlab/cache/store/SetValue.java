package sdlab.cache.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of binary members. They sit in a dense array with a map from member to position, so
 * that a random member (SPOP, SRANDMEMBER) costs O(1) as in Redis; a removal moves the last
 * member into the gap. Iteration follows the array: deterministic for a given history of
 * changes, though not insertion order once members were removed.
 */
public final class SetValue implements Value {
    private final Map<Key, Integer> positions = new HashMap<>();
    private final List<Key> dense = new ArrayList<>();
    private long memberBytes;

    @Override
    public ValueType type() {
        return ValueType.SET;
    }

    @Override
    public long sizeBytes() {
        return MemoryAccounting.MAP_OBJECT_BYTES + memberBytes;
    }

    public int size() {
        return dense.size();
    }

    /** Adds {@code member}; returns true if it was not there. */
    public boolean add(Key member) {
        if (positions.putIfAbsent(member, dense.size()) != null) {
            return false;
        }
        dense.add(member);
        memberBytes += MemoryAccounting.setMemberBytes(member.length());
        return true;
    }

    /** Removes {@code member}; returns true if it was there. */
    public boolean remove(Key member) {
        Integer at = positions.remove(member);
        if (at == null) {
            return false;
        }
        Key last = dense.remove(dense.size() - 1);
        if (at < dense.size()) {
            dense.set(at, last);
            positions.put(last, at);
        }
        memberBytes -= MemoryAccounting.setMemberBytes(member.length());
        return true;
    }

    public boolean contains(Key member) {
        return positions.containsKey(member);
    }

    /** The member at {@code index} of the iteration order, in O(1): how random members are drawn. */
    public Key member(int index) {
        return dense.get(index);
    }

    /** A read-only view of the members, in iteration order. */
    public List<Key> members() {
        return Collections.unmodifiableList(dense);
    }
}
