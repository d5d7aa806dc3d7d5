package sdlab.lab.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sdlab.lab.SeedRun;

/**
 * One seed run again with its trace and history kept, for the space-time diagram, the history timeline and {@code
 * --trace}.
 *
 * @param seed the seed
 * @param runsByVariant each variant's full run, in variant order
 * @param focus the variant whose run is the evidence a report should open at, if one was chosen; one of {@code
 *     runsByVariant}'s keys
 * @param reason why this seed is shown ("the counterexample of ..."), or "" when it was simply asked for
 */
public record SeedDetail(long seed, Map<String, SeedRun> runsByVariant, Optional<String> focus, String reason) {
    public SeedDetail {
        runsByVariant = Collections.unmodifiableMap(new LinkedHashMap<>(runsByVariant));
        Objects.requireNonNull(reason, "reason");
        if (focus.isPresent() && !runsByVariant.containsKey(focus.get())) {
            throw new IllegalArgumentException(
                    "the focus " + focus.get() + " is not among the runs " + runsByVariant.keySet());
        }
    }

    /** A seed shown because it was asked for, without a focus. */
    public SeedDetail(long seed, Map<String, SeedRun> runsByVariant) {
        this(seed, runsByVariant, Optional.empty(), "");
    }

    /**
     * This detail opened at {@code showcase}'s variant with its reason, when the showcase is about this seed and names a
     * variant that was run; else this detail unchanged.
     */
    public SeedDetail focusedOn(Showcase showcase) {
        if (showcase.seed() != seed
                || showcase.variant().isEmpty()
                || !runsByVariant.containsKey(showcase.variant().get())) {
            return this;
        }
        return new SeedDetail(seed, runsByVariant, showcase.variant(), showcase.reason());
    }

    /** The runs in the order a report shows them: the focused variant first, then the rest in variant order. */
    public Map<String, SeedRun> runsFocusFirst() {
        Map<String, SeedRun> ordered = new LinkedHashMap<>();
        focus.ifPresent(variant -> ordered.put(variant, runsByVariant.get(variant)));
        ordered.putAll(runsByVariant);
        return Collections.unmodifiableMap(ordered);
    }
}
