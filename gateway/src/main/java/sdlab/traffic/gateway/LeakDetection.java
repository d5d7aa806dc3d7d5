package sdlab.traffic.gateway;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty's buffer-leak detection, off in a running node unless asked for. By default it samples
 * one buffer in 128 and records a stack trace at each of its uses: a debugging aid that costs
 * a served request's worth of time per sample. Tests keep it; {@code
 * -Dio.netty.leakDetection.level=...} brings it back to a node.
 */
final class LeakDetection {
    static final String LEVEL_PROPERTY = "io.netty.leakDetection.level";

    private LeakDetection() {}

    static void offUnlessAsked() {
        if (System.getProperty(LEVEL_PROPERTY) == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }
}
