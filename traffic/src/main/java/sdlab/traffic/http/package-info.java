/**
 * HTTP request rules that decide where a request goes, as pure functions of its text: the
 * request target's normal form (RFC 3986 and RFC 9112) and the Host field's syntax.
 *
 * <p>A proxy that routes by path must route by the path its backends will act on. Two spellings
 * of one resource ({@code /limited}, {@code /%6cimited}, {@code //limited},
 * {@code /x/../limited}) must meet the same route, or a rule written for one is bypassed by
 * another. {@link sdlab.traffic.http.RequestTarget} turns every spelling into one normal form, or
 * refuses a target that has none (an encoded slash, a dot segment that climbs above the root, a
 * malformed percent escape). {@link sdlab.traffic.http.HostField} checks a Host value.
 *
 * <p>Nothing here reads a socket or a clock: the gateway calls it on each request, and a
 * simulated ingress can call the same code.
 */
package sdlab.traffic.http;
