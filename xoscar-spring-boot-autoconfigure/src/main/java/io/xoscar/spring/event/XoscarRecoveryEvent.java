package io.xoscar.spring.event;

import org.springframework.context.ApplicationEvent;

import io.xoscar.ActorSystem;
import io.xoscar.recovery.RecoveryEvent;

/**
 * What an {@link ActorSystem}'s recovery did or saw ({@link RecoveryEvent}), published as an
 * application event: a process pool's {@link PoolDownEvent}, {@link PoolRestartingEvent},
 * {@link PoolRestartedEvent} or {@link PoolGaveUpEvent}, an actor's {@link ActorRestartedEvent} or
 * {@link ActorGaveUpEvent}. Listen to this type to hear about all of them.
 * <p>
 * Events are published on a thread of the node's own, one at a time and in the order they
 * happened, between the refresh of the application context and its close; those that come while
 * the context starts are published once it is refreshed. A listener that throws is logged and the
 * events after it are still published; one that takes long delays the events after it, not
 * recovery (use {@code @Async} for slow work).
 */
public abstract class XoscarRecoveryEvent extends ApplicationEvent {

	private final RecoveryEvent recoveryEvent;

	/**
	 * @param system the node whose recovery it is
	 * @param recoveryEvent what happened
	 */
	protected XoscarRecoveryEvent(ActorSystem system, RecoveryEvent recoveryEvent) {
		super(system);
		this.recoveryEvent = recoveryEvent;
	}

	/**
	 * @return the node whose recovery it is (also {@link #getSource()})
	 */
	public ActorSystem getActorSystem() {
		return (ActorSystem) getSource();
	}

	/**
	 * @return what happened, as the core's {@link io.xoscar.recovery.RecoveryListener} hears it
	 */
	public RecoveryEvent getRecoveryEvent() {
		return this.recoveryEvent;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.recoveryEvent + "]";
	}

}
