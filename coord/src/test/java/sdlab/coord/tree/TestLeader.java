package sdlab.coord.tree;

import java.nio.charset.StandardCharsets;

/**
 * Stands in for the Raft leader in tests: hands the tree transactions with increasing zxids
 * (starting at 0x100000001, epoch 1) and a time that advances 10 ms per transaction, unless a
 * test moves it.
 */
final class TestLeader {

    static final long SESSION_A = 0x1000L;
    static final long SESSION_B = 0x2000L;
    static final long SESSION_C = 0x3000L;

    final ZNodeTree tree;
    long nextZxid = 0x1_0000_0001L;
    long timeMs = 1_000_000;

    TestLeader() {
        this(new ZNodeTree());
    }

    TestLeader(ZNodeTree tree) {
        this.tree = tree;
        nextZxid = Math.max(nextZxid, tree.lastZxid() + 1);
    }

    Applied run(long session, Op op) {
        timeMs += 10;
        return tree.apply(new Txn(nextZxid++, timeMs, session, op));
    }

    Applied run(Op op) {
        return run(SESSION_A, op);
    }

    Applied create(String path, String data) {
        return run(new Op.Create(path, bytes(data), CreateMode.PERSISTENT));
    }

    Applied create(long session, String path, CreateMode mode) {
        return run(session, new Op.Create(path, bytes(""), mode));
    }

    Applied setData(String path, String data, int version) {
        return run(new Op.SetData(path, bytes(data), version));
    }

    Applied delete(String path, int version) {
        return run(new Op.Delete(path, version));
    }

    Applied closeSession(long session) {
        return run(session, new Op.CloseSession());
    }

    Stat stat(String path) {
        return tree.exists(path).orThrow();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
