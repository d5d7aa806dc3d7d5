package sdlab.core;

/**
 * What a timer means when it fires, as a small value: a mechanism declares its timers as
 * records (for example {@code record RequestTimeout(long requestId) implements Timer}).
 */
public interface Timer {}
