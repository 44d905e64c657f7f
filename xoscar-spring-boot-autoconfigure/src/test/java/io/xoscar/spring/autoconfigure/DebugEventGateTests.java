package io.xoscar.spring.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate holds events until the context is refreshed, publishes them in order, then lets events
 * through at once, and drops them once the context closes.
 */
class DebugEventGateTests {

	private final List<Object> published = new CopyOnWriteArrayList<>();

	private final DebugEventGate gate = new DebugEventGate(this.published::add, 3);

	@Test
	void holdsEventsUntilOpenedThenPublishesThemInOrder() {
		this.gate.publish(event("a"));
		this.gate.publish(event("b"));
		assertThat(this.published).isEmpty();
		this.gate.open();
		assertThat(names()).containsExactly("a", "b");
		this.gate.publish(event("c"));
		assertThat(names()).containsExactly("a", "b", "c");
	}

	@Test
	void keepsTheOrderOfEventsThatComeWhileTheHeldOnesArePublished() {
		List<Object> seen = new CopyOnWriteArrayList<>();
		DebugEventGate[] gate = new DebugEventGate[1];
		gate[0] = new DebugEventGate((event) -> {
			seen.add(event);
			if (name(event).equals("a")) {
				// as if the debug thread published while the refreshing thread publishes what was held
				gate[0].publish(event("c"));
			}
		}, 10);
		gate[0].publish(event("a"));
		gate[0].publish(event("b"));
		gate[0].open();
		assertThat(seen).extracting(DebugEventGateTests::name).containsExactly("a", "b", "c");
	}

	@Test
	void holdsAtMostTheLimit() {
		for (String name : List.of("a", "b", "c", "d", "e")) {
			this.gate.publish(event(name));
		}
		this.gate.open();
		assertThat(names()).containsExactly("a", "b", "c");
	}

	@Test
	void dropsEventsOnceClosed() {
		this.gate.publish(event("held"));
		this.gate.close();
		this.gate.open();
		this.gate.publish(event("late"));
		assertThat(this.published).isEmpty();
	}

	@Test
	void aFailingListenerDoesNotStopTheOthers() {
		ApplicationEventPublisher failing = (event) -> {
			this.published.add(event);
			throw new IllegalStateException("listener failed");
		};
		DebugEventGate gate = new DebugEventGate(failing, 10);
		gate.publish(event("a"));
		gate.publish(event("b"));
		gate.open();
		gate.publish(event("c"));
		assertThat(names()).containsExactly("a", "b", "c");
	}

	private List<String> names() {
		return this.published.stream().map(DebugEventGateTests::name).toList();
	}

	private static String name(Object event) {
		return (String) ((ApplicationEvent) event).getSource();
	}

	private static ApplicationEvent event(String name) {
		return new ApplicationEvent(name) {
		};
	}

}
