package sdlab.app.cluster.jepsen;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One Jepsen-style run of a real cluster.
 *
 * @param options the mechanism's options ({@code variant}, {@code n}, ...)
 * @param rate operations per second over all clients (each waits a random pause between its operations)
 * @param nemesisInterval how long each quiet period and each fault lasts
 * @param directory where the cluster, its logs and the history go; its previous data is removed
 */
public record JepsenSettings(
        String mechanism,
        Map<String, String> options,
        int nodes,
        int clients,
        Duration time,
        double rate,
        List<NemesisKind> nemesis,
        Duration nemesisInterval,
        int keys,
        double readShare,
        long seed,
        Path directory) {
    public JepsenSettings {
        options = Map.copyOf(options);
        nemesis = List.copyOf(nemesis);
        if (clients < 1 || clients > 256) {
            throw new IllegalArgumentException("--clients must be between 1 and 256, got " + clients);
        }
        if (time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("--time must be positive, got " + time);
        }
        if (!(rate > 0)) {
            throw new IllegalArgumentException("--rate must be positive, got " + rate);
        }
        if (nemesisInterval.toMillis() < 100) {
            throw new IllegalArgumentException("--nemesis-interval must be at least 100 ms, got " + nemesisInterval);
        }
        if (keys < 1) {
            throw new IllegalArgumentException("--keys must be at least 1, got " + keys);
        }
        if (!(readShare >= 0 && readShare <= 1)) {
            throw new IllegalArgumentException("--read-share must be between 0 and 1, got " + readShare);
        }
    }

    /** The history file of the run. */
    public Path historyFile() {
        return directory.resolve("history.jsonl");
    }
}
