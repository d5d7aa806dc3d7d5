package sdlab.bench.repl;

import java.time.Duration;

/**
 * The load of one {@code bench repl} run, the same for every system and mode.
 *
 * @param clients closed-loop clients, each one commit at a time
 * @param warmup unmeasured time before each measurement
 * @param duration measured time per system, mode and round
 * @param rounds rounds, the order of the systems alternating between them
 */
public record ReplRunSettings(int clients, Duration warmup, Duration duration, int rounds) {}
