package sdlab.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sdlab} command. */
@Command(
        name = "sdlab",
        mixinStandardHelpOptions = true,
        version = "sdlab 0.1.0",
        description = "The System Design Lab: every mechanism running for real, every trade-off measured.")
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand registered; tests drive it directly. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
