package sdlab.coord.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.MultiOperationRecord;
import org.apache.zookeeper.MultiResponse;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.proto.AddWatchRequest;
import org.apache.zookeeper.proto.AuthPacket;
import org.apache.zookeeper.proto.CheckVersionRequest;
import org.apache.zookeeper.proto.CheckWatchesRequest;
import org.apache.zookeeper.proto.Create2Response;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.CreateResponse;
import org.apache.zookeeper.proto.CreateTTLRequest;
import org.apache.zookeeper.proto.DeleteRequest;
import org.apache.zookeeper.proto.ExistsRequest;
import org.apache.zookeeper.proto.ExistsResponse;
import org.apache.zookeeper.proto.GetACLRequest;
import org.apache.zookeeper.proto.GetACLResponse;
import org.apache.zookeeper.proto.GetAllChildrenNumberRequest;
import org.apache.zookeeper.proto.GetAllChildrenNumberResponse;
import org.apache.zookeeper.proto.GetChildren2Request;
import org.apache.zookeeper.proto.GetChildren2Response;
import org.apache.zookeeper.proto.GetChildrenRequest;
import org.apache.zookeeper.proto.GetChildrenResponse;
import org.apache.zookeeper.proto.GetDataRequest;
import org.apache.zookeeper.proto.GetDataResponse;
import org.apache.zookeeper.proto.GetEphemeralsRequest;
import org.apache.zookeeper.proto.GetEphemeralsResponse;
import org.apache.zookeeper.proto.RemoveWatchesRequest;
import org.apache.zookeeper.proto.ReplyHeader;
import org.apache.zookeeper.proto.RequestHeader;
import org.apache.zookeeper.proto.SetACLRequest;
import org.apache.zookeeper.proto.SetACLResponse;
import org.apache.zookeeper.proto.SetDataRequest;
import org.apache.zookeeper.proto.SetDataResponse;
import org.apache.zookeeper.proto.SetWatches;
import org.apache.zookeeper.proto.SetWatches2;
import org.apache.zookeeper.proto.SyncRequest;
import org.apache.zookeeper.proto.SyncResponse;
import org.apache.zookeeper.proto.WatcherEvent;
import sdlab.coord.wire.ServerResponse.MultiResult;

/**
 * The same records built with ZooKeeper 3.9.5's own classes and serialized by its {@link
 * BinaryOutputArchive}, framed as its client ({@code ClientCnxn.Packet.createBB}) and server
 * ({@code ServerCnxn.serialize}) frame them: an int length, the header, the record.
 */
final class Reference {
    private Reference() {}

