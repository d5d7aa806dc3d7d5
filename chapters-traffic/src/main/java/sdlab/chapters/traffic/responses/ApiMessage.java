package sdlab.chapters.traffic.responses;

import java.util.List;
import java.util.Optional;
import sdlab.core.Message;
import sdlab.traffic.ratelimit.http.HeaderField;

/** Chapter 17's protocol: a client's request and the server's response with its status and header fields. */
sealed interface ApiMessage extends Message {

    /**
     * One attempt at one of a client's requests.
     *
     * @param requestId unique per client
     * @param worker the client's worker that sent it
     * @param attempt 1 for the first try, 2 for the first retry, ...
     */
    record ApiRequest(long requestId, int worker, int attempt) implements ApiMessage {}

    /**
     * The server's answer.
     *
     * @param requestId the request it answers
     * @param worker the worker that sent the request
     * @param status 200 or 429
     * @param headers the header fields, as a real server would write them
     */
    record ApiResponse(long requestId, int worker, int status, List<HeaderField> headers) implements ApiMessage {
        public ApiResponse {
            headers = List.copyOf(headers);
        }

        /** The value of the header field {@code name} (case-insensitive, as HTTP field names are). */
        Optional<String> header(String name) {
            return headers.stream()
                    .filter(h -> h.name().equalsIgnoreCase(name))
                    .map(HeaderField::value)
                    .findFirst();
        }
    }
}
