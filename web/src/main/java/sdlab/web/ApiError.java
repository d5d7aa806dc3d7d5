package sdlab.web;

/**
 * A request the API refuses, with the HTTP status and a one-line message that says what was wrong and what to do.
 * The routes turn it into {@code {"error": message}}; it is an expected outcome, not a bug, so it carries no stack
 * trace.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    private ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** 400: the request is malformed or a value is out of range. */
    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    /** 403: the request was not addressed to this machine's loopback name. */
    static ApiError forbidden(String message) {
        return new ApiError(403, message);
    }

    /** 404: no such chapter or run. */
    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    /** 406: the events route asked for something other than an event stream. */
    static ApiError notAcceptable(String message) {
        return new ApiError(406, message);
    }

    /** 409: the run is not in a state that allows this (still running, already finished). */
    static ApiError conflict(String message) {
        return new ApiError(409, message);
    }

    /** 413: a body larger than the route takes. */
    static ApiError contentTooLarge(String message) {
        return new ApiError(413, message);
    }

    /** 415: a body that is not JSON. */
    static ApiError unsupportedMediaType(String message) {
        return new ApiError(415, message);
    }

    /** 429: a bound on what clients may run at once is reached. */
    static ApiError tooManyRequests(String message) {
        return new ApiError(429, message);
    }

    int status() {
        return status;
    }
}
