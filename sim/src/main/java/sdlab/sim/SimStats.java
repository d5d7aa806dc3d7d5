package sdlab.sim;

/**
 * Counts of what happened in one run.
 *
 * @param messagesSent messages nodes and clients sent (duplicates not included)
 * @param messagesDelivered messages handed to a receiver (duplicates included)
 * @param messagesDropped messages lost, cut by a partition or clog, or sent to a crashed node
 * @param messagesDuplicated extra copies the network made
 * @param timersFired timers that fired (cancelled ones not included)
 * @param crashes node crashes
 * @param eventsProcessed events the simulator took from its queue
 * @param arrivalsShed open-loop arrivals shed because every backlog was full
 */
public record SimStats(
        long messagesSent,
        long messagesDelivered,
        long messagesDropped,
        long messagesDuplicated,
        long timersFired,
        long crashes,
        long eventsProcessed,
        long arrivalsShed) {

    /** The counts without {@code arrivalsShed} (zero). */
    public SimStats(
            long messagesSent,
            long messagesDelivered,
            long messagesDropped,
            long messagesDuplicated,
            long timersFired,
            long crashes,
            long eventsProcessed) {
        this(
                messagesSent,
                messagesDelivered,
                messagesDropped,
                messagesDuplicated,
                timersFired,
                crashes,
                eventsProcessed,
                0);
    }
}
