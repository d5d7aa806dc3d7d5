package sdlab.chapters.cache.layers;

import static sdlab.chapters.cache.layers.LayersMeasurements.APP_HITS;
import static sdlab.chapters.cache.layers.LayersMeasurements.APP_LOOKUPS;
import static sdlab.chapters.cache.layers.LayersMeasurements.BROWSER_HITS;
import static sdlab.chapters.cache.layers.LayersMeasurements.BUFFER_HITS;
import static sdlab.chapters.cache.layers.LayersMeasurements.BYTES_SHOWN;
import static sdlab.chapters.cache.layers.LayersMeasurements.DB_QUERIES;
import static sdlab.chapters.cache.layers.LayersMeasurements.DISK_READS;
import static sdlab.chapters.cache.layers.LayersMeasurements.EDGE_HITS;
import static sdlab.chapters.cache.layers.LayersMeasurements.EDGE_LOOKUPS;
import static sdlab.chapters.cache.layers.LayersMeasurements.LATENCY;
import static sdlab.chapters.cache.layers.LayersMeasurements.MISTAKES;
import static sdlab.chapters.cache.layers.LayersMeasurements.ORIGIN_BYTES;
import static sdlab.chapters.cache.layers.LayersMeasurements.ORIGIN_BYTES_PER_SEC;
import static sdlab.chapters.cache.layers.LayersMeasurements.PAGE_READS;
import static sdlab.chapters.cache.layers.LayersMeasurements.REQUESTS;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import sdlab.lab.Claim;
import sdlab.lab.Experiment;
import sdlab.lab.ExperimentIdentity;
import sdlab.lab.MetricSpec;
import sdlab.lab.Param;
import sdlab.lab.ParamValues;
import sdlab.lab.Question;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;

/** Chapter 20: which caching layer of a personalised video service cuts origin bandwidth most. */
public final class CachingLayersExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "caching-layers",
            20,
            "Caching layers: browser, edge POP, application, database buffer",
            "Users of a personalised video service behind browsers, edge POPs, an application cache and a"
                    + " database buffer pool: the bytes each layer keeps off the origin, its hit ratio, and who sees"
                    + " whose page.");

    private static final String QUESTION = "A video-streaming service personalises its pages per user. Which caching"
            + " layer cuts origin bandwidth most while keeping personalisation? Browser cache / edge POP cache (with"
            + " cache keys and Vary) / application memory cache / database buffer cache.";

    private final UnaryOperator<Layers> layersChange;

    /** The chapter as users run it. */
    public CachingLayersExperiment() {
        this(UnaryOperator.identity());
    }

    /** The chapter with every variant's layers changed, for tests that plant a bug for a claim to catch. */
    CachingLayersExperiment(UnaryOperator<Layers> layersChange) {
        this.layersChange = layersChange;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return LayersParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return variantsOf().stream().map(LayersVariant::toVariant).toList();
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        Layers layers = variantsOf().stream()
                .filter(v -> v.name().equals(variant.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chapter 20 has no variant " + variant.name()))
                .layers();
        return LayersMeasurements.measure(LayersScenario.run(layers, values, seed, options), options);
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.meanPerSeed("originBytesPerSec", "bytes per second the origin sends", ORIGIN_BYTES_PER_SEC),
                MetricSpec.ratio(
                        "originByteShare",
                        "share of the bytes users were shown that the origin sent",
                        ORIGIN_BYTES,
                        BYTES_SHOWN),
                MetricSpec.sum("personalisationMistakes", "responses showing a user another user's variant", MISTAKES),
                MetricSpec.ratio("browserHitRatio", "requests answered by the browser's cache", BROWSER_HITS, REQUESTS),
                MetricSpec.ratio("edgeHitRatio", "requests reaching a POP that it answered", EDGE_HITS, EDGE_LOOKUPS),
                MetricSpec.ratio("appHitRatio", "row lookups the application cache answered", APP_HITS, APP_LOOKUPS),
                MetricSpec.ratio("dbBufferHitRatio", "page reads the buffer pool answered", BUFFER_HITS, PAGE_READS),
                MetricSpec.meanPerSeed("dbQueries", "queries the database ran, per seed", DB_QUERIES),
                MetricSpec.meanPerSeed("diskReads", "pages the database read from disk, per seed", DISK_READS),
                MetricSpec.percentileMs("latencyMsP50", "median time for a user's request", LATENCY, 50),
                MetricSpec.percentileMs("latencyMsP99", "99th percentile time for a user's request", LATENCY, 99));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return LayersClaims.all(variants.stream().map(Variant::name).toList());
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(QUESTION, LayersClaims.options()));
    }

    private List<LayersVariant> variantsOf() {
        return LayersVariant.all().stream()
                .map(v -> new LayersVariant(v.name(), v.description(), layersChange.apply(v.layers())))
                .toList();
    }
}
