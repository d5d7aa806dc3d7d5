package sdlab.bench.coord;

import java.util.List;
import java.util.regex.Pattern;
import sdlab.bench.peer.ChildProcess;
import sdlab.bench.peer.Scratch;
import sdlab.bench.peer.SdlabNode;

/**
 * One {@code sdlab node coord} process: the coordination server as a group of one, in a child JVM
 * with the launcher's JVM options, its log synced to a temporary directory. {@link #describe} says
 * it is one node, because that is not what a 3-node ZooKeeper does.
 */
final class SdlabStandalone implements Ensemble {
    private static final Pattern LISTENING = Pattern.compile("coord node listening on [^:]+:(\\d+)");

    private final ChildProcess node;
    private final int port;

    private SdlabStandalone(ChildProcess node, int port) {
        this.node = node;
        this.port = port;
    }

    /** Starts the node on a port it picks, and waits until it takes a write. */
    static SdlabStandalone start(Scratch scratch) throws InterruptedException {
        ChildProcess node =
                SdlabNode.start("coord", List.of("--port", "0"), scratch.resolve("sdlab-coord.log"), LISTENING);
        try {
            int port = Integer.parseInt(node.readyGroup(LISTENING).orElseThrow());
            SdlabStandalone standalone = new SdlabStandalone(node, port);
            Sessions.awaitWritable(standalone.connectString(), SdlabLaunchers.START_TIMEOUT);
            return standalone;
        } catch (RuntimeException | Error | InterruptedException e) {
            node.close(); // whatever went wrong, no server process outlives the bench
            throw e;
        }
    }

    @Override
    public String connectString() {
        return "127.0.0.1:" + port;
    }

    @Override
    public String describe() {
        return "sdlab standalone (1 node, writes synced): not the 3-node figure";
    }

    @Override
    public void close() {
        node.close();
    }
}
