package sdlab.traffic.gateway;

import java.util.List;

/**
 * A configuration file the gateway cannot run: every problem found, each naming the bad field
 * by its path, for example {@code routes[1].upstream: unknown upstream 'api2'}.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, one per bad field, in file order. */
    public List<String> problems() {
        return problems;
    }
}
