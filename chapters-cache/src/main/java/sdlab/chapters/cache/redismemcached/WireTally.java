package sdlab.chapters.cache.redismemcached;

import sdlab.chapters.cache.redismemcached.ServerMessage.Request;
import sdlab.chapters.cache.redismemcached.ServerMessage.Response;

/** Bytes on the wire and bytes scanned by the parser, summed over the requests of one client. */
final class WireTally {
    private long requests;
    private long requestBytes;
    private long replyBytes;
    private long scannedBytes;

    void sent(Request request) {
        requests++;
        requestBytes += request.wireBytes();
        scannedBytes += request.scannedBytes();
    }

    void received(Response response) {
        replyBytes += response.wireBytes();
    }

    long requests() {
        return requests;
    }

    /** Request and reply bytes together. */
    long wireBytes() {
        return requestBytes + replyBytes;
    }

    long scannedBytes() {
        return scannedBytes;
    }
}
