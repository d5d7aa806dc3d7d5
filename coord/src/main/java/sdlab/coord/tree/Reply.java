package sdlab.coord.tree;

import java.util.Objects;
import java.util.function.Function;

/**
 * The answer to a read: a value, or ZooKeeper's error code (NONODE, BADARGUMENTS). Reads fail
 * as values, not exceptions, because a missing node is an everyday answer.
 */
public sealed interface Reply<T> {

    record Ok<T>(T value) implements Reply<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    record Failed<T>(Code code) implements Reply<T> {}

    static <T> Reply<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Reply<T> failed(Code code) {
        return new Failed<>(code);
    }

    default Code code() {
        return this instanceof Failed<T> failed ? failed.code() : Code.OK;
    }

    /** The value; for callers that know the read succeeded (tests, mostly). */
    default T orThrow() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Failed<T> failed -> throw new IllegalStateException("read failed: " + failed.code());
        };
    }

    default <U> Reply<U> map(Function<T, U> function) {
        return switch (this) {
            case Ok<T> ok -> ok(function.apply(ok.value()));
            case Failed<T> failed -> failed(failed.code());
        };
    }
}
