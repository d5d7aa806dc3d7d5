package sdlab.check.linear;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The built-in models. Every model is checked per key: operations with different keys are
 * independent objects, and linearizability is local (Herlihy and Wing 1990), so each key is
 * checked alone.
 */
public final class Models {
    private Models() {}

    /** A register that starts as nil: read and write. */
    public static Model register() {
        return model("register", () -> new RegisterMachine("register", false));
    }

    /** A register that starts as nil: read, write and cas [from to]. */
    public static Model casRegister() {
        return model("cas-register", () -> new RegisterMachine("cas-register", true));
    }

    /** Several registers read and written together by {@code txn} transactions of micro-operations. */
    public static Model multiRegister() {
        return model("multi-register", MultiRegisterMachine::new);
    }

    /** A key-value store of strings, checked per key: get, put and append. */
    public static Model keyValue() {
        return model("key-value", KeyValueMachine::new);
    }

    /** A lock with a holder: acquire and release. */
    public static Model mutex() {
        return model("mutex", MutexMachine::new);
    }

    /** A grow-only set: add and read (of all elements). */
    public static Model set() {
        return model("set", SetMachine::new);
    }

    /** A FIFO queue: enqueue and dequeue. */
    public static Model queue() {
        return model("queue", QueueMachine::new);
    }

    /** All built-in models, in the order the command line lists them. */
    public static List<Model> all() {
        return List.of(register(), casRegister(), multiRegister(), keyValue(), mutex(), set(), queue());
    }

    /** The built-in models' names, for help texts and error messages. */
    public static List<String> names() {
        return all().stream().map(Model::name).toList();
    }

    /** The built-in model with this name ("kv" also names the key-value model). */
    public static Optional<Model> byName(String name) {
        String wanted = name.equals("kv") ? "key-value" : name;
        return all().stream().filter(m -> m.name().equals(wanted)).findFirst();
    }

    private static Model model(String name, Supplier<StateMachine> machines) {
        return new BuiltIn(name, machines);
    }

    private record BuiltIn(String name, Supplier<StateMachine> machines) implements Model {
        @Override
        public StateMachine newStateMachine() {
            return machines.get();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
