package io.xoscar.recovery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records the recovery events a node publishes, for tests to wait for and look at.
 */
final class ProcessPoolRecoveryEvents implements RecoveryListener {

	private final List<RecoveryEvent> events = new CopyOnWriteArrayList<>();

	@Override
	public void onRecoveryEvent(RecoveryEvent event) {
		this.events.add(event);
	}

	List<RecoveryEvent> all() {
		return List.copyOf(this.events);
	}

	<E extends RecoveryEvent> List<E> of(Class<E> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/**
	 * @return the first event of the type that matches, once there is one
	 */
	<E extends RecoveryEvent> E awaitEvent(Class<E> type, Predicate<E> matching) {
		await().atMost(ProcessPoolCrashes.RESTART)
			.untilAsserted(() -> assertThat(all()).as("recovery events heard")
				.anySatisfy((event) -> assertThat(type.isInstance(event) && matching.test(type.cast(event)))
					.as("a matching " + type.getSimpleName()).isTrue()));
		return of(type).stream().filter(matching).findFirst().orElseThrow();
	}

	void clear() {
		this.events.clear();
	}

}
