package sdlab.bench.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class PorcupineTimesTest {
    @Test
    void readsOneTimePerHistoryAndSkipsComments() {
        // Comment lines are skipped; bare etcd names live in the etcd folder, kv names carry their folder.
        var times = PorcupineTimes.parse(
                List.of("# Porcupine check times", "# total 0.74 s", "etcd_002.log 0.41", "", "kv/c01-ok.txt 0.00"));

        assertThat(times).containsExactly(entry("etcd/etcd_002.log", 0.41), entry("kv/c01-ok.txt", 0.0));
    }

    @Test
    void aMalformedLineIsNamed() {
        // A line that is not '<history> <seconds>' is rejected with its number.
        assertThatThrownBy(() -> PorcupineTimes.parse(List.of("# header", "etcd_000.log fast")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("etcd_000.log fast");
    }

    @Test
    void aNegativeTimeIsMalformed() {
        // Seconds cannot be negative.
        assertThatThrownBy(() -> PorcupineTimes.parse(List.of("etcd_000.log -1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
    }
}
