package sdlab.sim;

/** The run's mutable counts, turned into a {@link SimStats} at the end. */
final class Counters {
    long messagesSent;
    long messagesDelivered;
    long messagesDropped;
    long messagesDuplicated;
    long timersFired;
    long crashes;
    long eventsProcessed;
    long arrivalsShed;

    SimStats snapshot() {
        return new SimStats(
                messagesSent,
                messagesDelivered,
                messagesDropped,
                messagesDuplicated,
                timersFired,
                crashes,
                eventsProcessed,
                arrivalsShed);
    }
}
