package sdlab.lab;

import java.util.Objects;

/** How one metric is computed from the runs of one variant over all seeds. */
public sealed interface Aggregation {
    /** The counter's total over all seeds. */
    record Sum(String counter) implements Aggregation {
        public Sum {
            Objects.requireNonNull(counter, "counter");
        }
    }

    /** The mean over seeds of a per-seed value, or of a counter if no value of that name was set. */
    record MeanPerSeed(String valueOrCounter) implements Aggregation {
        public MeanPerSeed {
            Objects.requireNonNull(valueOrCounter, "valueOrCounter");
        }
    }

    /** Total numerator over total denominator (a ratio of sums, not a mean of ratios); undefined if the latter is 0. */
    record Ratio(String numeratorCounter, String denominatorCounter) implements Aggregation {
        public Ratio {
            Objects.requireNonNull(numeratorCounter, "numeratorCounter");
            Objects.requireNonNull(denominatorCounter, "denominatorCounter");
        }
    }

    /** A percentile in milliseconds of the histogram merged over all seeds; 100 is the maximum. */
    record PercentileMs(String histogram, double percentile) implements Aggregation {
        public PercentileMs {
            Objects.requireNonNull(histogram, "histogram");
            if (!(percentile > 0 && percentile <= 100)) {
                throw new IllegalArgumentException("a percentile is above 0 and at most 100, got " + percentile);
            }
        }
    }

    /** The number of seeds on which the counter was above zero. */
    record SeedsWith(String counter) implements Aggregation {
        public SeedsWith {
            Objects.requireNonNull(counter, "counter");
        }
    }
}
