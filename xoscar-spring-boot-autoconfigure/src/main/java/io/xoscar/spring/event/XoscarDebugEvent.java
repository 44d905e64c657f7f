package io.xoscar.spring.event;

import org.springframework.context.ApplicationEvent;

import io.xoscar.ActorSystem;

/**
 * A problem an {@link ActorSystem} detected (in this JVM or in one of its process pools),
 * published as an application event: a {@link DeadlockDetectedEvent}, a {@link SlowCallEvent} or a
 * {@link SlowCallEndedEvent}. Listen to this type to hear about all of them.
 * <p>
 * Events are published on the node's debug thread, one at a time and in the order the problems
 * were found, between the refresh of the application context and its close; those detected while
 * the context starts are published once it is refreshed. A listener that takes long delays the
 * events after it (use {@code @Async} for slow work, such as calling out to a pager).
 */
public abstract class XoscarDebugEvent extends ApplicationEvent {

	/**
	 * @param system the node that detected the problem
	 */
	protected XoscarDebugEvent(ActorSystem system) {
		super(system);
	}

	/**
	 * @return the node that detected the problem (also {@link #getSource()})
	 */
	public ActorSystem getActorSystem() {
		return (ActorSystem) getSource();
	}

}
