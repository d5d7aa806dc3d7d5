package sdlab.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the process's console can do: is standard error a terminal, can standard output show check marks. */
public final class Console {
    private Console() {}

    /**
     * True when standard error is an interactive terminal, so that a progress bar may redraw itself. Java cannot ask
     * directly for one stream, so this reads where file descriptor 2 points on Linux; elsewhere it assumes a
     * terminal when the JVM has a console at all.
     */
    public static boolean stderrIsTerminal() {
        String term = System.getenv("TERM");
        if (term == null || term.equals("dumb")) {
            return false;
        }
        Path stderr = Path.of("/proc/self/fd/2");
        try {
            String target = Files.readSymbolicLink(stderr).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /** True when standard output's charset can encode the check marks of the terminal report. */
    public static boolean stdoutIsUnicode() {
        PrintStream out = System.out;
        return out.charset().newEncoder().canEncode("✓✗");
    }
}
