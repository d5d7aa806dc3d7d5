package sdlab.chapters.ledger.conflicts;

import java.util.Arrays;
import java.util.Map;
import sdlab.lab.Variant;
import sdlab.ledger.profile.ConflictHandling;
import sdlab.ledger.profile.ConflictResolver.ListMerge;

/** One option of chapter 18: how the store reconciles concurrent writes, and where the devices send them. */
enum ConflictsVariant {
    LWW(
            "lww",
            ConflictHandling.LAST_WRITER_WINS,
            false,
            ListMerge.UNION,
            "last writer wins on the writing replica's clock"),
    VERSION_VECTORS(
            "version-vectors",
            ConflictHandling.VERSION_VECTORS,
            false,
            ListMerge.UNION,
            "version vectors keep concurrent versions; the application merges them per field, asking the user, and"
                    + " takes the union of the interests"),
    VERSION_VECTORS_TOMBSTONES(
            "version-vectors-tombstones",
            ConflictHandling.VERSION_VECTORS,
            false,
            ListMerge.UNION_MINUS_TOMBSTONES,
            "version vectors as above, and the application keeps a tombstone for every removed interest and takes"
                    + " the union minus the tombstones"),
    CRDT_MAP(
            "crdt-map",
            ConflictHandling.CRDT_MAP,
            false,
            ListMerge.UNION,
            "a CRDT map (multi-value registers, add-wins observed-remove set) merges field by field"),
    STICKY(
            "sticky-lww",
            ConflictHandling.LAST_WRITER_WINS,
            true,
            ListMerge.UNION,
            "last writer wins, every device of a user sticking to the user's home replica until it stops answering");

    private final String label;
    private final ConflictHandling handling;
    private final boolean sticky;
    private final ListMerge listMerge;
    private final String description;

    ConflictsVariant(String label, ConflictHandling handling, boolean sticky, ListMerge listMerge, String description) {
        this.label = label;
        this.handling = handling;
        this.sticky = sticky;
        this.listMerge = listMerge;
        this.description = description;
    }

    String label() {
        return label;
    }

    ConflictHandling handling() {
        return handling;
    }

    /** How the application merges the list field of sibling versions (it matters only with version vectors). */
    ListMerge listMerge() {
        return listMerge;
    }

    /** The replica a device starts on: the user's home with sticky sessions, otherwise one per device. */
    int firstReplica(int user, int device) {
        return sticky ? user : user + device;
    }

    static ConflictsVariant named(String name) {
        return Arrays.stream(values())
                .filter(v -> v.label.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chapter 18 has no variant '" + name + "'"));
    }

    Variant toVariant() {
        return new Variant(
                label,
                description,
                Map.of(
                        "conflicts",
                        handling.label(),
                        "sticky",
                        sticky ? "per user" : "no",
                        "tombstones",
                        listMerge == ListMerge.UNION_MINUS_TOMBSTONES ? "kept by the application" : "none"));
    }
}
