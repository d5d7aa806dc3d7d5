package sdlab.cache.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The append-only file's fsync policy as a specification: which acknowledgement goes after which
 * sync, how syncs are grouped and skipped, and what a failed write does. The storage here is a
 * script: syncs complete only when the test says so, and appends fail while it is told to.
 */
class AofWriterTest {

    /** A storage whose syncs wait for {@link #completeSync}; it records every call in order. */
    private static final class ScriptedStorage implements AofStorage {
        final List<String> calls = new ArrayList<>();
        final ArrayDeque<SyncDone> syncsInFlight = new ArrayDeque<>();
        final StringBuilder file = new StringBuilder();
        String appendFailure;

        @Override
        public void append(byte[] bytes, int offset, int length) throws IOException {
            if (appendFailure != null) {
                calls.add("append failed");
                throw new IOException(appendFailure);
            }
            file.append(new String(bytes, offset, length, StandardCharsets.UTF_8));
            calls.add("append " + length);
        }

        @Override
        public void syncBeforeReplies(SyncDone done) {
            calls.add("sync before replies");
            syncsInFlight.add(done);
        }

        @Override
        public void syncInBackground(SyncDone done) {
            calls.add("sync in background");
            syncsInFlight.add(done);
        }

        void completeSync() {
            syncsInFlight.removeFirst().synced();
        }

        void failSync(String reason) {
            syncsInFlight.removeFirst().failed(reason);
        }

        /** The commands in the file, as the AOF reader replays them. */
        List<String> commands() throws IOException {
            List<String> commands = new ArrayList<>();
            AofReader.read(
                    new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
                    argv -> commands.add(new String(argv[1], StandardCharsets.UTF_8)));
            return commands;
        }
    }

    /** Acknowledgements by name, as they are sent or withheld. */
    private final List<String> replies = new ArrayList<>();

    private final ScriptedStorage storage = new ScriptedStorage();

    private AofWriter.Acknowledgement reply(String name) {
        return new AofWriter.Acknowledgement() {
            @Override
            public void send() {
                replies.add(name);
            }

            @Override
            public void withhold() {
                replies.add(name + " withheld");
            }
        };
    }

    private static void set(AofWriter writer, String key) {
        writer.append(new byte[][] {"SET".getBytes(), key.getBytes(), "v".getBytes()});
    }

    /** One event-loop iteration of a client's SET: the command, its reply, the flush. */
    private void setAndReply(AofWriter writer, String key) {
        set(writer, key);
        writer.acknowledge(reply(key));
        writer.flush();
    }

    @Test
    void alwaysSendsAnAcknowledgementOnlyAfterASyncCoversItsWriteInOrder() {
        AofWriter writer = new AofWriter(storage, AppendFsync.ALWAYS, false);
        setAndReply(writer, "a");
        assertThat(storage.calls).containsExactly("append 27", "sync before replies");
        assertThat(replies).as("nothing goes before the sync completes").isEmpty();

        storage.completeSync();
        assertThat(replies).containsExactly("a");
    }

    @Test
    void alwaysGroupsTheWritesThatArriveWhileASyncIsInFlightIntoTheNextOne() {
        AofWriter writer = new AofWriter(storage, AppendFsync.ALWAYS, false);
        setAndReply(writer, "a");
        setAndReply(writer, "b");
        setAndReply(writer, "c");
        assertThat(storage.calls)
                .as("b and c are written at once, but wait for the sync after a's")
                .containsExactly("append 27", "sync before replies", "append 27", "append 27");

        storage.completeSync();
        assertThat(replies).containsExactly("a");
        assertThat(storage.calls).endsWith("sync before replies").hasSize(5);

        storage.completeSync();
        assertThat(replies).containsExactly("a", "b", "c");
        assertThat(storage.syncsInFlight).isEmpty();
    }

    @Test
    void aFailedWriteKeepsTheBufferWithholdsWhatAlwaysPromisedAndIsRetried() throws IOException {
        AofWriter writer = new AofWriter(storage, AppendFsync.ALWAYS, false);
        storage.appendFailure = "No space left on device";
        setAndReply(writer, "during");
        assertThat(replies).containsExactly("during withheld");
        assertThat(writer.lastWriteOk()).isFalse();
        assertThat(writer.lastWriteError()).isEqualTo("No space left on device");
        assertThat(writer.pendingBytes()).as("the buffer is kept").isEqualTo(32);

        // While failing, the node refuses writes: a reply that follows no new command acknowledges none.
        writer.acknowledge(reply("MISCONF"));
        writer.flush();
        assertThat(replies).containsExactly("during withheld", "MISCONF");

        storage.appendFailure = null;
        writer.flush(); // the cron's retry
        assertThat(writer.lastWriteOk()).as("only once the sync is done").isFalse();
        storage.completeSync();
        assertThat(writer.lastWriteOk()).isTrue();
        assertThat(writer.pendingBytes()).isZero();
        assertThat(storage.commands()).containsExactly("during");
    }

