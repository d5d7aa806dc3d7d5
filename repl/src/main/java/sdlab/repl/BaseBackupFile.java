package sdlab.repl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sdlab.core.Disk;
import sdlab.repl.ArchiveMessages.BaseBackup;
import sdlab.repl.ReplMessages.KeyValue;

/**
 * A base backup on disk: one header line (position, commit time, log offset) and one line per key, tab-separated, as
 * the log's entries are. The archive keeps its latest base backup in one; a node restored from it keeps it beside its
 * log, so that a restart recovers the state the log continues from.
 */
final class BaseBackupFile {
    private BaseBackupFile() {}

    /** Replaces {@code file} with {@code base}; durable with the caller's next sync. */
    static void write(Disk disk, String file, BaseBackup base) {
        StringBuilder text = new StringBuilder();
        text.append(base.position())
                .append('\t')
                .append(base.commitNanos())
                .append('\t')
                .append(base.offsetBytes())
                .append('\n');
        base.pairs().forEach(pair -> text.append(pair.key())
                .append('\t')
                .append(pair.value())
                .append('\n'));
        disk.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The base backup in {@code file}, or empty if there is none or it is not whole (a crash before its sync: the
     * caller then has no base, as before it was written).
     */
    static Optional<BaseBackup> read(Disk disk, String file) {
        String text = disk.read(file)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse("");
        if (text.isEmpty() || !text.endsWith("\n")) {
            return Optional.empty();
        }
        List<String> lines = text.lines().toList();
        String[] header = lines.getFirst().split("\t", -1);
        if (header.length != 3) {
            return Optional.empty();
        }
        List<KeyValue> pairs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            if (fields.length != 2) {
                return Optional.empty();
            }
            pairs.add(new KeyValue(fields[0], fields[1]));
        }
        try {
            return Optional.of(new BaseBackup(
                    Long.parseLong(header[0]), Long.parseLong(header[1]), Long.parseLong(header[2]), pairs));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
