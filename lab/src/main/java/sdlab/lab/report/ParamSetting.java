package sdlab.lab.report;

import java.util.Objects;

/**
 * One parameter as a report shows it.
 *
 * @param name the parameter's name ({@code --name} on the command line)
 * @param description what it controls
 * @param value the value in JSON terms: an Integer, Double or Boolean, else its text
 * @param text the value as the command line writes it
 * @param defaultText the default as the command line writes it
 * @param range the allowed values in short, for example {@code 1..9}
 */
public record ParamSetting(
        String name, String description, Object value, String text, String defaultText, String range) {
    public ParamSetting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    public boolean isDefault() {
        return text.equals(defaultText);
    }
}
