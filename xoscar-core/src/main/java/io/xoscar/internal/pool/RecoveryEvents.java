package io.xoscar.internal.pool;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.xoscar.recovery.RecoveryEvent;
import io.xoscar.recovery.RecoveryListener;

/**
 * Tells a node's recovery listeners what recovery does, in order, on a thread of its own: a slow
 * listener delays the events after it, never a restart; one that throws is logged and keeps hearing.
 */
final class RecoveryEvents {

	private static final Logger logger = LoggerFactory.getLogger(RecoveryEvents.class);

	private final List<RecoveryListener> listeners = new CopyOnWriteArrayList<>();

	private final ExecutorService delivery;

	RecoveryEvents(String nodeAddress, List<RecoveryListener> listeners) {
		this.listeners.addAll(listeners);
		this.delivery = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "xoscar-recovery-events-" + nodeAddress);
			thread.setDaemon(true);
			return thread;
		});
	}

	Runnable add(RecoveryListener listener) {
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	void publish(RecoveryEvent event) {
		if (this.listeners.isEmpty()) {
			return;
		}
		try {
			this.delivery.execute(() -> deliver(event));
		}
		catch (RejectedExecutionException ex) {
			// the node is closed
		}
	}

	private void deliver(RecoveryEvent event) {
		for (RecoveryListener listener : this.listeners) {
			try {
				listener.onRecoveryEvent(event);
			}
			catch (Throwable ex) {
				logger.warn("Recovery listener {} failed on {}", listener, event, ex);
			}
		}
	}

	void close() {
		this.delivery.shutdown();
	}

}
