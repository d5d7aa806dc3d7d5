package sdlab.sim;

import java.util.Arrays;

/**
 * Key names, {@code "k" + index}, with the first few thousand made once: every operation
 * names its key, and a name used again keeps its hash code, which the maps of every node the
 * operation visits ask for.
 */
final class KeyNames {
    private static final String[] COMMON = new String[4096];

    static {
        Arrays.setAll(COMMON, index -> "k" + index);
    }

    private KeyNames() {}

    static String of(int index) {
        return index >= 0 && index < COMMON.length ? COMMON[index] : "k" + index;
    }
}
