package sdlab.cache;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One parameter that CONFIG GET reads and CONFIG SET changes.
 *
 * @param name the lower-case name, e.g. {@code maxmemory-policy}
 * @param getter its current value as CONFIG GET shows it
 * @param setter applies a new value, or returns why it cannot (the text after
 *     "CONFIG SET failed (possibly related to argument 'name') - ")
 */
public record ConfigParameter(String name, Supplier<String> getter, Function<String, Optional<String>> setter) {

    /** A parameter that CONFIG SET refuses to change. */
    public static ConfigParameter readOnly(String name, Supplier<String> getter) {
        return new ConfigParameter(name, getter, value -> Optional.of("can't set immutable config"));
    }
}
