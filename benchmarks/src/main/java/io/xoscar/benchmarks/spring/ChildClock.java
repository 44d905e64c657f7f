package io.xoscar.benchmarks.spring;

import java.lang.management.ManagementFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * When the steps of a JVM's Spring Boot start happened (epoch milliseconds), read in a process
 * pool's child through {@link GpuCounter#timings()}. Registered in {@code META-INF/spring.factories}
 * (so that it hears {@code ApplicationStartingEvent}, before any bean exists); it only notes times.
 */
public final class ChildClock implements ApplicationListener<SpringApplicationEvent> {

	private static volatile long starting;

	private static volatile long environmentPrepared;

	private static volatile long contextPrepared;

	private static volatile long postProcessorsRegistering;

	private static volatile long nodeCreating;

	private static volatile long nodeCreated;

	private static volatile long started;

	private static volatile long ready;

	@Override
	public void onApplicationEvent(SpringApplicationEvent event) {
		long now = System.currentTimeMillis();
		if (event instanceof ApplicationStartingEvent) {
			starting = now;
		}
		else if (event instanceof ApplicationEnvironmentPreparedEvent) {
			environmentPrepared = now;
		}
		else if (event instanceof ApplicationPreparedEvent) {
			contextPrepared = now;
		}
		else if (event instanceof ApplicationStartedEvent) {
			started = now;
		}
		else if (event instanceof ApplicationReadyEvent) {
			ready = now;
		}
	}

	static void postProcessorsRegistering() {
		postProcessorsRegistering = System.currentTimeMillis();
	}

	static void nodeCreating() {
		nodeCreating = System.currentTimeMillis();
	}

	static void nodeCreated() {
		nodeCreated = System.currentTimeMillis();
	}

	static Timings now() {
		return new Timings(ManagementFactory.getRuntimeMXBean().getStartTime(), starting, environmentPrepared,
				contextPrepared, postProcessorsRegistering, nodeCreating, nodeCreated, started, ready, System.currentTimeMillis());
	}

	/**
	 * Epoch milliseconds of a JVM's start steps.
	 * @param jvmStarted the JVM's start
	 * @param starting {@code SpringApplication.run} entered ({@code ApplicationStartingEvent}): the child's
	 * {@code main} has read its arguments
	 * @param environmentPrepared the environment ready, the parent's properties among its sources
	 * @param contextPrepared the context created and its sources loaded, not refreshed yet
	 * @param postProcessorsRegistering the refresh's bean factory post-processing done (configuration
	 * classes parsed, components scanned, auto-configurations' conditions evaluated): {@link NodeClock},
	 * a bean post-processor, created
	 * @param nodeCreating the context's {@code ActorSystem} bean about to be created ({@link NodeClock}),
	 * before its {@code ActorSystemConfig} (a factory argument)
	 * @param nodeCreated that bean created: its config built, in a child the pool's node bound
	 * @param started the context refreshed
	 * @param ready {@code run} about to return: right after, the child reports ready to its parent
	 * @param actorCreated the actor that reports these created (after the parent asked for it)
	 */
	public record Timings(long jvmStarted, long starting, long environmentPrepared, long contextPrepared,
			long postProcessorsRegistering, long nodeCreating, long nodeCreated, long started, long ready, long actorCreated) {
	}

}
