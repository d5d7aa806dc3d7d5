package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.sim.FaultPlan;
import sdlab.txlog.TxLogMessages.CreateTopic;
import sdlab.txlog.TxLogMessages.FetchOk;
import sdlab.txlog.TxLogMessages.TopicCreated;
import sdlab.txlog.TxLogMessages.TopicRefused;

/**
 * A topic created on first use: a standalone broker creates it, leads its partitions and takes writes to them; a
 * broker of a cluster refuses, since its partitions are the controller's.
 */
class CreateTopicTest {
    private static final TopicPartition NEW_1 = new TopicPartition("new", 1);

    @Test
    void aStandaloneBrokerCreatesTheTopicAndTakesWritesToIt() {
        Script script = new Script(List.of(
                new Script.Step(1, new CreateTopic(1, "new", 2)),
                new Script.Step(2, new CreateTopic(2, "new", 5)),
                TxWorld.produce(3, 3, NEW_1, -1, 0, 0, false, "a"),
                TxWorld.fetch(10, 4, NEW_1, 0, IsolationLevel.READ_UNCOMMITTED)));

        TxWorld.run(1, TxWorld.config(), Map.of("client", script), 100);

        assertThat(script.answer(1)).isEqualTo(new TopicCreated(1, "new", 2));
        // A topic that exists is left as it is: the second request learns its two partitions.
        assertThat(script.answer(2)).isEqualTo(new TopicCreated(2, "new", 2));
        assertThat(((FetchOk) script.answer(4)).records())
                .extracting(LogRecord::value)
                .containsExactly("a");
    }

    @Test
    void aBrokerOfAClusterRefusesToCreateATopic() {
        TargetedScript script = new TargetedScript(
                List.of(new TargetedScript.Step(500, ReplicationWorld.B1, new CreateTopic(1, "new", 1))));

        ReplicationWorld.run(
                1, ReplicationWorld.config(1), Map.of("client", script), FaultPlan.none(), builder -> {}, 1_000);

        assertThat(script.answer(1).response()).isInstanceOf(TopicRefused.class);
    }
}
