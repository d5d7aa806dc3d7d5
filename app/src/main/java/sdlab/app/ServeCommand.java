package sdlab.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sdlab.web.PortInUseException;
import sdlab.web.WebLab;
import sdlab.web.WebLabSettings;

/**
 * {@code sdlab serve}: the web lab on 127.0.0.1, until interrupted. A port in use or a runs folder that cannot be
 * made is bad input: one line on standard error and exit code 2.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Open the web lab: read a chapter, answer its question, prove it with live runs. Listens on"
                + " 127.0.0.1 only; Ctrl-C stops it.")
final class ServeCommand implements Callable<Integer> {
    private final ExperimentCatalog catalog;
    private final Consumer<WebLab> whileServing;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "" + WebLabSettings.PORT_DEFAULT,
            paramLabel = "PORT",
            description = "TCP port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(
            names = "--runs-dir",
            defaultValue = "runs",
            paramLabel = "DIR",
            description =
                    "where runs are kept as JSON files and listed from after a restart (default ./${DEFAULT-VALUE})")
    Path runsDir;

    /** Serves until the process is interrupted (Ctrl-C, SIGTERM). */
    ServeCommand(ExperimentCatalog catalog) {
        this(catalog, ServeCommand::untilInterrupted);
    }

    /** Serves while {@code whileServing} runs, then stops: tests use it to talk to the lab and return. */
    ServeCommand(ExperimentCatalog catalog, Consumer<WebLab> whileServing) {
        this.catalog = catalog;
        this.whileServing = whileServing;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be from 0 to 65535, got " + port);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WebLabSettings settings = WebLabSettings.of(catalog.all(), port, runsDir);
        try (WebLab lab = WebLab.start(settings)) {
            out.println("sdlab web lab: " + lab.url() + " (runs kept in "
                    + runsDir.toAbsolutePath().normalize() + "; Ctrl-C stops it)");
            out.flush();
            whileServing.accept(lab);
            return 0;
        } catch (PortInUseException e) {
            err.println("sdlab: " + e.getMessage());
            return BadInput.EXIT_CODE;
        } catch (IOException e) {
            err.println(
                    "sdlab: cannot keep runs in " + runsDir + ": " + e.getMessage() + "; choose another --runs-dir");
            return BadInput.EXIT_CODE;
        }
    }

    private static void untilInterrupted(WebLab lab) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            lab.close();
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
