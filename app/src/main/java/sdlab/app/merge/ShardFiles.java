package sdlab.app.merge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sdlab.lab.report.MergeableJson;
import sdlab.lab.report.Shard;

/** Reads the JSON reports named on the command line; anything unreadable is bad input, named by its file. */
final class ShardFiles {
    /** A report file larger than this is refused rather than read into memory. */
    private static final long REPORT_BYTES_MAX = 256L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShardFiles() {}

    /** Thrown with a message that names the file and what is wrong with it. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    static List<Shard> read(List<Path> files) throws Unreadable {
        List<Shard> shards = new ArrayList<>();
        for (Path file : files) {
            shards.add(read(file));
        }
        return shards;
    }

    private static Shard read(Path file) throws Unreadable {
        JsonNode root;
        try {
            if (Files.size(file) > REPORT_BYTES_MAX) {
                throw new Unreadable(file + " is larger than " + REPORT_BYTES_MAX / (1024 * 1024) + " MiB");
            }
            root = JSON.readTree(file.toFile());
        } catch (NoSuchFileException e) {
            throw new Unreadable(file + " does not exist");
        } catch (JsonProcessingException e) {
            throw new Unreadable(file + " is not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new Unreadable("cannot read " + file + ": " + e.getMessage());
        }
        try {
            return MergeableJson.shard(file.toString(), root);
        } catch (IllegalArgumentException e) {
            throw new Unreadable(file + ": " + e.getMessage());
        }
    }
}
