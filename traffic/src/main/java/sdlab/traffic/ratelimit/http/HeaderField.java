package sdlab.traffic.ratelimit.http;

/** One HTTP header field of a response the gateway should send. */
public record HeaderField(String name, String value) {}
