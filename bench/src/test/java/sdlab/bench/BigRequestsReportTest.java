package sdlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.bench.peer.BigRequestComparison.Memory;

/** The big-request report's verdict on issue 11's "RSS returns near its baseline after the attackers leave". */
class BigRequestsReportTest {
    private static final long MIB_IN_KIB = 1024;

    @Test
    void memoryWithinSlackOfTheBaselineIsBack() {
        String line = BigRequestsReport.rssAfterAttackLine(
                new Memory(1192 * MIB_IN_KIB, 1709 * MIB_IN_KIB, 935 * MIB_IN_KIB),
                new Memory(12 * MIB_IN_KIB, 389 * MIB_IN_KIB, 12 * MIB_IN_KIB));
        assertThat(line).contains("-257 MiB").contains("redis-server +0 MiB").contains("met");
    }

    @Test
    void memoryKeptAfterTheAttackIsAMiss() {
        // The figures of the run before chunks: a 512 MiB array left behind by the one client not evicted.
        String line = BigRequestsReport.rssAfterAttackLine(
                new Memory(438 * MIB_IN_KIB, 955 * MIB_IN_KIB, 954 * MIB_IN_KIB),
                new Memory(12 * MIB_IN_KIB, 389 * MIB_IN_KIB, 12 * MIB_IN_KIB));
        assertThat(line).contains("+516 MiB").contains("missed");
    }
}
