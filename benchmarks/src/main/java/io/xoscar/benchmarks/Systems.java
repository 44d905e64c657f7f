package io.xoscar.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.slf4j.LoggerFactory;

import io.xoscar.config.ActorSystemConfig;

/**
 * How both actor systems are started for the benchmarks: the same number of threads each
 * ({@code -Dxoscar.bench.threads}, default 2: the xoscar main pool and Pekko's default dispatcher),
 * everything else at its defaults, logging at WARN.
 */
public final class Systems {

	/** Threads of the xoscar main pool and of Pekko's default dispatcher. */
	public static final int THREADS = Integer.getInteger("xoscar.bench.threads", 2);

	/**
	 * Call / ask timeout: far above any latency measured (hitting it is a failure), and a common
	 * choice in applications. It matters for Pekko: each ask schedules its timeout on the
	 * scheduler's wheel, where a cancelled task stays until its slot comes up, so at millions of asks
	 * per second a longer timeout keeps more garbage alive and costs Pekko GC time.
	 */
	public static final Duration TIMEOUT = Duration.ofSeconds(5);

	/**
	 * JVM options of the child JVMs the cross-process benchmarks start: {@code -Dxoscar.bench.child.jvmArgs},
	 * separated by {@code |} (JMH splits {@code -jvmArgsAppend} at spaces) or spaces; default
	 * {@code -Xms1g|-Xmx1g}. The child is a separate process: its heap comes on top of the fork's.
	 */
	public static final List<String> CHILD_JVM_ARGS = List
		.of(System.getProperty("xoscar.bench.child.jvmArgs", "-Xms1g|-Xmx1g").trim().split("[|\\s]+"));

	private Systems() {
	}

	public static io.xoscar.ActorSystem xoscar() {
		return io.xoscar.ActorSystem.create(ActorSystemConfig.builder()
			.mainPoolThreads(THREADS)
			.callTimeout(TIMEOUT)
			.build());
	}

	/**
	 * @param name the system name
	 * @return a Pekko typed system whose guardian spawns actors on request
	 */
	public static ActorSystem<SpawnProtocol.Command> pekko(String name) {
		// Initialize SLF4J (logback) on this thread first: otherwise Pekko's threads log during its
		// initialization and SLF4J prints a "calls were intercepted and replayed" notice.
		LoggerFactory.getILoggerFactory();
		Config config = ConfigFactory.parseString(String.join("\n",
				"pekko.loglevel = WARNING",
				"pekko.stdout-loglevel = WARNING",
				"pekko.log-dead-letters = off",
				"pekko.log-dead-letters-during-shutdown = off",
				"pekko.jvm-shutdown-hooks = off",
				"pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off",
				"pekko.actor.default-dispatcher.fork-join-executor.parallelism-min = " + THREADS,
				"pekko.actor.default-dispatcher.fork-join-executor.parallelism-factor = 1.0",
				"pekko.actor.default-dispatcher.fork-join-executor.parallelism-max = " + THREADS))
			.withFallback(ConfigFactory.load());
		return ActorSystem.create(SpawnProtocol.create(), name, config);
	}

	/**
	 * Spawns a top-level actor through the guardian (typed has no {@code actorOf} from outside).
	 */
	public static <T> ActorRef<T> spawn(ActorSystem<SpawnProtocol.Command> system, Behavior<T> behavior,
			String name) {
		return AskPattern.<SpawnProtocol.Command, ActorRef<T>>ask(system,
				(replyTo) -> new SpawnProtocol.Spawn<>(behavior, name, Props.empty(), replyTo), TIMEOUT,
				system.scheduler())
			.toCompletableFuture()
			.join();
	}

	public static void terminate(ActorSystem<?> system) throws Exception {
		system.terminate();
		system.getWhenTerminated().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
	}

}
