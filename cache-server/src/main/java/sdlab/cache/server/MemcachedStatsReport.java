package sdlab.cache.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sdlab.cache.memcached.MemcachedStore;

/**
 * The {@code stats} command's sub-reports, in memcached's shape: {@code STAT name value} lines
 * that the caller ends with {@code END}. Clients and monitoring tools send {@code stats slabs},
 * {@code stats items} and {@code stats settings} and wait for that {@code END}; a sub-report this
 * store has no counterpart for (it has no slab allocator) still answers with the fields that
 * describe it, never a bare {@code ERROR}.
 */
final class MemcachedStatsReport {
    private final MemcachedFrontDoor door;
    private final MemcachedStore store;
    private final CacheServerConfig config;

    MemcachedStatsReport(MemcachedFrontDoor door, MemcachedStore store, CacheServerConfig config) {
        this.door = door;
        this.store = store;
        this.config = config;
    }

    /** The lines of {@code stats <sub>} ("" for plain {@code stats}), or null for a sub-report memcached does not have. */
    List<Map.Entry<String, Object>> lines(String sub) {
        return switch (sub) {
            case "" -> door.stats();
            case "settings" -> settings();
            case "items" -> items();
            case "slabs" -> slabs();
            case "sizes" -> List.of(Map.entry("sizes_status", "disabled"));
            case "conns" -> List.of(Map.entry("curr_connections", door.connected()));
            default -> null;
        };
    }

    private List<Map.Entry<String, Object>> settings() {
        return List.of(
                Map.entry("maxbytes", store.memoryBytesMax()),
                Map.entry("maxconns", config.clientsMax()),
                Map.entry("tcpport", door.port()),
                Map.entry("udpport", 0),
                Map.entry("inter", config.bind()),
                Map.entry("evictions", "on"),
                Map.entry("num_threads", config.memcachedThreads()),
                Map.entry("item_size_max", store.itemBytesMax()),
                Map.entry("cas_enabled", "yes"),
                Map.entry("slab_allocator", "no"));
    }

    /** One pseudo slab class, 1, holding every item: enough for tools that sum the classes. */
    private List<Map.Entry<String, Object>> items() {
        long count = store.itemCount();
        if (count == 0) {
            return List.of();
        }
        List<Map.Entry<String, Object>> lines = new ArrayList<>();
        lines.add(Map.entry("items:1:number", count));
        lines.add(Map.entry("items:1:mem_requested", store.bytes()));
        lines.add(Map.entry("items:1:evicted", store.stats().evictions()));
        return lines;
    }

    private List<Map.Entry<String, Object>> slabs() {
        return List.of(
                Map.entry("active_slabs", store.itemCount() == 0 ? 0 : 1), Map.entry("total_malloced", store.bytes()));
    }
}
