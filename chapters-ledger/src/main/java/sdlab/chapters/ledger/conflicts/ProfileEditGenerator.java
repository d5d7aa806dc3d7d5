package sdlab.chapters.ledger.conflicts;

import java.util.List;
import java.util.random.RandomGenerator;
import sdlab.ledger.profile.Profile;
import sdlab.ledger.profile.ProfileDevice;
import sdlab.sim.OperationGenerator;

/**
 * Chapter 18's workload: each device edits a field drawn uniformly (so two devices sometimes edit the same field and
 * often different ones) or views the profile, then audits. Every edited value is unique, {@code u<user>d<device>n<k>},
 * so a checker can tell which edit a value came from. One generator serves one run.
 */
final class ProfileEditGenerator implements OperationGenerator {
    private final int devicesPerUser;
    private final int opsPerDevice;
    private final int viewPercent;
    private final int[] issued;

    ProfileEditGenerator(int users, int devicesPerUser, int opsPerDevice, int viewPercent) {
        this.devicesPerUser = devicesPerUser;
        this.opsPerDevice = opsPerDevice;
        this.viewPercent = viewPercent;
        this.issued = new int[users * devicesPerUser];
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
        if (random.nextInt(100) < viewPercent) {
            return new Operation(ProfileDevice.VIEW, userKey(user), null);
        }
        String field = Profile.FIELDS.get(random.nextInt(Profile.FIELDS.size()));
        String value = userKey(user) + "d" + (process % devicesPerUser) + "n" + k;
        return new Operation(ProfileDevice.EDIT, userKey(user), List.of(field, value));
    }
}
