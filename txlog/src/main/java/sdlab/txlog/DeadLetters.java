package sdlab.txlog;

/**
 * The dead-letter convention consumers of this log follow: a record that fails {@code attemptsMax} times is produced
 * to the topic's dead-letter topic, {@code <topic>.dlq}, and the consumer moves past it, so one poison message does
 * not stop its partition for ever. Kafka itself has no such topic; frameworks on top of it (Kafka Connect, Spring
 * Kafka) add this one by convention, and so does this log.
 */
public record DeadLetters(int attemptsMax) {
    public static final String SUFFIX = ".dlq";

    public DeadLetters {
        if (attemptsMax < 1) {
            throw new IllegalArgumentException("a record is tried at least once: " + attemptsMax);
        }
    }

    /** The dead-letter topic of {@code topic}. */
    public static String topicFor(String topic) {
        return topic + SUFFIX;
    }

    /** Whether a record that has failed {@code failures} times goes to the dead-letter topic instead of a retry. */
    public boolean exhausted(int failures) {
        return failures >= attemptsMax;
    }
}
