package io.xoscar.spring.autoconfigure.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.xoscar.spring.autoconfigure.actuate.endpoint.ActorDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.DeadlockDescriptor;
import io.xoscar.spring.autoconfigure.actuate.endpoint.StepDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call graph from listed actors: edges from their callers with rates against the listing a
 * second before, recent deadlock cycles highlighted (and drawn even where no call was sampled),
 * and classes per pool instead of actors once there are too many to draw.
 */
class CallGraphsTests {

	private static final Map<Integer, String> POOLS = Map.of(0, "main", 1, "cpu-1");

	@Test
	void edgesComeFromCallersWithRatesAgainstTheListingASecondBefore() {
		CallGraphs graphs = new CallGraphs();
		graphs.graph(List.of(actor("b", 0, Map.of("a", 160L, "", 32L)), actor("a", 1, Map.of())), POOLS, List.of(),
				List.of(), 10_000);
		DashboardGraph graph = graphs.graph(List.of(actor("b", 0, Map.of("a", 480L, "", 32L)), actor("a", 1, Map.of())),
				POOLS, List.of(), List.of(), 12_000);
		assertThat(graph.aggregated()).isFalse();
		assertThat(graph.nodes()).extracting(DashboardGraph.Node::id)
			.containsExactlyInAnyOrder("actor:a", "actor:b", "outside");
		assertThat(graph.nodes()).filteredOn((node) -> node.id().equals("actor:a"))
			.singleElement()
			.satisfies((node) -> assertThat(node.pool()).isEqualTo("cpu-1"));
		assertThat(graph.edges()).containsExactlyInAnyOrder(new DashboardGraph.Edge("actor:a", "actor:b", 480, 160.0, false),
				new DashboardGraph.Edge("outside", "actor:b", 32, 0.0, false));
	}

	@Test
	void aRecentDeadlocksCycleIsHighlightedEvenWithoutSampledCalls() {
		Instant now = Instant.ofEpochMilli(1_000_000);
		DeadlockDescriptor recent = deadlock(now.minusSeconds(1), "x", "y", "x");
		DeadlockDescriptor old = deadlock(now.minusSeconds(CallGraphs.CYCLE_SECONDS + 1), "p", "q");
		DashboardGraph graph = new CallGraphs().graph(List.of(actor("x", 0, Map.of()), actor("y", 0, Map.of("x", 16L))),
				POOLS, List.of(recent, old), List.of(), now.toEpochMilli());
		assertThat(graph.cycles()).containsExactly(List.of("actor:x", "actor:y", "actor:x"));
		assertThat(graph.edges()).filteredOn(DashboardGraph.Edge::inCycle)
			.extracting((edge) -> edge.from() + ">" + edge.to())
			.containsExactlyInAnyOrder("actor:x>actor:y", "actor:y>actor:x");
		assertThat(graph.nodes()).allSatisfy((node) -> assertThat(node.inCycle()).isTrue());
		assertThat(graph.nodes()).extracting(DashboardGraph.Node::id).doesNotContain("remote:p");
	}

	@Test
	void tooManyActorsAreDrawnAsTheirClassesInEachPool() {
		List<ActorDescriptor> actors = new ArrayList<>();
		Map<String, Long> callers = new HashMap<>();
		for (int i = 0; i < 100; i++) {
			actors.add(actor("worker-" + i, 1, Map.of("boss", 16L)));
			callers.put("worker-" + i, 16L);
		}
		actors.add(actor("boss", 0, Map.of("", 16L)));
		DashboardGraph graph = new CallGraphs().graph(actors, POOLS, List.of(), List.of(), 5_000);
		assertThat(graph.aggregated()).isTrue();
		assertThat(graph.nodes()).extracting(DashboardGraph.Node::label, DashboardGraph.Node::actors)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Worker @ cpu-1", 100),
					org.assertj.core.groups.Tuple.tuple("Boss @ main", 1),
					org.assertj.core.groups.Tuple.tuple("outside actors", 0));
		assertThat(graph.edges()).filteredOn((edge) -> edge.to().startsWith("class:com.example.Worker"))
			.singleElement()
			.satisfies((edge) -> assertThat(edge.calls()).isEqualTo(1600));
	}

	private static ActorDescriptor actor(String uid, int pool, Map<String, Long> callers) {
		String type = uid.startsWith("worker") ? "Worker" : uid.equals("boss") ? "Boss" : "Thing";
		return new ActorDescriptor(uid, "com.example." + type, true, pool, 0, 0, List.of(), 0, null, callers);
	}

	private static DeadlockDescriptor deadlock(Instant at, String... uids) {
		List<StepDescriptor> steps = new ArrayList<>();
		for (String uid : uids) {
			steps.add(new StepDescriptor(uid, "Thing", "call", "127.0.0.1:1"));
		}
		return new DeadlockDescriptor(1, at, "CALL_CHAIN", 0, "main", "127.0.0.1:1", "deadlock", steps, List.of());
	}

}
