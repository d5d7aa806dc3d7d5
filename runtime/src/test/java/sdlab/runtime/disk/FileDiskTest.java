package sdlab.runtime.disk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.runtime.disk.ForceLog.Expected;
import sdlab.runtime.disk.ForceLog.Failed;
import sdlab.runtime.disk.ForceLog.ForcedFile;
import sdlab.runtime.disk.ForceLog.Synced;

/** {@link FileDisk} keeps the {@link sdlab.core.Disk} contract over real files, and reports a sync only after the device has it. */
class FileDiskTest {
    @TempDir
    Path directory;

    private final ExecutorService syncer = Executors.newSingleThreadExecutor();
    private final List<FileDisk> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws InterruptedException {
        syncer.shutdownNow();
        assertThat(syncer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        opened.forEach(FileDisk::close);
    }

    // ---- the Disk contract ----

    @Test
    void readsSeeEveryWriteBeforeAnySync() throws IOException {
        FileDisk disk = open(new ForceLog());

        assertThat(disk.read("log")).isEmpty();
        disk.append("log", bytes("a"));
        disk.append("log", bytes("b"));
        assertThat(text(disk.read("log"))).isEqualTo("ab");

        disk.write("log", bytes("replaced"));
        assertThat(text(disk.read("log"))).isEqualTo("replaced");
        disk.append("log", bytes("+more"));
        assertThat(text(disk.read("log"))).isEqualTo("replaced+more");

        disk.write("snapshot", bytes("s1"));
        assertThat(disk.files()).containsExactly("log", "snapshot");
        disk.delete("log");
        disk.delete("never-existed");
        assertThat(disk.read("log")).isEmpty();
        assertThat(disk.files()).containsExactly("snapshot");
    }

    @Test
    void aRestartReadsBackWhatWasWrittenAndAppendsGoOnAtTheEnd() throws Exception {
        ForceLog first = new ForceLog();
        FileDisk before = open(first);
        before.append("log", bytes("one,"));
        before.append("log", bytes("two,"));
        before.write("meta", bytes("term=3"));
        before.write("gone", bytes("soon deleted"));
        before.delete("gone");
        first.awaitReport(before.sync());
        before.close();

        FileDisk after = open(new ForceLog());
        assertThat(after.files()).containsExactly("log", "meta");
        assertThat(text(after.read("log"))).isEqualTo("one,two,");
        assertThat(text(after.read("meta"))).isEqualTo("term=3");
        after.append("log", bytes("three,"));
        assertThat(text(after.read("log"))).isEqualTo("one,two,three,");
    }

    @Test
    void dotFilesAreHiddenAndLeftoverTemporaryFilesAreRemovedOnOpen() throws IOException {
        Files.writeString(directory.resolve("state"), "old");
        // A crash between the temporary file and the rename: the old content stands.
        Files.writeString(directory.resolve(".write-state"), "half of the new");
        Files.writeString(directory.resolve(".sdlab-node"), "");
        Files.createDirectory(directory.resolve("subdirectory"));

        FileDisk disk = open(new ForceLog());

        assertThat(directory.resolve(".write-state")).doesNotExist();
        assertThat(directory.resolve(".sdlab-node")).exists();
        assertThat(disk.files()).containsExactly("state");
        assertThat(text(disk.read("state"))).isEqualTo("old");
        disk.write("state", bytes("new"));
        assertThat(disk.files()).containsExactly("state");
        assertThat(text(disk.read("state"))).isEqualTo("new");
    }

    static Stream<String> badNames() {
        return Stream.of("", ".hidden", ".write-state", "../escape", "a/b", "a\\b", "with space", "é", "x".repeat(201));
    }

    @ParameterizedTest
    @MethodSource("badNames")
    void aNameANodeMayNotUseIsRefusedWithAClearMessage(String name) throws IOException {
        FileDisk disk = open(new ForceLog());
        String message = "'" + name + "' is not a file name a node may use";

        assertThatThrownBy(() -> disk.append(name, bytes("x"))).hasMessageStartingWith(message);
        assertThatThrownBy(() -> disk.write(name, bytes("x"))).hasMessageStartingWith(message);
        assertThatThrownBy(() -> disk.read(name)).hasMessageStartingWith(message);
        assertThatThrownBy(() -> disk.delete(name)).hasMessageStartingWith(message);
        assertThat(disk.files()).isEmpty();
        try (Stream<Path> entries = Files.list(directory)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void syncIdsIncreaseAndAreReportedOnceEachInOrder() throws Exception {
        ForceLog log = new ForceLog();
        FileDisk disk = open(log);
        List<Long> issued = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            disk.append("file-" + (i % 3), bytes("entry " + i));
            issued.add(disk.sync());
        }
        log.awaitReport(issued.getLast());

        assertThat(issued).isSorted().doesNotHaveDuplicates();
        assertThat(issued.getFirst()).isPositive();
        assertThat(log.syncedIds()).isEqualTo(issued);
    }

    // ---- a sync is reported only after the device has it ----

    /**
     * For every sync, each file appended to since the previous one was forced, and the directory
     * too when a file was created, replaced or deleted, before {@code synced(id)} was called.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void onSyncedFollowsARealForceOfEverythingTheSyncCovers(long seed) throws Exception {
        ForceLog log = new ForceLog();
        Map<Long, Expected> expected = runScenario(open(log), log, seed);

        assertThat(expected.values()).anyMatch(sync -> !sync.files().isEmpty());
        assertThat(expected.values()).anyMatch(Expected::directory);
        assertThat(log.violations(expected)).isEmpty();
        assertThat(log.events).noneMatch(Failed.class::isInstance);
    }

    static Stream<Arguments> plantedBugs() {
        return Stream.of(
                Arguments.of("forgets the directory", (Function<ForceLog, FileDisk.Forcer>) SkipsDirectory::new),
                Arguments.of("forgets the files", (Function<ForceLog, FileDisk.Forcer>) SkipsFiles::new),
                Arguments.of("reports before forcing", (Function<ForceLog, FileDisk.Forcer>) ForcesLate::new));
    }

    /** The check above is not vacuous: a disk that reports a sync it has not (fully) forced fails it. */
    @ParameterizedTest(name = "a disk that {0} is caught")
    @MethodSource("plantedBugs")
    void theCheckCatchesASyncReportedBeforeItsForces(String bug, Function<ForceLog, FileDisk.Forcer> planted)
            throws Exception {
        ForceLog log = new ForceLog();
        FileDisk disk = FileDisk.open(directory, syncer, log, planted.apply(log));
        opened.add(disk);

        Map<Long, Expected> expected = runScenario(disk, log, 1);

        assertThat(log.violations(expected)).as(bug).isNotEmpty();
    }

    /** A crash between the rename and the next sync must find the new content whole, so it is forced first. */
    @Test
    void aReplacementIsForcedBeforeItIsRenamedOverTheOldFile() throws Exception {
        ForceLog log = new ForceLog();
        List<String> seenWhileForcing = new ArrayList<>();
        FileDisk.Forcer watching = new FileDisk.Forcer() {
            @Override
            public void forceFile(Path file, FileChannel channel) throws IOException {
                log.forceFile(file, channel);
                Path state = directory.resolve("state");
                seenWhileForcing.add(file.getFileName() + " forced while state holds "
                        + (Files.exists(state) ? Files.readString(state) : "nothing"));
            }

            @Override
            public void forceDirectory(Path directory) throws IOException {
                log.forceDirectory(directory);
            }
        };
        FileDisk disk = FileDisk.open(directory, syncer, log, watching);
        opened.add(disk);
        disk.write("state", bytes("v1"));
        disk.write("state", bytes("v2"));

        assertThat(seenWhileForcing)
                .containsExactly(
                        ".write-state forced while state holds nothing", ".write-state forced while state holds v1");
        assertThat(log.events).containsExactly(new ForcedFile(".write-state"), new ForcedFile(".write-state"));
        assertThat(text(disk.read("state"))).isEqualTo("v2");
        assertThat(directory.resolve(".write-state")).doesNotExist();
    }

    static Stream<Arguments> failingForces() {
        IOException cause = new IOException("the device is gone");
        return Stream.of(
                Arguments.of("a file", new Failing(cause, true, false), cause),
                Arguments.of("the directory", new Failing(cause, false, true), cause));
    }

    /** After a failed fsync the kernel may have dropped the pages: the node hears failed, never synced. */
    @ParameterizedTest(name = "failing to force {0}")
    @MethodSource("failingForces")
    void aFailedForceIsReportedAsFailedAndNeverAsSynced(String what, FileDisk.Forcer failing, IOException cause)
            throws Exception {
        ForceLog log = new ForceLog();
        FileDisk disk = FileDisk.open(directory, syncer, log, failing);
        opened.add(disk);
        disk.append("new-file", bytes("x"));

        long failed = disk.sync();
        log.awaitReport(failed);
        long next = log.sync(disk);
        log.awaitReport(next);

        assertThat(log.reportOn(failed)).isEqualTo(new Failed(failed, cause));
        assertThat(log.syncedIds()).containsExactly(next);
    }

    static Stream<Arguments> changesDuringASync() {
        return Stream.of(
                Arguments.of("deletes", (DiskChange) disk -> disk.delete("log")),
                Arguments.of("replaces", (DiskChange) disk -> disk.write("log", bytes("replacement"))));
    }

    /**
     * The node may delete or replace a file while the syncer is forcing it. The sync must still
     * end in {@code synced}, not an exception lost on the syncer thread nor a {@code failed} that
     * would stop the node, and the appends it covers must have reached the device: until the
     * next sync the deletion or rename may not be durable, and a crash would bring the old file
     * back.
     */
    @ParameterizedTest(name = "a sync in flight while the node {0} the file")
    @MethodSource("changesDuringASync")
    void aSyncInFlightSurvivesTheNodeDeletingOrReplacingTheFile(String change, DiskChange whileForcing)
            throws Exception {
        ForceLog log = new ForceLog();
        PausesOnFile paused = new PausesOnFile("log", log);
        FileDisk disk = FileDisk.open(directory, syncer, log, paused);
        opened.add(disk);
        disk.write("log", bytes("existing,"));
        log.awaitReport(disk.sync());

        disk.append("log", bytes("acknowledged,"));
        long inFlight = log.sync(disk);
        assertThat(paused.entered.await(10, TimeUnit.SECONDS)).isTrue();
        whileForcing.apply(disk);
        paused.release.countDown();
        log.awaitReport(inFlight);
        long next = log.sync(disk);
        log.awaitReport(next);

        assertThat(log.reportOn(inFlight)).isEqualTo(new Synced(inFlight));
        assertThat(log.reportOn(next)).isEqualTo(new Synced(next));
        assertThat(log.violations(
                        Map.of(inFlight, new Expected(Set.of("log"), false), next, new Expected(Set.of(), true))))
                .isEmpty();
    }

    // ---- the scenario and its model ----

    /**
     * Seeded appends, writes and deletes over a few files, with a sync every few steps; returns
     * what each sync must force, from a model of which files exist.
     */
    private static Map<Long, Expected> runScenario(FileDisk disk, ForceLog log, long seed) throws Exception {
        Random random = new Random(seed);
        List<String> names = List.of("a", "b", "c", "d");
        Set<String> existing = new HashSet<>();
        Set<String> appended = new HashSet<>();
        boolean directoryChanged = false;
        Map<Long, Expected> expected = new HashMap<>();
        long lastSyncId = 0;
        for (int step = 0; step < 200; step++) {
            String name = names.get(random.nextInt(names.size()));
            int choice = random.nextInt(10);
            if (choice < 5) {
                disk.append(name, bytes("step " + step + ";"));
                directoryChanged |= existing.add(name);
                appended.add(name);
            } else if (choice < 7) {
                disk.write(name, bytes("state at step " + step));
                existing.add(name);
                appended.remove(name);
                directoryChanged = true;
            } else if (choice < 8) {
                disk.delete(name);
                directoryChanged |= existing.remove(name);
                appended.remove(name);
            } else {
                lastSyncId = log.sync(disk);
                expected.put(lastSyncId, new Expected(Set.copyOf(appended), directoryChanged));
                appended.clear();
                directoryChanged = false;
            }
        }
        lastSyncId = log.sync(disk);
        expected.put(lastSyncId, new Expected(Set.copyOf(appended), directoryChanged));
        log.awaitReport(lastSyncId);
        return expected;
    }

    private FileDisk open(ForceLog log) throws IOException {
        FileDisk disk = FileDisk.open(directory, syncer, log, log);
        opened.add(disk);
        return disk;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static String text(Optional<byte[]> content) {
        assertThat(content).isPresent();
        return new String(content.get(), UTF_8);
    }

    @FunctionalInterface
    interface DiskChange {
        void apply(FileDisk disk);
    }

    // ---- forcers: planted bugs, a failing device, a pause ----

    /** A disk that never forces its directory. */
    private record SkipsDirectory(FileDisk.Forcer real) implements FileDisk.Forcer {
        @Override
        public void forceFile(Path file, FileChannel channel) throws IOException {
            real.forceFile(file, channel);
        }

        @Override
        public void forceDirectory(Path directory) {}
    }

    /** A disk that forces the directory but no file. */
    private record SkipsFiles(FileDisk.Forcer real) implements FileDisk.Forcer {
        @Override
        public void forceFile(Path file, FileChannel channel) {}

        @Override
        public void forceDirectory(Path directory) throws IOException {
            real.forceDirectory(directory);
        }
    }

    /**
     * A disk that starts its forces and reports without waiting for them: each force runs only
     * when the next one is asked for, after the sync that needed it has been reported.
     */
    private static final class ForcesLate implements FileDisk.Forcer {
        private final FileDisk.Forcer real;
        private final List<ForceAction> started = new ArrayList<>();

        ForcesLate(FileDisk.Forcer real) {
            this.real = real;
        }

        @Override
        public void forceFile(Path file, FileChannel channel) {
            later(() -> real.forceFile(file, channel));
        }

        @Override
        public void forceDirectory(Path directory) {
            later(() -> real.forceDirectory(directory));
        }

        private synchronized void later(ForceAction force) {
            for (ForceAction earlier : started) {
                try {
                    earlier.run();
                } catch (IOException tooLate) {
                    // The channel is closed by now: this disk's bug is being late, not failing.
                }
            }
            started.clear();
            started.add(force);
        }
    }

    @FunctionalInterface
    private interface ForceAction {
        void run() throws IOException;
    }

    /** A device that fails to force files, the directory, or both. */
    private record Failing(IOException cause, boolean files, boolean directory) implements FileDisk.Forcer {
        @Override
        public void forceFile(Path file, FileChannel channel) throws IOException {
            if (files) {
                throw cause;
            }
        }

        @Override
        public void forceDirectory(Path directory) throws IOException {
            if (this.directory) {
                throw cause;
            }
        }
    }

    /** Holds the syncer inside the force of one file until the test releases it. */
    private static final class PausesOnFile implements FileDisk.Forcer {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final String name;
        private final FileDisk.Forcer real;

        PausesOnFile(String name, FileDisk.Forcer real) {
            this.name = name;
            this.real = real;
        }

        @Override
        public void forceFile(Path file, FileChannel channel) throws IOException {
            if (file.getFileName().toString().equals(name)) {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while paused", e);
                }
            }
            real.forceFile(file, channel);
        }

        @Override
        public void forceDirectory(Path directory) throws IOException {
            real.forceDirectory(directory);
        }
    }
}
