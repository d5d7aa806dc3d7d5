package sdlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.bench.sim.SimMeasurement;
import sdlab.bench.sim.SimWorkload;

class SimReportTest {

    private static SimReport.Row row(SimWorkload workload, long deliveries, long virtualSeconds) {
        long wall = 1_000_000_000L;
        return new SimReport.Row(
                workload,
                new SimMeasurement(
                        workload.name(),
                        10,
                        wall,
                        wall,
                        deliveries,
                        deliveries,
                        virtualSeconds * wall,
                        deliveries / 10));
    }

    @Test
    void realTimeIsJudgedOnlyOnWorkloadsWhoseClientsThink() {
        // The saturated workload's virtual time says how busy the store is, so the 1,000x target
        // is judged on the chapter-like workload alone; both are judged on deliveries.
        SimReport report = new SimReport(
                new Machine(2, 0.5, "25"),
                8,
                10,
                List.of(row(SimWorkload.quorum(), 2_500_000, 1_100), row(SimWorkload.messageHeavy(), 1_900_000, 30)));

        String targets = report.text()
                .lines()
                .filter(line -> line.startsWith("Targets"))
                .findFirst()
                .orElseThrow();

        assertThat(targets)
                .contains("quorum 2,500,000 (met)")
                .contains("message-heavy 1,900,000 (below)")
                .contains("real time: quorum 1,100x (met).")
                .doesNotContain("message-heavy 30x");
    }
}
