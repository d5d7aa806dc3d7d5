package sdlab.chapters.coord;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;

/** The knobs of chapter 5, with defaults sized so that one seed of every variant takes tens of milliseconds. */
final class LockParams {
    private LockParams() {}

    static final Param<Integer> CLIENTS = Param.integer("clients", "processes contending for the lock", 5, 2, 50);
    static final Param<Duration> LENGTH = Param.duration(
            "length",
            "virtual time of one seed's run",
            Duration.ofSeconds(20),
            Duration.ofSeconds(8),
            Duration.ofHours(1));
    static final Param<Integer> INCREMENTS =
            Param.integer("increments", "read-modify-writes of the counter per hold", 3, 1, 100);
    static final Param<Duration> WORK = Param.duration(
            "work",
            "how long a holder computes between reading the counter and writing it back",
            Duration.ofMillis(100),
            Duration.ZERO,
            Duration.ofMinutes(1));
    static final Param<Duration> SESSION = Param.duration(
            "session",
            "the session timeout the clients ask for (the servers' tick is 200 ms: 400 ms to 4 s)",
            Duration.ofSeconds(1),
            Duration.ofMillis(400),
            Duration.ofSeconds(4));
    static final Param<Duration> TTL = Param.duration(
            "ttl",
            "the lease's TTL (renewed every third of it)",
            Duration.ofSeconds(1),
            Duration.ofMillis(300),
            Duration.ofMinutes(10));
    static final Param<Duration> LAG = Param.duration(
            "lag",
            "the read options: how long the leader's messages to the readers' server are lost, every 300 ms (at most"
                    + " 140 ms, under the 150 ms election timeout, so that it lags as a follower)",
            Duration.ofMillis(120),
            Duration.ZERO,
            Duration.ofMillis(140));
    static final Param<Boolean> PAUSES = Param.flag(
            "pauses", "pause the holder between its read and its write for one to three sessions (a GC)", true);
    static final Param<Boolean> PARTITIONS =
            Param.flag("partitions", "cut the holder off from the coordination servers, not from the store", true);
    static final Param<Boolean> CRASHES =
            Param.flag("crashes", "crash the holder and restart it a few sessions later", true);

    static final List<Param<?>> ALL =
            List.of(CLIENTS, LENGTH, INCREMENTS, WORK, SESSION, TTL, LAG, PAUSES, PARTITIONS, CRASHES);
}
