package sdlab.ledger.profile;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The profile as a CRDT map (an observed-remove map in the style of Riak's maps and of delta-state CRDTs): each
 * single-valued field is a multi-value register and the list field an add-wins set. Every value carries the dot
 * {@code (replica, counter)} of the write that made it; one causal context (a version vector, since replicas always
 * exchange whole states) records every dot a state has seen. A write to a field replaces the values its replica has
 * seen there; a merge keeps a value if both sides hold it or if the side without it has never seen its dot. Edits
 * of different fields therefore never touch each other; only edits of the same field made without seeing each other
 * leave two values, which the application reads as a conflict. Removing an interest drops the entries of that value
 * the replica holds and nothing else: their dots stay in the context, so a merge with a copy that still holds them
 * drops them there too (observed-remove), while an add the remover had not seen has a dot outside its context and
 * survives (add wins). No tombstone is kept: the context is the record of what was removed.
 *
 * @param entries per field, its values with their dots
 * @param context every dot this state has seen
 */
public record CrdtProfileState(SortedMap<String, SortedSet<Entry>> entries, VersionVector context)
        implements ProfileState {

    /** One value of a field and the write that made it. */
    public record Entry(String replica, long counter, String value) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int order = replica.compareTo(other.replica);
            return order != 0 ? order : Long.compare(counter, other.counter);
        }
    }

    public CrdtProfileState {
        TreeMap<String, SortedSet<Entry>> copy = new TreeMap<>();
        entries.forEach((field, values) -> copy.put(field, Collections.unmodifiableSortedSet(new TreeSet<>(values))));
        entries = Collections.unmodifiableSortedMap(copy);
    }

    static CrdtProfileState initial() {
        TreeMap<String, SortedSet<Entry>> entries = new TreeMap<>();
        Profile.FIELDS.forEach(field -> entries.put(field, new TreeSet<>()));
        return new CrdtProfileState(entries, VersionVector.empty());
    }

    /** Replica {@code replica} applies {@code edit}: a removal drops the entries it holds, any other edit gets a new dot. */
    CrdtProfileState write(Profile.Edit edit, String replica) {
        if (edit.removes()) {
            TreeMap<String, SortedSet<Entry>> next = new TreeMap<>(entries);
            TreeSet<Entry> values = new TreeSet<>(entries.get(edit.field()));
            values.removeIf(entry -> entry.value().equals(edit.value()));
            next.put(edit.field(), values);
            return new CrdtProfileState(next, context);
        }
        long counter = context.get(replica) + 1;
        TreeMap<String, SortedSet<Entry>> next = new TreeMap<>(entries);
        TreeSet<Entry> values = edit.field().equals(Profile.INTERESTS)
                ? new TreeSet<>(entries.get(edit.field()))
                : new TreeSet<>(); // a register's new value replaces every value this replica has seen
        values.add(new Entry(replica, counter, edit.value()));
        next.put(edit.field(), values);
        return new CrdtProfileState(next, context.with(replica, counter));
    }

    @Override
    public ProfileState merge(ProfileState other, ProfileConfig.Bug bug) {
        CrdtProfileState theirs = (CrdtProfileState) other;
        TreeMap<String, SortedSet<Entry>> next = new TreeMap<>();
        for (String field : Profile.FIELDS) {
            SortedSet<Entry> mine = entries.get(field);
            SortedSet<Entry> their = theirs.entries.get(field);
            TreeSet<Entry> kept = new TreeSet<>();
            if (bug == ProfileConfig.Bug.CRDT_MERGE_AS_UNION) {
                // The planted bug: every value either side holds survives, as if the context did not exist.
                kept.addAll(mine);
                kept.addAll(their);
                next.put(field, kept);
                continue;
            }
            mine.stream()
                    .filter(e -> their.contains(e) || !theirs.context.covers(e.replica, e.counter))
                    .forEach(kept::add);
            their.stream()
                    .filter(e -> mine.contains(e) || !context.covers(e.replica, e.counter))
                    .forEach(kept::add);
            next.put(field, kept);
        }
        return new CrdtProfileState(next, context.join(theirs.context));
    }

    @Override
    public long metadataBytes() {
        long dots = entries.values().stream().mapToLong(SortedSet::size).sum();
        return dots * VersionVector.ENTRY_BYTES + context.metadataBytes();
    }

    @Override
    public String canonical() {
        return toString();
    }

    @Override
    public Candidates candidates() {
        TreeMap<String, SortedSet<String>> values = new TreeMap<>();
        int most = 1;
        for (String field : Profile.SCALAR_FIELDS) {
            TreeSet<String> held = new TreeSet<>();
            entries.get(field).forEach(e -> held.add(e.value()));
            if (held.isEmpty()) {
                held.add(Profile.UNSET);
            }
            values.put(field, held);
            most = Math.max(most, held.size());
        }
        TreeSet<String> interests = new TreeSet<>();
        entries.get(Profile.INTERESTS).forEach(e -> interests.add(e.value()));
        return new Candidates(most, values, interests);
    }
}
