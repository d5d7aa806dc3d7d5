package sdlab.chapters.traffic.canary;

/** The two versions a release compares. */
enum Version {
    STABLE,
    CANARY
}
