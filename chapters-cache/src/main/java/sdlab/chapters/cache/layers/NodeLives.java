package sdlab.chapters.cache.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import sdlab.core.Node;
import sdlab.core.NodeFactory;

/**
 * Every object one node had over a run: one, unless a fork crashed it and it restarted as a fresh object. What a node
 * counts in memory (bytes sent, lookups, pages read) then adds up over its lives, so the chapter's measure covers the
 * whole run, not only the part after the last restart.
 *
 * @param <T> the node's class
 */
final class NodeLives<T extends Node> {
    private final List<T> lives = new ArrayList<>();
    private final Supplier<T> make;

    NodeLives(Supplier<T> make) {
        this.make = make;
    }

    /** The factory the simulation calls at the start and after each crash. */
    NodeFactory factory() {
        return id -> {
            T node = make.get();
            lives.add(node);
            return node;
        };
    }

    /** {@code counter} summed over every life. */
    long sum(ToLongFunction<T> counter) {
        return lives.stream().mapToLong(counter).sum();
    }
}
