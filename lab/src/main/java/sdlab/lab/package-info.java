/**
 * The experiment API: how a chapter states what it measures and what it claims.
 *
 * <p>An {@link sdlab.lab.Experiment} has typed {@link sdlab.lab.Param parameters} with defaults and ranges, {@link
 * sdlab.lab.Variant variants} (the options its question compares), {@link sdlab.lab.MetricSpec metrics}, {@link
 * sdlab.lab.Claim claims} and optionally a {@link sdlab.lab.Question question}. The lab runs every variant on each
 * seed of a range ({@link sdlab.lab.Experiment#run} returns a {@link sdlab.lab.SeedRun} of counters, values, latency
 * histograms and findings), aggregates the metrics per variant, checks every claim on every seed, and decides each
 * option of the question from the claims it names.
 *
 * <p>Claims are measured, never asserted: a claim that the textbook says should hold but does not is reported as
 * failing, with the first seed that violates it and the command that replays that seed with its trace. The share of
 * seeds on which a claim held comes with a 95% Wilson score interval, so "held on 50 of 50 seeds" is visibly weaker
 * evidence than "held on 5000 of 5000".
 *
 * <p>Determinism is the contract that makes replay possible: {@code run} must be a function of (variant, parameter
 * values, seed) alone, its randomness drawn from the seed (for example through the simulator, which splits the seed
 * per node). {@code run} is called concurrently for different seeds, so an experiment holds no mutable state. Recording
 * a trace or history ({@link sdlab.lab.RunOptions}) must not change the numbers.
 *
 * <p>To add an experiment: implement {@link sdlab.lab.Experiment}, list the class in {@code
 * META-INF/services/sdlab.lab.Experiment}, and the command line ({@code sdlab list}, {@code sdlab run <id>}) finds it.
 */
package sdlab.lab;
