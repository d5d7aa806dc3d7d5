package sdlab.txlog.server;

/**
 * A request's header. Version 2 (every flexible request, which is every request this broker serves) adds tagged
 * fields after the client id; the client id itself stays a classic int16-length string in every version.
 */
record RequestHeader(short apiKey, short apiVersion, int correlationId, String clientId) {

    /** Reads the fixed part: key, version and correlation id, enough to answer even a version not served. */
    static RequestHeader read(KafkaReader in) {
        short key = in.int16();
        short version = in.int16();
        int correlationId = in.int32();
        String clientId = in.string();
        return new RequestHeader(key, version, correlationId, clientId);
    }
}
