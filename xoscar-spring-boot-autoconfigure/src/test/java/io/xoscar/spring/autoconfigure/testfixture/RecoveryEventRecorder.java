package io.xoscar.spring.autoconfigure.testfixture;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;

import io.xoscar.spring.event.XoscarRecoveryEvent;

/**
 * The application's listener of the node's recovery events, as a bean: keeps every event in the
 * order it was published.
 */
public class RecoveryEventRecorder {

	private final List<XoscarRecoveryEvent> events = new CopyOnWriteArrayList<>();

	@EventListener
	public void on(XoscarRecoveryEvent event) {
		this.events.add(event);
	}

	/** @return the events so far, oldest first */
	public List<XoscarRecoveryEvent> events() {
		return List.copyOf(this.events);
	}

	/** @return the events of that type so far, oldest first */
	public <T extends XoscarRecoveryEvent> List<T> of(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

}
