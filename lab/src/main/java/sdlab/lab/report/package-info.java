/**
 * What a sweep measured ({@link sdlab.lab.report.ExperimentReport} and its parts) and how it is shown: {@link
 * sdlab.lab.report.TerminalReport} for people at a terminal, {@link sdlab.lab.report.JsonReport} for scripts, {@link
 * sdlab.lab.report.html.HtmlReport} for a browser, {@link sdlab.lab.report.TraceListing} for {@code --trace}.
 *
 * <h2>SCHEMA: the JSON report</h2>
 *
 * <p>Stable: fields are only ever added, never renamed or removed, and always appear in this order. Undefined numbers
 * (a ratio over zero operations, a percentile of no samples) are {@code null}. Wall-clock time is not part of it: the
 * same experiment, parameters and seeds give the same bytes, whatever the number of threads.
 *
 * <pre>{@code
 * {
 *   "experiment": "quorum",            // the id for `sdlab run`
 *   "chapter": 10,
 *   "title": "Dynamo-style quorums (N, R, W)",
 *   "summary": "...",
 *   "seeds": 1000,                     // how many consecutive seeds ran
 *   "firstSeed": 1,                    // the first of them
 *   "params": {"n": 3, "loss": 0.01, "mode": "strict", "timeout": "250ms"},
 *                                      // every parameter: numbers and booleans as such, enums and durations as
 *                                      // the text the command line takes
 *   "variants": [
 *     {"name": "R2W2",
 *      "description": "...",
 *      "params": {"n": 3, "r": 2, "w": 2},        // the variant's settings
 *      "metrics": {"staleReads": 0, "availability": 0.987, "latencyMsP99": 4.2},
 *                                      // in the experiment's metric order; sums and seed counts are integers
 *      "standardErrors": {"staleReads": 0.0, "availability": 0.0021, "latencyMsP99": null}}
 *                                      // each metric's standard error from the spread over seeds (its 95%
 *                                      // interval is the value plus or minus 1.96 of them): a total's is
 *                                      // sqrt(seeds) times the per-seed standard deviation, a mean's that over
 *                                      // sqrt(seeds), a ratio of sums' by the delta method, a seed count's
 *                                      // binomial; null for a percentile, under two seeds, or when merged from
 *                                      // shards that kept no spreads
 *      "differenceErrors": {"availability": {"R1W1": 0.0009, "R3W1": 0.0011}, ...}}
 *                                      // per metric but a percentile, per other variant: the standard error of
 *                                      // this variant's value minus the other's, paired seed by seed (all
 *                                      // variants ran on the same seeds): the error of the figure of the
 *                                      // per-seed differences, for a ratio by the delta method's residuals;
 *                                      // absent with one variant and when merged from shards without "pairs"
 *   ],
 *   "strata": {                        // only when the experiment declares a stratum (a property each seed draws,
 *                                      // chapter 12's fault); absent otherwise, so other reports are unchanged
 *     "name": "fault",
 *     "values": [                      // every declared value, in the experiment's order, even one no seed drew
 *       {"value": "crash",
 *        "variants": [{"name": "port", "seeds": 118,  // that variant's runs that drew it
 *                      "metrics": {...}, "standardErrors": {...}}]}
 *                                      // as a variant's above, over only those seeds: a mean is per seed of
 *                                      // the stratum, a seed count counts its seeds; null when it has none
 *     ]
 *   },
 *   "claims": [
 *     {"name": "noStaleReadsWhenQuorumsOverlap",
 *      "description": "...",
 *      "scope": "every_seed",          // or "some_seed"
 *      "role": "assertion",            // or "hypothesis": measured and reported, never fails the run
 *      "holds": true,
 *      "applicable": true,             // false: one seed could not judge it (a some-seed claim not shown in a replay)
 *      "seedsChecked": 1000,
 *      "seedsHolding": 1000,           // seeds on which the check held
 *      "wilsonLow": 0.99617, "wilsonHigh": 1.0,   // 95% Wilson interval of seedsHolding / seedsChecked
 *      "evidence": "held on 1000/1000 seeds (95% CI 99.6%-100%)",
 *      "counterexampleSeed": null,     // every_seed claims that failed: the first violating seed
 *      "witnessSeed": null,            // some_seed claims that held: the first seed that showed it
 *      "replayCommand": null,          // "./sdlab run quorum --seed 42 --variant n3r1w3 --trace" for either seed
 *      "evidenceVariant": null,        // the variant whose run on that seed is the evidence (the command's --variant)
 *      "illustration": null}           // why the claim is an illustration, not evidence: it compares only figures
 *                                      // derived from cost inputs, or holds by construction; null for evidence
 *   ],
 *   "question": {                      // null when the experiment has none or claims were skipped
 *     "text": "Which guarantee ...?",
 *     "options": [{"label": "strong consistency", "variant": "R2W2", "supported": false,
 *                  "claims": ["linearizable"], "why": "claim linearizable did not hold: ...",
 *                  "explanation": "...",
 *                  "decided": true,    // false: a deciding claim was not applicable, so the run neither supports
 *                                      // nor refutes the option ("supported" is then false too)
 *                  "evidenceVariant": "R1W3", "evidenceSeed": 5}]
 *                                      // for a refuted option, the run that refuted it: a claim may range over
 *                                      // several variants, so this need not be "variant"; null otherwise
 *   },
 *   "assertionsHold": false,           // every assertion held: what `sdlab run` turns into its exit code (0 or 1)
 *   "notes": [],                       // remarks, e.g. why claims were skipped
 *   "metrics": [                       // each metric's definition, in report order
 *     {"name": "handshakeCpuUsPerWake", "description": "...",
 *      "provenance": "derived",        // or "measured": counted or timed from the running mechanism
 *      "derivedFrom": ["full-handshake-cpu", "resumed-handshake-cpu"]}
 *                                      // the cost inputs (parameters) a derived figure follows; [] when measured
 *   ],
 *   "mergeable": {                     // the raw tallies every figure above was computed from, for `sdlab merge`;
 *                                      // null in reports not made by a sweep
 *     "format": 1,                     // the layout of this section; merge refuses another
 *     "definition": "sha256:...",      // fingerprint of the experiment's definition (parameters and defaults,
 *                                      // variants, metrics, claims, question): reports of different versions
 *                                      // are not merged
 *     "onlyVariant": null,             // the --variant the sweep kept, if any
 *     "params": {"n": "3", "timeout": "250ms"},  // every parameter as the command line writes it
 *     "variants": [
 *       {"name": "R2W2", "seeds": 1000,
 *        "metrics": {"staleReads": {"total": 0},                          // sums and seed counts
 *                    "availability": {"numerator": 987, "denominator": 1000},  // ratios
 *                    "queueDepthMean": {"exactSum": "1234.5"}},           // means: the exact decimal sum of
 *                                      // the per-seed values (or "NaN", "Infinity"), divided by seeds when read
 *                                      // every metric but a percentile also has "spread": {"squares",
 *                                      // "denominatorSquares", "crossProducts"}, exact decimal sums over seeds
 *                                      // of the per-seed term (a ratio's numerator) squared, and for a ratio
 *                                      // of its denominator squared and of numerator times denominator ("0"
 *                                      // otherwise): what the standard errors are computed from
 *        "histograms": {"latency": "1000:3 1024:1"},
 *                                      // each histogram a percentile reads: its non-empty buckets as
 *                                      // "lowest value in ns:count", three significant digits
 *        "strata": {"crash": {"seeds": 118, "metrics": {...}, "histograms": {...}}}}
 *                                      // only when the experiment declares a stratum: per declared value, the
 *                                      // same tally over the runs that drew it; a merge refuses a shard that
 *                                      // lacks a value or whose strata do not add up to the variant's seeds
 *     ],
 *     "claims": [
 *       {"name": "noStaleReadsWhenQuorumsOverlap", "seedsChecked": 1000, "seedsHolding": 1000,
 *        "firstViolation": null,       // or {"seed": 7, "text": "the violation", "variant": "R1W3"}
 *        "firstHolding": {"seed": 1, "text": ": [R2W2] the first finding", "variant": "R2W2"}}
 *     ],
 *     "pairs": [                       // every two variants in report order (absent with one variant): exact
 *                                      // decimal sums over seeds of products of their per-seed terms, what the
 *                                      // paired "differenceErrors" are computed from
 *       {"variants": ["R2W2", "R1W1"],
 *        "metrics": {"staleReads": {"numerators": "12"},
 *                    "availability": {"numerators": "1953", "firstNumeratorSecondDenominator": "1990",
 *                                     "firstDenominatorSecondNumerator": "1968", "denominators": "2001"}}}
 *                                      // a ratio also has its numerator-denominator and denominator products
 *     ]
 *   }
 * }
 * }</pre>
 *
 * <h2>Merging reports</h2>
 *
 * <p>A sweep's seeds can be split into ranges ({@code --first-seed}, {@code --seeds}) that run anywhere; {@code
 * sdlab merge} combines their JSON reports into exactly the report of one run over all the seeds. Everything in
 * {@code "mergeable"} adds up exactly (counts, exact sums, histogram buckets; "first" is the lowest seed), and every
 * other figure is derived from it by the code a single run uses ({@link sdlab.lab.sweep.SweepMerge}).
 */
package sdlab.lab.report;
