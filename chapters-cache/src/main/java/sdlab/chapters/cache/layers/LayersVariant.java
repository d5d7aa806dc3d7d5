package sdlab.chapters.cache.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.lab.Variant;

/**
 * One configuration of chapter 20: no cache, each layer alone, a misconfigured edge, and all layers.
 *
 * @param name the variant's name in reports
 * @param description one line on what is on
 * @param layers the layers
 */
record LayersVariant(String name, String description, Layers layers) {
    static final String NO_CACHE = "no-cache";
    static final String BROWSER = "browser";
    static final String EDGE = "edge";
    static final String EDGE_URL_KEY = "edge-url-key";
    static final String APP_MEMORY = "app-memory";
    static final String DB_BUFFER = "db-buffer";
    static final String ALL_LAYERS = "all-layers";

    /** The four layers the question offers, one variant each. */
    static final List<String> SINGLE_LAYERS = List.of(BROWSER, EDGE, APP_MEMORY, DB_BUFFER);

    static List<LayersVariant> all() {
        EdgePolicy off = EdgePolicy.OFF;
        return List.of(
                new LayersVariant(
                        NO_CACHE,
                        "no layer caches: every request reaches the origin, every row the disk",
                        new Layers(false, off, false, false)),
                new LayersVariant(
                        BROWSER,
                        "only browsers cache (Cache-Control max-age, private included)",
                        new Layers(true, off, false, false)),
                new LayersVariant(
                        EDGE,
                        "only edge POPs cache, keyed by URL and the Vary'd headers, no private responses",
                        new Layers(false, EdgePolicy.STANDARD, false, false)),
                new LayersVariant(
                        EDGE_URL_KEY,
                        "only edge POPs cache, everything, keyed by URL alone",
                        new Layers(false, EdgePolicy.URL_ONLY, false, false)),
                new LayersVariant(
                        APP_MEMORY,
                        "only the origin's memory caches database rows",
                        new Layers(false, off, true, false)),
                new LayersVariant(
                        DB_BUFFER, "only the database's buffer pool caches pages", new Layers(false, off, false, true)),
                new LayersVariant(
                        ALL_LAYERS,
                        "browser, edge (URL + Vary), application memory and buffer pool together",
                        new Layers(true, EdgePolicy.STANDARD, true, true)));
    }

    Variant toVariant() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("browser", layers.browser());
        settings.put("edge", layers.edge().label());
        settings.put("appMemory", layers.appMemory());
        settings.put("dbBuffer", layers.dbBuffer());
        return new Variant(name, description, settings);
    }
}