    static byte[] frame(Record... records) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            BinaryOutputArchive archive = BinaryOutputArchive.getArchive(bytes);
            archive.writeInt(-1, "len");
            for (Record record : records) {
                record.serialize(archive, "record");
            }
            ByteBuffer framed = ByteBuffer.wrap(bytes.toByteArray());
            framed.putInt(0, framed.capacity() - 4);
            return framed.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] request(int xid, ClientRequest request) {
        RequestHeader header = new RequestHeader(xid, request.opCode().value());
        Record body = record(request);
        return body == null ? frame(header) : frame(header, body);
    }

    static byte[] reply(sdlab.coord.wire.ReplyHeader header, ServerResponse response) {
        ReplyHeader zkHeader = new ReplyHeader(header.xid(), header.zxid(), header.err());
        Record body = record(response);
        return body == null ? frame(zkHeader) : frame(zkHeader, body);
    }

    static Stat stat(sdlab.coord.tree.Stat s) {
        return new Stat(
                s.czxid(),
                s.mzxid(),
                s.ctimeMs(),
                s.mtimeMs(),
                s.version(),
                s.cversion(),
                s.aversion(),
                s.ephemeralOwner(),
                s.dataLength(),
                s.numChildren(),
                s.pzxid());
    }

    static List<ACL> acls(List<Acl> acls) {
        if (acls == null) {
            return null;
        }
        List<ACL> zk = new ArrayList<>();
        for (Acl acl : acls) {
            zk.add(new ACL(acl.perms(), new Id(acl.scheme(), acl.id())));
        }
        return zk;
    }

    /** ZooKeeper's record for one of ours; null for a request with no record (ping, closeSession, whoAmI). */
    static Record record(ClientRequest request) {
        return switch (request) {
            case ClientRequest.Create r -> new CreateRequest(r.path(), r.data(), acls(r.acl()), r.flags());
            case ClientRequest.CreateTtl r ->
                new CreateTTLRequest(r.path(), r.data(), acls(r.acl()), r.flags(), r.ttlMs());
            case ClientRequest.Delete r -> new DeleteRequest(r.path(), r.version());
            case ClientRequest.SetData r -> new SetDataRequest(r.path(), r.data(), r.version());
            case ClientRequest.Check r -> new CheckVersionRequest(r.path(), r.version());
            case ClientRequest.GetData r -> new GetDataRequest(r.path(), r.watch());
            case ClientRequest.GetChildren r ->
                r.opCode() == OpCode.GET_CHILDREN
                        ? new GetChildrenRequest(r.path(), r.watch())
                        : new GetChildren2Request(r.path(), r.watch());
            case ClientRequest.Exists r -> new ExistsRequest(r.path(), r.watch());
            case ClientRequest.Multi r -> multi(r);
            case ClientRequest.Sync r -> new SyncRequest(r.path());
            case ClientRequest.Ping r -> null;
            case ClientRequest.CloseSession r -> null;
            case ClientRequest.WhoAmI r -> null;
            case ClientRequest.SetWatches r ->
                r.opCode() == OpCode.SET_WATCHES
                        ? new SetWatches(r.relativeZxid(), r.dataWatches(), r.existWatches(), r.childWatches())
                        : new SetWatches2(
                                r.relativeZxid(),
                                r.dataWatches(),
                                r.existWatches(),
                                r.childWatches(),
                                r.persistentWatches(),
                                r.persistentRecursiveWatches());
            case ClientRequest.AddWatch r -> new AddWatchRequest(r.path(), r.mode());
            case ClientRequest.RemoveWatches r ->
                r.opCode() == OpCode.REMOVE_WATCHES
                        ? new RemoveWatchesRequest(r.path(), r.type())
                        : new CheckWatchesRequest(r.path(), r.type());
            case ClientRequest.GetEphemerals r -> new GetEphemeralsRequest(r.prefixPath());
            case ClientRequest.GetAllChildrenNumber r -> new GetAllChildrenNumberRequest(r.path());
            case ClientRequest.GetAcl r -> new GetACLRequest(r.path());
            case ClientRequest.SetAcl r -> new SetACLRequest(r.path(), acls(r.acl()), r.version());
            case ClientRequest.Auth r -> new AuthPacket(r.type(), r.scheme(), r.auth());
            case ClientRequest.Unsupported r -> throw new IllegalArgumentException("no record: " + r);
        };
    }

    /** A multi through ZooKeeper's public {@code Op} factories and {@code MultiOperationRecord}. */
    private static MultiOperationRecord multi(ClientRequest.Multi multi) {
        MultiOperationRecord record = new MultiOperationRecord();
        for (ClientRequest.InMulti op : multi.ops()) {
            record.add(
                    switch (op) {
                        case ClientRequest.Create r ->
                            org.apache.zookeeper.Op.create(r.path(), r.data(), acls(r.acl()), r.flags());
                        case ClientRequest.CreateTtl r ->
                            org.apache.zookeeper.Op.create(r.path(), r.data(), acls(r.acl()), r.flags(), r.ttlMs());
                        case ClientRequest.Delete r -> org.apache.zookeeper.Op.delete(r.path(), r.version());
                        case ClientRequest.SetData r ->
                            org.apache.zookeeper.Op.setData(r.path(), r.data(), r.version());
                        case ClientRequest.Check r -> org.apache.zookeeper.Op.check(r.path(), r.version());
                        case ClientRequest.GetChildren r -> org.apache.zookeeper.Op.getChildren(r.path());
                        case ClientRequest.GetData r -> org.apache.zookeeper.Op.getData(r.path());
                    });
        }
        return record;
    }

    /** ZooKeeper's record for one of our responses; null for {@link ServerResponse.Empty}. */
    static Record record(ServerResponse response) {
        return switch (response) {
            case ServerResponse.Empty r -> null;
            case ServerResponse.Create r -> new CreateResponse(r.path());
            case ServerResponse.Create2 r -> new Create2Response(r.path(), stat(r.stat()));
            case ServerResponse.Exists r -> new ExistsResponse(stat(r.stat()));
            case ServerResponse.GetData r -> new GetDataResponse(r.data(), stat(r.stat()));
            case ServerResponse.SetData r -> new SetDataResponse(stat(r.stat()));
            case ServerResponse.GetChildren r -> new GetChildrenResponse(r.children());
            case ServerResponse.GetChildren2 r -> new GetChildren2Response(r.children(), stat(r.stat()));
            case ServerResponse.Sync r -> new SyncResponse(r.path());
            case ServerResponse.GetAcl r -> new GetACLResponse(acls(r.acl()), stat(r.stat()));
            case ServerResponse.SetAcl r -> new SetACLResponse(stat(r.stat()));
            case ServerResponse.GetEphemerals r -> new GetEphemeralsResponse(r.ephemerals());
            case ServerResponse.GetAllChildrenNumber r -> new GetAllChildrenNumberResponse(r.totalNumber());
            case ServerResponse.ErrorResponse r -> new org.apache.zookeeper.proto.ErrorResponse(r.err());
            case ServerResponse.Multi r -> multi(r);
            case ServerResponse.WatcherEvent r -> new WatcherEvent(r.type(), r.state(), r.path());
        };
    }

    private static MultiResponse multi(ServerResponse.Multi multi) {
        MultiResponse response = new MultiResponse();
        for (MultiResult result : multi.results()) {
            response.add(
                    switch (result) {
                        case MultiResult.Created r -> new OpResult.CreateResult(r.path());
                        case MultiResult.Created2 r -> new OpResult.CreateResult(r.path(), stat(r.stat()));
                        case MultiResult.Deleted r -> new OpResult.DeleteResult();
                        case MultiResult.DataSet r -> new OpResult.SetDataResult(stat(r.stat()));
                        case MultiResult.Checked r -> new OpResult.CheckResult();
                        case MultiResult.Children r -> new OpResult.GetChildrenResult(r.children());
                        case MultiResult.Data r -> new OpResult.GetDataResult(r.data(), stat(r.stat()));
                        case MultiResult.Error r -> new OpResult.ErrorResult(r.err());
                    });
        }
        return response;
    }
}
