package sdlab.traffic.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Malformed and ambiguous HTTP/1.1 requests, the way an attacker and a peer's own test suite
 * would write them: every framing trick of request smuggling, every spelling of a path, every
 * Host and request-line oddity. Each probe is named; a probe with a body carries a smuggled
 * request, {@code GET /SMUGGLED-<name>}, placed where a parser that frames the body differently
 * would read it as a request of its own.
 */
final class HostileRequestCorpus {
    /** One probe: its name (unique, no spaces) and its bytes, sent as they are (ISO-8859-1). */
    record Probe(String name, String bytes) {}

    private HostileRequestCorpus() {}

    /** The request a probe tries to smuggle past the proxy. */
    static String smuggled(String name) {
        return "GET /SMUGGLED-" + name + " HTTP/1.1\r\nHost: t\r\n\r\n";
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
    }

    /** The hand-written probes, by family. */
    static List<Probe> handWritten() {
        Map<String, String> probes = new LinkedHashMap<>();
        framing(probes);
        chunks(probes);
        connectionNominations(probes);
        hosts(probes);
        paths(probes);
        requestLines(probes);
        headers(probes);
        List<Probe> list = new ArrayList<>();
        probes.forEach((name, bytes) -> list.add(new Probe(name, bytes)));
        return list;
    }

    /** A POST of {@code target} with the given header lines and body. */
    private static String post(String name, String headerLines, String body) {
        return "POST /p/" + name + " HTTP/1.1\r\nHost: t\r\n" + headerLines + "\r\n" + body;
    }

