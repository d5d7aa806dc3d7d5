package sdlab.kv.quorum;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import sdlab.core.NodeId;

/**
 * Which nodes an operation on a key goes to: the preference list (strict quorum), or the first
 * N nodes believed up on the ring walk, each stand-in carrying a hint for the preference-list
 * node it replaces (sloppy quorum).
 */
final class Placement {
    /** Keys whose ring walks are remembered; walks of further keys are computed every time. */
    static final int WALKS_CACHED_MAX = 4096;

    private final HashRing ring;
    private final QuorumConfig config;
    /**
     * Ring walks by key. Every operation needs its key's walk, and computing one hashes the key
     * and builds a set and a list; workloads touch few keys, so a bounded map saves that work.
     */
    private final Map<String, List<NodeId>> walks = new HashMap<>();
    /** The preference list of each key as targets, for the strict quorum, cached like the walks. */
    private final Map<String, List<Target>> owners = new HashMap<>();

    Placement(HashRing ring, QuorumConfig config) {
        this.ring = ring;
        this.config = config;
    }

    /** The targets of an operation on {@code key}, in contact order; the list is not to be changed. */
    List<Target> targets(String key, Predicate<NodeId> believedUp) {
        if (!config.sloppy()) {
            return owners(key);
        }
        List<NodeId> walk = walk(key);
        List<NodeId> preference = walk.subList(0, config.n());
        List<Target> targets = new ArrayList<>();
        Deque<NodeId> replaced = new ArrayDeque<>();
        for (NodeId node : preference) {
            if (believedUp.test(node)) {
                targets.add(Target.owner(node));
            } else {
                replaced.add(node);
            }
        }
        for (NodeId node : walk.subList(config.n(), walk.size())) {
            if (replaced.isEmpty()) {
                break;
            }
            if (believedUp.test(node)) {
                targets.add(Target.standIn(node, replaced.poll()));
            }
        }
        // Too few nodes believed up: ask the owners anyway, since suspicion can be wrong.
        replaced.forEach(node -> targets.add(Target.owner(node)));
        return targets;
    }

    /**
     * A sloppy quorum's next stand-in for {@code silent}: the first node past the preference list
     * that is believed up and not yet contacted.
     */
    Optional<Target> standInFor(String key, Target silent, Collection<NodeId> contacted, Predicate<NodeId> believedUp) {
        if (!config.sloppy()) {
            return Optional.empty();
        }
        List<NodeId> walk = walk(key);
        for (NodeId node : walk.subList(config.n(), walk.size())) {
            if (!contacted.contains(node) && believedUp.test(node)) {
                return Optional.of(Target.standIn(node, silent.intendedOwner()));
            }
        }
        return Optional.empty();
    }

    private List<Target> owners(String key) {
        List<Target> targets = owners.get(key);
        if (targets == null) {
            targets =
                    walk(key).subList(0, config.n()).stream().map(Target::owner).toList();
            if (owners.size() < WALKS_CACHED_MAX) {
                owners.put(key, targets);
            }
        }
        return targets;
    }

    private List<NodeId> walk(String key) {
        List<NodeId> walk = walks.get(key);
        if (walk == null) {
            walk = ring.walk(key);
            if (walks.size() < WALKS_CACHED_MAX) {
                walks.put(key, walk);
            }
        }
        return walk;
    }
}
