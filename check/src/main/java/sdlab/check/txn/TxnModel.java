package sdlab.check.txn;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The two transactional workloads Elle checks, and the micro-operation names each uses. */
public enum TxnModel {
    /** Lists per key: {@code [:append k v]} and {@code [:r k [v1 v2 ...]]}. */
    LIST_APPEND("list-append", "append"),
    /** Registers per key: {@code [:w k v]} and {@code [:r k v]}. */
    RW_REGISTER("rw-register", "w");

    private final String cliName;
    private final String writeName;

    TxnModel(String cliName, String writeName) {
        this.cliName = cliName;
        this.writeName = writeName;
    }

    /** The name {@code sdlab check --model} takes. */
    public String cliName() {
        return cliName;
    }

    /** The micro-operation name of this model's write ({@code append} or {@code w}). */
    String writeName() {
        return writeName;
    }

    /** The model with this command-line name. */
    public static Optional<TxnModel> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.cliName.equals(name)).findFirst();
    }

    /** The command-line names, for help texts and errors. */
    public static List<String> names() {
        return Arrays.stream(values()).map(TxnModel::cliName).toList();
    }
}