    private static void framing(Map<String, String> p) {
        Map<String, String> lengths = new LinkedHashMap<>();
        String s = "%S"; // stands for the smuggled request, substituted per probe
        lengths.put("cl-exact", "Content-Length: LEN\r\n");
        lengths.put("cl-te", "Content-Length: LEN\r\nTransfer-Encoding: chunked\r\n");
        lengths.put("te-cl", "Transfer-Encoding: chunked\r\nContent-Length: LEN\r\n");
        lengths.put("cl-twice-same", "Content-Length: LEN\r\nContent-Length: LEN\r\n");
        lengths.put("cl-twice-diff", "Content-Length: 0\r\nContent-Length: LEN\r\n");
        lengths.put("cl-list", "Content-Length: LEN, LEN\r\n");
        lengths.put("cl-plus", "Content-Length: +LEN\r\n");
        lengths.put("cl-zero-padded", "Content-Length: 00LEN\r\n");
        lengths.put("cl-hex", "Content-Length: 0xLEN\r\n");
        lengths.put("cl-negative", "Content-Length: -1\r\n");
        lengths.put("cl-overflow", "Content-Length: 99999999999999999999999\r\n");
        lengths.put("cl-empty", "Content-Length: \r\n");
        lengths.put("cl-inner-space", "Content-Length: 1 LEN\r\n");
        lengths.put("cl-tab-before", "Content-Length:\tLEN\r\n");
        lengths.put("cl-space-before-colon", "Content-Length : LEN\r\n");
        lengths.put("cl-zero-then-body", "Content-Length: 0\r\n");
        lengths.put("cl-short", "Content-Length: SHORT\r\n");
        for (var entry : lengths.entrySet()) {
            String name = entry.getKey();
            String body = smuggled(name);
            String fields = entry.getValue().replace("SHORT", String.valueOf(body.length() - 10));
            String hex = Integer.toHexString(body.length());
            fields = fields.replace("0xLEN", "0x" + hex).replace("LEN", String.valueOf(body.length()));
            p.put(name, post(name, fields, fields.contains("chunked") ? chunk(body) + "0\r\n\r\n" : body));
        }
        Map<String, String> codings = new LinkedHashMap<>();
        codings.put("te-chunked", "Transfer-Encoding: chunked");
        codings.put("te-capital", "Transfer-Encoding: Chunked");
        codings.put("te-upper", "TRANSFER-ENCODING: CHUNKED");
        codings.put("te-trailing-space", "Transfer-Encoding: chunked ");
        codings.put("te-tab-before", "Transfer-Encoding:\tchunked");
        codings.put("te-tab-after", "Transfer-Encoding: chunked\t");
        codings.put("te-vertical-tab", "Transfer-Encoding: chunked\u000b");
        codings.put("te-form-feed", "Transfer-Encoding: \u000cchunked");
        codings.put("te-chunked-identity", "Transfer-Encoding: chunked, identity");
        codings.put("te-identity-chunked", "Transfer-Encoding: identity, chunked");
        codings.put("te-gzip-chunked", "Transfer-Encoding: gzip, chunked");
        codings.put("te-gzip", "Transfer-Encoding: gzip");
        codings.put("te-identity", "Transfer-Encoding: identity");
        codings.put("te-xchunked", "Transfer-Encoding: xchunked");
        codings.put("te-chunk", "Transfer-Encoding: chunk");
        codings.put("te-parameter", "Transfer-Encoding: chunked;q=1");
        codings.put("te-quoted", "Transfer-Encoding: \"chunked\"");
        codings.put("te-twice", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked");
        codings.put("te-twice-identity", "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity");
        codings.put("te-space-before-colon", "Transfer-Encoding : chunked");
        codings.put("te-tab-before-colon", "Transfer-Encoding\t: chunked");
        codings.put("te-underscore", "Transfer_Encoding: chunked");
        codings.put("te-folded", "X-Before: 1\r\nTransfer-Encoding:\r\n chunked");
        codings.put("te-folded-tab", "X-Before: 1\r\nTransfer-Encoding: x\r\n\tchunked");
        codings.put("te-leading-space-name", "X-Before: 1\r\n Transfer-Encoding: chunked");
        codings.put("te-cr-only", "X-Before: 1\rTransfer-Encoding: chunked");
        codings.put("te-lf-only", "X-Before: 1\nTransfer-Encoding: chunked");
        codings.put("te-nul-value", "Transfer-Encoding: chunked\u0000");
        for (var entry : codings.entrySet()) {
            String name = entry.getKey();
            p.put(name, post(name, entry.getValue() + "\r\n", chunk(smuggled(name)) + "0\r\n\r\n"));
        }
        String name = "te-http10";
        p.put(
                name,
                "POST /p/" + name + " HTTP/1.0\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk(smuggled(name))
                        + "0\r\n\r\n");
        name = "get-with-length";
        p.put(
                name,
                "GET /p/" + name + " HTTP/1.1\r\nHost: t\r\nContent-Length: "
                        + smuggled(name).length() + "\r\n\r\n" + smuggled(name));
        name = "get-with-chunked";
        p.put(
                name,
                "GET /p/" + name + " HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk(smuggled(name))
                        + "0\r\n\r\n");
    }

    private static void chunks(Map<String, String> p) {
        Map<String, String[]> sizes = new LinkedHashMap<>();
        // name -> {size line written for the smuggled data, text after the data}
        sizes.put("chunk-exact", new String[] {"HEX", "\r\n"});
        sizes.put("chunk-upper-hex", new String[] {"UPPER", "\r\n"});
        sizes.put("chunk-zero-padded", new String[] {"000HEX", "\r\n"});
        sizes.put("chunk-0x", new String[] {"0xHEX", "\r\n"});
        sizes.put("chunk-plus", new String[] {"+HEX", "\r\n"});
        sizes.put("chunk-negative", new String[] {"-HEX", "\r\n"});
        sizes.put("chunk-space-before", new String[] {" HEX", "\r\n"});
        sizes.put("chunk-space-after", new String[] {"HEX ", "\r\n"});
        sizes.put("chunk-tab-after", new String[] {"HEX\t", "\r\n"});
        sizes.put("chunk-extension", new String[] {"HEX;a=b", "\r\n"});
        sizes.put("chunk-extension-quoted", new String[] {"HEX;a=\"b;c\"", "\r\n"});
        sizes.put("chunk-extension-bare-cr", new String[] {"HEX;a\rb", "\r\n"});
        sizes.put("chunk-overflow", new String[] {"1000000000000000HEX", "\r\n"});
        sizes.put("chunk-lf-size-line", new String[] {"HEX\n", ""});
        sizes.put("chunk-no-crlf-after-data", new String[] {"HEX", ""});
        sizes.put("chunk-lf-after-data", new String[] {"HEX", "\n"});
        sizes.put("chunk-junk-after-data", new String[] {"HEX", "XX\r\n"});
        sizes.put("chunk-short", new String[] {"SHORT", "\r\n"});
        for (var entry : sizes.entrySet()) {
            String name = entry.getKey();
            String data = smuggled(name);
            String hex = Integer.toHexString(data.length());
            String size = entry.getValue()[0]
                    .replace("UPPER", hex.toUpperCase())
                    .replace("SHORT", Integer.toHexString(data.length() - 10))
                    .replace("HEX", hex);
            String sizeLine = size.endsWith("\n") ? size : size + "\r\n";
            p.put(
                    name,
                    post(name, "Transfer-Encoding: chunked\r\n", sizeLine + data + entry.getValue()[1] + "0\r\n\r\n"));
        }
        String name = "chunk-trailer";
        p.put(name, post(name, "Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n0\r\nX-Trailer: 1\r\n\r\n"));
        name = "chunk-trailer-smuggle";
        p.put(name, post(name, "Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n0\r\n" + smuggled(name)));
        name = "chunk-last-00";
        p.put(name, post(name, "Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n00\r\n\r\n"));
        name = "chunk-last-extension";
        p.put(name, post(name, "Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n0;x=y\r\n\r\n"));
    }

    private static void connectionNominations(Map<String, String> p) {
        String[] nominations = {
            "Content-Length", "close, Content-Length", "Transfer-Encoding", "Host", "X-Private", "keep-alive"
        };
        for (String nomination : nominations) {
            String name = "connection-" + nomination.toLowerCase().replace(", ", "-");
            String body = smuggled(name);
            String framing = nomination.contains("Transfer")
                    ? "Transfer-Encoding: chunked\r\n"
                    : "Content-Length: " + body.length() + "\r\n";
            String sent = framing.startsWith("Transfer") ? chunk(body) + "0\r\n\r\n" : body;
            p.put(name, post(name, "Connection: " + nomination + "\r\nX-Private: 1\r\n" + framing, sent));
        }
    }

    private static void hosts(Map<String, String> p) {
        p.put("host-missing-11", "GET /p/host-missing-11 HTTP/1.1\r\n\r\n");
        p.put("host-missing-10", "GET /p/host-missing-10 HTTP/1.0\r\n\r\n");
        p.put("host-twice-same", "GET /p/host-twice-same HTTP/1.1\r\nHost: t\r\nHost: t\r\n\r\n");
        p.put("host-twice-diff", "GET /p/host-twice-diff HTTP/1.1\r\nHost: t\r\nHost: u\r\n\r\n");
        p.put("host-empty", "GET /p/host-empty HTTP/1.1\r\nHost: \r\n\r\n");
        String[] values = {
            "a@t", "t/x", "t x", "t:80", "t:abc", "[::1]", "[::1]:80", "t.", "T", "t:", "t\\x", "..", "t..u"
        };
        String[] names = {
            "userinfo",
            "slash",
            "space",
            "port",
            "bad-port",
            "ipv6",
            "ipv6-port",
            "trailing-dot",
            "upper",
            "empty-port",
            "backslash",
            "dots",
            "double-dot"
        };
        for (int i = 0; i < values.length; i++) {
            String name = "host-" + names[i];
            p.put(name, "GET /p/" + name + " HTTP/1.1\r\nHost: " + values[i] + "\r\n\r\n");
        }
        p.put("absolute-form", "GET http://u/p/absolute-form HTTP/1.1\r\nHost: t\r\n\r\n");
        p.put("absolute-form-https", "GET https://u/p/absolute-form-https HTTP/1.1\r\nHost: t\r\n\r\n");
        p.put("absolute-form-port", "GET http://u:8080/p/absolute-form-port?q HTTP/1.1\r\nHost: t\r\n\r\n");
        p.put("absolute-form-no-path", "GET http://u HTTP/1.1\r\nHost: t\r\n\r\n");
        p.put("absolute-form-userinfo", "GET http://a@u/p/absolute-form-userinfo HTTP/1.1\r\nHost: t\r\n\r\n");
        p.put("absolute-form-ftp", "GET ftp://u/p/absolute-form-ftp HTTP/1.1\r\nHost: t\r\n\r\n");
        p.put("absolute-form-no-host", "GET http://u/p/absolute-form-no-host HTTP/1.1\r\n\r\n");
        p.put("authority-form-get", "GET t:80 HTTP/1.1\r\nHost: t\r\n\r\n");
        p.put("asterisk-options", "OPTIONS * HTTP/1.1\r\nHost: t\r\n\r\n");
        p.put("asterisk-get", "GET * HTTP/1.1\r\nHost: t\r\n\r\n");
        p.put("connect", "CONNECT t:80 HTTP/1.1\r\nHost: t:80\r\n\r\n");
    }

    private static void paths(Map<String, String> p) {
        String[] targets = {
            "/%6cimited",
            "/x/../limited",
            "//limited",
            "/./limited",
            "/limited/",
            "/..",
            "/../x",
            "/%2e%2e/x",
            "/.%2e/x",
            "/a/%2e%2e/b",
            "/a/./b/../c",
            "/a%2Fb",
            "/a%2fb",
            "/a%00",
            "/a%zz",
            "/a%",
            "/a%4",
            "/a#frag",
            "/a?b#c",
            "/caf%C3%A9",
            "/caf%c3%a9",
            "/a\\b",
            "/%5c..%5cx",
            "/a;b=c",
            "/a?x=../y",
            "/a?x=%2F",
            "/a%20b",
            "/a+b",
            "/~user",
            "/%7euser",
            "/a//b///c",
            "/a/b/..",
            "/a/b/.",
            "/A",
            "/%41",
            "/a%25",
            "/a%252e",
            "/a?",
            "/a??b",
            "/a/%2e/b",
            "/a/..;/b",
            "/a/.../b",
            "/a%3Fb",
            "/a@b",
            "/a:b"
        };
        for (int i = 0; i < targets.length; i++) {
            String target = targets[i];
            String name = "path-" + i;
            p.put(name, "GET " + target + " HTTP/1.1\r\nHost: t\r\nX-Case: " + name + "\r\n\r\n");
        }
        p.put("path-raw-utf8", "GET /caf\u00c3\u00a9 HTTP/1.1\r\nHost: t\r\n\r\n");
        p.put("path-control", "GET /a\u0001b HTTP/1.1\r\nHost: t\r\n\r\n");
        p.put("path-del", "GET /a\u007fb HTTP/1.1\r\nHost: t\r\n\r\n");
        p.put("path-relative", "GET a/b HTTP/1.1\r\nHost: t\r\n\r\n");
    }

    private static void requestLines(Map<String, String> p) {
        String[][] lines = {
            {"version-2", "GET /p/version-2 HTTP/2.0"},
            {"version-1.2", "GET /p/version-1.2 HTTP/1.2"},
            {"version-0.9", "GET /p/version-0.9 HTTP/0.9"},
            {"version-short", "GET /p/version-short HTTP/1"},
            {"version-lower", "GET /p/version-lower http/1.1"},
            {"version-padded", "GET /p/version-padded HTTP/01.1"},
            {"version-10-minor", "GET /p/version-10-minor HTTP/1.10"},
            {"version-missing", "GET /p/version-missing"},
            {"version-garbage", "GET /p/version-garbage FOO/1.1"},
            {"line-extra-token", "GET /p/line-extra-token HTTP/1.1 x"},
            {"line-two-spaces", "GET  /p/line-two-spaces HTTP/1.1"},
            {"line-tab", "GET\t/p/line-tab\tHTTP/1.1"},
            {"line-trailing-space", "GET /p/line-trailing-space HTTP/1.1 "},
            {"method-lower", "get /p/method-lower HTTP/1.1"},
            {"method-unknown", "FROB /p/method-unknown HTTP/1.1"},
            {"method-slash", "GE/T /p/method-slash HTTP/1.1"},
            {"method-trace", "TRACE /p/method-trace HTTP/1.1"},
            {"method-delete", "DELETE /p/method-delete HTTP/1.1"},
            {"method-patch", "PATCH /p/method-patch HTTP/1.1"},
        };
        for (String[] line : lines) {
            p.put(line[0], line[1] + "\r\nHost: t\r\n\r\n");
        }
        p.put("leading-crlf", "\r\n\r\nGET /p/leading-crlf HTTP/1.1\r\nHost: t\r\n\r\n");
        p.put("lf-only", "GET /p/lf-only HTTP/1.1\nHost: t\n\n");
        p.put("cr-only", "GET /p/cr-only HTTP/1.1\rHost: t\r\r");
        p.put("head", "HEAD /p/head HTTP/1.1\r\nHost: t\r\n\r\n");
        p.put(
                "pipelined-two",
                "GET /p/pipelined-two HTTP/1.1\r\nHost: t\r\n\r\nGET /p/pipelined-two-b HTTP/1.1\r\n"
                        + "Host: t\r\n\r\n");
        p.put("garbage-after", "GET /p/garbage-after HTTP/1.1\r\nHost: t\r\n\r\nxyzzy\r\n\r\n");
    }

    private static void headers(Map<String, String> p) {
        String[][] fields = {
            {"header-folded", "X-Folded: a\r\n b"},
            {"header-folded-first", " X-First: a"},
            {"header-no-colon", "X-NoColon"},
            {"header-empty-name", ": value"},
            {"header-bad-name", "X(A): b"},
            {"header-space-in-name", "X A: b"},
            {"header-nul-value", "X-Nul: a\u0000b"},
            {"header-cr-value", "X-Cr: a\rb"},
            {"header-utf8-value", "X-Utf8: caf\u00c3\u00a9"},
            {"header-long-value", "X-Long: " + "a".repeat(12_000)},
            {"header-huge-value", "X-Huge: " + "a".repeat(40_000)},
            {"expect-continue", "Expect: 100-continue\r\nContent-Length: 5"},
            {"expect-unknown", "Expect: teapot"},
            {"upgrade-websocket", "Upgrade: websocket\r\nConnection: Upgrade"},
            {"max-forwards", "Max-Forwards: 0"},
        };
        for (String[] field : fields) {
            String body = field[1].contains("Content-Length: 5") ? "hello" : "";
            p.put(field[0], "POST /p/" + field[0] + " HTTP/1.1\r\nHost: t\r\n" + field[1] + "\r\n\r\n" + body);
        }
        for (int count : new int[] {99, 101, 1_000}) {
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < count; i++) {
                many.append("X-").append(i).append(": 1\r\n");
            }
            String name = "header-count-" + count;
            p.put(name, "GET /p/" + name + " HTTP/1.1\r\nHost: t\r\n" + many + "\r\n");
        }
    }

