package sdlab.app.cluster.jepsen;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The faults a Jepsen-style run may inject, by the names {@code --nemesis} takes. */
public enum NemesisKind {
    /** Split the nodes into a majority and a minority that cannot hear each other. */
    PARTITION,
    /** One node stops hearing another, while the other still hears it. */
    ONE_WAY,
    /** SIGKILL a node, then restart it from its data. */
    KILL,
    /** SIGSTOP a node, then SIGCONT it. */
    PAUSE,
    /** Lose a fifth of all frames. */
    LOSS;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kinds named on a command line, "none" naming none. */
    public static List<NemesisKind> parseAll(List<String> names) {
        return names.stream()
                .filter(name -> !name.strip().equals("none"))
                .map(NemesisKind::parse)
                .toList();
    }

    public static NemesisKind parse(String text) {
        for (NemesisKind kind : values()) {
            if (kind.cliName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no nemesis '" + text + "'; use "
                + String.join(
                        ", ", Arrays.stream(values()).map(NemesisKind::cliName).toList()));
    }
}
