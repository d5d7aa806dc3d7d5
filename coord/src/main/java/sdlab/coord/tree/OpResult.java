package sdlab.coord.tree;

import java.util.List;

/**
 * The result of one transaction, shaped like ZooKeeper's {@code OpResult}s: a success per
 * operation kind, or an {@link Error} carrying ZooKeeper's code.
 */
public sealed interface OpResult {

    /** The code ZooKeeper would reply with: OK, or the error's code (a failed multi: its first error). */
    Code code();

    /** A created node's actual path (with any sequence suffix) and Stat (create2 replies carry it). */
    record Created(String path, Stat stat) implements OpResult {
        public Code code() {
            return Code.OK;
        }
    }

    record Deleted() implements OpResult {
        public Code code() {
            return Code.OK;
        }
    }

    record DataSet(Stat stat) implements OpResult {
        public Code code() {
            return Code.OK;
        }
    }

    record Checked() implements OpResult {
        public Code code() {
            return Code.OK;
        }
    }

    /**
     * A multi's results, one per operation. When the multi failed, every one is an {@link Error}
     * as ZooKeeper 3.9 reports it ({@code DataTree.processTxn}, case multi): OK for the
     * operations before the one that failed, that one's code, and RUNTIMEINCONSISTENCY after it.
     */
    record Multi(List<OpResult> results) implements OpResult {
        public Multi {
            results = List.copyOf(results);
        }

        public Code code() {
            return results.stream()
                    .map(OpResult::code)
                    .filter(code -> code != Code.OK)
                    .findFirst()
                    .orElse(Code.OK);
        }
    }

    /** The ephemeral nodes a session's close deleted, in the order they were deleted. */
    record SessionClosed(List<String> deletedPaths) implements OpResult {
        public SessionClosed {
            deletedPaths = List.copyOf(deletedPaths);
        }

        public Code code() {
            return Code.OK;
        }
    }

    /** A failure (or, inside a failed multi, an operation's OK that was rolled back). */
    record Error(Code code) implements OpResult {}
}
