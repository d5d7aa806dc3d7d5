package sdlab.chapters.cache.layers;

import static sdlab.chapters.cache.layers.LayersMeasurements.DB_QUERIES;
import static sdlab.chapters.cache.layers.LayersMeasurements.DISK_READS;
import static sdlab.chapters.cache.layers.LayersMeasurements.MISTAKES;
import static sdlab.chapters.cache.layers.LayersMeasurements.ORIGIN_BYTES;
import static sdlab.chapters.cache.layers.LayersVariant.APP_MEMORY;
import static sdlab.chapters.cache.layers.LayersVariant.BROWSER;
import static sdlab.chapters.cache.layers.LayersVariant.DB_BUFFER;
import static sdlab.chapters.cache.layers.LayersVariant.EDGE;
import static sdlab.chapters.cache.layers.LayersVariant.EDGE_URL_KEY;
import static sdlab.chapters.cache.layers.LayersVariant.NO_CACHE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.Question;
import sdlab.lab.SeedRun;

/**
 * What chapter 20 claims, each a predicate over one seed's runs of every variant.
 *
 * <p>The assertions are the chapter's mechanics: personalisation survives every layer but an edge
 * keyed by URL alone, which serves users each other's pages; the application and database caches
 * spare the database and its disk but not one byte of origin bandwidth. The hypotheses are the
 * question's options, one per layer: "this layer alone cuts origin bandwidth the most of the four,
 * with no personalisation mistake".
 */
final class LayersClaims {
    static final String ONLY_URL_KEY_MISTAKES = "onlyAnEdgeKeyedByUrlAloneMakesPersonalisationMistakes";
    static final String URL_KEY_MISTAKES = "edgeKeyedByUrlAloneServesOtherUsersVariants";
    static final String INNER_LAYERS_SAME_BYTES = "appAndDatabaseCachesLeaveOriginBytesUnchanged";
    static final String APP_SPARES_DB = "appMemoryCacheSparesTheDatabase";
    static final String BUFFER_SPARES_DISK = "bufferPoolSparesTheDisk";

    private LayersClaims() {}

    static List<Claim> all(List<String> variants) {
        List<String> keyedWell =
                variants.stream().filter(v -> !v.equals(EDGE_URL_KEY)).toList();
        List<Claim> claims = new ArrayList<>();
        claims.add(Claim.everySeed(
                ONLY_URL_KEY_MISTAKES,
                "No user is shown another user's home page or another taste segment's artwork, whatever layers"
                        + " cache, as long as the edge keys by URL and the Vary'd headers and keeps no private"
                        + " response.",
                (seed, runs) -> firstWithMistakes(runs, keyedWell)));
        claims.add(Claim.everySeed(
                URL_KEY_MISTAKES,
                "An edge that caches everything under the URL alone shows users other users' variants.",
                (seed, runs) -> runs.get(EDGE_URL_KEY).counter(MISTAKES) > 0
                        ? Optional.empty()
                        : Optional.of("the URL-keyed edge made no mistake on this seed")));
        claims.add(Claim.everySeed(
                INNER_LAYERS_SAME_BYTES,
                "The application memory cache and the database buffer pool leave the origin sending exactly the"
                        + " bytes it sends with no cache at all.",
                (seed, runs) -> sameOriginBytes(runs, List.of(APP_MEMORY, DB_BUFFER), NO_CACHE)));
        claims.add(Claim.everySeed(
                APP_SPARES_DB,
                "The application memory cache sends fewer queries to the database than no cache does.",
                (seed, runs) -> fewer(runs, APP_MEMORY, NO_CACHE, DB_QUERIES)));
        claims.add(Claim.everySeed(
                BUFFER_SPARES_DISK,
                "The database buffer pool reads fewer pages from disk than a database without one.",
                (seed, runs) -> fewer(runs, DB_BUFFER, NO_CACHE, DISK_READS)));
        for (String layer : LayersVariant.SINGLE_LAYERS) {
            claims.add(Claim.hypothesis(
                    cutsMost(layer),
                    "Of the four layers alone, " + layer + " leaves the origin the fewest bytes to send, and shows"
                            + " no user another user's variant.",
                    (seed, runs) -> cutsMostKeepingPersonalisation(runs, layer)));
        }
        return List.copyOf(claims);
    }

    /** The question's options, one per layer, each measured on the variant with that layer alone. */
    static List<Question.Option> options() {
        return List.of(
                option("browser cache", BROWSER, "A browser keeps only what its own user fetched before."),
                option(
                        "edge POP cache (cache key and Vary)",
                        EDGE,
                        "A POP shares what one user fetched with every user behind it whose Vary'd headers match."),
                option(
                        "application memory cache",
                        APP_MEMORY,
                        "The origin keeps database rows; it still sends every response it builds."),
                option(
                        "database buffer cache",
                        DB_BUFFER,
                        "The database keeps pages in memory; the origin still sends every response it builds."));
    }

    static String cutsMost(String layer) {
        return "cutsOriginBandwidthMostKeepingPersonalisation[" + layer + "]";
    }

    private static Question.Option option(String label, String variant, String explanation) {
        return new Question.Option(label, variant, List.of(cutsMost(variant)), explanation);
    }

    private static Optional<String> firstWithMistakes(Map<String, SeedRun> runs, List<String> variants) {
        for (String variant : variants) {
            SeedRun run = runs.get(variant);
            if (run != null && run.counter(MISTAKES) > 0) {
                return Optional.of("%s: %d mistakes; %s"
                        .formatted(
                                variant, run.counter(MISTAKES), run.findings().getFirst()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> sameOriginBytes(Map<String, SeedRun> runs, List<String> variants, String baseline) {
        long expected = runs.get(baseline).counter(ORIGIN_BYTES);
        for (String variant : variants) {
            long bytes = runs.get(variant).counter(ORIGIN_BYTES);
            if (bytes != expected) {
                return Optional.of(
                        "%s: the origin sent %d bytes, against %d with no cache".formatted(variant, bytes, expected));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fewer(Map<String, SeedRun> runs, String variant, String baseline, String counter) {
        long ours = runs.get(variant).counter(counter);
        long theirs = runs.get(baseline).counter(counter);
        if (ours < theirs) {
            return Optional.empty();
        }
        return Optional.of("%s: %d %s, against %d with no cache".formatted(variant, ours, counter, theirs));
    }

    private static Optional<String> cutsMostKeepingPersonalisation(Map<String, SeedRun> runs, String layer) {
        SeedRun own = runs.get(layer);
        if (own.counter(MISTAKES) > 0) {
            return Optional.of("%s made %d personalisation mistakes".formatted(layer, own.counter(MISTAKES)));
        }
        for (String other : LayersVariant.SINGLE_LAYERS) {
            long theirs = runs.get(other).counter(ORIGIN_BYTES);
            if (theirs < own.counter(ORIGIN_BYTES)) {
                return Optional.of("the origin sent %.1f MB with %s alone, %.1f MB with %s alone"
                        .formatted(own.counter(ORIGIN_BYTES) / 1e6, layer, theirs / 1e6, other));
            }
        }
        return Optional.empty();
    }
}
