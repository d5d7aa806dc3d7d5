package sdlab.coord.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import sdlab.coord.tree.Stat;

/**
 * Random field values for the codec tests, all from one seed: strings with multi-byte UTF-8,
 * empty and null ones, buffers and vectors that are sometimes empty or null, and ints and longs
 * across their whole range (negative ones included, which Jute must carry unchanged).
 */
final class RandomRecords {
    private static final String ALPHABET = "abcxyz/-_.0123456789éß€𝄞";
    private final Random random;

    RandomRecords(long seed) {
        this.random = new Random(seed);
    }

    int anyInt() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(3) - 1;
            case 1 -> random.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            default -> random.nextInt();
        };
    }

    long anyLong() {
        return random.nextInt(4) == 0 ? random.nextInt(3) - 1 : random.nextLong();
    }

    boolean anyBool() {
        return random.nextBoolean();
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    String string() {
        if (random.nextInt(20) == 0) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(ALPHABET.codePointAt(
                    ALPHABET.offsetByCodePoints(0, random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
        }
        return text.toString();
    }

    /** A string that is never null, for paths that ZooKeeper's client classes refuse as null. */
    String path() {
        String text = string();
        return "/" + (text == null ? "" : text);
    }

    byte[] bytes() {
        if (random.nextInt(10) == 0) {
            return null;
        }
        byte[] bytes = new byte[random.nextInt(random.nextInt(8) == 0 ? 300 : 16)];
        random.nextBytes(bytes);
        return bytes;
    }

    List<String> strings() {
        if (random.nextInt(10) == 0) {
            return null;
        }
        List<String> values = new ArrayList<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            values.add(string());
        }
        return values;
    }

    List<Acl> acls() {
        if (random.nextInt(10) == 0) {
            return null;
        }
        List<Acl> values = new ArrayList<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            values.add(new Acl(anyInt(), string(), string()));
        }
        return values;
    }

    Stat stat() {
        return new Stat(
                anyLong(), anyLong(), anyLong(), anyLong(), anyInt(), anyInt(), anyInt(), anyLong(), anyInt(), anyInt(),
                anyLong());
    }

    private static final OpCode[] CREATE_OPS = {OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER};

    /** Any request this codec decodes, with random fields. */
    ClientRequest request() {
        return switch (random.nextInt(20)) {
            case 0 -> new ClientRequest.Create(CREATE_OPS[random.nextInt(3)], string(), bytes(), acls(), anyInt());
            case 1 -> new ClientRequest.CreateTtl(string(), bytes(), acls(), anyInt(), anyLong());
            case 2 -> new ClientRequest.Delete(string(), anyInt());
            case 3 -> new ClientRequest.SetData(string(), bytes(), anyInt());
            case 4 -> new ClientRequest.Check(string(), anyInt());
            case 5 -> new ClientRequest.GetData(string(), anyBool());
            case 6 ->
                new ClientRequest.GetChildren(
                        anyBool() ? OpCode.GET_CHILDREN : OpCode.GET_CHILDREN2, string(), anyBool());
            case 7 -> new ClientRequest.Exists(string(), anyBool());
            case 8 -> multi();
            case 9 -> new ClientRequest.Sync(string());
            case 10 ->
                switch (random.nextInt(3)) {
                    case 0 -> new ClientRequest.Ping();
                    case 1 -> new ClientRequest.CloseSession();
                    default -> new ClientRequest.WhoAmI();
                };
            case 11 ->
                anyBool()
                        ? new ClientRequest.SetWatches(
                                OpCode.SET_WATCHES, anyLong(), strings(), strings(), strings(), null, null)
                        : new ClientRequest.SetWatches(
                                OpCode.SET_WATCHES2, anyLong(), strings(), strings(), strings(), strings(), strings());
            case 12 -> new ClientRequest.AddWatch(string(), anyInt());
            case 13 ->
                new ClientRequest.RemoveWatches(
                        anyBool() ? OpCode.REMOVE_WATCHES : OpCode.CHECK_WATCHES, string(), anyInt());
            case 14 -> new ClientRequest.GetEphemerals(string());
            case 15 -> new ClientRequest.GetAllChildrenNumber(string());
            case 16 -> new ClientRequest.GetAcl(string());
            case 17 -> new ClientRequest.SetAcl(string(), acls(), anyInt());
            case 18 -> new ClientRequest.Auth(anyInt(), string(), bytes());
            default -> multiRead();
        };
    }

    /**
     * A multi of writes as ZooKeeper's {@code Op} factories make them: a create's op code follows
     * from its flags (container: createContainer, else create), a TTL create has a TTL mode.
     */
    ClientRequest.Multi multi() {
        List<ClientRequest.InMulti> ops = new ArrayList<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            ops.add(
                    switch (random.nextInt(5)) {
                        case 0 -> {
                            int flags = random.nextInt(5);
                            yield new ClientRequest.Create(
                                    flags == 4 ? OpCode.CREATE_CONTAINER : OpCode.CREATE,
                                    path(),
                                    bytes(),
                                    acls(),
                                    flags);
                        }
                        case 1 ->
                            new ClientRequest.CreateTtl(
                                    path(), bytes(), acls(), 5 + random.nextInt(2), 1 + random.nextInt(1_000_000));
                        case 2 -> new ClientRequest.Delete(path(), anyInt());
                        case 3 -> new ClientRequest.SetData(path(), bytes(), anyInt());
                        default -> new ClientRequest.Check(path(), anyInt());
                    });
        }
        return new ClientRequest.Multi(OpCode.MULTI, ops);
    }

    /** A multiRead: getChildren and getData, whose records ZooKeeper's {@code Op} writes with watch false. */
    ClientRequest.Multi multiRead() {
        List<ClientRequest.InMulti> ops = new ArrayList<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            ops.add(
                    anyBool()
                            ? new ClientRequest.GetChildren(OpCode.GET_CHILDREN, path(), false)
                            : new ClientRequest.GetData(path(), false));
        }
        return new ClientRequest.Multi(OpCode.MULTI_READ, ops);
    }

    /** Any response record, with the op code of a request it can answer. */
    Answer response() {
        return switch (random.nextInt(15)) {
            case 0 -> new Answer(OpCode.CREATE, new ServerResponse.Create(string()));
            case 1 -> new Answer(CREATE_OPS[1 + random.nextInt(2)], new ServerResponse.Create2(string(), stat()));
            case 2 -> new Answer(OpCode.EXISTS, new ServerResponse.Exists(stat()));
            case 3 -> new Answer(OpCode.GET_DATA, new ServerResponse.GetData(bytes(), stat()));
            case 4 -> new Answer(OpCode.SET_DATA, new ServerResponse.SetData(stat()));
            case 5 -> new Answer(OpCode.GET_CHILDREN, new ServerResponse.GetChildren(strings()));
            case 6 -> new Answer(OpCode.GET_CHILDREN2, new ServerResponse.GetChildren2(strings(), stat()));
            case 7 -> new Answer(OpCode.SYNC, new ServerResponse.Sync(string()));
            case 8 -> new Answer(OpCode.GET_ACL, new ServerResponse.GetAcl(acls(), stat()));
            case 9 -> new Answer(OpCode.SET_ACL, new ServerResponse.SetAcl(stat()));
            case 10 -> new Answer(OpCode.GET_EPHEMERALS, new ServerResponse.GetEphemerals(strings()));
            case 11 -> new Answer(OpCode.GET_ALL_CHILDREN_NUMBER, new ServerResponse.GetAllChildrenNumber(anyInt()));
            case 12 ->
                new Answer(anyBool() ? OpCode.MULTI : OpCode.MULTI_READ, new ServerResponse.Multi(multiResults()));
            case 13 -> new Answer(OpCode.DELETE, new ServerResponse.Empty());
            default -> new Answer(OpCode.SET_WATCHES, new ServerResponse.Empty());
        };
    }

    /** A response and the op code of the request it answers (a reply does not name its record). */
    record Answer(OpCode answered, ServerResponse response) {}

    private List<ServerResponse.MultiResult> multiResults() {
        List<ServerResponse.MultiResult> results = new ArrayList<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            results.add(
                    switch (random.nextInt(8)) {
                        case 0 -> new ServerResponse.MultiResult.Created(string());
                        case 1 -> new ServerResponse.MultiResult.Created2(string(), stat());
                        case 2 -> new ServerResponse.MultiResult.Deleted();
                        case 3 -> new ServerResponse.MultiResult.DataSet(stat());
                        case 4 -> new ServerResponse.MultiResult.Checked();
                        case 5 -> new ServerResponse.MultiResult.Children(strings());
                        case 6 -> new ServerResponse.MultiResult.Data(bytes(), stat());
                        default -> new ServerResponse.MultiResult.Error(anyInt());
                    });
        }
        return results;
    }
}
