package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;

/**
 * ApiVersions (key 18), v3-4: the list of {@link ServedApi}s, which is how a client learns which version of each API
 * to use. A client asks with the newest version it knows; when this broker does not serve that version it answers in
 * v0's layout, with UNSUPPORTED_VERSION and its list, and the client asks again with a version from the list.
 */
final class ApiVersionsApi {
    private ApiVersionsApi() {}

    static ByteBuf handle(KafkaReader in) {
        in.compactString(); // client software name
        in.compactString(); // client software version
        in.skipTaggedFields();
        KafkaWriter out = new KafkaWriter().int16(KafkaError.NONE);
        out.compactArrayLength(ServedApi.values().length);
        for (ServedApi api : ServedApi.values()) {
            out.int16(api.key).int16(api.minVersion).int16(api.maxVersion).noTaggedFields();
        }
        return out.int32(0).noTaggedFields().buffer(); // no throttling
    }

    /** The v0 answer to a version this broker does not serve. */
    static ByteBuf unsupportedVersion() {
        KafkaWriter out = new KafkaWriter().int16(KafkaError.UNSUPPORTED_VERSION);
        out.int32(ServedApi.values().length);
        for (ServedApi api : ServedApi.values()) {
            out.int16(api.key).int16(api.minVersion).int16(api.maxVersion);
        }
        return out.buffer();
    }
}
