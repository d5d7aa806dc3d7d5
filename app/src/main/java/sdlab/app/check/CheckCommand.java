package sdlab.app.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sdlab.check.linear.CheckLimits;
import sdlab.check.linear.Model;
import sdlab.check.linear.Models;
import sdlab.check.report.CheckOutcome;
import sdlab.check.report.CheckRequest;
import sdlab.check.report.Checker;
import sdlab.check.report.HtmlReport;
import sdlab.check.report.JsonReport;
import sdlab.check.report.NamedInput;
import sdlab.check.report.TextReport;
import sdlab.check.txn.TxnCheck;
import sdlab.check.txn.TxnJsonReport;
import sdlab.check.txn.TxnModel;
import sdlab.check.txn.TxnOutcome;
import sdlab.check.txn.TxnTextReport;

/**
 * {@code sdlab check}: is a history from a real system linearizable, or (with {@code --model
 * list-append} or {@code rw-register}) free of transactional anomalies? Reads JSON, Jepsen EDN and
 * Jepsen log histories, prints a verdict per file, and exits as Maelstrom does: 0 valid, 1
 * invalid, 2 unknown or bad input.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Checks histories for linearizability against a model, or for transactional anomalies (Elle's"
                    + " list-append and rw-register workloads: G0, G1a, G1b, G1c, G-single, G2-item and their process"
                    + " and realtime variants, internal anomalies), and explains the verdict.",
            "Formats: JSON (array or lines of {\"process\",\"type\",\"f\",\"key\",\"value\",\"time\"}),"
                    + " Jepsen and Knossos EDN (a vector or list of maps, or one map per line) and Jepsen log"
                    + " lines; detected per file. '-' reads standard input."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every history is linearizable (free of anomalies)",
            "1:some history is not (has an anomaly)",
            "2:unknown (time or memory limit) or bad input"
        })
public final class CheckCommand implements Callable<Integer> {
    /** Bad input: the same code as an unknown verdict, as in Maelstrom. */
    private static final int EXIT_BAD_INPUT = 2;

    /** A history file larger than this is refused rather than read into memory. */
    private static final long INPUT_BYTES_MAX = 512L * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "MODEL",
            description = "register, cas-register, multi-register (txn of [:r k v] / [:w k v]), kv (key-value:"
                    + " get/put/append per key), mutex, set or queue (linearizability); list-append (txn of [:append k v]"
                    + " / [:r k [v ...]]) or rw-register (txn of [:w k v] / [:r k v]) for transactional anomalies,"
                    + " printed with the consistency models they rule out")
    String modelName;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "history files ('-' for standard input)")
    List<String> files;

    @Option(names = "--json", description = "print the verdicts as JSON")
    boolean json;

    @Option(
            names = "--html",
            paramLabel = "PATH",
            description = "write a page with per-process timelines and the violation highlighted;"
                    + " with several files, PATH is a folder that gets one page per file (linearizability models)")
    Path html;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "give up on a history after this long and answer unknown (default: ${DEFAULT-VALUE};"
                    + " linearizability models)")
    long timeoutSeconds;

    @Option(
            names = "--memory",
            paramLabel = "MIB",
            description = "give up on a history and answer unknown when the search would hold more than this many"
                    + " MiB (default: half of the JVM's heap; linearizability models)")
    Long memoryMiB;

    @Override
    public Integer call() throws IOException {
        Optional<TxnModel> txnModel = TxnModel.byName(modelName);
        if (txnModel.isPresent()) {
            return checkTransactions(txnModel.get());
        }
        Model model = Models.byName(modelName)
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(),
                        "no model named '" + modelName + "'; use one of " + String.join(", ", Models.names()) + ", "
                                + String.join(", ", TxnModel.names())));
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        List<NamedInput> inputs = new ArrayList<>();
        for (String file : files) {
            inputs.add(read(file));
        }
        CheckLimits limits = CheckLimits.unlimited()
                .withTimeout(System::nanoTime, TimeUnit.SECONDS.toNanos(timeoutSeconds))
                .withMemoryBytesMax(memoryBytesMax());
        List<CheckOutcome> outcomes = Checker.run(new CheckRequest(model, inputs, limits));
        print(outcomes);
        if (html != null) {
            writeHtml(outcomes);
        }
        return Checker.exitCode(outcomes);
    }

    /** The transactional path: Elle-style anomalies instead of a linearizability search. */
    private int checkTransactions(TxnModel model) throws IOException {
        if (html != null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--html draws linearizability timelines; it is not available for --model " + model.cliName()
                            + " (use --json for the anomalies and their cycles)");
        }
        List<NamedInput> inputs = new ArrayList<>();
        for (String file : files) {
            inputs.add(read(file));
        }
        List<TxnOutcome> outcomes = TxnCheck.run(model, inputs);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(TxnJsonReport.render(outcomes));
        } else if (outcomes.size() == 1) {
            out.print(TxnTextReport.explain(outcomes.getFirst()));
        } else {
            outcomes.forEach(outcome -> out.println(TxnTextReport.line(outcome)));
        }
        out.flush();
        return TxnCheck.exitCode(outcomes);
    }

    /**
     * The search's memory bound. By default half the heap: the rest holds the history itself
     * (its text, entries and operations) and the report.
     */
    private long memoryBytesMax() {
        long heap = Runtime.getRuntime().maxMemory();
        if (memoryMiB == null) {
            return heap / 2;
        }
        if (memoryMiB < 1) {
            throw new ParameterException(spec.commandLine(), "--memory must be at least 1 MiB");
        }
        return memoryMiB * 1024 * 1024;
    }

    private void print(List<CheckOutcome> outcomes) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonReport.render(outcomes));
        } else if (outcomes.size() == 1) {
            out.println(TextReport.explain(outcomes.getFirst()));
        } else {
            outcomes.forEach(outcome -> out.println(TextReport.line(outcome)));
        }
        out.flush();
    }

    private NamedInput read(String file) throws IOException {
        if (file.equals("-")) {
            return new NamedInput("<stdin>", readAll(System.in));
        }
        Path path = Path.of(file);
        try {
            if (Files.size(path) > INPUT_BYTES_MAX) {
                throw new ParameterException(
                        spec.commandLine(), file + " is larger than " + INPUT_BYTES_MAX / (1024 * 1024) + " MiB");
            }
            return new NamedInput(file, Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "no such file: " + file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ParameterException(spec.commandLine(), file + " is not UTF-8 text");
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private void writeHtml(List<CheckOutcome> outcomes) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (outcomes.size() == 1) {
            Files.writeString(html, HtmlReport.render(outcomes.getFirst()), StandardCharsets.UTF_8);
            err.println("sdlab: wrote " + html);
        } else {
            Files.createDirectories(html);
            for (int i = 0; i < outcomes.size(); i++) {
                Path page = html.resolve(pageName(i, outcomes.get(i).name()));
                Files.writeString(page, HtmlReport.render(outcomes.get(i)), StandardCharsets.UTF_8);
            }
            err.println("sdlab: wrote " + outcomes.size() + " pages to " + html);
        }
        err.flush();
    }

    /** A file name from the input's own name, numbered so that two inputs never share a page. */
    static String pageName(int index, String inputName) {
        String base = Path.of(inputName.equals("<stdin>") ? "stdin" : inputName)
                .getFileName()
                .toString();
        return "%02d-%s.html".formatted(index + 1, base.replaceAll("[^A-Za-z0-9._-]", "_"));
    }
}
