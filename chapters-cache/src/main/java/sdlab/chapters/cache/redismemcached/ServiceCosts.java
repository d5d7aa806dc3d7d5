package sdlab.chapters.cache.redismemcached;

import sdlab.chapters.cache.redismemcached.ServerMessage.Request;

/**
 * The modelled time a worker spends on one request: a fixed cost for everything but parsing (reading
 * the socket, dispatching, executing, writing the reply) and a cost per byte the parser scans.
 *
 * @param requestNanos the fixed cost per request
 * @param parseNanosPerScannedByte the cost of each byte scanned for a delimiter
 */
record ServiceCosts(long requestNanos, double parseNanosPerScannedByte) {
    ServiceCosts {
        if (requestNanos < 0 || !(parseNanosPerScannedByte >= 0)) {
            throw new IllegalArgumentException("costs are not negative");
        }
    }

    /** The parse cost of {@code request}, in nanoseconds. */
    long parseNanos(Request request) {
        return Math.round(request.scannedBytes() * parseNanosPerScannedByte);
    }

    /** How long {@code request} holds a worker. */
    long serviceNanos(Request request) {
        return requestNanos + parseNanos(request);
    }
}
