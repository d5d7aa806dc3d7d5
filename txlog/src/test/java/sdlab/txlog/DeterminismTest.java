package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.txlog.TxWorld.P0;
import static sdlab.txlog.TxWorld.add;
import static sdlab.txlog.TxWorld.end;
import static sdlab.txlog.TxWorld.fetch;
import static sdlab.txlog.TxWorld.init;
import static sdlab.txlog.TxWorld.produce;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.sim.Latency;
import sdlab.sim.Simulation;

/** One seed replays the same run, byte for byte, on a jittery network; another seed gives another run. */
class DeterminismTest {

    @Test
    void theSameSeedGivesTheSameTraceHashAndAnotherSeedDoesNot() {
        assertThat(hash(7)).isEqualTo(hash(7));
        assertThat(hash(8)).isNotEqualTo(hash(7));
    }

    private static long hash(long seed) {
        Map<String, Script> scripts = Map.of(
                "t1",
                new Script(List.of(
                        init(1, 1, "t1", 30),
                        add(10, 2, "t1", 0, 0, P0),
                        produce(15, 3, P0, 0, 0, 0, true, "a"),
                        end(20, 4, "t1", 0, 0, false),
                        add(25, 5, "t1", 0, 0, P0),
                        produce(30, 6, P0, 0, 0, 1, true, "b"))),
                "r",
                new Script(List.of(
                        fetch(18, 1, P0, 0, IsolationLevel.READ_COMMITTED),
                        fetch(100, 2, P0, 0, IsolationLevel.READ_COMMITTED))));
        Simulation simulation = Simulation.builder(seed)
                .network(sdlab.sim.NetworkConfig.reliable(Latency.logNormal(Duration.ofNanos(500_000), 0.8)))
                .addNode(TxWorld.BROKER, any -> new LogBroker(TxWorld.config()))
                .addNode(sdlab.core.NodeId.of("t1"), any -> scripts.get("t1"))
                .addNode(sdlab.core.NodeId.of("r"), any -> scripts.get("r"))
                .build();
        return simulation.run(Duration.ofMillis(200)).traceHash();
    }
}
