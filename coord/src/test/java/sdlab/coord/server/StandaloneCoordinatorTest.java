package sdlab.coord.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.coord.tree.Code;
import sdlab.coord.tree.CreateMode;
import sdlab.coord.tree.EventType;
import sdlab.coord.tree.WatchEvent;
import sdlab.coord.wire.Acl;
import sdlab.coord.wire.ClientRequest;
import sdlab.coord.wire.ConnectRequest;
import sdlab.coord.wire.OpCode;
import sdlab.coord.wire.ServerResponse;

class StandaloneCoordinatorTest {
    private static final long SEED = 0x100L << 48;
    private final StandaloneCoordinator coordinator =
            new StandaloneCoordinator(CoordinatorConfig.defaults(SEED), StandaloneCoordinatorTest::password);
    private long nowMs = 1_000_000;

    private static byte[] password(long sessionId) {
        byte[] bytes = new byte[PasswordGenerator.PASSWORD_BYTES];
        Arrays.fill(bytes, (byte) sessionId);
        return bytes;
    }

    private long connect(int timeoutMs) {
        Handshake handshake = coordinator.connect(new ConnectRequest(0, 0, timeoutMs, 0, new byte[16], false), nowMs);
        assertThat(handshake.accepted()).isTrue();
        return handshake.sessionId();
    }

    private static ClientRequest create(String path, CreateMode mode) {
        return new ClientRequest.Create(OpCode.CREATE, path, new byte[] {1}, List.of(Acl.OPEN_UNSAFE), mode.flag());
    }

    private int err(long session, ClientRequest request) {
        return coordinator.handle(session, 1, request, nowMs).reply().header().err();
    }

    @Test
    void sessionIdsComeFromTheSeedAndTimeoutsAreClampedToTwoToTwentyTicks() {
        assertThat(connect(100)).isEqualTo(SEED + 1);
        assertThat(coordinator.sessionTimeoutMs(SEED + 1)).isEqualTo(4_000);
        assertThat(connect(10_000_000)).isEqualTo(SEED + 2);
        assertThat(coordinator.sessionTimeoutMs(SEED + 2)).isEqualTo(40_000);
        assertThat(coordinator.sessionTimeoutMs(connect(6_000))).isEqualTo(6_000);
    }

    @Test
    void aNewSessionBeyondTheBoundIsRefused() {
        StandaloneCoordinator small =
                new StandaloneCoordinator(new CoordinatorConfig(2_000, SEED, 1), StandaloneCoordinatorTest::password);
        ConnectRequest fresh = new ConnectRequest(0, 0, 4_000, 0, new byte[16], false);
        assertThat(small.connect(fresh, nowMs).accepted()).isTrue();
        assertThat(small.connect(fresh, nowMs).accepted()).isFalse();
    }

    @Test
    void aSessionResumesOnlyWithItsPassword() {
        long session = connect(4_000);
        Handshake wrong = coordinator.connect(new ConnectRequest(0, 0, 4_000, session, new byte[16], false), nowMs);
        assertThat(wrong.accepted()).isFalse();
        assertThat(wrong.response().timeOutMs()).isZero();
        Handshake right =
                coordinator.connect(new ConnectRequest(0, 0, 4_000, session, password(session), false), nowMs);
        assertThat(right.accepted()).isTrue();
        assertThat(right.sessionId()).isEqualTo(session);
    }

    @Test
    void writesTakeTheNextZxidAndReadsReportTheLast() {
        long session = connect(4_000);
        Answer created = coordinator.handle(session, 7, create("/a", CreateMode.PERSISTENT), nowMs);
        assertThat(created.reply().header()).isEqualTo(new sdlab.coord.wire.ReplyHeader(7, 1, 0));
        assertThat(created.reply().body()).isEqualTo(new ServerResponse.Create("/a"));
        Answer read = coordinator.handle(session, 8, new ClientRequest.Exists("/a", false), nowMs);
        assertThat(read.reply().header().zxid()).isEqualTo(1);
        assertThat(err(session, create("/a", CreateMode.PERSISTENT))).isEqualTo(Code.NODEEXISTS.value());
        assertThat(err(session, new ClientRequest.GetData("/missing", false))).isEqualTo(Code.NONODE.value());
        assertThat(coordinator.lastZxid()).isEqualTo(2);
    }

    @Test
    void aWatchSetByOneSessionFiresForAnothersWrite() {
        long watcher = connect(4_000);
        long writer = connect(4_000);
        coordinator.handle(watcher, 1, new ClientRequest.Exists("/w", true), nowMs);
        Answer created = coordinator.handle(writer, 1, create("/w", CreateMode.PERSISTENT), nowMs);
        assertThat(created.events()).containsExactly(new WatchEvent(watcher, EventType.NODE_CREATED, "/w", 1));
    }

