package sdlab.sim;

import java.util.random.RandomGenerator;

/**
 * What a workload's processes do: the generator half of Maelstrom's and Jepsen's "workload =
 * generator + client + checker". The simulation fills in the operation id and process.
 */
@FunctionalInterface
public interface OperationGenerator {

    /**
     * The next operation of process {@code process}, drawn from {@code random} (that process's
     * own generator, split from the run's seed).
     */
    Operation next(int process, RandomGenerator random);

    /**
     * One operation: its name ("read", "write", "cas", "get", "put", ...), key (null for a
     * single register) and argument (null, a Long, a String or a List of those).
     */
    record Operation(String f, String key, Object value) {}
}
