package sdlab.check.linear;

/**
 * A sequential data type that a history is checked against. {@link Models} has the built-in ones;
 * a model is a factory of per-partition {@link StateMachine}s.
 */
public interface Model {
    /** The name the command line knows the model by, such as {@code cas-register}. */
    String name();

    /** A fresh state machine for one partition (one key) of one check. */
    StateMachine newStateMachine();
}
