package sdlab.chapters.traffic.placement;

import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeId;
import sdlab.lab.ParamException;
import sdlab.lab.ParamValues;

/**
 * Who the bidders are: their names, behaviour, rates and the POPs they send through. A
 * well-behaved bidder uses its nearest POP; an abusive one spreads its requests over several,
 * as a bidder with machines in several regions does, or one whose anycast route flaps.
 *
 * @param id the bidder's node id, which is also its API key
 * @param kind its behaviour
 * @param ratePerSecond its sending rate
 * @param pops the POPs it sends through
 */
record BidderPlan(NodeId id, BidderClient.Kind kind, double ratePerSecond, List<NodeId> pops) {

    BidderPlan {
        pops = List.copyOf(pops);
    }

    static List<BidderPlan> all(ParamValues values, List<NodeId> pops) {
        int good = values.get(PlacementParams.GOOD_CLIENTS);
        int abusive = values.get(PlacementParams.ABUSIVE_CLIENTS);
        int modified = values.get(PlacementParams.MODIFIED_CLIENTS);
        requireConsistent(abusive, modified);
        double limit = values.get(PlacementParams.LIMIT);
        int spread = Math.min(values.get(PlacementParams.ABUSER_POPS), pops.size());
        List<BidderPlan> plans = new ArrayList<>();
        for (int i = 0; i < good; i++) {
            double rate = limit * values.get(PlacementParams.GOOD_LOAD);
            plans.add(new BidderPlan(NodeId.of("good" + (i + 1)), BidderClient.Kind.GOOD, rate, popsFrom(pops, i, 1)));
        }
        for (int i = 0; i < abusive; i++) {
            boolean isModified = i < modified;
            String name = isModified ? "modified" + (i + 1) : "abuser" + (i + 1 - modified);
            BidderClient.Kind kind = isModified ? BidderClient.Kind.MODIFIED : BidderClient.Kind.ABUSIVE;
            double rate = limit * values.get(PlacementParams.ABUSE_FACTOR);
            plans.add(new BidderPlan(NodeId.of(name), kind, rate, popsFrom(pops, good + i, spread)));
        }
        return List.copyOf(plans);
    }

    static void requireConsistent(int abusive, int modified) {
        if (modified > abusive) {
            throw new ParamException("--modified-clients (" + modified
                    + ") counts abusive bidders with a modified SDK, so it cannot exceed --abusive-clients ("
                    + abusive + ")");
        }
    }

    private static List<NodeId> popsFrom(List<NodeId> pops, int first, int count) {
        List<NodeId> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chosen.add(pops.get((first + i) % pops.size()));
        }
        return chosen;
    }
}
