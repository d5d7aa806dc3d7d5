package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The power-loss file layer keeps exactly what a disk would: forced bytes, and names whose directory was synced. */
class PowerLossFilesTest {
    @TempDir
    Path root;

    private Path dir;
    private PowerLossFiles files;

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createDirectories(root.resolve("node"));
        files = new PowerLossFiles(root.resolve("kept-aside"));
    }

    @Test
    void bytesAppendedAfterTheLastForceAreGone() throws IOException {
        // The first append was forced and survives; the second was only in the page cache.
        Path log = dir.resolve("log");
        Files.writeString(log, "on disk;");
        try (AppendChannel channel = files.openForAppend(log)) {
            channel.append(bytes("forced;"));
            channel.force(false);
            channel.append(bytes("cached;"));
            files.cutPower();
        }
        assertThat(files.rebootDisk()).containsExactly("log: 7 unforced bytes dropped, 15 kept");
        assertThat(Files.readString(log)).isEqualTo("on disk;forced;");
    }

    @Test
    void aNewFileIsGoneUntilItsDirectoryIsSynced() throws IOException {
        // Forcing a new file's bytes is not enough: its name is in the directory, which was never synced.
        Path fresh = dir.resolve("fresh");
        try (AppendChannel channel = files.openForAppend(fresh)) {
            channel.append(bytes("data"));
            channel.force(true);
        }
        files.cutPower();
        files.rebootDisk();
        assertThat(fresh).doesNotExist();

        try (AppendChannel channel = files.openForAppend(fresh)) {
            channel.append(bytes("data"));
            channel.force(true);
        }
        files.syncDirectory(dir);
        files.cutPower();
        files.rebootDisk();
        assertThat(fresh).hasContent("data");
    }

    @Test
    void aRenameNotFollowedByADirectorySyncIsUndone() throws IOException {
        // The old file comes back whole, and the new one (never durable under any name) is gone.
        Path target = dir.resolve("appendonly.aof");
        Files.writeString(target, "old");
        Path temp = dir.resolve("temp-new");
        try (AppendChannel channel = files.create(temp)) {
            channel.append(bytes("new"));
            channel.force(true);
        }
        files.rename(temp, target);
        files.cutPower();
        assertThat(files.rebootDisk())
                .contains("appendonly.aof: a rename over it was never synced to the directory; the old file is back");
        assertThat(target).hasContent("old");
        assertThat(temp).doesNotExist();
    }

    @Test
    void aRenameFollowedByADirectorySyncStays() throws IOException {
        // DurableFiles.replace renames then syncs the directory: the new file survives.
        Path target = dir.resolve("appendonly.aof");
        Files.writeString(target, "old");
        Path temp = dir.resolve("temp-new");
        try (AppendChannel channel = files.create(temp)) {
            channel.append(bytes("new"));
            channel.force(true);
        }
        DurableFiles.replace(files, temp, target);
        files.cutPower();
        assertThat(files.rebootDisk()).isEmpty();
        assertThat(target).hasContent("new");
    }

    @Test
    void nothingIsWrittenOrForcedOnceThePowerIsOff() throws IOException {
        // A node still running after the cut cannot sneak bytes onto the disk.
        Path log = dir.resolve("log");
        try (AppendChannel channel = files.openForAppend(log)) {
            files.syncDirectory(dir);
            files.cutPower();
            assertThatThrownBy(() -> channel.append(bytes("late"))).hasMessageContaining("power is off");
            assertThatThrownBy(() -> channel.force(false)).hasMessageContaining("power is off");
        }
        files.rebootDisk();
        assertThat(log).hasContent("");
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
