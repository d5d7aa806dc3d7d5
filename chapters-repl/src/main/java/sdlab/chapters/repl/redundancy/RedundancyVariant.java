package sdlab.chapters.repl.redundancy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import sdlab.lab.ParamValues;
import sdlab.lab.Variant;

/**
 * One redundancy pattern that chapter 3 compares.
 *
 * @param name the variant's name in reports
 * @param description one line on the pattern
 * @param deployment lays the pattern out for these parameters
 */
record RedundancyVariant(String name, String description, Function<ParamValues, Deployment> deployment) {
    static final String READ_REPLICAS = "read-replicas";
    static final String PRIMARY_STANDBY = "primary-standby";
    static final String ACTIVE_ACTIVE = "active-active";
    static final String COLD_STANDBY = "cold-standby";

    /** The patterns whose writes go through one primary at a time. */
    static final List<String> SINGLE_PRIMARY = List.of(READ_REPLICAS, PRIMARY_STANDBY, COLD_STANDBY);

    static List<RedundancyVariant> all() {
        return List.of(
                new RedundancyVariant(
                        READ_REPLICAS,
                        "one primary takes the writes and ships them to read replicas, which serve the reads; no"
                                + " promotion",
                        values -> new ReadReplicas(values.get(RedundancyParams.READ_REPLICAS))),
                new RedundancyVariant(
                        PRIMARY_STANDBY,
                        "one primary, a hot standby fed semi-synchronously, a manager that promotes it",
                        values -> new PrimaryStandby()),
                new RedundancyVariant(
                        ACTIVE_ACTIVE,
                        "two primaries take writes and ship them to each other; last writer wins",
                        values -> new ActiveActive()),
                new RedundancyVariant(
                        COLD_STANDBY,
                        "one primary archives its log; a stopped standby is started and restored when it fails",
                        values -> new ColdStandbyPair()));
    }

    static RedundancyVariant named(String name) {
        return all().stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chapter 3 has no variant " + name));
    }

    Variant toVariant(ParamValues values) {
        Deployment laidOut = deployment.apply(values);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("storeNodes", laidOut.stores().size());
        settings.put(
                "maintained",
                laidOut.maintained().stream().map(Object::toString).toList());
        settings.put("manager", laidOut.manager().isPresent());
        return new Variant(name, description, settings);
    }
}
