/**
 * The sweep runner: an experiment over a range of seeds, on every core, into one deterministic report.
 *
 * <p>{@link sdlab.lab.sweep.Sweep#run} runs seeds {@code firstSeed .. firstSeed + count - 1}; each seed runs every
 * variant and then checks every claim against those runs, so claims may compare variants on the same seed. Seeds run
 * on a bounded pool of worker threads, and their outcomes are merged into the tallies strictly in seed order on the
 * calling thread. That is what makes the report independent of the thread count: floating-point means are summed in
 * the same order, and the "first" counterexample is always the lowest seed.
 *
 * <p>Memory stays bounded whatever the number of seeds. Only a window of recent seeds is held at once (four per
 * thread); each variant keeps a few running totals per metric and one merged HdrHistogram per latency metric; each
 * claim keeps counts, its first violation and its first holding seed. Traces and histories are not kept during a
 * sweep at all ({@link sdlab.lab.RunOptions#lean()}); {@link sdlab.lab.sweep.Sweep#replay} runs the one seed a report
 * shows in detail again with both.
 *
 * <p>Verdicts: an every-seed claim holds iff its check held on every seed checked; its evidence reads "held on
 * 1000/1000 seeds (95% CI 99.6%-100%)" or "violated on 13/1000 seeds; first at seed 42: ...". A some-seed claim holds
 * iff at least one seed showed it; its evidence names the first such seed and quotes that seed's first finding, from
 * the variant the claim names if it names one. The
 * interval is the Wilson score interval (Wilson 1927) for the share of seeds on which the check held. A question's
 * option is supported when every claim it names holds.
 */
package sdlab.lab.sweep;
