package sdlab.lab.sweep;

import java.util.Map;
import sdlab.lab.ParamValues;

/**
 * The command that replays one seed with its trace: {@code ./sdlab run <id> --seed <S> --variant <V> --trace --name
 * value ...}, repeating every parameter that differs from its default.
 *
 * <p>It always names the variant whose run is the evidence: a replay judges the claims on every variant (one seed is
 * cheap), but prints the trace, findings and diagram of that variant only, so the reader lands on the run that broke
 * or showed the claim rather than on all of them.
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

    /** The replay command for one seed and variant of {@code experimentId} with {@code values}. */
    public static String of(String experimentId, ParamValues values, long seed, String variant) {
        return new ReplayCommand(experimentId, values.nonDefaults()).forSeed(seed, variant);
    }

    String forSeed(long seed, String variant) {
        return prefix + seed + " --variant " + quoted(variant) + suffix;
    }

    /** Parameter texts are plain words and numbers; quote anything a shell would split or expand. */
    private static String quoted(String text) {
        return text.matches("[A-Za-z0-9._:+-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
