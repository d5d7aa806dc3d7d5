package sdlab.chapters.repl.redundancy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import sdlab.core.Node;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.repl.ArchiveNode;
import sdlab.repl.ColdStandby;
import sdlab.repl.FailoverManager;
import sdlab.repl.ReplClient;
import sdlab.repl.ReplNode;

/**
 * Cold standby: primary p takes every operation and ships its log to an archive every archive timeout; the archive
 * takes a base backup of its own now and then; standby s is not running. The failover manager watches p as for a hot
 * standby; when it promotes s, s starts, restores the latest base backup and the log archived after it, and only then
 * takes writes. A primary it replaced goes cold when it comes back. The maintenance stops the archive, then p (s,
 * which is not running, has nothing to stop).
 */
record ColdStandbyPair() implements Deployment {
    static final NodeId PRIMARY = NodeId.of("p");
    static final NodeId STANDBY = NodeId.of("s");
    static final NodeId ARCHIVE = NodeId.of("archive");
    static final NodeId MANAGER = NodeId.of("manager");
    /** Segments of the archived log a restoring standby fetches per request. */
    private static final int FETCH_ENTRIES_MAX = 1024;
    /** Beyond the boot time, what the manager allows a restore before it checks the new primary. */
    private static final long RESTORE_ALLOWANCE_NANOS = 1_000_000_000L;

    @Override
    public List<NodeId> stores() {
        return List.of(PRIMARY, STANDBY, ARCHIVE);
    }

    @Override
    public List<NodeId> maintained() {
        return List.of(ARCHIVE, PRIMARY);
    }

    @Override
    public Optional<NodeId> manager() {
        return Optional.of(MANAGER);
    }

    @Override
    public Node node(NodeId id, Cast cast) {
        ColdStandby cold = new ColdStandby(
                ARCHIVE,
                cast.values().get(RedundancyParams.ARCHIVE_EVERY).toNanos(),
                cast.values().get(RedundancyParams.BASE_BACKUP_EVERY).toNanos(),
                cast.values().get(RedundancyParams.BOOT).toNanos(),
                false);
        if (id.equals(MANAGER)) {
            long grace = 2 * cold.bootNanos() + RESTORE_ALLOWANCE_NANOS;
            return new FailoverManager(cast.manager(PRIMARY, List.of(PRIMARY, STANDBY), grace));
        }
        if (id.equals(ARCHIVE)) {
            return new ArchiveNode(new ArchiveNode.Settings(PRIMARY, cold.baseBackupEveryNanos(), FETCH_ENTRIES_MAX));
        }
        return new ReplNode(cast.config(PRIMARY, List.of()), cast.ledger(), id.equals(STANDBY) ? cold.standby() : cold);
    }

    @Override
    public Client client(int process, Cast cast) {
        return new ReplClient(ReplClient.Settings.atPrimary(PRIMARY, cast.clientTimeoutNanos()));
    }

    /**
     * The final primary's history: the archived log up to where it was restored from (none if it never was), then
     * its own log.
     */
    @Override
    public Set<String> kept(Function<NodeId, Node> nodes) {
        ReplNode primary = Cast.live(nodes, finalPrimary(nodes), ReplNode.class);
        ArchiveNode archive = Cast.live(nodes, ARCHIVE, ArchiveNode.class);
        if (primary == null || archive == null) {
            return Set.of();
        }
        Set<String> kept = Cast.values(primary.log(), new java.util.HashSet<>());
        archive.log().stream()
                .filter(entry -> entry.position() <= primary.basePosition())
                .forEach(entry -> kept.add(entry.value()));
        return kept;
    }

    @Override
    public NodeId finalPrimary(Function<NodeId, Node> nodes) {
        FailoverManager manager = Cast.live(nodes, MANAGER, FailoverManager.class);
        return manager == null ? PRIMARY : manager.primary();
    }
}
