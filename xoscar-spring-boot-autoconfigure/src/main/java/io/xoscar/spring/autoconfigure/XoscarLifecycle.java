package io.xoscar.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;

/**
 * Creates the application's {@code @XActor}s when the context starts, before the web server takes
 * requests, and shuts the actor system down when it stops, after the web server has drained: calls
 * in flight get up to the shutdown phase's timeout to finish.
 */
final class XoscarLifecycle implements SmartLifecycle {

	/** Before the web server starts (Spring Boot's start/stop phases are DEFAULT_PHASE - 1024 and - 2048). */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger logger = LoggerFactory.getLogger(XoscarLifecycle.class);

	private final ActorSystem system;

	private final List<XActorDefinition> actors;

	private final Duration createTimeout;

	private final Duration shutdownTimeout;

	private volatile boolean running;

	/**
	 * @param system the node
	 * @param actors the actors to create at start; none in a process pool's child
	 * @param createTimeout how long creating them may take
	 * @param shutdownTimeout how long calls in flight may take to finish at stop
	 */
	XoscarLifecycle(ActorSystem system, List<XActorDefinition> actors, Duration createTimeout,
			Duration shutdownTimeout) {
		this.system = system;
		this.actors = actors;
		this.createTimeout = createTimeout;
		this.shutdownTimeout = shutdownTimeout;
	}

	@Override
	public void start() {
		List<CompletableFuture<?>> created = new ArrayList<>();
		for (XActorDefinition actor : this.actors) {
			for (String uid : actor.uids()) {
				created.add(this.system.createActor(actor.type(), CreateOptions.uid(uid).placement(actor.placement()))
					.exceptionally((error) -> {
						Throwable cause = (error instanceof CompletionException && error.getCause() != null)
								? error.getCause() : error;
						throw new IllegalStateException("Cannot create @XActor '" + uid + "' (" + actor.type().getName()
								+ ") at " + actor.placement() + ": " + cause.getMessage(), cause);
					}));
			}
		}
		try {
			CompletableFuture.allOf(created.toArray(CompletableFuture[]::new))
				.orTimeout(this.createTimeout.toMillis(), TimeUnit.MILLISECONDS)
				.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof TimeoutException) {
				throw new IllegalStateException("@XActor actors were not all created within " + this.createTimeout
						+ " (xoscar.debug.call-timeout)", ex.getCause());
			}
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
		}
		if (!created.isEmpty()) {
			logger.info("Created {} actor(s) declared with @XActor", created.size());
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.system.shutdown(this.shutdownTimeout);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
