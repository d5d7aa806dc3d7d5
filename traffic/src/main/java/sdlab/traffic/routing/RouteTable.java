package sdlab.traffic.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * A request's route: the first entry, in configuration order, whose {@link RouteRule} matches.
 * Order is the operator's tool for overlapping rules: put the more specific one first.
 *
 * @param <R> what a route leads to (the gateway's route at run time, a simulated pool)
 */
public final class RouteTable<R> {

    /** One route: its rule and where it leads. */
    public record Entry<R>(RouteRule rule, R target) {}

    private final List<Entry<R>> entries;

    public RouteTable(List<Entry<R>> entries) {
        this.entries = List.copyOf(entries);
    }

    /** A table of {@code targets}, each matched by the rule {@code ruleOf} gives it, in order. */
    public static <R> RouteTable<R> of(List<R> targets, java.util.function.Function<R, RouteRule> ruleOf) {
        List<Entry<R>> entries = new ArrayList<>(targets.size());
        for (R target : targets) {
            entries.add(new Entry<>(ruleOf.apply(target), target));
        }
        return new RouteTable<>(entries);
    }

    /** The target of the first route matching {@code host} (without port) and {@code path}, or null. */
    public R match(String host, String path) {
        for (Entry<R> entry : entries) {
            if (entry.rule().matches(host, path)) {
                return entry.target();
            }
        }
        return null;
    }

    public List<Entry<R>> entries() {
        return entries;
    }
}
