package sdlab.bench;

import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress lines on standard error for runs that take a while: the first line at once, then at
 * most one line per interval, so a log stays short however many steps a run has.
 */
final class Progress implements Consumer<String> {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final LongSupplier clockNanos;
    private boolean printedAny;
    private long lastPrintNanos;

    Progress(PrintWriter err, LongSupplier clockNanos) {
        this.err = err;
        this.clockNanos = clockNanos;
    }

    @Override
    public void accept(String line) {
        long now = clockNanos.getAsLong();
        if (printedAny && now - lastPrintNanos < INTERVAL_NANOS) {
            return;
        }
        printedAny = true;
        lastPrintNanos = now;
        err.println("sdlab bench: " + line);
        err.flush();
    }
}
