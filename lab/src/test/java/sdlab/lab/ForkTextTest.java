package sdlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.sim.Fork;
import sdlab.sim.Intervention;
import sdlab.sim.Partition;

class ForkTextTest {

    @Test
    void everyChangeReadsAsWrittenWithStepsCountedFromOne() {
        String text = "1027:drop:406,1027:delay:406:50ms,5:deliver:#9,12:crash:n3:200ms,12:pause:c1:1.5s,"
                + "40:cut:n3/n1+n2:300ms";

        List<Fork> forks = ForkText.parse(text);

        assertThat(forks)
                .containsExactly(
                        new Fork(1026, new Intervention.DropMessage(406)),
                        new Fork(1026, new Intervention.DelayMessage(406, Duration.ofMillis(50))),
                        new Fork(4, new Intervention.DeliverMessageNow(9)),
                        new Fork(11, new Intervention.CrashNode(NodeId.of("n3"), Duration.ofMillis(200))),
                        new Fork(11, new Intervention.PauseNode(NodeId.of("c1"), Duration.ofMillis(1500))),
                        new Fork(
                                39,
                                new Intervention.CutNetwork(
                                        Partition.between(
                                                Set.of(NodeId.of("n3")), Set.of(NodeId.of("n1"), NodeId.of("n2"))),
                                        Duration.ofMillis(300))));
        assertThat(ForkText.parse(ForkText.format(forks))).isEqualTo(forks);
        assertThat(ForkText.parse(" ")).isEmpty();
    }

    @Test
    void aBadForkSaysWhatIsWrongAndWhatIsTaken() {
        assertThatThrownBy(() -> ForkText.parse("0:drop:4")).hasMessage("bad fork '0:drop:4': the step counts from 1");
        assertThatThrownBy(() -> ForkText.parse("3:drop"))
                .hasMessageStartingWith("bad fork '3:drop': expected STEP:drop:MSG");
        assertThatThrownBy(() -> ForkText.parse("3:explode:4"))
                .hasMessageStartingWith("bad fork '3:explode:4': unknown change 'explode'; expected ");
        assertThatThrownBy(() -> ForkText.parse("3:delay:4"))
                .hasMessageStartingWith("bad fork '3:delay:4': 'delay' takes 2 arguments");
        assertThatThrownBy(() -> ForkText.parse("3:crash:n1:soon"))
                .hasMessage("bad fork '3:crash:n1:soon': a length must look like 200ms or 1.5s, got 'soon'");
        assertThatThrownBy(() -> ForkText.parse("x:drop:4"))
                .hasMessage("bad fork 'x:drop:4': the step must be a whole number, got 'x'");
        assertThatThrownBy(() -> ForkText.parse("3:cut:n1/n1+n2:1s"))
                .hasMessage("bad fork '3:cut:n1/n1+n2:1s': n1 is on both sides of the cut");
        assertThatThrownBy(() -> ForkText.parse("3:cut:n1:1s")).hasMessageContaining("a cut names two groups");
    }
}
