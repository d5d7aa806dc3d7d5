package sdlab.shard.hot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request coalescing (Go's {@code singleflight}, a CDN's collapsed forwarding): while one fetch of a key is in flight,
 * later askers for the key wait for it instead of sending their own, and all of them get its answer.
 *
 * <p>A flight is named by its key; {@link #join} says whether the asker is the first (and must fetch). The planted bug
 * names each asker's flight apart, so every miss fetches on its own, as a cache without coalescing does.
 *
 * @param <W> what an asker leaves to be answered by
 */
public final class SingleFlight<W> {
    /** Askers that may wait on one flight: bounded by the routers, each with one operation at a time. */
    static final int WAITERS_MAX = 100_000;

    private final boolean coalesce;
    private final Map<String, List<W>> flights = new TreeMap<>();
    private long separateFlights;
    private long coalesced;

    /** @param coalesce false plants the bug: every asker gets a flight of its own */
    public SingleFlight(boolean coalesce) {
        this.coalesce = coalesce;
    }

    /**
     * {@code waiter} asks for {@code key}: the flight it joined, and whether it is the flight's first asker, who must
     * fetch.
     */
    public Joined join(String key, W waiter) {
        String flight = coalesce ? key : key + "/" + separateFlights++;
        List<W> waiting = flights.computeIfAbsent(flight, f -> new ArrayList<>());
        if (waiting.size() >= WAITERS_MAX) {
            throw new IllegalStateException("more than " + WAITERS_MAX + " askers wait for " + key);
        }
        waiting.add(waiter);
        if (waiting.size() > 1) {
            coalesced++;
        }
        return new Joined(flight, waiting.size() == 1);
    }

    /** The flight {@code flight} landed: everyone who waited for it, now answered. */
    public List<W> land(String flight) {
        List<W> waiting = flights.remove(flight);
        return waiting == null ? List.of() : waiting;
    }

    /** Askers that joined a flight already in the air instead of fetching. */
    public long coalesced() {
        return coalesced;
    }

    /** Where an asker waits, and whether it must send the fetch. */
    public record Joined(String flight, boolean fetch) {}
}
