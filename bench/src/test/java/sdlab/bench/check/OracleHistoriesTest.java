package sdlab.bench.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OracleHistoriesTest {
    @TempDir
    Path work;

    /** The shared oracle folder; the calling test is skipped, saying where it looked, if it is absent. */
    static Path sharedPorcupine() {
        List<Path> candidates = OracleFolder.candidates(
                Optional.empty(), System.getProperty("sdlab.root"), OracleFolder.defaultStarts());
        Optional<Path> found = OracleFolder.find(candidates);
        assumeTrue(found.isPresent(), "no ../shared/oracles/porcupine; looked in " + candidates);
        return found.get();
    }

    @Test
    void everyHistoryPorcupineTimedIsFoundWithItsTime() throws IOException {
        // Each history PORCUPINE-TIMES.txt names is on disk, with its model, verdict and Porcupine time.
        Path porcupine = sharedPorcupine();
        var named = PorcupineTimes.parse(Files.readAllLines(porcupine.resolve(OracleFolder.TIMES_FILE)));

        List<OracleHistory> histories = OracleHistories.load(porcupine);

        assertThat(named).hasSizeGreaterThanOrEqualTo(54);
        assertThat(histories).extracting(OracleHistory::name).containsAll(named.keySet());
        for (OracleHistory history : histories) {
            if (named.containsKey(history.name())) {
                assertThat(history.porcupineSeconds()).hasValue(named.get(history.name()));
            }
            assertThat(Files.isRegularFile(history.file())).isTrue();
        }
        assertThat(histories).filteredOn(h -> h.name().startsWith("etcd/")).allMatch(h -> h.model()
                .equals("cas-register"));
        assertThat(histories)
                .filteredOn(h -> h.name().startsWith("kv/"))
                .allMatch(h -> h.model().equals("key-value")
                        && h.linearizable() == h.name().endsWith("-ok.txt"));
    }

    @Test
    void theSlowestPorcupineHistoryIsValid() throws IOException {
        // etcd_002 takes Porcupine longest (0.41 s) and is linearizable, as VERDICTS.txt says.
        var etcd002 = OracleHistories.load(sharedPorcupine()).stream()
                .filter(h -> h.name().equals("etcd/etcd_002.log"))
                .findFirst()
                .orElseThrow();

        assertThat(etcd002.linearizable()).isTrue();
        assertThat(etcd002.porcupineSeconds()).hasValue(0.41);
    }

    @Test
    void aTimedHistoryThatIsMissingIsNamed() throws IOException {
        // PORCUPINE-TIMES.txt naming a file the folder lacks is an error that names it.
        Files.createDirectories(work.resolve("etcd"));
        Files.writeString(work.resolve(OracleFolder.TIMES_FILE), "etcd_007.log 0.30\n");

        assertThatThrownBy(() -> OracleHistories.load(work))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("etcd/etcd_007.log");
    }

    @Test
    void anEtcdLogWithoutAVerdictIsNamed() throws IOException {
        // Every etcd log needs its verdict: the benchmark also reports whether verdicts agree.
        Files.createDirectories(work.resolve("etcd"));
        Files.writeString(work.resolve(OracleFolder.TIMES_FILE), "");
        Files.writeString(work.resolve("etcd/VERDICTS.txt"), "0 true\n");
        Files.writeString(work.resolve("etcd/etcd_001.log"), "");

        assertThatThrownBy(() -> OracleHistories.load(work))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("etcd_001.log");
    }
}
