package sdlab.cache;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What COMMAND DOCS says about each command: summary, since, group and complexity, read from
 * {@code command-docs.tsv} beside this class, one command a line. Redis also lists arguments,
 * history and subcommands; this node leaves them out (the README says so), which clients treat
 * as optional.
 */
final class CommandDocs {
    private static final String RESOURCE = "command-docs.tsv";
    private static final int FIELDS = 5;
    private static final Map<String, Doc> DOCS = load();

    private CommandDocs() {}

    /** One command's documentation. */
    record Doc(String group, String since, String complexity, String summary) {
        /** Redis's map: summary, since, group, complexity. */
        Reply reply() {
            return new Reply.Map(List.of(
                    Reply.bulk("summary"),
                    Reply.bulk(summary),
                    Reply.bulk("since"),
                    Reply.bulk(since),
                    Reply.bulk("group"),
                    Reply.bulk(group),
                    Reply.bulk("complexity"),
                    Reply.bulk(complexity)));
        }
    }

    /** The documentation of the command named {@code name} (lower case), or null. */
    static Doc of(String name) {
        return DOCS.get(name);
    }

    /** COMMAND DOCS [name ...]: a map from each known name to its documentation; unknown names are skipped. */
    static Reply reply(List<CommandSpec> specs) {
        List<Reply> flat = new ArrayList<>();
        for (CommandSpec spec : specs) {
            Doc doc = of(spec.name());
            if (doc != null) {
                flat.add(Reply.bulk(spec.name()));
                flat.add(doc.reply());
            }
        }
        return new Reply.Map(flat);
    }

    private static Map<String, Doc> load() {
        Map<String, Doc> docs = new TreeMap<>();
        try (InputStream in = CommandDocs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != FIELDS) {
                    throw new IllegalStateException(RESOURCE + ": expected " + FIELDS + " fields in: " + line);
                }
                docs.put(fields[0], new Doc(fields[1], fields[2], fields[3], fields[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }
}
