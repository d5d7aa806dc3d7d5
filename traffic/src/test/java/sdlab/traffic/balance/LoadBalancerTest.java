package sdlab.traffic.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.core.StableHash;

class LoadBalancerTest {
    private static final int KEYS = 10_000;

    private static List<Backend> servers(int count) {
        List<Backend> servers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            servers.add(new Backend("10.0.0." + i + ":8080"));
        }
        return List.copyOf(servers);
    }

    private static List<String> picks(LoadBalancer balancer, List<Backend> servers, int count) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(balancer.pick(servers, 0).address());
        }
        return picked;
    }

    @Test
    void roundRobinTakesEachServerInTurn() {
        // Shows: the n-th pick is server n modulo the number of servers.
        List<Backend> servers = servers(3);

        assertThat(picks(BalancePolicy.ROUND_ROBIN.create(), servers, 7))
                .containsExactly(
                        "10.0.0.1:8080",
                        "10.0.0.2:8080",
                        "10.0.0.3:8080",
                        "10.0.0.1:8080",
                        "10.0.0.2:8080",
                        "10.0.0.3:8080",
                        "10.0.0.1:8080");
    }

    @Test
    void leastConnectionsPicksTheServerWithFewestRequestsInFlight() {
        // Shows: whatever the rotation, the least busy server wins while it stays the least busy.
        List<Backend> servers = servers(3);
        servers.get(0).requestStarted();
        servers.get(0).requestStarted();
        servers.get(2).requestStarted();
        LoadBalancer balancer = BalancePolicy.LEAST_CONNECTIONS.create();

        assertThat(picks(balancer, servers, 5)).containsOnly("10.0.0.2:8080");
    }

    @Test
    void leastConnectionsBreaksTiesInRotation() {
        // Shows: an idle upstream still spreads its requests: equal counts go round the servers in turn.
        List<Backend> servers = servers(3);

        assertThat(picks(BalancePolicy.LEAST_CONNECTIONS.create(), servers, 6))
                .containsExactly(
                        "10.0.0.1:8080",
                        "10.0.0.2:8080",
                        "10.0.0.3:8080",
                        "10.0.0.1:8080",
                        "10.0.0.2:8080",
                        "10.0.0.3:8080");
    }

    @Test
    void consistentHashingSendsAKeyToTheSameServerEveryTime() {
        // Shows: the owner is a function of the key and the server set, not of how many picks came before.
        List<Backend> servers = servers(5);
        LoadBalancer ring = BalancePolicy.CONSISTENT_HASH.create();
        Map<Long, Backend> first = owners(ring, servers);

        assertThat(owners(ring, servers)).isEqualTo(first);
        assertThat(owners(BalancePolicy.CONSISTENT_HASH.create(), List.copyOf(servers)))
                .isEqualTo(first);
    }

    @Test
    void removingOneServerMovesOnlyItsKeys() {
        // Shows: when a server leaves, every key it did not own stays where it was, and its own keys
        // spread over the rest; about a fifth of the keys move when one of five leaves.
        List<Backend> servers = servers(5);
        LoadBalancer ring = BalancePolicy.CONSISTENT_HASH.create();
        Map<Long, Backend> before = owners(ring, servers);
        Backend leaving = servers.get(2);
        List<Backend> remaining = servers.stream().filter(s -> s != leaving).toList();
        Map<Long, Backend> after = owners(ring, remaining);

        int moved = 0;
        for (Map.Entry<Long, Backend> key : before.entrySet()) {
            if (key.getValue() == leaving) {
                moved++;
                assertThat(after.get(key.getKey())).isNotSameAs(leaving);
            } else {
                assertThat(after.get(key.getKey())).isSameAs(key.getValue());
            }
        }
        assertThat(moved).isBetween(KEYS / 10, 3 * KEYS / 10);
        assertThat(owners(ring, servers))
                .as("the server's return brings its keys back")
                .isEqualTo(before);
    }

    @Test
    void virtualNodesSpreadKeysEvenly() {
        // Shows: with 160 points per server no server of five owns less than 15 % or more than 25 % of the keys.
        List<Backend> servers = servers(5);
        Map<Backend, Integer> load = new HashMap<>();
        owners(BalancePolicy.CONSISTENT_HASH.create(), servers).values().forEach(s -> load.merge(s, 1, Integer::sum));

        assertThat(load).hasSize(5);
        assertThat(load.values()).allSatisfy(keys -> assertThat(keys).isBetween(KEYS * 15 / 100, KEYS * 25 / 100));
    }

    private static Map<Long, Backend> owners(LoadBalancer ring, List<Backend> servers) {
        Map<Long, Backend> owners = new HashMap<>();
        for (int k = 0; k < KEYS; k++) {
            long keyHash = StableHash.of("user-" + k);
            owners.put(keyHash, ring.pick(servers, keyHash));
        }
        return owners;
    }
}
