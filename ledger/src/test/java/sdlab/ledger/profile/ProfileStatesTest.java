package sdlab.ledger.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;

/** The three reconciliations on hand-made concurrent writes: what each keeps, and that merging is order-free. */
class ProfileStatesTest {
    private static final ProfileConfig.Bug NO_BUG = ProfileConfig.Bug.NONE;
    private static final Profile.Edit NAME = new Profile.Edit("name", "ada");
    private static final Profile.Edit CITY = new Profile.Edit("city", "paris");

    @Test
    void lastWriterWinsKeepsOnlyTheLaterClockOfTwoEditsOfDifferentFields() {
        // Shows: the name edit at r1's later clock survives; the city edit made concurrently at r2 is gone.
        LwwProfileState r1 = LwwProfileState.initial().write(NAME, "r1", 200);
        LwwProfileState r2 = LwwProfileState.initial().write(CITY, "r2", 100);
        LwwProfileState merged = (LwwProfileState) r1.merge(r2, NO_BUG);
        assertThat(merged.profile().scalars()).containsEntry("name", "ada").containsEntry("city", Profile.UNSET);
        assertThat(r2.merge(r1, NO_BUG)).isEqualTo(merged);
    }

    @Test
    void versionVectorsKeepConcurrentVersionsAsSiblingsAndAPutWithTheirContextReplacesBoth() {
        // Shows: two puts from the same context are concurrent and both kept; a put that read both replaces them.
        SiblingProfileState start = SiblingProfileState.initial();
        SiblingProfileState r1 = start.put(Profile.initial().with(NAME), start.context(), "r1", NO_BUG);
        SiblingProfileState r2 = start.put(Profile.initial().with(CITY), start.context(), "r2", NO_BUG);
        SiblingProfileState both = (SiblingProfileState) r1.merge(r2, NO_BUG);
        assertThat(both.siblings()).hasSize(2);
        assertThat(both).isEqualTo(r2.merge(r1, NO_BUG));
        SiblingProfileState resolved = both.put(Profile.initial().with(NAME).with(CITY), both.context(), "r1", NO_BUG);
        assertThat(resolved.siblings()).hasSize(1);
    }

    @Test
    void twoDevicesWritingThroughOneReplicaFromTheSameReadStaySiblings() {
        // Shows: the dot keeps the first write although the second has a higher counter at the same replica.
        SiblingProfileState start = SiblingProfileState.initial();
        SiblingProfileState first = start.put(Profile.initial().with(NAME), start.context(), "r1", NO_BUG);
        SiblingProfileState second = first.put(Profile.initial().with(CITY), start.context(), "r1", NO_BUG);
        assertThat(second.siblings()).hasSize(2);
    }

    @Test
    void thePlantedBugDropsOneOfTwoConcurrentVersions() {
        // Shows: ordering concurrent vectors by their sums keeps one sibling, silently.
        SiblingProfileState start = SiblingProfileState.initial();
        SiblingProfileState r1 = start.put(Profile.initial().with(NAME), start.context(), "r1", NO_BUG);
        SiblingProfileState r2 = start.put(Profile.initial().with(CITY), start.context(), "r2", NO_BUG);
        assertThat(((SiblingProfileState) r1.merge(r2, ProfileConfig.Bug.CONCURRENT_AS_DOMINATED)).siblings())
                .hasSize(1);
    }

    @Test
    void aCrdtMapMergesEditsOfDifferentFieldsAndKeepsBothValuesOfOneField() {
        // Shows: name and city edits at two replicas both survive; two concurrent name edits leave two values.
        CrdtProfileState r1 = CrdtProfileState.initial().write(NAME, "r1");
        CrdtProfileState r2 = CrdtProfileState.initial().write(CITY, "r2");
        Candidates merged = r1.merge(r2, NO_BUG).candidates();
        assertThat(merged.scalarValues().get("name")).containsExactly("ada");
        assertThat(merged.scalarValues().get("city")).containsExactly("paris");
        assertThat(merged.conflicting()).isFalse();
        CrdtProfileState other = CrdtProfileState.initial().write(new Profile.Edit("name", "grace"), "r2");
        Candidates both = r1.merge(other, NO_BUG).candidates();
        assertThat(both.scalarValues().get("name")).containsExactly("ada", "grace");
        CrdtProfileState overwritten = ((CrdtProfileState) r1.merge(other, NO_BUG)).write(NAME, "r1");
        assertThat(overwritten.merge(other, NO_BUG).candidates().scalarValues().get("name"))
                .containsExactly("ada");
    }

