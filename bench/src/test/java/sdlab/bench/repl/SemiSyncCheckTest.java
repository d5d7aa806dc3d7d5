package sdlab.bench.repl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SemiSyncCheckTest {
    @Test
    void aRunCountsAsSemiSyncOnlyIfStillOnAndEveryCommitWasAcknowledged() {
        assertThat(SemiSyncCheck.of("ON", 120, 0, 120)).isEmpty();
        assertThat(SemiSyncCheck.of("OFF", 120, 0, 120)).hasValue("semi-sync status was OFF, not ON");
        assertThat(SemiSyncCheck.of("ON", 100, 0, 120)).hasValue("yes-tx grew by 100 for 120 commits");
        assertThat(SemiSyncCheck.of("ON", 120, 3, 120))
                .hasValue("3 commits went through without a replica's acknowledgement (no-tx)");
    }
}
