package sdlab.bench.check;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import sdlab.check.Verdict;
import sdlab.check.linear.CheckLimits;
import sdlab.check.report.CheckOutcome;
import sdlab.check.report.CheckRequest;
import sdlab.check.report.Checker;
import sdlab.check.report.NamedInput;

/**
 * Checks one generated long history the way {@code sdlab check} does (read, parse, pair, check)
 * and measures the whole: wall time and the heap's peak use, read from the JVM's memory pools
 * after their peaks were reset. One run each: the point is how time and memory grow with length,
 * not a median in microseconds.
 */
public final class LongHistoryTimer {
    private final LongSupplier clockNanos;
    private final long timeoutSeconds;

    public LongHistoryTimer(LongSupplier clockNanos, long timeoutSeconds) {
        this.clockNanos = clockNanos;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** What one check of one file took. */
    public record LongTiming(
            LongHistory history, long fileBytes, Verdict verdict, long nanos, long peakHeapBytes, String reason) {
        /** True if the verdict is the one the generator built in. */
        public boolean verdictAsExpected() {
            return verdict == (history.withViolation() ? Verdict.INVALID : Verdict.VALID);
        }
    }

    public LongTiming time(LongHistory history, Path file) throws IOException {
        System.gc(); // start every file from the same, small heap so that the peaks compare
        resetPeaks();
        long start = clockNanos.getAsLong();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        CheckLimits limits = CheckLimits.unlimited()
                .withTimeout(clockNanos, TimeUnit.SECONDS.toNanos(timeoutSeconds))
                .withMemoryBytesMax(Runtime.getRuntime().maxMemory() / 2);
        CheckOutcome outcome = Checker.run(new CheckRequest(
                        sdlab.check.linear.Models.register(), List.of(new NamedInput(file.toString(), text)), limits))
                .getFirst();
        long nanos = clockNanos.getAsLong() - start;
        String reason = outcome.isBadInput()
                ? outcome.badInput()
                : outcome.result().partitions(Verdict.UNKNOWN).stream()
                        .map(p -> p.unknownReason())
                        .findFirst()
                        .orElse(null);
        return new LongTiming(history, Files.size(file), outcome.verdict(), nanos, peakHeap(), reason);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks: an upper bound on the heap used at once. */
    private static long peakHeap() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes;
    }
}
