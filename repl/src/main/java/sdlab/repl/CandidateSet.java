package sdlab.repl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import sdlab.core.Disk;
import sdlab.core.NodeId;
import sdlab.repl.ReplConfig.Bug;

/**
 * The failover manager's membership: the store's nodes it started with, the replicas added since, and how many of
 * them must report their positions before one is promoted ({@link #answersMin()}). The added replicas are kept in the
 * manager's file {@value #FILE}, so a manager that restarts waits for as many answers as before.
 *
 * <h2>Why the answers grow with the candidates</h2>
 *
 * <p>A commit acknowledged under semi-sync (AFTER_SYNC, semi-sync on) or a synchronous level with {@code k}
 * acknowledgements is held by at least {@code k} of the {@code C} replicas the primary counts. The manager promotes
 * the most advanced of {@code A} answers. If {@code A + k > C}, the answers and the acknowledgers share a replica
 * (there are not enough replicas for them to be apart), and since every replica's log is a prefix of the primary's,
 * the most advanced answer holds everything that one holds: the promoted node has every acknowledged commit. The
 * smallest such {@code A} is {@code C - k + 1}.
 *
 * <p>Adding a replica makes {@code C} one larger and leaves {@code k} as it was (the primary's wait count does not
 * change). Kept as it was, {@code A} would be exactly {@code C - k}: the answers could come from precisely the
 * replicas that lack a commit, say a commit that only the new replica acknowledged while the two old ones lagged. So
 * {@code A} grows by one with each added candidate: the number of candidates that may stay silent stays the same.
 *
 * <h2>Why the manager learns first</h2>
 *
 * <p>The bound holds only if every replica whose acknowledgement the primary counts is a candidate the manager counts.
 * So the join is ordered: the operator registers the new replica here ({@link ReplMessages.AddCandidate}), the manager
 * syncs the grown set and confirms, and only then does the operator tell the replica to join; the primary counts a
 * replica only once it has asked for a snapshot. The other way round there would be a moment when a commit counted
 * the new replica's acknowledgement and a failover did not wait for it. Counting a candidate whose acknowledgements the
 * primary does not count yet (it is still loading, or never joined) asks for more answers than needed: safe, at the
 * cost of one silent replica fewer that a failover tolerates.
 *
 * <h2>What it does not cover</h2>
 *
 * <p>Asynchronous commits, and semi-sync commits after its timeout, wait for no replica: no number of answers keeps
 * them. With {@code A = 1} for those (MHA's way), growing {@code A} is more caution than they need, which costs a
 * failover one answer more; the manager cannot tell why {@code A} was chosen, and errs on the safe side. A node still
 * loading its snapshot answers {@link ReplMessages.Status#LOADING}: its answer counts (it acknowledged nothing, so it is
 * one of the replicas the bound allows to lack a commit) but it is never promoted. Once loaded it
 * answers the position it reached, and is promoted only if it is the most advanced: then it holds everything the
 * others hold.
 */
final class CandidateSet {
    /** The manager's file of added candidates, one name a line. */
    static final String FILE = "failover-candidates";

    private final List<NodeId> started;
    private final int answersMinAtStart;
    private final Bug bug;
    private final List<NodeId> added = new ArrayList<>();

    private CandidateSet(List<NodeId> started, int answersMinAtStart, Bug bug) {
        this.started = List.copyOf(started);
        this.answersMinAtStart = answersMinAtStart;
        this.bug = bug;
    }

    /** The set as the manager's disk holds it: the start's nodes and every addition that was synced. */
    static CandidateSet recover(List<NodeId> started, int answersMinAtStart, Bug bug, Disk disk) {
        CandidateSet set = new CandidateSet(started, answersMinAtStart, bug);
        String text = disk.read(FILE)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse("");
        // Only whole lines: the file is rewritten whole and synced, but a torn tail must not name a half node.
        int end = text.lastIndexOf('\n');
        if (end >= 0) {
            text.substring(0, end + 1).lines().map(NodeId::of).forEach(set::add);
        }
        return set;
    }

    /** Every node of the store, the primary included, in the order they joined. */
    List<NodeId> nodes() {
        List<NodeId> nodes = new ArrayList<>(started);
        nodes.addAll(added);
        return nodes;
    }

    boolean contains(NodeId node) {
        return started.contains(node) || added.contains(node);
    }

    /** How many candidates must answer before one is promoted: one more than at the start for each one added. */
    int answersMin() {
        return bug == Bug.ANSWERS_MIN_FIXED ? answersMinAtStart : answersMinAtStart + added.size();
    }

    /**
     * Writes the set with {@code candidate} added and asks for a sync; the caller {@link #add}s it once the sync
     * completes. Returns the sync's id.
     */
    long persistWith(NodeId candidate, Disk disk) {
        StringBuilder text = new StringBuilder();
        added.forEach(node -> text.append(node.name()).append('\n'));
        text.append(candidate.name()).append('\n');
        disk.write(FILE, text.toString().getBytes(StandardCharsets.UTF_8));
        return disk.sync();
    }

    /** Counts {@code candidate} from now on (once its addition is durable). */
    void add(NodeId candidate) {
        if (!contains(candidate)) {
            added.add(candidate);
        }
    }
}
