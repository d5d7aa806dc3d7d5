package sdlab.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import sdlab.core.NodeId;

/**
 * Which directed links a network partition cuts while it lasts. Only links between the ids it
 * names are cut: a client is affected only if it is named.
 */
public sealed interface Partition {

    /** Whether a message from {@code from} to {@code to} is dropped while this partition lasts. */
    boolean cuts(NodeId from, NodeId to);

    /** A short stable description, e.g. {@code {n1, n2} | {n3, n4, n5}}. */
    String describe();

    /** Every id this partition names. */
    SortedSet<NodeId> nodes();

    /** Cuts both directions between every member of {@code a} and every member of {@code b}. */
    static Partition between(Set<NodeId> a, Set<NodeId> b) {
        return new Between(new TreeSet<>(a), new TreeSet<>(b));
    }

    /** Cuts only the direction from each of {@code from} to each of {@code to}. */
    static Partition oneWay(Set<NodeId> from, Set<NodeId> to) {
        return new OneWay(new TreeSet<>(from), new TreeSet<>(to));
    }

    /** Cuts {@code node} off from every other id in {@code all}, both ways. */
    static Partition isolate(NodeId node, Collection<NodeId> all) {
        TreeSet<NodeId> others = new TreeSet<>(all);
        others.remove(node);
        return new Between(new TreeSet<>(Set.of(node)), others);
    }

    /**
     * Splits {@code nodes} into a random minority (at most half minus one, at least one) and the
     * majority, cut from each other both ways.
     */
    static Partition majorityMinority(List<NodeId> nodes, RandomGenerator random) {
        if (nodes.size() < 2) {
            throw new IllegalArgumentException("a partition needs at least two nodes, got " + nodes);
        }
        List<NodeId> shuffled = new ArrayList<>(new TreeSet<>(nodes));
        for (int i = shuffled.size() - 1; i > 0; i--) {
            Collections.swap(shuffled, i, random.nextInt(i + 1));
        }
        int minoritySize = Math.max(1, (shuffled.size() - 1) / 2);
        return new Between(
                new TreeSet<>(shuffled.subList(0, minoritySize)),
                new TreeSet<>(shuffled.subList(minoritySize, shuffled.size())));
    }

    /** A symmetric partition between two disjoint groups. */
    record Between(SortedSet<NodeId> a, SortedSet<NodeId> b) implements Partition {
        public Between {
            a = sortedCopy(a, "a");
            b = sortedCopy(b, "b");
            requireDisjoint(a, b);
        }

        @Override
        public boolean cuts(NodeId from, NodeId to) {
            return (a.contains(from) && b.contains(to)) || (b.contains(from) && a.contains(to));
        }

        @Override
        public String describe() {
            return group(a) + " | " + group(b);
        }

        @Override
        public SortedSet<NodeId> nodes() {
            return union(a, b);
        }
    }

    /** A one-way partition: messages from {@code from} to {@code to} are dropped, replies pass. */
    record OneWay(SortedSet<NodeId> from, SortedSet<NodeId> to) implements Partition {
        public OneWay {
            from = sortedCopy(from, "from");
            to = sortedCopy(to, "to");
            requireDisjoint(from, to);
        }

        @Override
        public boolean cuts(NodeId sender, NodeId receiver) {
            return from.contains(sender) && to.contains(receiver);
        }

        @Override
        public String describe() {
            return group(from) + " -> " + group(to);
        }

        @Override
        public SortedSet<NodeId> nodes() {
            return union(from, to);
        }
    }

    private static SortedSet<NodeId> sortedCopy(Set<NodeId> ids, String name) {
        Objects.requireNonNull(ids, name);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(
                    "each side of a partition needs at least one node: " + name + " is empty");
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(ids));
    }

    private static void requireDisjoint(Set<NodeId> a, Set<NodeId> b) {
        for (NodeId id : a) {
            if (b.contains(id)) {
                throw new IllegalArgumentException("the sides of a partition must not overlap; both name " + id);
            }
        }
    }

    private static String group(Set<NodeId> ids) {
        return ids.toString().replace('[', '{').replace(']', '}');
    }

    private static SortedSet<NodeId> union(Set<NodeId> a, Set<NodeId> b) {
        TreeSet<NodeId> all = new TreeSet<>(a);
        all.addAll(b);
        return Collections.unmodifiableSortedSet(all);
    }
}
