package sdlab.cache.server;

import java.util.Objects;

/**
 * How the node writes its durable files: through which {@link FileLayer}, and whether the
 * append-only file carries the planted bug that its crash tests must catch.
 *
 * @param layer the operating system's files, or a test's power-loss double
 * @param acksBeforeFsync the planted bug of the shared {@link sdlab.cache.persist.AofWriter}, the
 *     same switch chapter 11's crash sweep flips: {@code appendfsync always} acknowledges writes
 *     before any fsync covers them. Only tests set it, to show that the power-loss test fails on it.
 */
record NodeFiles(FileLayer layer, boolean acksBeforeFsync) {
    /** The production setting: the operating system's files, no planted bug. */
    static final NodeFiles OS = new NodeFiles(FileLayer.OS, false);

    NodeFiles {
        Objects.requireNonNull(layer, "layer");
    }

    /** Production behaviour over {@code layer}. */
    static NodeFiles over(FileLayer layer) {
        return new NodeFiles(layer, false);
    }

    /** The same files with the planted bug: {@code always} acknowledges before its fsync. */
    NodeFiles withAcksBeforeFsync() {
        return new NodeFiles(layer, true);
    }
}
