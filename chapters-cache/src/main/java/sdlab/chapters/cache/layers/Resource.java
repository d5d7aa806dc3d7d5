package sdlab.chapters.cache.layers;

import java.util.List;
import sdlab.chapters.cache.layers.LayersMessage.HttpGet;

/**
 * What the video service serves, by URL: the personalised home page, a title's artwork (which
 * varies with the user's taste segment), a title's manifest and its video segments (the same for
 * everyone). Each knows its size, its caching headers, whose variant it is, and which database rows
 * the origin needs to build it.
 */
sealed interface Resource {

    /** Body sizes of the four kinds of resource. */
    record Sizes(long homeBytes, long artworkBytes, long manifestBytes, long segmentBytes) {}

    String url();

    long bodyBytes(Sizes sizes);

    /** Its {@code Cache-Control} field value. */
    String cacheControl();

    /** Its {@code Vary} field value, empty when the response is the same whatever the request's fields. */
    String vary();

    /** Whose variant the response to {@code request} is, or empty when it is everyone's. */
    String personalisedFor(HttpGet request);

    /** The database rows the origin needs to build it. */
    List<String> rows(HttpGet request);

    /** The home page: recommendations for this user, so {@code private} and varying by the user's cookie. */
    record Home() implements Resource {
        @Override
        public String url() {
            return "/home";
        }

        @Override
        public long bodyBytes(Sizes sizes) {
            return sizes.homeBytes();
        }

        @Override
        public String cacheControl() {
            return "private, max-age=60";
        }

        @Override
        public String vary() {
            return LayersMessage.COOKIE;
        }

        @Override
        public String personalisedFor(HttpGet request) {
            return "user " + request.user();
        }

        @Override
        public List<String> rows(HttpGet request) {
            return List.of("user:" + request.user(), "recs:" + request.taste());
        }
    }

    /** A title's artwork, chosen for the user's taste segment: shared within a segment, varying between them. */
    record Artwork(int title) implements Resource {
        @Override
        public String url() {
            return "/art/t" + title;
        }

        @Override
        public long bodyBytes(Sizes sizes) {
            return sizes.artworkBytes();
        }

        @Override
        public String cacheControl() {
            return "max-age=86400";
        }

        @Override
        public String vary() {
            return LayersMessage.TASTE;
        }

        @Override
        public String personalisedFor(HttpGet request) {
            return "taste " + request.taste();
        }

        @Override
        public List<String> rows(HttpGet request) {
            return List.of("title:t" + title);
        }
    }

    /** A title's list of segments: the same for everyone, fresh for a minute. */
    record Manifest(int title) implements Resource {
        @Override
        public String url() {
            return "/v/t" + title + "/manifest";
        }

        @Override
        public long bodyBytes(Sizes sizes) {
            return sizes.manifestBytes();
        }

        @Override
        public String cacheControl() {
            return "max-age=60";
        }

        @Override
        public String vary() {
            return "";
        }

        @Override
        public String personalisedFor(HttpGet request) {
            return "";
        }

        @Override
        public List<String> rows(HttpGet request) {
            return List.of("title:t" + title);
        }
    }

    /** A few seconds of video: the same for everyone and never changing, served from storage without the database. */
    record Segment(int title, int index) implements Resource {
        @Override
        public String url() {
            return "/v/t" + title + "/seg/" + index;
        }

        @Override
        public long bodyBytes(Sizes sizes) {
            return sizes.segmentBytes();
        }

        @Override
        public String cacheControl() {
            return "max-age=31536000";
        }

        @Override
        public String vary() {
            return "";
        }

        @Override
        public String personalisedFor(HttpGet request) {
            return "";
        }

        @Override
        public List<String> rows(HttpGet request) {
            return List.of();
        }
    }

    /** The resource a URL names; throws for a URL the service does not serve. */
    static Resource of(String url) {
        String[] parts = url.split("/");
        if (url.equals("/home")) {
            return new Home();
        }
        if (parts.length == 3 && parts[1].equals("art")) {
            return new Artwork(title(parts[2]));
        }
        if (parts.length == 4 && parts[1].equals("v") && parts[3].equals("manifest")) {
            return new Manifest(title(parts[2]));
        }
        if (parts.length == 5 && parts[1].equals("v") && parts[3].equals("seg")) {
            return new Segment(title(parts[2]), Integer.parseInt(parts[4]));
        }
        throw new IllegalArgumentException("no such resource: " + url);
    }

    /** The kind of resource, for histories and reports. */
    static String kind(Resource resource) {
        return switch (resource) {
            case Home home -> "home";
            case Artwork artwork -> "artwork";
            case Manifest manifest -> "manifest";
            case Segment segment -> "segment";
        };
    }

    private static int title(String part) {
        if (!part.startsWith("t")) {
            throw new IllegalArgumentException("no such title: " + part);
        }
        return Integer.parseInt(part.substring(1));
    }
}
