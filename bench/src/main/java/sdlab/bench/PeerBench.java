package sdlab.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import sdlab.bench.peer.PeerRow;
import sdlab.bench.peer.RequiredTool;

/**
 * What every peer subcommand does around its measurement: check that the peers' tools are
 * installed (exit 2 with one line naming the apt package if not), note the machine, measure,
 * and print the report; a server or tool that fails gives exit 1 and its message, never a stack
 * trace.
 */
final class PeerBench {
    static final int EXIT_FAILED = 1;
    static final int EXIT_BAD_INPUT = 2;

    private PeerBench() {}

    static int run(
            CommandSpec spec,
            List<RequiredTool> tools,
            Function<Progress, List<PeerRow>> measure,
            BiFunction<Machine, List<PeerRow>, PeerReport> report,
            boolean json) {
        PrintWriter err = spec.commandLine().getErr();
        String name = "sdlab bench " + spec.name() + ": ";
        Optional<String> missing = RequiredTool.missing(tools);
        if (missing.isPresent()) {
            err.println(name + missing.get());
            err.flush();
            return EXIT_BAD_INPUT;
        }
        Machine start = Machine.now();
        List<PeerRow> rows;
        try {
            rows = measure.apply(new Progress(err, System::nanoTime));
        } catch (IllegalStateException e) {
            err.println(name + e.getMessage());
            err.flush();
            return EXIT_FAILED;
        }
        PeerReport done = report.apply(start, rows);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? done.json() : done.text());
        out.flush();
        return 0;
    }
}
