package sdlab.cache.persist;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * The append-only file's writer and its fsync policy: what Redis's {@code feedAppendOnlyFile},
 * {@code flushAppendOnlyFile} and its background fsync decide, as one pure, single-threaded class.
 * The cache node runs it over real files; chapter 11 runs it over the simulator's disk. Both
 * only carry bytes to an {@link AofStorage} and calls back in; every decision is made here.
 *
 * <h2>Writes</h2>
 *
 * {@link #append} encodes a command into the pending buffer ({@link RespCommandWriter}).
 * {@link #flush} writes the whole buffer in one append, once per event-loop iteration, before the
 * iteration's replies go out. A failed append leaves the buffer as it was, to be appended again
 * at the next flush; the node refuses writes meanwhile ({@link #lastWriteOk}, MISCONF). A buffer
 * that one large batch grew is given back once written, so its memory stays bounded by what one
 * iteration produces.
 *
 * <h2>Syncs, by {@link AppendFsync}</h2>
 *
 * <ul>
 *   <li><b>always</b>: each flush that wrote something asks for a sync before replies. While one
 *       is in flight, later writes wait for the next, which starts when it completes and covers
 *       all of them (Redis groups them per iteration in the same way).
 *   <li><b>everysec</b>: {@link #tick}, once a second, asks for a background sync if anything
 *       written is not yet durable, and skips the tick while a sync is still running (Redis
 *       postpones it too).
 *   <li><b>no</b>: the writer never asks; the operating system writes back when it likes.
 * </ul>
 *
 * <h2>Acknowledgements</h2>
 *
 * A reply that acknowledges writes is handed to {@link #acknowledge}; it covers the commands
 * appended since the previous acknowledgement (a reply that follows no new command covers none
 * and goes at the next flush). With {@code always} it is sent once a sync covering its commands
 * completed, in order; if their append or sync failed it is withheld, never sent: the client
 * learns nothing, which is the truth (the write may or may not be on disk). With {@code everysec}
 * and {@code no} it is sent at the flush that wrote its commands, whether or not the write
 * worked, as Redis does.
 *
 * <h2>A failed sync</h2>
 *
 * A sync before replies that fails is not retried: after a failed fsync, Linux may have dropped
 * the dirty pages or marked them clean, so a second fsync can succeed while the bytes never reach
 * the disk (PostgreSQL's "fsyncgate", 2018). The file can no longer be trusted to hold what was
 * written, so the writer stays failing, and the node refuses writes, until the file is replaced by
 * a rewrite from memory ({@link #needsRewrite}, {@link #storageReplaced}). Redis exits instead.
 *
 * <h2>The planted bug</h2>
 *
 * {@code acksBeforeFsync} is the one switch that both worlds' crash tests must catch: with {@code
 * always}, acknowledgements go out as soon as their commands are written, and the file is synced
 * only by the once-a-second tick, as if the policy were everysec. A power loss or machine crash
 * then loses acknowledged writes.
 */
public final class AofWriter {
    /** The pending buffer's size when empty, and the size above which a written buffer is given back. */
    private static final int PENDING_BYTES_INITIAL = 64 * 1024;

    private static final int PENDING_BYTES_KEPT_MAX = 4 * 1024 * 1024;
    /**
     * Acknowledgements waiting for a sync: one per flush on the node, one per write in flight in
     * the chapter. Far more means syncs never complete, a programmer error.
     */
    private static final int ACKS_WAITING_MAX = 1_000_000;

    /** An acknowledgement that covers no command. */
    private static final long COVERS_NOTHING = -1;

    private final AofStorage storage;
    private final boolean acksBeforeFsync;
    private final GrowableBytes pending = new GrowableBytes(PENDING_BYTES_INITIAL);
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();

    private AppendFsync fsync;
    /** Bytes appended to the storage so far; the pending buffer continues from here. */
    private long writtenBytes;
    /** The end of the commands the last acknowledgement covered. */
    private long acknowledgedThroughBytes;
    /** Written bytes that a completed sync covers. */
    private long durableBytes;
    /** Written bytes that a sync before replies, completed or in flight, covers. */
    private long syncRequestedBytes;

    private boolean syncBeforeRepliesInFlight;
    private boolean syncInBackgroundInFlight;
    /**
     * The last append or sync before replies failed. An append that works ends it; with {@code
     * always}, only a sync before replies after it does, since only then is the file what was promised.
     */
    private boolean failing;

    /** A sync before replies failed: the file may lack written bytes until a rewrite replaces it. */
    private boolean fileUntrusted;

    private String lastWriteError;

    /** A reply that acknowledges writes, sent or withheld as the policy decides. */
    public interface Acknowledgement {
        /** The commands it acknowledges are as durable as the policy promises: send it. */
        void send();

        /** Its commands could not be written or synced: never send it. */
        void withhold();
    }

    private record Waiting(long coversBytes, Acknowledgement ack) {}

    /**
     * @param storage where the file goes
     * @param fsync when it is synced; {@link #fsync(AppendFsync)} changes it later
     * @param acksBeforeFsync the planted bug (see the class comment); false but in tests that must fail
     */
    public AofWriter(AofStorage storage, AppendFsync fsync, boolean acksBeforeFsync) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.fsync = Objects.requireNonNull(fsync, "fsync");
        this.acksBeforeFsync = acksBeforeFsync;
    }

    /** Encodes one command into the pending buffer; nothing reaches the storage before {@link #flush}. */
    public void append(byte[][] argv) {
        RespCommandWriter.write(pending, argv);
    }

    /** Hands over a reply that acknowledges the commands appended since the previous one. */
    public void acknowledge(Acknowledgement ack) {
        long appended = appendedBytes();
        long covers = appended > acknowledgedThroughBytes ? appended : COVERS_NOTHING;
        acknowledgedThroughBytes = appended;
        if (waiting.size() >= ACKS_WAITING_MAX) {
            throw new IllegalStateException(ACKS_WAITING_MAX + " acknowledgements wait for a sync that never comes");
        }
        waiting.addLast(new Waiting(covers, ack));
    }

    /**
     * Writes the pending buffer and, with {@code always}, asks for the sync the replies wait for;
     * then sends or withholds what may be decided. Runs before each batch of replies.
     */
    public void flush() {
        write();
        if (syncsBeforeAcks()) {
            syncBeforeRepliesIfBehind();
        }
        settle();
    }

    /** Once a second: everysec's background sync, unless one is still running. */
    public void tick() {
        if (syncsOnTick() && writtenBytes > durableBytes && !syncBeforeRepliesInFlight && !syncInBackgroundInFlight) {
            syncInBackgroundInFlight = true;
            storage.syncInBackground(new Completion(writtenBytes, false));
        }
    }

    /**
     * Writes the buffer and asks for a sync before replies whatever the policy: for a new file and
     * before shutting down. Whether it worked shows in {@link #lastWriteOk} once the sync is done.
     */
    public void syncNow() {
        write();
        if (!syncBeforeRepliesInFlight && pending.size() == 0 && (writtenBytes > durableBytes || failing)) {
            requestSyncBeforeReplies();
        }
        settle();
    }

    /** The storage now holds everything written so far durably (a rewritten file, synced and renamed in place). */
    public void storageReplaced() {
        durableBytes = writtenBytes;
        syncRequestedBytes = Math.max(syncRequestedBytes, writtenBytes);
        fileUntrusted = false;
        if (pending.size() == 0) {
            failing = false;
        }
        settle();
    }

    /**
     * True after a sync before replies failed: only a file rewritten from memory holds for sure what was written, so
     * the node rewrites it before it accepts writes again.
     */
    public boolean needsRewrite() {
        return fileUntrusted;
    }

    public AppendFsync fsync() {
        return fsync;
    }

    /** CONFIG SET appendfsync: acknowledgements still waiting follow the new policy. */
    public void fsync(AppendFsync policy) {
        this.fsync = Objects.requireNonNull(policy, "policy");
        settle();
    }

    /** False while the last append or sync before replies failed: the node refuses writes. */
    public boolean lastWriteOk() {
        return !failing;
    }

    /** Why the last append or sync failed, while {@link #lastWriteOk} is false; otherwise null. */
    public String lastWriteError() {
        return lastWriteOk() ? null : lastWriteError;
    }

    /** Bytes encoded so far: written, then pending. */
    public long appendedBytes() {
        return writtenBytes + pending.size();
    }

    /** Encoded bytes not yet written. */
    public int pendingBytes() {
        return pending.size();
    }

    /** The pending buffer's capacity, to show that it is given back. */
    int pendingCapacityBytes() {
        return pending.capacity();
    }

    private boolean syncsBeforeAcks() {
        return fsync == AppendFsync.ALWAYS && !acksBeforeFsync;
    }

    private boolean syncsOnTick() {
        return fsync == AppendFsync.EVERYSEC || (fsync == AppendFsync.ALWAYS && acksBeforeFsync);
    }

    private void write() {
        int length = pending.size();
        if (length == 0) {
            return;
        }
        try {
            storage.append(pending.array(), 0, length);
        } catch (IOException e) {
            failing = true;
            lastWriteError = e.getMessage() == null ? e.toString() : e.getMessage();
            return;
        }
        writtenBytes += length;
        if (!syncsBeforeAcks() && !fileUntrusted) {
            failing = false;
        }
        pending.clear(PENDING_BYTES_KEPT_MAX, PENDING_BYTES_INITIAL);
    }

    private void syncBeforeRepliesIfBehind() {
        // Nothing to sync while the buffer could not be written: the retry of the append comes first. Nor after a
        // failed sync: another one could succeed without the lost pages (see the class comment).
        if (!fileUntrusted
                && !syncBeforeRepliesInFlight
                && pending.size() == 0
                && (writtenBytes > syncRequestedBytes || failing)) {
            requestSyncBeforeReplies();
        }
    }

    private void requestSyncBeforeReplies() {
        syncBeforeRepliesInFlight = true;
        syncRequestedBytes = writtenBytes;
        storage.syncBeforeReplies(new Completion(writtenBytes, true));
    }

    /** Sends, in order, what the policy allows now; withholds what can no longer be sent. */
    private void settle() {
        while (!waiting.isEmpty()) {
            Waiting first = waiting.peekFirst();
            if (first.coversBytes() == COVERS_NOTHING || !syncsBeforeAcks() || first.coversBytes() <= durableBytes) {
                waiting.pollFirst().ack().send();
            } else if (!lastWriteOk()) {
                waiting.pollFirst().ack().withhold();
            } else {
                return; // waits for the sync in flight, or the next one
            }
        }
    }

    /** The end of one sync, covering the first {@code coversBytes} written. */
    private final class Completion implements AofStorage.SyncDone {
        private final long coversBytes;
        private final boolean beforeReplies;
        private boolean done;

        Completion(long coversBytes, boolean beforeReplies) {
            this.coversBytes = coversBytes;
            this.beforeReplies = beforeReplies;
        }

        @Override
        public void synced() {
            finish();
            durableBytes = Math.max(durableBytes, coversBytes);
            if (beforeReplies && pending.size() == 0 && !fileUntrusted) {
                failing = false;
            }
            settle();
            if (syncsBeforeAcks()) {
                syncBeforeRepliesIfBehind(); // the writes that came while this sync ran
            }
        }

        @Override
        public void failed(String reason) {
            finish();
            if (!beforeReplies) {
                return; // everysec: the next tick tries again; no reply waited for this one
            }
            failing = true;
            fileUntrusted = true;
            lastWriteError = reason;
            settle();
        }

        private void finish() {
            if (done) {
                throw new IllegalStateException("a sync reported its end twice");
            }
            done = true;
            if (beforeReplies) {
                syncBeforeRepliesInFlight = false;
            } else {
                syncInBackgroundInFlight = false;
            }
        }
    }
}
