package sdlab.lab.sweep;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import sdlab.sim.Inspection;
import sdlab.sim.Steering;

/**
 * A steering whose inspections count themselves as they are taken, so that a run stopped by its last look can be told
 * from a run that failed before it: the first did what was asked, the second did not.
 */
final class LooksTaken {
    private final Steering counted;
    private final int looks;
    private final AtomicInteger taken = new AtomicInteger();

    LooksTaken(Steering steering) {
        List<Inspection> inspections = steering.inspections().stream()
                .map(inspection -> new Inspection(inspection.afterTraceEvent(), nodes -> {
                    inspection.look().accept(nodes);
                    taken.incrementAndGet();
                }))
                .toList();
        this.counted = new Steering(steering.forks(), inspections);
        this.looks = inspections.size();
    }

    /** The steering to run with. */
    Steering counted() {
        return counted;
    }

    /** True if the steering had looks to take and every one was taken. */
    boolean allTaken() {
        return looks > 0 && taken.get() == looks;
    }
}
