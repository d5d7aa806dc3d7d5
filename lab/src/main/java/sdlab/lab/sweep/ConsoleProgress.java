package sdlab.lab.sweep;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress on the console's error stream: a bar redrawn in place for a terminal, or a plain line at every tenth of
 * the sweep for logs and pipes. Wall-clock time appears only here, never in a report.
 */
public final class ConsoleProgress implements SweepProgress {
    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS_MIN = 100_000_000L;

    private final PrintWriter err;
    private final String label;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long drawnNanos = Long.MIN_VALUE;
    private int reportedTenths;
    private boolean drawn;

    private ConsoleProgress(PrintWriter err, String label, boolean terminal) {
        this.err = err;
        this.label = label;
        this.terminal = terminal;
    }

    /** A bar redrawn in place (carriage return and ANSI erase-line), for a terminal. */
    public static ConsoleProgress bar(PrintWriter err, String label) {
        return new ConsoleProgress(err, label, true);
    }

    /** A plain line at 10%, 20%, ... 100%, for logs and pipes. */
    public static ConsoleProgress lines(PrintWriter err, String label) {
        return new ConsoleProgress(err, label, false);
    }

    @Override
    public void advanced(int seedsDone, int seedsTotal) {
        if (terminal) {
            long now = System.nanoTime();
            if (seedsDone == seedsTotal || now - drawnNanos >= REDRAW_NANOS_MIN) {
                drawnNanos = now;
                drawBar(seedsDone, seedsTotal, now);
            }
        } else {
            int tenths = (int) (10L * seedsDone / seedsTotal);
            if (tenths > reportedTenths) {
                reportedTenths = tenths;
                err.printf(
                        Locale.ROOT,
                        "%s: %d/%d seeds (%d%%), %s%n",
                        label,
                        seedsDone,
                        seedsTotal,
                        tenths * 10,
                        seconds(System.nanoTime() - startNanos));
                err.flush();
            }
        }
    }

    @Override
    public void finished() {
        if (terminal && drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    private void drawBar(int done, int total, long now) {
        int filled = (int) ((long) BAR_WIDTH * done / total);
        long elapsed = now - startNanos;
        String left = done == 0 || done == total ? "" : ", ~" + seconds(elapsed * (total - done) / done) + " left";
        err.print("\r\033[K" + label + " [" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + done + "/"
                + total + " seeds, " + seconds(elapsed) + left);
        err.flush();
        drawn = true;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
    }
}
