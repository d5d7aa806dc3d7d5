package sdlab.lab.sweep;

import java.util.Map;
import sdlab.lab.ParamValues;

/**
 * The command that replays one seed with its trace: {@code ./sdlab run <id> --seed <S> --trace --name value ...},
 * repeating every parameter that differs from its default.
 */
public final class ReplayCommand {
    private final String prefix;
    private final String suffix;

    ReplayCommand(String experimentId, Map<String, String> nonDefaultParams) {
        this.prefix = "./sdlab run " + experimentId + " --seed ";
        StringBuilder params = new StringBuilder(" --trace");
        nonDefaultParams.forEach(
                (name, text) -> params.append(" --").append(name).append(' ').append(quoted(text)));
        this.suffix = params.toString();
    }

    /** The replay command for one seed of {@code experimentId} with {@code values}. */
    public static String of(String experimentId, ParamValues values, long seed) {
        return new ReplayCommand(experimentId, values.nonDefaults()).forSeed(seed);
    }

    String forSeed(long seed) {
        return prefix + seed + suffix;
    }

    /** Parameter texts are plain words and numbers; quote anything a shell would split or expand. */
    private static String quoted(String text) {
        return text.matches("[A-Za-z0-9._:+-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
