package sdlab.runtime.net;

import java.util.List;
import sdlab.core.NodeId;

/**
 * The network faults one process applies to its own traffic, the way Jepsen's nemesis applies
 * iptables and tc rules on each host: frames to {@code blockedTo} are dropped before they leave,
 * frames from {@code blockedFrom} are dropped on arrival, every frame that leaves waits
 * {@code delayMillis} more, and each is lost with probability {@code lossRate}.
 *
 * <p>A partition between groups blocks both directions between them; a one-way partition
 * blocks one side's sending and the other side's receiving, so it holds even if only one of
 * the two processes got the rule. Clients are never blocked (only nodes are partitioned), but
 * delay and loss act on their frames too, as a netem rule on a host's interface would. An
 * operator's control traffic is exempt from all of it.
 */
public record NetworkFaults(List<NodeId> blockedTo, List<NodeId> blockedFrom, long delayMillis, double lossRate) {

    public static final NetworkFaults NONE = new NetworkFaults(List.of(), List.of(), 0, 0);

    public NetworkFaults {
        blockedTo = List.copyOf(blockedTo);
        blockedFrom = List.copyOf(blockedFrom);
        if (delayMillis < 0) {
            throw new IllegalArgumentException("an added delay cannot be negative, got " + delayMillis + " ms");
        }
        if (!(lossRate >= 0 && lossRate <= 1)) {
            throw new IllegalArgumentException("a loss rate is between 0 and 1, got " + lossRate);
        }
    }

    public boolean none() {
        return blockedTo.isEmpty() && blockedFrom.isEmpty() && delayMillis == 0 && lossRate == 0;
    }

    public NetworkFaults withDelay(long millis) {
        return new NetworkFaults(blockedTo, blockedFrom, millis, lossRate);
    }

    public NetworkFaults withLoss(double rate) {
        return new NetworkFaults(blockedTo, blockedFrom, delayMillis, rate);
    }

    public NetworkFaults withBlocked(List<NodeId> to, List<NodeId> from) {
        return new NetworkFaults(to, from, delayMillis, lossRate);
    }

    @Override
    public String toString() {
        if (none()) {
            return "no faults";
        }
        StringBuilder text = new StringBuilder();
        if (!blockedTo.isEmpty()) {
            text.append("dropping frames to ").append(blockedTo).append("; ");
        }
        if (!blockedFrom.isEmpty()) {
            text.append("dropping frames from ").append(blockedFrom).append("; ");
        }
        if (delayMillis > 0) {
            text.append("adding ").append(delayMillis).append(" ms; ");
        }
        if (lossRate > 0) {
            text.append("losing ").append(Math.round(lossRate * 1000) / 10.0).append("%; ");
        }
        return text.substring(0, text.length() - 2);
    }
}
