package sdlab.lab.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import sdlab.lab.SeedRun;

/**
 * One seed run again with its trace and history kept, for the space-time diagram, the history timeline and {@code
 * --trace}.
 *
 * @param seed the seed
 * @param runsByVariant each variant's full run, in variant order
 */
public record SeedDetail(long seed, Map<String, SeedRun> runsByVariant) {
    public SeedDetail {
        runsByVariant = Collections.unmodifiableMap(new LinkedHashMap<>(runsByVariant));
    }
}
