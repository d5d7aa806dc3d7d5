package sdlab.lab.sweep;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.SeedRun;

/**
 * What one seed produced: every variant's run and every claim's verdict on it (empty = held), in claim order.
 *
 * @param seed the seed
 * @param runsByVariant the runs, in variant order
 * @param violations per claim, the violation or empty
 */
record SeedOutcome(long seed, Map<String, SeedRun> runsByVariant, List<Optional<String>> violations) {}
