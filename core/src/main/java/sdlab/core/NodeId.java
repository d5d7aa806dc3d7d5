package sdlab.core;

import java.util.Objects;

/** The name of a node or client in a run; ordered by name so that iteration is deterministic. */
public record NodeId(String name) implements Comparable<NodeId> {
    public NodeId {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a node id needs a name");
        }
    }

    public static NodeId of(String name) {
        return new NodeId(name);
    }

    /**
     * Equal names, as a record's generated {@code equals} would say. Written out because ids are the keys of the
     * simulator's busiest maps (an endpoint is looked up by id for every message sent), and the generated methods
     * run through method handles that the compiler does not always inline there.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof NodeId that && name.equals(that.name);
    }

    /** The name's hash code: the value the record's generated method gives for its one component. */
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public int compareTo(NodeId other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
