package sdlab.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import sdlab.core.history.History;
import sdlab.sim.TraceEvent;

/**
 * What one seed of one variant produced: counters, per-seed values, latency histograms, and optionally the client
 * history and the simulator's trace. Built with {@link #builder()}; immutable once built.
 *
 * <p>Latencies are recorded in nanoseconds and read as HdrHistograms with three significant digits; reports convert
 * to milliseconds. Findings are notable facts in one line each ("stale read of k3 at 1.2s"); claims and reports quote
 * them as evidence. At most {@link #FINDINGS_MAX} are kept per run so that a pathological run cannot exhaust memory.
 */
public final class SeedRun {
    /** Findings kept per run; later ones are counted in {@link #findingsDropped()} only. */
    public static final int FINDINGS_MAX = 100;

    private final Map<String, Long> counters;
    private final Map<String, Double> values;
    private final Map<String, LatencySamples> latencies;
    private final History history;
    private final List<TraceEvent> trace;
    private final long traceHash;
    private final List<String> findings;
    private final int findingsDropped;
    private final SortedMap<Integer, String> flaggedOperations;
    private final String stratum;

    private SeedRun(Builder builder) {
        this.counters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.counters));
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(builder.values));
        this.latencies = Collections.unmodifiableMap(new LinkedHashMap<>(builder.latencies));
        this.history = builder.history;
        this.trace = List.copyOf(builder.trace);
        this.traceHash = builder.traceHash;
        this.findings = List.copyOf(builder.findings);
        this.findingsDropped = builder.findingsDropped;
        this.flaggedOperations = Collections.unmodifiableSortedMap(new TreeMap<>(builder.flaggedOperations));
        this.stratum = builder.stratum;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The counter's sum within this seed; 0 if it was never counted. */
    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    /** The value set for this seed; NaN if none was set. */
    public double value(String name) {
        return values.getOrDefault(name, Double.NaN);
    }

    /** True if {@link Builder#value} set {@code name}. */
    public boolean hasValue(String name) {
        return values.containsKey(name);
    }

    /**
     * The latency histogram (nanoseconds); an empty one if nothing was recorded under that name. Each call builds a
     * new histogram from the recorded latencies; {@link #recordLatenciesInto} adds them to another without one.
     */
    public Histogram histogram(String name) {
        LatencySamples samples = latencies.get(name);
        return samples != null ? samples.toHistogram() : new Histogram(LatencySamples.HISTOGRAM_DIGITS);
    }

    /**
     * Records every latency of {@code name} into {@code histogram} (of three significant digits, resizing itself):
     * the same counts, minimum and maximum as {@code histogram.add(histogram(name))}, without building a histogram
     * per run. Nothing if none was recorded under that name.
     */
    public void recordLatenciesInto(String name, Histogram histogram) {
        LatencySamples samples = latencies.get(name);
        if (samples != null) {
            samples.recordInto(histogram);
        }
    }

    public Map<String, Long> counters() {
        return counters;
    }

    public Map<String, Double> values() {
        return values;
    }

    public Set<String> histogramNames() {
        return latencies.keySet();
    }

    public Optional<History> history() {
        return Optional.ofNullable(history);
    }

    /** The simulator's trace; empty unless the run recorded one. */
    public List<TraceEvent> trace() {
        return trace;
    }

    /**
     * The simulator's hash of the whole trace (an experiment may compute it even when the trace itself was not kept);
     * 0 if none, as in chapter 10's lean sweep runs, which skip it.
     */
    public long traceHash() {
        return traceHash;
    }

    public List<String> findings() {
        return findings;
    }

    /** How many findings beyond {@link #FINDINGS_MAX} were not kept. */
    public int findingsDropped() {
        return findingsDropped;
    }

    /**
     * Operations a checker singled out (a stale read, an operation that could not be linearized), by operation id:
     * the 0-based position of the operation's invocation among the history's invocations. Reports highlight them in
     * the history with the reason.
     */
    public SortedMap<Integer, String> flaggedOperations() {
        return flaggedOperations;
    }

    /**
     * The value this seed drew of the experiment's {@link Experiment#stratum() stratum} ("crash" for chapter 12's
     * fault), by which reports split their figures; empty if the run set none.
     */
    public Optional<String> stratum() {
        return Optional.ofNullable(stratum);
    }

    /** Collects one run's results; not thread-safe (a run is single-threaded). */
    public static final class Builder {
        private final Map<String, Long> counters = new LinkedHashMap<>();
        private final Map<String, Double> values = new LinkedHashMap<>();
        private final Map<String, LatencySamples> latencies = new LinkedHashMap<>();
        private final List<String> findings = new ArrayList<>();
        private History history;
        private List<TraceEvent> trace = List.of();
        private long traceHash;
        private int findingsDropped;
        private final Map<Integer, String> flaggedOperations = new TreeMap<>();
        private String stratum;

        private Builder() {}

        /** Adds {@code delta} to the counter (summed within the seed). */
        public Builder counter(String name, long delta) {
            counters.merge(Objects.requireNonNull(name, "name"), delta, Long::sum);
            return this;
        }

        /** Sets one number for this seed; the last write wins. */
        public Builder value(String name, double value) {
            values.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /** Records one latency into the named histogram. */
        public Builder latencyNanos(String histogram, long nanos) {
            if (nanos < 0) {
                throw new IllegalArgumentException("a latency cannot be negative: " + nanos + "ns in " + histogram);
            }
            latencies
                    .computeIfAbsent(Objects.requireNonNull(histogram, "histogram"), h -> new LatencySamples())
                    .add(nanos);
            return this;
        }

        public Builder history(History history) {
            this.history = Objects.requireNonNull(history, "history");
            return this;
        }

        public Builder trace(List<TraceEvent> trace) {
            this.trace = Objects.requireNonNull(trace, "trace");
            return this;
        }

        public Builder traceHash(long traceHash) {
            this.traceHash = traceHash;
            return this;
        }

        /** A notable fact, one line, quoted as evidence. */
        public Builder finding(String text) {
            if (findings.size() < FINDINGS_MAX) {
                findings.add(Objects.requireNonNull(text, "text"));
            } else {
                findingsDropped++;
            }
            return this;
        }

        /**
         * Marks operation {@code operationId} (its invocation's 0-based position among all invocations) as one a
         * checker singled out, for {@code reason}; the first reason given for an operation is kept, and at most
         * {@link #FINDINGS_MAX} operations are.
         */
        public Builder flagOperation(int operationId, String reason) {
            if (operationId < 0) {
                throw new IllegalArgumentException("an operation id is not negative: " + operationId);
            }
            if (flaggedOperations.size() < FINDINGS_MAX || flaggedOperations.containsKey(operationId)) {
                flaggedOperations.putIfAbsent(operationId, Objects.requireNonNull(reason, "reason"));
            }
            return this;
        }

        /**
         * The value this seed drew of the experiment's {@link Experiment#stratum() stratum}, one of the values it
         * declares; the last call wins.
         */
        public Builder stratum(String value) {
            this.stratum = Objects.requireNonNull(value, "value");
            return this;
        }

        public SeedRun build() {
            return new SeedRun(this);
        }
    }
}
