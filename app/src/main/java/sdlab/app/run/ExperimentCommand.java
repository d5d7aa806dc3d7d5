package sdlab.app.run;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import sdlab.lab.Experiment;
import sdlab.lab.Param;
import sdlab.lab.ParamException;
import sdlab.lab.ParamValues;
import sdlab.lab.Variant;

/**
 * {@code sdlab run <experiment>}: the experiment's parameters as {@code --name VALUE} options (a flag also works
 * alone, meaning true), then the options every run shares ({@link RunRequest}). Values are parsed by the
 * parameters themselves, so their error messages are the ones the experiment declared.
 */
final class ExperimentCommand implements Callable<Integer> {
    private final Experiment experiment;
    private CommandLine command;

    private ExperimentCommand(Experiment experiment) {
        this.experiment = experiment;
    }

    static CommandLine commandLine(Experiment experiment) {
        ExperimentCommand runner = new ExperimentCommand(experiment);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(runner);
        spec.name(experiment.id()).mixinStandardHelpOptions(true);
        spec.usageMessage()
                .sortOptions(false)
                .headerHeading("%n")
                .header(experiment.identity().title() + " (chapter "
                        + experiment.identity().chapter() + ")")
                .description(experiment.identity().summary())
                .optionListHeading("%nParameters, then options of every run:%n");
        ParamValues defaults = ParamValues.defaults(experiment.params());
        for (Param<?> param : experiment.params()) {
            spec.addOption(option(param, defaults));
        }
        List<String> variantNames =
                experiment.variants(defaults).stream().map(Variant::name).toList();
        RunRequest.addOptions(spec, variantNames);
        runner.command = new CommandLine(spec);
        return runner.command;
    }

    private static OptionSpec option(Param<?> param, ParamValues defaults) {
        String name = "--" + param.name();
        if (RunRequest.RESERVED.contains(name)) {
            throw new IllegalStateException("parameter " + name + " clashes with the run option of the same name");
        }
        String description = param.description() + " (default " + defaults.text(param) + "; " + param.rangeText() + ")";
        OptionSpec.Builder option = OptionSpec.builder(name).type(String.class).description(description);
        if (param.isFlag()) {
            option.arity("0..1").fallbackValue("true").paramLabel("true|false");
        } else {
            option.arity("1").paramLabel("VALUE");
        }
        return option.build();
    }

    @Override
    public Integer call() {
        RunRequest request = RunRequest.from(command);
        ParamValues values = paramValues();
        try {
            List<String> variants =
                    experiment.variants(values).stream().map(Variant::name).toList();
            request.variant().filter(v -> !variants.contains(v)).ifPresent(v -> {
                throw new ParameterException(
                        command,
                        "no variant named '" + v + "' in " + experiment.id() + "; variants: "
                                + String.join(", ", variants));
            });
        } catch (ParamException inconsistent) {
            throw new ParameterException(command, inconsistent.getMessage());
        }
        return new RunExecution(experiment, values, request, command).execute();
    }

    /** The defaults with every parameter the user gave; a bad value is bad input with the parameter's own message. */
    private ParamValues paramValues() {
        ParseResult parsed = command.getParseResult();
        ParamValues values = ParamValues.defaults(experiment.params());
        for (Param<?> param : experiment.params()) {
            String name = "--" + param.name();
            if (parsed.hasMatchedOption(name)) {
                try {
                    values = values.with(param, parsed.matchedOptionValue(name, ""));
                } catch (ParamException bad) {
                    throw new ParameterException(command, bad.getMessage());
                }
            }
        }
        return values;
    }
}
