package sdlab.lab.toy;

import java.util.List;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.Experiment;
import sdlab.lab.ExperimentIdentity;
import sdlab.lab.MetricSpec;
import sdlab.lab.Param;
import sdlab.lab.ParamValues;
import sdlab.lab.Question;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Stratum;
import sdlab.lab.Variant;

/**
 * A toy stratified experiment for the lab's own tests: each seed draws a weather from its number alone (sunny, rainy
 * and snowy in turn; fog is declared and never drawn), and two ways to travel count trips and delays that depend on
 * the seed, so tests know every stratum's figures exactly. One metric of each aggregation.
 */
public final class WeatherExperiment implements Experiment {
    public static final List<String> WEATHERS = List.of("sunny", "rainy", "snowy", "foggy");
    /** The seed that {@link #namingHail()} files under a weather the experiment does not declare. */
    public static final long HAIL_SEED = 5;

    private final boolean namesHail;

    public WeatherExperiment() {
        this(false);
    }

    private WeatherExperiment(boolean namesHail) {
        this.namesHail = namesHail;
    }

    /** The experiment with a bug planted: seed {@link #HAIL_SEED} names "hail", a weather it never declared. */
    public static WeatherExperiment namingHail() {
        return new WeatherExperiment(true);
    }

    /** The weather of {@code seed}: sunny, rainy, snowy, sunny, ... */
    public static String weatherOf(long seed) {
        return WEATHERS.get((int) Math.floorMod(seed, 3));
    }

    @Override
    public ExperimentIdentity identity() {
        return new ExperimentIdentity(
                "weather", 97, "Walking and driving", "Trips and delays under each seed's weather.");
    }

    @Override
    public String explanation() {
        return "Each seed draws a weather.";
    }

    @Override
    public List<Param<?>> params() {
        return List.of();
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return List.of(Variant.of("walk", "on foot"), Variant.of("drive", "by car"));
    }

    @Override
    public Optional<Stratum> stratum() {
        return Optional.of(new Stratum("weather", WEATHERS));
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        boolean walking = variant.name().equals("walk");
        long delays = walking ? (seed % 2 == 0 ? 1 : 0) : (seed % 5 == 0 ? 2 : 0);
        return SeedRun.builder()
                .stratum(namesHail && seed == HAIL_SEED ? "hail" : weatherOf(seed))
                .counter("trips", walking ? seed : 2 * seed)
                .counter("delays", delays)
                .value("distanceKm", seed / 10.0)
                .latencyNanos("tripTime", seed * 1_000_000)
                .build();
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.sum("trips", "trips made", "trips"),
                MetricSpec.ratio("delayRate", "delays per trip", "delays", "trips"),
                MetricSpec.meanPerSeed("distanceKm", "km per seed", "distanceKm"),
                MetricSpec.seedsWith("seedsDelayed", "seeds with a delay", "delays"),
                MetricSpec.percentileMs("tripMsMax", "longest trip", "tripTime", 100));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return List.of();
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.empty();
    }
}
