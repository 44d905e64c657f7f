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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;

import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;

/**
 * Creates the application's {@code @XActor}s when the context starts, before the web server takes
 * requests, and shuts the actor system down when the context closes, after the web server has
 * drained: calls in flight get until the shutdown phase's timeout
 * ({@code spring.lifecycle.timeout-per-shutdown-phase}), one deadline for the whole shutdown.
 * <p>
 * A stop that is not a close (an explicit {@code context.stop()}, or the test framework pausing a
 * cached context) leaves the node as it is: its address (a free port is picked anew on every bind),
 * its pools and child JVMs, its actors and their state are what injected references point to, so a
 * later {@code start()} finds them all and creates only the {@code @XActor}s that are gone (destroyed
 * meanwhile). The node is not pausable for the
 * same reason: {@link #isPauseable()} is false. A context closed while stopped shuts the node down
 * when this bean is destroyed, by the same timeout.
 */
final class XoscarLifecycle
		implements SmartLifecycle, ApplicationListener<ContextClosedEvent>, ApplicationContextAware, DisposableBean {

	/** Before the web server starts (Spring Boot's start/stop phases are DEFAULT_PHASE - 1024 and - 2048). */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger logger = LoggerFactory.getLogger(XoscarLifecycle.class);

	private final ActorSystem system;

	private final List<XActorDefinition> actors;

	private final Duration createTimeout;

	private final Duration shutdownTimeout;

	private ApplicationContext context;

	private volatile boolean running;

	/** Whether the actors were created (by the first start). */
	private volatile boolean created;

	/** Whether the context closes: then a stop shuts the node down. */
	private volatile boolean closing;

	/**
	 * @param system the node
	 * @param actors the actors to create at start; none in a process pool's child
	 * @param createTimeout how long creating them may take
	 * @param shutdownTimeout how long the node's shutdown may take when the context closes
	 */
	XoscarLifecycle(ActorSystem system, List<XActorDefinition> actors, Duration createTimeout,
			Duration shutdownTimeout) {
		this.system = system;
		this.actors = actors;
		this.createTimeout = createTimeout;
		this.shutdownTimeout = shutdownTimeout;
	}

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext() == this.context) {
			this.closing = true;
		}
	}

	@Override
	public void start() {
		createActors(this.created);
		this.created = true;
		this.running = true;
	}

	/** @param onlyMissing whether to create only those that are gone (destroyed while the context was stopped) */
	private void createActors(boolean onlyMissing) {
		List<CompletableFuture<?>> created = new ArrayList<>();
		for (XActorDefinition actor : this.actors) {
			for (String uid : actor.uids()) {
				if (onlyMissing && this.system.hasActor(this.system.handle(this.system.address(), uid, actor.type()))
					.join()) {
					continue;
				}
				created.add(this.system.createActor(actor.type(),
						CreateOptions.uid(uid).placement(actor.placement()).withSupervision(actor.supervision()))
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
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.closing) {
			this.system.shutdown(this.shutdownTimeout);
		}
	}

	/** The context closes after a stop that was no close: the node shuts down now, by the same deadline. */
	@Override
	public void destroy() {
		this.system.shutdown(this.shutdownTimeout);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public boolean isPauseable() {
		return false;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