    @Test
    void aFailedSyncIsNeverRetriedTheFileMustBeRewrittenBeforeWritesResume() {
        // After a failed fsync the kernel may have dropped the pages, so a retried fsync could "succeed" over a file
        // that lacks them: the writer refuses to trust one and waits for the file to be rewritten from memory.
        AofWriter writer = new AofWriter(storage, AppendFsync.ALWAYS, false);
        setAndReply(writer, "a");
        storage.failSync("Input/output error");
        assertThat(replies).containsExactly("a withheld");
        assertThat(writer.lastWriteError()).isEqualTo("Input/output error");
        assertThat(writer.needsRewrite()).isTrue();

        writer.flush();
        writer.tick();
        assertThat(storage.calls).as("no second sync").containsExactly("append 27", "sync before replies");
        assertThat(writer.lastWriteOk()).isFalse();

        writer.storageReplaced();
        assertThat(writer.needsRewrite()).isFalse();
        assertThat(writer.lastWriteOk()).isTrue();
        setAndReply(writer, "b");
        assertThat(storage.calls).endsWith("append 27", "sync before replies");
        storage.completeSync();
        assertThat(replies).containsExactly("a withheld", "b");
    }

    @Test
    void everysecAcknowledgesOnceWrittenAndSyncsOnTheTick() {
        AofWriter writer = new AofWriter(storage, AppendFsync.EVERYSEC, false);
        setAndReply(writer, "a");
        assertThat(replies).containsExactly("a");
        assertThat(storage.calls).containsExactly("append 27");

        writer.tick();
        assertThat(storage.calls).containsExactly("append 27", "sync in background");
        storage.completeSync();
        writer.tick();
        assertThat(storage.calls).as("nothing new to sync").hasSize(2);
    }

    @Test
    void everysecSkipsATickWhileTheLastSyncIsStillRunning() {
        AofWriter writer = new AofWriter(storage, AppendFsync.EVERYSEC, false);
        setAndReply(writer, "a");
        writer.tick();
        setAndReply(writer, "b");
        writer.tick();
        assertThat(storage.calls).containsExactly("append 27", "sync in background", "append 27");

        storage.completeSync();
        writer.tick();
        assertThat(storage.calls).endsWith("sync in background").hasSize(4);
    }

    @Test
    void noNeverAsksForASync() {
        AofWriter writer = new AofWriter(storage, AppendFsync.NO, false);
        setAndReply(writer, "a");
        writer.tick();
        assertThat(replies).containsExactly("a");
        assertThat(storage.calls).containsExactly("append 27");
    }

    @Test
    void thePlantedBugAcknowledgesUnderAlwaysBeforeAnySyncAndSyncsOnlyOnTheTick() {
        AofWriter writer = new AofWriter(storage, AppendFsync.ALWAYS, true);
        setAndReply(writer, "a");
        assertThat(replies).as("acknowledged with nothing synced").containsExactly("a");
        assertThat(storage.calls).containsExactly("append 27");

        writer.tick();
        assertThat(storage.calls).containsExactly("append 27", "sync in background");
    }

    @Test
    void switchingFromAlwaysToEverysecSendsWhatWaited() {
        AofWriter writer = new AofWriter(storage, AppendFsync.ALWAYS, false);
        setAndReply(writer, "a");
        writer.fsync(AppendFsync.EVERYSEC);
        assertThat(replies).containsExactly("a");
    }

    @Test
    void aSyncThatCompletesOnTheSpotSendsTheRepliesOfItsOwnFlush() {
        // The cache node forces its file on the event loop: the sync is done before flush returns.
        AofStorage forcingNow = new AofStorage() {
            @Override
            public void append(byte[] bytes, int offset, int length) {}

            @Override
            public void syncBeforeReplies(SyncDone done) {
                done.synced();
            }

            @Override
            public void syncInBackground(SyncDone done) {
                done.synced();
            }
        };
        AofWriter writer = new AofWriter(forcingNow, AppendFsync.ALWAYS, false);
        setAndReply(writer, "a");
        setAndReply(writer, "b");
        assertThat(replies).containsExactly("a", "b");
    }

    @Test
    void aBufferThatOneHugeBatchGrewIsGivenBackOnceWritten() {
        AofWriter writer = new AofWriter(storage, AppendFsync.NO, false);
        byte[] big = new byte[5 * 1024 * 1024];
        writer.append(new byte[][] {"SET".getBytes(), "big".getBytes(), big});
        assertThat(writer.pendingCapacityBytes()).isGreaterThan(big.length);
        writer.flush();
        assertThat(writer.pendingBytes()).isZero();
        assertThat(writer.pendingCapacityBytes()).isEqualTo(64 * 1024);
    }
}
