package sdlab.check.report;

import java.util.List;
import sdlab.check.linear.CheckLimits;
import sdlab.check.linear.Model;

/**
 * What {@code sdlab check} asks for: the linearizability of each input against one model, within
 * limits (each input gets its own budget of the given size). Resolve the model's name with
 * {@link sdlab.check.linear.Models#byName}.
 */
public record CheckRequest(Model model, List<NamedInput> inputs, CheckLimits limits) {
    public CheckRequest {
        inputs = List.copyOf(inputs);
    }
}
