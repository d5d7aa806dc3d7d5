package sdlab.chapters.ledger.conflicts;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import sdlab.ledger.profile.Profile;
import sdlab.ledger.profile.ProfileDevice;
import sdlab.sim.OperationGenerator;

/**
 * Chapter 18's workload: each device edits a field drawn uniformly (so two devices sometimes edit the same field and
 * often different ones), removes an interest the user added earlier, or views the profile, then audits. Every edited
 * value is unique, {@code u<user>d<device>n<k>}, so a checker can tell which edit a value came from; each added
 * interest is chosen for removal at most once, by whichever device draws it. One generator serves one run.
 */
final class ProfileEditGenerator implements OperationGenerator {
    private final int devicesPerUser;
    private final int opsPerDevice;
    private final int viewPercent;
    private final int removePercent;
    private final int[] issued;
    /** Per user, the interests added so far and not yet chosen for removal, in the order they were issued. */
    private final List<List<String>> removable = new ArrayList<>();

    ProfileEditGenerator(int users, int devicesPerUser, int opsPerDevice, int viewPercent, int removePercent) {
        this.devicesPerUser = devicesPerUser;
        this.opsPerDevice = opsPerDevice;
        this.viewPercent = viewPercent;
        this.removePercent = removePercent;
        this.issued = new int[users * devicesPerUser];
        for (int user = 0; user < users; user++) {
            removable.add(new ArrayList<>());
        }
    }

    static String userKey(int user) {
        return "u" + user;
    }

    @Override
    public Operation next(int process, RandomGenerator random) {
        int user = process / devicesPerUser;
        int k = issued[process]++;
        if (k >= opsPerDevice) {
            return new Operation(ProfileDevice.AUDIT, userKey(user), null);
        }
        int draw = random.nextInt(100);
        if (draw < viewPercent) {
            return new Operation(ProfileDevice.VIEW, userKey(user), null);
        }
        List<String> added = removable.get(user);
        if (draw < viewPercent + removePercent && !added.isEmpty()) {
            String value = added.remove(random.nextInt(added.size()));
            return new Operation(ProfileDevice.REMOVE, userKey(user), List.of(value));
        }
        String field = Profile.FIELDS.get(random.nextInt(Profile.FIELDS.size()));
        String value = userKey(user) + "d" + (process % devicesPerUser) + "n" + k;
        if (field.equals(Profile.INTERESTS)) {
            added.add(value);
        }
        return new Operation(ProfileDevice.EDIT, userKey(user), List.of(field, value));
    }
}