    @Test
    void theResolverUnionsTheListFieldAndAsksTheUserForSingleValuedFields() {
        // Shows: per-field policy: interests merge without a question; a two-valued name is one prompt.
        Profile a = Profile.initial().with(NAME).with(new Profile.Edit("interests", "chess"));
        Profile b = Profile.initial().with(new Profile.Edit("name", "grace")).with(new Profile.Edit("interests", "go"));
        ConflictResolver resolver = new ConflictResolver((String field, SortedSet<String> values) -> values.last());
        ConflictResolver.Resolution resolution = resolver.resolve(Candidates.ofVersions(List.of(a, b)));
        assertThat(resolution.profile().interests()).containsExactly("chess", "go");
        assertThat(resolution.profile().scalars()).containsEntry("name", "grace");
        assertThat(resolution.prompts()).isEqualTo(1);
        assertThat(resolution.discarded()).containsExactly("ada");
    }

    @Test
    void aCrdtMapRemovalDropsTheEntriesItHasSeenEverywhereAndAnAddItHadNotSeenSurvives() {
        // Shows: observed-remove: r1 removes chess after seeing it; r2 still holds chess and adds go concurrently.
        // Merged either way, chess is gone (its dot is in r1's context) and go stays (its dot is not).
        Profile.Edit chess = new Profile.Edit("interests", "chess");
        CrdtProfileState both = CrdtProfileState.initial().write(chess, "r1");
        CrdtProfileState r1 = both.write(Profile.Edit.removal("chess"), "r1");
        CrdtProfileState r2 = both.write(new Profile.Edit("interests", "go"), "r2");
        Candidates merged = r1.merge(r2, NO_BUG).candidates();
        assertThat(merged.interests()).containsExactly("go");
        assertThat(r2.merge(r1, NO_BUG)).isEqualTo(r1.merge(r2, NO_BUG));
        // The planted bug merges without the context, and the removed entry comes back.
        assertThat(r1.merge(r2, ProfileConfig.Bug.CRDT_MERGE_AS_UNION)
                        .candidates()
                        .interests())
                .containsExactly("chess", "go");
    }

    @Test
    void siblingsMergedByUnionBringARemovedEntryBackAndTombstonesKeepItRemoved() {
        // Shows: one version removed chess, a concurrent one (read before the removal) still has it and adds go.
        Profile before = Profile.initial().with(new Profile.Edit("interests", "chess"));
        Profile removedChess = before.with(Profile.Edit.removal("chess"));
        Profile addedGo = before.with(new Profile.Edit("interests", "go"));
        Candidates versions = Candidates.ofVersions(List.of(removedChess, addedGo));
        ConflictResolver.UserChoice last = (String field, SortedSet<String> values) -> values.last();

        Profile union = new ConflictResolver(last, ConflictResolver.ListMerge.UNION)
                .resolve(versions)
                .profile();
        assertThat(union.interests()).containsExactly("chess", "go");

        Profile tombstoned = new ConflictResolver(last, ConflictResolver.ListMerge.UNION_MINUS_TOMBSTONES)
                .resolve(versions)
                .profile();
        assertThat(tombstoned.interests()).containsExactly("go");
        assertThat(tombstoned.removed()).containsExactly("chess");
    }

    @Test
    void onlyTheListFieldHasRemovals() {
        assertThatThrownBy(() -> new Profile.Edit("name", "ada", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interests");
    }
}
