package sdlab.cache.store;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** A set of binary members, iterated in insertion order (deterministic). */
public final class SetValue implements Value {
    private final Set<Key> members = new LinkedHashSet<>();
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
        return members.size();
    }

    /** Adds {@code member}; returns true if it was not there. */
    public boolean add(Key member) {
        if (!members.add(member)) {
            return false;
        }
        memberBytes += MemoryAccounting.setMemberBytes(member.length());
        return true;
    }

    /** Removes {@code member}; returns true if it was there. */
    public boolean remove(Key member) {
        if (!members.remove(member)) {
            return false;
        }
        memberBytes -= MemoryAccounting.setMemberBytes(member.length());
        return true;
    }

    public boolean contains(Key member) {
        return members.contains(member);
    }

    /** A read-only view of the members, in insertion order. */
    public Set<Key> members() {
        return Collections.unmodifiableSet(members);
    }
}
