package sdlab.bench.check;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One Porcupine oracle history and what is known about it.
 *
 * @param name its path under the porcupine folder, such as {@code etcd/etcd_002.log}
 * @param file where it is
 * @param model the model it is checked against: {@code cas-register} or {@code key-value}
 * @param linearizable the verdict its source gives
 * @param porcupineSeconds how long Porcupine took to check it (PORCUPINE-TIMES.txt), if listed
 */
public record OracleHistory(
        String name, Path file, String model, boolean linearizable, OptionalDouble porcupineSeconds) {
    public OracleHistory {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(porcupineSeconds, "porcupineSeconds");
    }

    @Override
    public String toString() {
        return name;
    }
}
