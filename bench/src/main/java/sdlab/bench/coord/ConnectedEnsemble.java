package sdlab.bench.coord;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An ensemble someone else started ({@code --sdlab-connect}, {@code --zk-connect}): the bench
 * only connects to it, and closing it leaves it running.
 */
public record ConnectedEnsemble(String connectString, String describe) implements Ensemble {
    private static final Pattern SERVER = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}");

    /**
     * {@code servers} checked to be {@code host:port,...}.
     *
     * @throws IllegalArgumentException naming the part that is not {@code host:port}
     */
    public static ConnectedEnsemble of(String name, String servers) {
        List<String> parts = List.of(servers.split(",", -1));
        for (String part : parts) {
            if (!SERVER.matcher(part).matches()) {
                throw new IllegalArgumentException(
                        "expected host:port,host:port,... but '" + part + "' in '" + servers + "' is not host:port");
            }
        }
        return new ConnectedEnsemble(
                servers, name + " at " + servers + " (already running; " + parts.size() + " server(s))");
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
