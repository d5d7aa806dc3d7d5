package sdlab.txlog.server;

/** A request that does not parse: its connection is closed, as a Kafka broker does. */
final class KafkaProtocolException extends RuntimeException {
    KafkaProtocolException(String message) {
        super(message);
    }
}
