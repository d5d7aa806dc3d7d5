package sdlab.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sdlab.lab.Experiment;
import sdlab.lab.Param;
import sdlab.lab.ParamValues;

/** {@code sdlab list}: every experiment, one line each, by chapter; or the same as JSON. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the experiments, one line each, by chapter.")
final class ListCommand implements Callable<Integer> {
    private final ExperimentCatalog catalog;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array instead (id, chapter, title, summary, params).")
    boolean json;

    ListCommand(ExperimentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(asJson())
                    + "\n");
        } else if (catalog.all().isEmpty()) {
            out.println("No experiments found: none is registered in META-INF/services/sdlab.lab.Experiment.");
        } else {
            int idWidth =
                    catalog.all().stream().mapToInt(e -> e.id().length()).max().orElse(0);
            for (Experiment experiment : catalog.all()) {
                out.printf(
                        "%3d  %-" + idWidth + "s  %s: %s%n",
                        experiment.identity().chapter(),
                        experiment.id(),
                        experiment.identity().title(),
                        experiment.identity().summary());
            }
        }
        out.flush();
        return 0;
    }

    private ArrayNode asJson() {
        ArrayNode list = new ObjectMapper().createArrayNode();
        for (Experiment experiment : catalog.all()) {
            ObjectNode node = list.addObject();
            node.put("id", experiment.id());
            node.put("chapter", experiment.identity().chapter());
            node.put("title", experiment.identity().title());
            node.put("summary", experiment.identity().summary());
            ArrayNode params = node.putArray("params");
            ParamValues defaults = ParamValues.defaults(experiment.params());
            for (Param<?> param : experiment.params()) {
                params.addObject()
                        .put("name", param.name())
                        .put("default", defaults.text(param))
                        .put("range", param.rangeText())
                        .put("description", param.description());
            }
        }
        return list;
    }
}