    @Test
    void aQuietSessionExpiresAndItsEphemeralsGoWithWatchesFiring() {
        long owner = connect(4_000);
        long watcher = connect(40_000);
        coordinator.handle(owner, 1, create("/e", CreateMode.EPHEMERAL), nowMs);
        coordinator.handle(watcher, 1, new ClientRequest.Exists("/e", true), nowMs);
        nowMs += 3_000;
        coordinator.handle(owner, 2, new ClientRequest.Ping(), nowMs);
        nowMs += 4_000;
        assertThat(coordinator.expire(nowMs).sessions()).isEmpty();
        nowMs += 1;
        Expiry expiry = coordinator.expire(nowMs);
        assertThat(expiry.sessions()).containsExactly(owner);
        assertThat(expiry.events()).containsExactly(new WatchEvent(watcher, EventType.NODE_DELETED, "/e", 2));
        assertThat(err(watcher, new ClientRequest.Exists("/e", false))).isEqualTo(Code.NONODE.value());
        Answer late = coordinator.handle(owner, 3, new ClientRequest.Ping(), nowMs);
        assertThat(late.reply().header().err()).isEqualTo(Code.SESSIONEXPIRED.value());
        assertThat(late.closeConnection()).isTrue();
    }

    @Test
    void closeSessionRemovesEphemeralsAndClosesTheConnection() {
        long session = connect(4_000);
        coordinator.handle(session, 1, create("/e", CreateMode.EPHEMERAL), nowMs);
        Answer closed = coordinator.handle(session, 2, new ClientRequest.CloseSession(), nowMs);
        assertThat(closed.closeConnection()).isTrue();
        assertThat(coordinator.isOpen(session)).isFalse();
        long other = connect(4_000);
        assertThat(err(other, new ClientRequest.Exists("/e", false))).isEqualTo(Code.NONODE.value());
    }

    @Test
    void setWatchesFiresAtOnceForAChangeTheClientMissedAndResetsTheRest() {
        long session = connect(4_000);
        coordinator.handle(session, 1, create("/changed", CreateMode.PERSISTENT), nowMs);
        coordinator.handle(session, 2, create("/same", CreateMode.PERSISTENT), nowMs);
        long seen = coordinator.lastZxid();
        coordinator.handle(session, 3, new ClientRequest.SetData("/changed", new byte[] {2}, -1), nowMs);
        ClientRequest.SetWatches setWatches = new ClientRequest.SetWatches(
                OpCode.SET_WATCHES2,
                seen,
                List.of("/changed", "/same"),
                List.of("/new"),
                List.of(),
                List.of(),
                List.of());
        Answer answer = coordinator.handle(session, -8, setWatches, nowMs);
        assertThat(answer.events())
                .containsExactly(new WatchEvent(session, EventType.NODE_DATA_CHANGED, "/changed", 3));
        long other = connect(4_000);
        Answer created = coordinator.handle(other, 1, create("/new", CreateMode.PERSISTENT), nowMs);
        assertThat(created.events()).containsExactly(new WatchEvent(session, EventType.NODE_CREATED, "/new", 4));
    }

    @Test
    void aMultiReadAnswersEachReadOnItsOwn() {
        long session = connect(4_000);
        coordinator.handle(session, 1, create("/r", CreateMode.PERSISTENT), nowMs);
        ClientRequest.Multi read = new ClientRequest.Multi(
                OpCode.MULTI_READ,
                List.of(new ClientRequest.GetData("/r", false), new ClientRequest.GetData("/missing", false)));
        Answer answer = coordinator.handle(session, 2, read, nowMs);
        assertThat(answer.reply().header().err()).isZero();
        List<ServerResponse.MultiResult> results =
                ((ServerResponse.Multi) answer.reply().body()).results();
        assertThat(results.get(0)).isInstanceOf(ServerResponse.MultiResult.Data.class);
        assertThat(results.get(1)).isEqualTo(new ServerResponse.MultiResult.Error(Code.NONODE.value()));
    }

    @Test
    void anEmptiedContainerIsRemovedOnTheNextCheckAndItsWatchesFire() {
        long session = connect(4_000);
        ClientRequest container = new ClientRequest.Create(
                OpCode.CREATE_CONTAINER, "/c", new byte[0], List.of(Acl.OPEN_UNSAFE), CreateMode.CONTAINER.flag());
        coordinator.handle(session, 1, container, nowMs);
        assertThat(coordinator.removeDueContainers(nowMs)).isEmpty();
        coordinator.handle(session, 2, create("/c/child", CreateMode.PERSISTENT), nowMs);
        coordinator.handle(session, 3, new ClientRequest.Delete("/c/child", -1), nowMs);
        coordinator.handle(session, 4, new ClientRequest.Exists("/c", true), nowMs);
        assertThat(coordinator.removeDueContainers(nowMs))
                .containsExactly(new WatchEvent(session, EventType.NODE_DELETED, "/c", 4));
        assertThat(err(session, new ClientRequest.Exists("/c", false))).isEqualTo(Code.NONODE.value());
    }

    @Test
    void credentialsAreAcceptedAndIgnoredSinceNoAclIsChecked() {
        long session = connect(4_000);
        assertThat(err(session, new ClientRequest.Auth(0, "digest", "user:pass".getBytes())))
                .isZero();
    }

    @Test
    void requestTypesNotServedAnswerUnimplemented() {
        long session = connect(4_000);
        assertThat(err(session, new ClientRequest.Unsupported(16))).isEqualTo(Code.UNIMPLEMENTED.value());
        assertThat(err(session, new ClientRequest.SetAcl("/", List.of(), -1))).isEqualTo(Code.UNIMPLEMENTED.value());
    }
}
