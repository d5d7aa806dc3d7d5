package sdlab.repl;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.repl.ArchiveMessages.Archived;
import sdlab.repl.ArchiveMessages.BaseBackup;
import sdlab.repl.ArchiveMessages.Fetch;
import sdlab.repl.ArchiveMessages.Segment;
import sdlab.repl.ReplTimers.BaseBackupDue;

/**
 * A cold standby's archive: where the primary's log goes while the standby is not running (a WAL archive, a backup
 * server). It appends the segments its source ships, syncs them and then confirms them ({@link Archived}); every
 * {@code baseBackupEveryNanos} it takes a base backup of the state its log makes; and it serves a standby being
 * restored the latest base backup and the log after it. It takes segments from one source: the primary named at the
 * start, and from then on the last node that fetched a base backup, so that a replaced primary cannot add to the
 * history its successor continues. It never purges its log.
 *
 * <p>Files: the log in {@value #LOG_FILE}, the base backup in {@value #BASE_FILE}, the source in {@value
 * #SOURCE_FILE}; a restart recovers them and applies the log again.
 */
public final class ArchiveNode implements Node {
    static final String LOG_FILE = "archive-log";
    static final String BASE_FILE = "archive-base";
    static final String SOURCE_FILE = "archive-source";

    /**
     * @param source the primary whose log the archive takes at the start
     * @param baseBackupEveryNanos how often it takes a base backup
     * @param fetchEntriesMax entries per segment it sends a standby being restored
     */
    public record Settings(NodeId source, long baseBackupEveryNanos, int fetchEntriesMax) {
        public Settings {
            Objects.requireNonNull(source, "source");
            if (baseBackupEveryNanos <= 0 || fetchEntriesMax < 1) {
                throw new IllegalArgumentException("the base backup interval and the fetch bound must be positive");
            }
        }
    }

    private final Settings settings;
    private ReplLog log;
    private KvState state;
    private BaseBackup base;
    private NodeId source;

    public ArchiveNode(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        log = ReplLog.recover(ctx.disk(), LOG_FILE, 0, 0);
        state = new KvState();
        state.applyUpTo(log, log.lastPosition());
        base = BaseBackupFile.read(ctx.disk(), BASE_FILE).orElse(new BaseBackup(0, 0, 0, List.of()));
        source = ctx.disk()
                .read(SOURCE_FILE)
                .map(bytes -> NodeId.of(new String(bytes, StandardCharsets.UTF_8)))
                .orElse(settings.source());
        ctx.setTimer(Duration.ofNanos(settings.baseBackupEveryNanos()), new BaseBackupDue());
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (!(message instanceof ArchiveMessages archive)) {
            return;
        }
        switch (archive) {
            case Segment segment when from.equals(source) -> onSegment(segment, ctx);
            case Fetch fetch
            when fetch.afterPosition() < 0 -> {
                // A standby is being restored to take over: its history continues this archive's from now on.
                source = from;
                ctx.disk().write(SOURCE_FILE, from.name().getBytes(StandardCharsets.UTF_8));
                ctx.disk().sync();
                ctx.note("restoring " + from + " from the base backup at " + base.position()
                        + "; the archive takes its log from it from now on");
                ctx.send(from, base);
            }
            case Fetch fetch ->
                ctx.send(
                        from,
                        new Segment(log.slice(
                                fetch.afterPosition() + 1, log.durablePosition(), settings.fetchEntriesMax())));
            default -> {} // a segment from a replaced primary, or a message meant for others
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (timer instanceof BaseBackupDue) {
            if (state.appliedPosition() > base.position()) {
                long offset = log.offsetBytesAt(state.appliedPosition());
                base = new BaseBackup(state.appliedPosition(), state.appliedCommitNanos(), offset, state.pairs());
                BaseBackupFile.write(ctx.disk(), BASE_FILE, base);
                ctx.disk().sync(); // a crash before it keeps the previous base, which the log still continues
            }
            ctx.setTimer(Duration.ofNanos(settings.baseBackupEveryNanos()), new BaseBackupDue());
        }
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        if (log.onSynced(syncId, ctx.disk(), ctx.nowNanos()) >= 0) {
            state.applyUpTo(log, log.durablePosition());
            ctx.send(source, new Archived(log.durablePosition()));
        }
    }

    /** The archived log, in order. */
    public List<Entry> log() {
        return log.entries();
    }

    /** The position of the latest base backup (0 before any). */
    public long basePosition() {
        return base.position();
    }

    /** Appends what follows the log, drops duplicates, stops at a gap; confirms once synced (at once if nothing new). */
    private void onSegment(Segment segment, NodeContext ctx) {
        boolean appended = false;
        for (Entry entry : segment.entries()) {
            if (entry.position() == log.lastPosition() + 1) {
                log.append(entry, ctx.disk());
                appended = true;
            } else if (entry.position() > log.lastPosition() + 1) {
                break; // an earlier segment was lost: the source sends again from what this archive confirms
            }
        }
        if (appended) {
            log.syncSoon(ctx.disk(), ctx.nowNanos());
        } else {
            ctx.send(source, new Archived(log.durablePosition()));
        }
    }
}
