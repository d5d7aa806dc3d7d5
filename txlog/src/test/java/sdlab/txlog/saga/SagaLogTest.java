package sdlab.txlog.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;

/** Reading the saga log back gives each saga's last position, which is where a restarted orchestrator resumes. */
class SagaLogTest {

    @Test
    void replayResumesEachSagaWhereItsLastRecordLeftIt() {
        // Shows: one saga forward at step 2, one compensating at step 0, one ended; a torn last line is ignored.
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        NodeId client = NodeId.of("client");
        log.writeBytes(SagaLog.begun(SagaRun.begin("a", 10, 1, client)));
        log.writeBytes(SagaLog.begun(SagaRun.begin("b", 2000, 1, client)));
        log.writeBytes(SagaLog.begun(SagaRun.begin("c", 10, 1, client)));
        log.writeBytes(SagaLog.stepDone("a", 0));
        log.writeBytes(SagaLog.stepDone("a", 1));
        log.writeBytes(SagaLog.stepDone("b", 0));
        log.writeBytes(SagaLog.compensationBegun("b", 0));
        log.writeBytes(SagaLog.stepDone("c", 0));
        log.writeBytes(SagaLog.ended("c", SagaOutcome.DONE));
        log.writeBytes("D a 2".getBytes(StandardCharsets.UTF_8)); // torn: no newline, never synced whole

        Map<String, SagaRun> runs = SagaLog.replay(log.toByteArray());

        assertThat(runs.get("a").compensating()).isFalse();
        assertThat(runs.get("a").step()).isEqualTo(2);
        assertThat(runs.get("b").compensating()).isTrue();
        assertThat(runs.get("b").step()).isZero();
        assertThat(runs.get("b").amount()).isEqualTo(2000);
        assertThat(runs.get("c").outcome()).isEqualTo(SagaOutcome.DONE);
        assertThat(runs.keySet()).containsExactly("a", "b", "c");
    }
}
