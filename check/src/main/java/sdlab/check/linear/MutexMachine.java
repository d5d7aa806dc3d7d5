package sdlab.check.linear;

import sdlab.check.history.Operation;

/**
 * A lock: {@code acquire} succeeds only when it is free and makes the acquiring process its
 * holder; {@code release} succeeds only for the holder. Unlike Knossos's mutex, the holder is
 * tracked, so a release by a process that does not hold the lock is a violation. The state is 0
 * when free, else the holder's process number plus one.
 */
final class MutexMachine implements StateMachine {
    private static final long FREE = 0;

    @Override
    public long initialState() {
        return FREE;
    }

    @Override
    public Transition transition(Operation op) {
        long holder = op.process() + 1L;
        return switch (op.f()) {
            case "acquire" -> state -> state == FREE ? holder : Transition.NONE;
            case "release" -> state -> state == holder ? FREE : Transition.NONE;
            default -> throw ModelErrors.unknownOperation(op, "mutex", ":acquire and :release");
        };
    }

    @Override
    public String describe(long state) {
        return state == FREE ? "free" : "held by process " + (state - 1);
    }
}
