package sdlab.coord.tree;

import java.util.List;

/**
 * A getChildren2 answer: the children's names, sorted (ZooKeeper returns them in its hash
 * set's order, which no client may rely on; sorted is one of the orders it could give), and
 * the parent's Stat.
 */
public record ChildList(List<String> names, Stat stat) {
    public ChildList {
        names = List.copyOf(names);
    }
}
