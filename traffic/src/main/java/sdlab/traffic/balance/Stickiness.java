package sdlab.traffic.balance;

/** Session affinity: none, a cookie naming the server, or a ring hash of the client's address. */
public enum Stickiness {
    /** The balancing policy decides every request. */
    NONE,
    /** A cookie names the server ({@link Backend#id()}); set on the first response, honoured while it serves. */
    COOKIE,
    /** The client's address, hashed on a ring of the servers: what a TCP balancer, blind to cookies, can do. */
    CLIENT_ADDRESS
}
