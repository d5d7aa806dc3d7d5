package sdlab.traffic.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerGroupTest {
    private static final long SECOND = 1_000_000_000L;
    private static final ServerGroup.Keys NO_KEYS = new ServerGroup.Keys(null, "198.51.100.7", null);

    private final Backend a = new Backend("a:80");
    private final Backend b = new Backend("b:80");
    private final Backend c = new Backend("c:80");

    private ServerGroup<Backend> group(Stickiness stickiness) {
        return new ServerGroup<>(List.of(a, b, c), BalancePolicy.ROUND_ROBIN, stickiness, 0);
    }

    private static Set<Backend> chosen(ServerGroup<Backend> group, ServerGroup.Keys keys, long nowNanos, int times) {
        Set<Backend> servers = new HashSet<>();
        for (int i = 0; i < times; i++) {
            servers.add(group.choose(keys, nowNanos, null).server());
        }
        return servers;
    }

    @Test
    void unhealthyAndDrainingServersGetNoNewRequests() {
        // Shows: once refreshed, the group offers only servers that are healthy and not draining.
        ServerGroup<Backend> group = group(Stickiness.NONE);
        b.setHealthy(false);
        c.startDraining();
        group.refresh(0);

        assertThat(group.available(0)).containsExactly(a);
        assertThat(chosen(group, NO_KEYS, 0, 6)).containsExactly(a);
    }

    @Test
    void anEjectedServerComesBackWhenItsEjectionEndsWithoutARefresh() {
        // Shows: passive ejection benches a server for its time, and the snapshot expires with it: no caller must
        // remember.
        ServerGroup<Backend> group = group(Stickiness.NONE);
        a.recordFailure(0, 1, 5 * SECOND / 2);
        group.refresh(0);

        assertThat(group.available(SECOND)).containsExactly(b, c);
        assertThat(group.available(5 * SECOND / 2)).containsExactly(a, b, c);
    }

    @Test
    void noAvailableServerMeansNoChoice() {
        // Shows: with every server out of rotation, or the only one left excluded as having just failed, the answer is
        // null.
        ServerGroup<Backend> group = group(Stickiness.NONE);
        a.setHealthy(false);
        b.startDraining();
        group.refresh(0);

        assertThat(group.choose(NO_KEYS, 0, c)).isNull();
        c.setHealthy(false);
        group.refresh(0);
        assertThat(group.choose(NO_KEYS, 0, null)).isNull();
    }

    @Test
    void aServerThatJustFailedTheRequestIsAvoidedOnRetry() {
        // Shows: the excluded server is never picked while another is available.
        ServerGroup<Backend> group = group(Stickiness.NONE);

        for (int i = 0; i < 6; i++) {
            assertThat(group.choose(NO_KEYS, 0, a).server()).isNotSameAs(a);
        }
    }

    @Test
    void aStickyCookieKeepsTheClientOnItsServerWhileItServes() {
        // Shows: the first response pins the client by the server's id; later requests with that cookie
        // stay put and set nothing, though round robin has moved on; when the server drains, the client
        // moves and gets a new pin.
        ServerGroup<Backend> group = group(Stickiness.COOKIE);
        ServerGroup.Choice<Backend> first = group.choose(NO_KEYS, 0, null);
        assertThat(first.pinToSet()).isEqualTo(first.server().id());
        ServerGroup.Keys pinned = new ServerGroup.Keys(first.pinToSet(), "198.51.100.7", null);

        for (int i = 0; i < 5; i++) {
            assertThat(group.choose(pinned, 0, null)).isEqualTo(new ServerGroup.Choice<>(first.server(), null));
        }
        first.server().startDraining();
        group.refresh(0);
        ServerGroup.Choice<Backend> moved = group.choose(pinned, 0, null);
        assertThat(moved.server()).isNotSameAs(first.server());
        assertThat(moved.pinToSet()).isEqualTo(moved.server().id());
    }

    @Test
    void clientAddressAffinityKeepsAnAddressOnOneServerAndSpreadsAddresses() {
        // Shows: what a TCP balancer blind to cookies can do: one address always lands on one server,
        // many addresses cover every server, and nothing is pinned in a response.
        ServerGroup<Backend> group = group(Stickiness.CLIENT_ADDRESS);
        ServerGroup.Keys client = new ServerGroup.Keys(null, "203.0.113.9", null);

        assertThat(chosen(group, client, 0, 10)).hasSize(1);
        assertThat(group.choose(client, 0, null).pinToSet()).isNull();
        Set<Backend> spread = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            spread.add(group.choose(new ServerGroup.Keys(null, "203.0.113." + i, null), 0, null)
                    .server());
        }
        assertThat(spread).containsExactlyInAnyOrder(a, b, c);
    }

    @Test
    void removingAServerDrainsItAndTakesItOutOfRotation() {
        // Shows: remove() finds the server by address, starts its drain and stops choosing it; an unknown address is a
        // no-op.
        ServerGroup<Backend> group = group(Stickiness.NONE);

        assertThat(group.remove("b:80", 0)).isSameAs(b);
        assertThat(b.draining()).isTrue();
        assertThat(group.servers()).containsExactly(a, c);
        assertThat(chosen(group, NO_KEYS, 0, 6)).containsExactlyInAnyOrder(a, c);
        assertThat(group.remove("z:80", 0)).isNull();
    }

    @Test
    void anAddedServerJoinsRotation() {
        // Shows: add() refreshes, so the new server takes requests at once.
        ServerGroup<Backend> group = group(Stickiness.NONE);
        Backend d = new Backend("d:80");
        group.add(d, 0);

        assertThat(chosen(group, NO_KEYS, 0, 8)).containsExactlyInAnyOrder(a, b, c, d);
    }
}
