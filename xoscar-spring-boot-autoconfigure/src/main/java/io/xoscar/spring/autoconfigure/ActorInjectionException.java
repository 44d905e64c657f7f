package io.xoscar.spring.autoconfigure;

import org.springframework.beans.BeansException;

/**
 * An injection point the starter cannot serve: an {@link io.xoscar.spring.XActor @XActor} class
 * injected as a plain bean, or an {@link io.xoscar.spring.ActorRef @ActorRef} while xoscar is
 * disabled. The message says which point and why; {@link #getAction()} what to do.
 */
final class ActorInjectionException extends BeansException {

	private final String action;

	ActorInjectionException(String message, String action) {
		super(message);
		this.action = action;
	}

	String getAction() {
		return this.action;
	}

}