    /**
     * {@code count} probes made from {@code seed}: random combinations of the framing tricks
     * above (lengths, codings, nominations, chunk sizes, line endings, folds), each carrying a
     * smuggled request in its body.
     */
    static List<Probe> generated(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Probe> probes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = "gen-" + seed + "-" + i;
            probes.add(new Probe(name, generatedProbe(name, random)));
        }
        return probes;
    }

    private static final String[] LENGTH_SPELLINGS = {"N", "N", "+N", "0N", " N ", "N, N", "N,N", "-1", "0", "M"};
    private static final String[] CODING_SPELLINGS = {
        "chunked",
        "chunked",
        "Chunked",
        " chunked",
        "chunked ",
        "\tchunked",
        "chunked, identity",
        "identity, chunked",
        "xchunked",
        "chunked\u000b",
        "gzip, chunked",
        "chunk"
    };
    private static final String[] FRAMING_NAMES = {
        "Content-Length",
        "content-length",
        "Transfer-Encoding",
        "transfer-encoding",
        "Transfer-Encoding ",
        "Content-Length ",
        "Transfer_Encoding",
        "\tTransfer-Encoding"
    };
    private static final String[] NOMINATIONS = {"", "", "", "Content-Length", "Transfer-Encoding", "close", "Host"};
    private static final String[] EOLS = {"\r\n", "\r\n", "\r\n", "\r\n", "\n"};

    private static String generatedProbe(String name, SplittableRandom random) {
        String body = smuggled(name);
        boolean chunkedBody = random.nextBoolean();
        String sent = chunkedBody ? chunkSizeLine(body.length(), random) + body + "\r\n0\r\n\r\n" : body;
        List<String> fields = new ArrayList<>();
        fields.add("Host: t");
        int framingFields = random.nextInt(1, 4);
        for (int f = 0; f < framingFields; f++) {
            String fieldName = FRAMING_NAMES[random.nextInt(FRAMING_NAMES.length)];
            boolean isLength = fieldName.toLowerCase().contains("length");
            String value = isLength
                    ? LENGTH_SPELLINGS[random.nextInt(LENGTH_SPELLINGS.length)]
                            .replace("N", String.valueOf(sent.length()))
                            .replace("M", String.valueOf(body.length()))
                    : CODING_SPELLINGS[random.nextInt(CODING_SPELLINGS.length)];
            String separator = random.nextInt(6) == 0 ? ":\r\n " : ": ";
            fields.add(random.nextInt(fields.size() + 1), fieldName + separator + value);
        }
        String nomination = NOMINATIONS[random.nextInt(NOMINATIONS.length)];
        if (!nomination.isEmpty()) {
            fields.add("Connection: " + nomination);
        }
        String version = random.nextInt(8) == 0 ? "HTTP/1.0" : "HTTP/1.1";
        StringBuilder request = new StringBuilder("POST /p/" + name + " " + version + "\r\n");
        for (String field : fields) {
            request.append(field).append(EOLS[random.nextInt(EOLS.length)]);
        }
        return request.append("\r\n").append(sent).toString();
    }

    private static String chunkSizeLine(int size, SplittableRandom random) {
        String hex = Integer.toHexString(size);
        return switch (random.nextInt(8)) {
            case 0 -> hex.toUpperCase() + "\r\n";
            case 1 -> "00" + hex + "\r\n";
            case 2 -> hex + ";x=y\r\n";
            case 3 -> hex + " \r\n";
            case 4 -> hex + "\n";
            case 5 -> Integer.toHexString(size - 3) + "\r\n";
            default -> hex + "\r\n";
        };
    }
}
