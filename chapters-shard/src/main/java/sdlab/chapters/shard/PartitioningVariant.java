package sdlab.chapters.shard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.lab.Variant;

/**
 * One scheme under one workload: {@code hash-uniform}, {@code range-monotonic}, {@code vnodes-scans}, ...
 *
 * @param scheme how keys are placed
 * @param pattern what the clients do
 */
record PartitioningVariant(Scheme scheme, AccessPattern pattern) {
    String name() {
        return name(scheme, pattern);
    }

    static String name(Scheme scheme, AccessPattern pattern) {
        return scheme.prefix + "-" + pattern.suffix;
    }

    static List<PartitioningVariant> all() {
        List<PartitioningVariant> all = new ArrayList<>();
        for (AccessPattern pattern : AccessPattern.values()) {
            for (Scheme scheme : Scheme.values()) {
                all.add(new PartitioningVariant(scheme, pattern));
            }
        }
        return List.copyOf(all);
    }

    static PartitioningVariant named(String name) {
        return all().stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chapter 15 has no variant " + name));
    }

    Variant toVariant() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("scheme", scheme.prefix);
        settings.put("workload", pattern.suffix);
        return new Variant(name(), scheme.description + "; " + pattern.description, settings);
    }
}
