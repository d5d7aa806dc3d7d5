package sdlab.lab.report;

import java.util.Locale;
import java.util.Map;
import sdlab.lab.SeedRun;
import sdlab.sim.TraceEvent;

/**
 * The traces of one seed as text, one {@link TraceEvent#format()} line per event under a header per variant. Contains
 * nothing but the runs' own deterministic output, so replaying a seed prints the same bytes every time.
 */
public final class TraceListing {
    private TraceListing() {}

    public static String render(SeedDetail detail) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, SeedRun> entry : detail.runsByVariant().entrySet()) {
            SeedRun run = entry.getValue();
            out.append("== variant ")
                    .append(entry.getKey())
                    .append(", seed ")
                    .append(detail.seed())
                    .append(": ")
                    .append(run.trace().size())
                    .append(" events, trace hash ")
                    .append(String.format(Locale.ROOT, "%016x", run.traceHash()))
                    .append('\n');
            for (TraceEvent event : run.trace()) {
                out.append(event.format()).append('\n');
            }
            if (run.trace().isEmpty()) {
                out.append("(this run recorded no trace)\n");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
