package sdlab.sim;

/** One write to a simulated disk that is not yet durable. */
sealed interface DiskOp {

    String file();

    record Write(String file, byte[] content) implements DiskOp {}

    record Append(String file, byte[] bytes) implements DiskOp {}

    record Delete(String file) implements DiskOp {}
}
