package sdlab.chapters.shard.hotspots;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.lab.Variant;

/**
 * One hotspot under one remedy (or none): {@code tokens-ring1}, {@code monotonic-split}, {@code celebrity-limit}, ...
 */
record HotspotVariant(Hotspot hotspot, Remedy remedy) {
    static List<HotspotVariant> all() {
        return List.of(
                new HotspotVariant(Hotspot.UNLUCKY_TOKENS, Remedy.NONE_RING1),
                new HotspotVariant(Hotspot.UNLUCKY_TOKENS, Remedy.VIRTUAL_NODES),
                new HotspotVariant(Hotspot.MONOTONIC, Remedy.NONE_RANGES),
                new HotspotVariant(Hotspot.MONOTONIC, Remedy.LOAD_SPLITS),
                new HotspotVariant(Hotspot.HOT_RANGE, Remedy.NONE_RANGES),
                new HotspotVariant(Hotspot.HOT_RANGE, Remedy.LOAD_SPLITS),
                new HotspotVariant(Hotspot.CELEBRITY, Remedy.VIRTUAL_NODES),
                new HotspotVariant(Hotspot.CELEBRITY, Remedy.KEY_LIMIT),
                new HotspotVariant(Hotspot.HOT_WRITE, Remedy.VIRTUAL_NODES),
                new HotspotVariant(Hotspot.HOT_WRITE, Remedy.SALTED),
                new HotspotVariant(Hotspot.HOT_READ, Remedy.VIRTUAL_NODES),
                new HotspotVariant(Hotspot.HOT_READ, Remedy.READ_CACHE),
                new HotspotVariant(Hotspot.HOT_READ, Remedy.READ_CACHE_INVALIDATED),
                new HotspotVariant(Hotspot.HOT_READ, Remedy.COPIES_RANDOM),
                new HotspotVariant(Hotspot.HOT_READ, Remedy.COPIES_LEAST_LOADED),
                new HotspotVariant(Hotspot.HOT_READ, Remedy.COPIES_TWO_CHOICES));
    }

    static String name(Hotspot hotspot, Remedy remedy) {
        return hotspot.prefix + "-" + remedy.suffix;
    }

    String name() {
        return name(hotspot, remedy);
    }

    static HotspotVariant named(String name) {
        return all().stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chapter 16 has no variant " + name));
    }

    Variant toVariant() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("hotspot", hotspot.prefix);
        settings.put("remedy", remedy.suffix);
        return new Variant(name(), hotspot.description + "; " + remedy.description, settings);
    }
}
