package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.repl.ReplWorld.MS;
import static sdlab.repl.ReplWorld.P;
import static sdlab.repl.ReplWorld.R1;
import static sdlab.repl.ReplWorld.R2;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.repl.ReplConfig.Bug;

/** The balancer's decisions, one policy at a time. */
class ReadRouterTest {

    private static List<NodeId> choices(ReadRouter router, int count) {
        List<NodeId> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(router.choose(P));
        }
        return chosen;
    }

    @Test
    void evenBalancingTakesTheReplicasInTurnAndPrimaryOnlyNever() {
        assertThat(choices(new ReadRouter(ReadPolicy.ROUND_ROBIN, List.of(R1, R2), 0, 0.1, Bug.NONE), 4))
                .containsExactly(R1, R2, R1, R2);
        assertThat(choices(new ReadRouter(ReadPolicy.PRIMARY, List.of(R1, R2), 0, 0.1, Bug.NONE), 2))
                .containsExactly(P, P);
        assertThat(choices(new ReadRouter(ReadPolicy.ROUND_ROBIN, List.of(), 0, 0.1, Bug.NONE), 1))
                .containsExactly(P);
    }

    @Test
    void leastLatencyFavoursAReplicaItHasNotTriedUntilItsAverageRises() {
        ReadRouter router = new ReadRouter(ReadPolicy.LEAST_LATENCY, List.of(R1), 0, 0.5, Bug.NONE);
        router.observed(R1, MS);
        router.add(R2);
        assertThat(router.choose(P)).isEqualTo(R2); // untried: counts as 0 ns
        router.observed(R2, 4 * MS); // average 2 ms
        assertThat(router.choose(P)).isEqualTo(R1);
    }

    @Test
    void lagAwareSkipsReplicasBehindTheBoundOrUnheardAndFallsBackToThePrimary() {
        ReadRouter router = new ReadRouter(ReadPolicy.LAG_AWARE, List.of(R1, R2), 10 * MS, 0.1, Bug.NONE);
        assertThat(router.choose(P)).isEqualTo(P); // no lag heard yet
        router.lagReported(R1, true, 2 * MS);
        router.lagReported(R2, true, 50 * MS);
        assertThat(choices(router, 3)).containsExactly(R1, R1, R1);
        router.lagReported(R1, false, 0);
        assertThat(router.choose(P)).isEqualTo(P);
    }

    @Test
    void plantedBugALagAwareBalancerThatIgnoresLagRoutesToTheLaggingReplica() {
        ReadRouter router =
                new ReadRouter(ReadPolicy.LAG_AWARE, List.of(R1, R2), 10 * MS, 0.1, Bug.LAG_AWARE_IGNORES_LAG);
        router.lagReported(R1, true, 2 * MS);
        router.lagReported(R2, true, 50 * MS);
        assertThat(choices(router, 2)).contains(R2);
    }

    @Test
    void thePageCacheEvictsTheLeastRecentlyUsedPage() {
        PageCache cache = new PageCache(2);
        cache.load("a");
        cache.load("b");
        assertThat(cache.lookUp("a")).isTrue(); // a is now the most recent
        cache.load("c"); // evicts b
        assertThat(cache.lookUp("b")).isFalse();
        assertThat(cache.holds("a")).isTrue();
        assertThat(cache.holds("c")).isTrue();
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
    }
}
