package io.xoscar.spring.autoconfigure;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Lets xoscar's events (debug events, and recovery events through a gate of their own) into the
 * application context only while it can take them: from its refresh to its close.
 * <p>
 * Before the refresh, a context keeps the events published to it in a set that is neither
 * thread-safe nor seen by {@code @EventListener} methods (registered once every singleton exists),
 * and its listener beans may still be in creation on another thread; the node's debug thread must
 * not publish into that. So events that come before the refresh are held (up to a limit) and
 * published in order, on the refreshing thread, when it happens. Once the context closes, its beans
 * are being destroyed: events are dropped (the node has logged them, and its history keeps them).
 */
final class DebugEventGate {

	/** The most events held before the refresh; later ones are dropped. */
	static final int HELD_LIMIT = 1000;

	private static final Logger logger = LoggerFactory.getLogger(DebugEventGate.class);

	private final ApplicationEventPublisher publisher;

	private final int heldLimit;

	private final Deque<ApplicationEvent> held = new ArrayDeque<>();

	private State state = State.HOLDING;

	private final String kind;

	private final String whereToLook;

	private int dropped;

	/**
	 * @param publisher the context
	 * @param heldLimit the most debug events held before the refresh
	 */
	DebugEventGate(ApplicationEventPublisher publisher, int heldLimit) {
		this(publisher, heldLimit, "debug", "ActorSystem.deadlocks() and slowCalls() list the latest");
	}

	/**
	 * @param publisher the context
	 * @param heldLimit the most events held before the refresh
	 * @param kind what the events are, for the log
	 * @param whereToLook where to find what the events dropped before the refresh told, for the log
	 */
	DebugEventGate(ApplicationEventPublisher publisher, int heldLimit, String kind, String whereToLook) {
		this.publisher = publisher;
		this.heldLimit = heldLimit;
		this.kind = kind;
		this.whereToLook = whereToLook;
	}

	/**
	 * Publishes the event now if the context is refreshed, holds it if it is not yet, drops it if the
	 * context is closed.
	 * @param event the event
	 */
	void publish(ApplicationEvent event) {
		synchronized (this) {
			if (this.state == State.HOLDING) {
				if (this.held.size() < this.heldLimit) {
					this.held.add(event);
				}
				else {
					this.dropped++;
				}
				return;
			}
			if (this.state == State.CLOSED) {
				logger.debug("Not published, the application context is closed: {}", event);
				return;
			}
		}
		deliver(event);
	}

	/** The context is refreshed: publishes the events held, in order, then lets new ones through. */
	void open() {
		while (true) {
			ApplicationEvent next;
			synchronized (this) {
				if (this.state != State.HOLDING) {
					return;
				}
				next = this.held.poll();
				if (next == null) {
					// events that came while the held ones were published were held too: order is kept
					this.state = State.OPEN;
					if (this.dropped > 0) {
						logger.warn("{} {} event(s) that came before the application context was refreshed were"
								+ " not published (at most {} are held); {}", this.dropped, this.kind, this.heldLimit,
								this.whereToLook);
					}
					return;
				}
			}
			deliver(next);
		}
	}

	/** The context is closing: drops the events held and those to come. */
	synchronized void close() {
		this.state = State.CLOSED;
		this.held.clear();
	}

	private void deliver(ApplicationEvent event) {
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			logger.warn("A listener of {} failed", event, ex);
		}
	}

	private enum State {

		HOLDING, OPEN, CLOSED

	}

}
