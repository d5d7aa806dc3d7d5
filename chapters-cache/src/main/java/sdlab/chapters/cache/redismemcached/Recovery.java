package sdlab.chapters.cache.redismemcached;

/**
 * What a node found on its disk when it started.
 *
 * @param source where the data came from: "nothing", "the append-only file" or "the snapshot"
 * @param keysLoaded keys in memory after loading
 * @param tornBytesCut bytes of an incomplete last command cut from the append-only file
 * @param refusal why the node refused to load its files (a damaged file), or null
 */
record Recovery(String source, long keysLoaded, long tornBytesCut, String refusal) {
    static final Recovery NOTHING = new Recovery("nothing", 0, 0, null);

    String describe() {
        if (this.equals(NOTHING)) {
            return "found nothing on its disk and started empty";
        }
        if (refusal != null) {
            return "refused to load " + source + ": " + refusal;
        }
        String torn = tornBytesCut > 0 ? ", after cutting a torn tail of " + tornBytesCut + " bytes" : "";
        return "loaded " + keysLoaded + " keys from " + source + torn;
    }
}
