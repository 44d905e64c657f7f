package io.xoscar.spring.autoconfigure.testfixture;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;

import io.xoscar.spring.event.XoscarDebugEvent;

/**
 * The application's listener of the node's debug events, as a bean: keeps every event in the order
 * it was published.
 */
public class DebugEventRecorder {

	private final List<XoscarDebugEvent> events = new CopyOnWriteArrayList<>();

	@EventListener
	public void on(XoscarDebugEvent event) {
		this.events.add(event);
	}

	/** @return the events so far, oldest first */
	public List<XoscarDebugEvent> events() {
		return List.copyOf(this.events);
	}

	/** @return the events of that type so far, oldest first */
	public <T extends XoscarDebugEvent> List<T> of(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

}
