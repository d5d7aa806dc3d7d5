package sdlab.coord.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.junit.jupiter.api.Test;
import sdlab.coord.tree.Applied;
import sdlab.coord.tree.Code;
import sdlab.coord.tree.CreateMode;
import sdlab.coord.tree.EventType;
import sdlab.coord.tree.Op;
import sdlab.coord.tree.Reply;
import sdlab.coord.tree.Txn;
import sdlab.coord.tree.WatchEvent;
import sdlab.coord.tree.ZNodeTree;

/** Decoded requests become the tree's operations, and the tree's results become ZooKeeper's replies. */
class TreeMappingTest {
    private static final long SESSION = 0x1000L;

    @Test
    void createFlagsBecomeTheTreesCreateModesAndUnknownOnesAreBadArguments() {
        for (CreateMode mode : CreateMode.values()) {
            ClientRequest request = mode.isTtl()
                    ? new ClientRequest.CreateTtl("/a", null, List.of(Acl.OPEN_UNSAFE), mode.flag(), 5_000)
                    : new ClientRequest.Create(OpCode.CREATE2, "/a", null, List.of(Acl.OPEN_UNSAFE), mode.flag());
            assertThat(TreeMapping.toOp(request).orThrow())
                    .isInstanceOfSatisfying(
                            Op.Create.class, create -> assertThat(create.mode()).isEqualTo(mode));
        }
        assertThat(TreeMapping.toOp(new ClientRequest.Create(OpCode.CREATE, "/a", null, null, 7))
                        .code())
                .isEqualTo(Code.BADARGUMENTS);
        assertThat(TreeMapping.toOp(new ClientRequest.Create(OpCode.CREATE, "/a", null, null, 5))
                        .code())
                .as("a TTL mode without a TTL request")
                .isEqualTo(Code.BADARGUMENTS);
        assertThat(TreeMapping.toOp(new ClientRequest.Exists("/a", false)).code())
                .isEqualTo(Code.BADARGUMENTS);
    }

    @Test
    void aMultiFromTheWireAppliesToTheTreeAndAnswersAsZooKeepersMultiResponse() throws WireException {
        ZNodeTree tree = new ZNodeTree();
        ClientRequest.Multi multi = new ClientRequest.Multi(
                OpCode.MULTI,
                List.of(
                        new ClientRequest.Create(OpCode.CREATE, "/a", new byte[] {1}, List.of(Acl.OPEN_UNSAFE), 0),
                        new ClientRequest.SetData("/a", new byte[] {2, 3}, 0),
                        new ClientRequest.Check("/a", 1)));
        Packets.Request decoded = Packets.decodeRequest(unframe(Packets.encodeRequest(9, multi)));

        Reply<Op> op = TreeMapping.toOp(decoded.body());
        Applied applied = tree.apply(new Txn(0x1_0000_0001L, 1_000, SESSION, op.orThrow()));
        ServerResponse response = TreeMapping.toResponse(decoded.body(), applied.result());

        assertThat(response).isInstanceOfSatisfying(ServerResponse.Multi.class, results -> {
            assertThat(results.results().get(0)).isEqualTo(new ServerResponse.MultiResult.Created("/a"));
            assertThat(results.results().get(1)).isInstanceOf(ServerResponse.MultiResult.DataSet.class);
            assertThat(results.results().get(2)).isEqualTo(new ServerResponse.MultiResult.Checked());
        });
        ReplyHeader header =
                new ReplyHeader(9, applied.zxid(), applied.result().code().value());
        assertThat(Packets.encodeReply(header, response)).isEqualTo(Reference.reply(header, response));
    }

    @Test
    void aFailedCreateAnswersTheHeaderAloneWithZooKeepersCode() {
        ZNodeTree tree = new ZNodeTree();
        ClientRequest.Create create = new ClientRequest.Create(OpCode.CREATE2, "/no/parent", null, null, 0);

        Applied applied = tree.apply(
                new Txn(0x1_0000_0001L, 1_000, SESSION, TreeMapping.toOp(create).orThrow()));

        assertThat(applied.result().code()).isEqualTo(Code.NONODE);
        assertThat(TreeMapping.toResponse(create, applied.result())).isEqualTo(new ServerResponse.Empty());
    }

    @Test
    void aFiredWatchIsSentAsZooKeepersServerSendsIt() {
        WatchEvent event = new WatchEvent(SESSION, EventType.NODE_DATA_CHANGED, "/a/b", 0x1_0000_0007L);
        WatchedEvent zooKeepers = new WatchedEvent(
                Watcher.Event.EventType.NodeDataChanged,
                Watcher.Event.KeeperState.SyncConnected,
                "/a/b",
                0x1_0000_0007L);

        Packets.Reply notification = TreeMapping.toNotification(event);

        assertThat(Packets.encodeReply(notification.header(), notification.body()))
                .isEqualTo(Reference.frame(
                        new org.apache.zookeeper.proto.ReplyHeader(-1, zooKeepers.getZxid(), 0),
                        zooKeepers.getWrapper()));
    }

    private static byte[] unframe(byte[] framed) throws WireException {
        return Packets.unframe(framed);
    }
}
