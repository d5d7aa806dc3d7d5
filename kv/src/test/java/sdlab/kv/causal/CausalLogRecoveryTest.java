package sdlab.kv.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import sdlab.core.Disk;

/** A replica's log across the format change that added per-origin sequence numbers. */
class CausalLogRecoveryTest {
    /** Files in memory; a sync does nothing here, since these tests never crash. */
    private static final class MemoryDisk implements Disk {
        private final Map<String, byte[]> files = new HashMap<>();

        @Override
        public void write(String file, byte[] content) {
            files.put(file, content.clone());
        }

        @Override
        public void append(String file, byte[] bytes) {
            byte[] old = files.getOrDefault(file, new byte[0]);
            byte[] grown = Arrays.copyOf(old, old.length + bytes.length);
            System.arraycopy(bytes, 0, grown, old.length, bytes.length);
            files.put(file, grown);
        }

        @Override
        public Optional<byte[]> read(String file) {
            return Optional.ofNullable(files.get(file)).map(byte[]::clone);
        }

        @Override
        public void delete(String file) {
            files.remove(file);
        }

        @Override
        public SortedSet<String> files() {
            return new TreeSet<>(files.keySet());
        }

        @Override
        public long sync() {
            return 0;
        }
    }

    @Test
    void sequenceNumbersComeBackFromTheLogAndATornTailIsCut() {
        // Shows: each write's origin sequence number survives the log (the replica rebuilds its vector from it), and a
        // half-written last record is dropped and cut from the file.
        MemoryDisk disk = new MemoryDisk();
        CausalWrite first = new CausalWrite("x", 1L, new Version(4, "s2", 3), Context.EMPTY);
        CausalWrite second =
                new CausalWrite("y", "b", new Version(7, "s1", 2), Context.afterWrite("x", first.version()));
        CausalLog.append(disk, first);
        CausalLog.append(disk, second);
        byte[] whole = disk.read(CausalLog.FILE).orElseThrow();
        disk.write(CausalLog.FILE, Arrays.copyOf(whole, whole.length - 5));

        assertThat(CausalLog.recover(disk)).containsExactly(first);
        assertThat(CausalLog.recover(disk).getFirst().version().seq()).isEqualTo(3);
        assertThat(disk.read(CausalLog.FILE).orElseThrow()).hasSize(CausalLog.frame(first).length);
    }

    @Test
    void aLogFromBeforeSequenceNumbersIsRefusedWithWhatToDo() {
        // Shows: a format-1 log cannot say its replicated writes' sequence numbers, so the replica does not guess.
        MemoryDisk disk = new MemoryDisk();
        disk.write(CausalLog.FORMAT_1_FILE, new byte[] {0, 0, 0, 1, 0});

        assertThatThrownBy(() -> CausalLog.recover(disk))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--fresh");
    }
}
