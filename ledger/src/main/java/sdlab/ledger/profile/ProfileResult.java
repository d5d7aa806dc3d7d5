package sdlab.ledger.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a device reports when an operation succeeds, written into the history as a list of {@code key=value} words
 * so a checker can judge the run from the history alone.
 *
 * @param conflict whether the device's read returned more than one version
 * @param prompts fields the user was asked to choose for
 * @param discarded values the user chose against
 * @param scalars the profile the device showed (views and audits; empty for edits)
 * @param interests the list field the device showed (views and audits)
 * @param convergedAfterNanos audits: how long after the audit began every replica held the same state; -1 if never
 * @param divergentReplicas audits: replicas still differing from the most common state when the audit gave up
 * @param metadataBytes audits: reconciliation metadata in the converged (or most common) state
 * @param failovers replicas this device has moved away from so far, after timeouts
 * @param tombstones removed interests the shown profile keeps as tombstones (views and audits)
 */
public record ProfileResult(
        boolean conflict,
        int prompts,
        List<String> discarded,
        SortedMap<String, String> scalars,
        SortedSet<String> interests,
        long convergedAfterNanos,
        long divergentReplicas,
        long metadataBytes,
        int failovers,
        int tombstones) {

    public ProfileResult {
        discarded = List.copyOf(discarded);
        scalars = new TreeMap<>(scalars);
        interests = new TreeSet<>(interests);
    }

    static ProfileResult of(ConflictResolver.Resolution resolution, boolean showProfile, int failovers) {
        Profile shown = showProfile ? resolution.profile() : new Profile(new TreeMap<>(), new TreeSet<>());
        return new ProfileResult(
                resolution.conflict(),
                resolution.prompts(),
                resolution.discarded(),
                shown.scalars(),
                shown.interests(),
                -1,
                0,
                0,
                failovers,
                shown.removed().size());
    }

    ProfileResult withAudit(long convergedAfterNanos, long divergentReplicas, long metadataBytes) {
        return new ProfileResult(
                conflict,
                prompts,
                discarded,
                scalars,
                interests,
                convergedAfterNanos,
                divergentReplicas,
                metadataBytes,
                failovers,
                tombstones);
    }

    /** The history's form: {@code c=1, p=2, d=value, f=field=value, i=interest, v=..., x=..., m=..., o=..., t=...}. */
    public List<Object> encode() {
        List<Object> words = new ArrayList<>();
        words.add("c=" + (conflict ? 1 : 0));
        words.add("p=" + prompts);
        discarded.forEach(value -> words.add("d=" + value));
        scalars.forEach((field, value) -> words.add("f=" + field + "=" + value));
        interests.forEach(value -> words.add("i=" + value));
        words.add("v=" + convergedAfterNanos);
        words.add("x=" + divergentReplicas);
        words.add("m=" + metadataBytes);
        words.add("o=" + failovers);
        words.add("t=" + tombstones);
        return words;
    }

    /** Reads back what {@link #encode()} wrote. */
    public static ProfileResult decode(Object value) {
        boolean conflict = false;
        int prompts = 0;
        List<String> discarded = new ArrayList<>();
        TreeMap<String, String> scalars = new TreeMap<>();
        TreeSet<String> interests = new TreeSet<>();
        long converged = -1;
        long divergent = 0;
        long metadata = 0;
        int failovers = 0;
        int tombstones = 0;
        for (Object word : (List<?>) value) {
            String text = (String) word;
            String rest = text.substring(2);
            switch (text.charAt(0)) {
                case 'c' -> conflict = rest.equals("1");
                case 'p' -> prompts = Integer.parseInt(rest);
                case 'd' -> discarded.add(rest);
                case 'f' -> {
                    int cut = rest.indexOf('=');
                    scalars.put(rest.substring(0, cut), rest.substring(cut + 1));
                }
                case 'i' -> interests.add(rest);
                case 'v' -> converged = Long.parseLong(rest);
                case 'x' -> divergent = Long.parseLong(rest);
                case 'm' -> metadata = Long.parseLong(rest);
                case 'o' -> failovers = Integer.parseInt(rest);
                case 't' -> tombstones = Integer.parseInt(rest);
                default -> throw new IllegalArgumentException("not a profile result word: " + text);
            }
        }
        return new ProfileResult(
                conflict,
                prompts,
                discarded,
                scalars,
                interests,
                converged,
                divergent,
                metadata,
                failovers,
                tombstones);
    }
}
