package sdlab.check.history;

/**
 * How a report names a history's processes and operations.
 *
 * <p>The checker knows a process by its integer id and an operation by its {@link Operation#id()}:
 * its place, from 0, in the order operations were invoked. A history that came from elsewhere
 * names them differently: the simulator's trace calls process 3 {@code c4} and counts operations
 * from 1. A report that is read next to such a trace takes that world's names, so that the reader
 * can search the trace for exactly what the finding says.
 */
public interface OperationNames {
    /** The checker's own numbering, as {@code sdlab check} prints it: "process 3", "op 58". */
    OperationNames NUMBERED = new OperationNames() {
        @Override
        public String process(int process) {
            return "process " + process;
        }

        @Override
        public String operation(int id) {
            return "op " + id;
        }
    };

    /**
     * The name of a process.
     *
     * @param process the history's process id
     * @return how the reader knows it, e.g. "process 3" or "c4"
     */
    String process(int process);

    /**
     * The name of an operation.
     *
     * @param id the operation's {@link Operation#id()}
     * @return how the reader knows it, e.g. "op 58" or "op 59"
     */
    String operation(int id);
}
