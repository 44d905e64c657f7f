package io.xoscar.test;

import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;

/**
 * A JUnit 5 extension that runs an {@link ActorSystem} for a test class. Registered on a static
 * field, one system serves all tests of the class (started before the first, shut down after the
 * last); on an instance field, each test gets its own, started when the test first needs it (a
 * parameter, {@link #system()}, or a field initializer such as
 * {@code private final ActorSystem system = this.xoscar.system();}) and shut down after the test.
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static ActorSystemExtension xoscar = ActorSystemExtension.builder()
 *     .threadPool("cpu", 2)
 *     .processPool("gpu", 1)
 *     .manualClock()
 *     .configure((config) -&gt; config.callTimeout(Duration.ofSeconds(5)))
 *     .build();
 *
 * &#64;Test
 * void answers(&#64;TestActor ActorHandle&lt;Greeter&gt; greeter, ManualClock clock, DebugEventRecorder events) {
 *     ...
 * }
 * </pre>
 *
 * Test and lifecycle methods may declare parameters of type {@link ActorSystem},
 * {@link ManualClock} (when the extension was built with {@link Builder#manualClock()}),
 * {@link DebugEventRecorder} (always registered; cleared before each test) and
 * {@code ActorHandle<T>} annotated with {@link TestActor} (an actor created for the test and
 * destroyed after it). {@link XoscarTest @XoscarTest} declares the same on the class instead.
 * <p>
 * A class may register several (say, a second system with other settings for one test); those on
 * instance fields start only when first needed, so only the systems a test uses run. Take their parts from the
 * fields then ({@link #system()}, {@link #clock()}, {@link #debugEvents()}): two extensions would
 * both offer the same parameters.
 */
public final class ActorSystemExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private final Settings settings;

	private final DebugEventRecorder recorder = new DebugEventRecorder();

	private final TestActors actors = new TestActors();

	private @Nullable ActorSystem system;

	/** Whether the extension is registered on a static field: one system for the whole class. */
	private boolean classScoped;

	private ActorSystemExtension(Settings settings) {
		this.settings = settings;
	}

	/**
	 * @return a builder of an extension whose system has a main pool of two threads and no sub pools
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * @return the running system (started now if no callback has started it yet)
	 */
	public synchronized ActorSystem system() {
		ActorSystem running = this.system;
		if (running == null) {
			running = ActorSystem.create(config());
			this.system = running;
		}
		return running;
	}

	/**
	 * @return the system's clock
	 * @throws IllegalStateException if the extension was not built with {@link Builder#manualClock()}
	 */
	public ManualClock clock() {
		ManualClock clock = this.settings.clock();
		if (clock == null) {
			throw new IllegalStateException("this ActorSystemExtension runs on the machine's clock;"
					+ " build it with manualClock() to get a ManualClock");
		}
		return clock;
	}

	/**
	 * @return the recorder of the deadlock reports and alerts of the system
	 */
	public DebugEventRecorder debugEvents() {
		return this.recorder;
	}

	/**
	 * @return the configuration the system is (or will be) created with
	 */
	public ActorSystemConfig config() {
		ActorSystemConfig.Builder builder = ActorSystemConfig.builder().mainPoolThreads(this.settings.mainPoolThreads());
		this.settings.pools().forEach(builder::pool);
		if (this.settings.clock() != null) {
			builder.clock(this.settings.clock());
		}
		this.settings.customizers().forEach((customizer) -> customizer.accept(builder));
		builder.debugListener(this.recorder);
		return builder.build();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		// only an extension on a static field hears of the class's start
		this.classScoped = true;
		system();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		// a test's own system starts when the test first needs it, so the test may tune it first
		this.recorder.clear();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		try {
			ActorSystem running = this.system;
			if (running != null) {
				this.actors.destroyAll(running);
			}
		}
		finally {
			if (!this.classScoped) {
				shutdown();
			}
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		shutdown();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		if (type == ActorHandle.class) {
			return parameterContext.isAnnotated(TestActor.class);
		}
		return type == ActorSystem.class || type == ManualClock.class || type == DebugEventRecorder.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Parameter parameter = parameterContext.getParameter();
		Class<?> type = parameter.getType();
		if (type == ActorSystem.class) {
			return system();
		}
		if (type == DebugEventRecorder.class) {
			return this.recorder;
		}
		if (type == ManualClock.class) {
			try {
				return clock();
			}
			catch (IllegalStateException ex) {
				throw new ParameterResolutionException(ex.getMessage(), ex);
			}
		}
		TestActor request = parameterContext.findAnnotation(TestActor.class).orElseThrow();
		return this.actors.create(system(), parameter, request);
	}

	private void shutdown() {
		ActorSystem running;
		synchronized (this) {
			running = this.system;
			this.system = null;
		}
		if (running != null) {
			running.shutdown(this.settings.shutdownTimeout());
		}
	}

	/** What an extension was built with. */
	private record Settings(int mainPoolThreads, List<PoolConfig> pools,
			List<Consumer<ActorSystemConfig.Builder>> customizers, @Nullable ManualClock clock,
			Duration shutdownTimeout) {
	}

	/**
	 * Builds an {@link ActorSystemExtension}: the system's pools, its clock and any other setting.
	 */
	public static final class Builder {

		private int mainPoolThreads = 2;

		private final List<PoolConfig> pools = new ArrayList<>();

		private final List<Consumer<ActorSystemConfig.Builder>> customizers = new ArrayList<>();

		private @Nullable ManualClock clock;

		private Duration shutdownTimeout = Duration.ofSeconds(10);

		private Builder() {
		}

		/**
		 * @param threads threads of the main pool (2 unless set)
		 * @return this builder
		 */
		public Builder mainPoolThreads(int threads) {
			this.mainPoolThreads = threads;
			return this;
		}

		/**
		 * Adds a group of thread pools (in this JVM) of one thread each.
		 * @param name the group's name
		 * @param count how many pools
		 * @return this builder
		 */
		public Builder threadPool(String name, int count) {
			return pool(PoolConfig.thread(name).count(count));
		}

		/**
		 * Adds a group of process pools (each a child JVM on this class path) of one thread each.
		 * @param name the group's name
		 * @param count how many pools
		 * @return this builder
		 */
		public Builder processPool(String name, int count) {
			return pool(PoolConfig.process(name).count(count));
		}

		/**
		 * Adds a group of sub pools, numbered after those added before.
		 * @param pool the group (threads, labels, environment, ...)
		 * @return this builder
		 */
		public Builder pool(PoolConfig pool) {
			this.pools.add(Objects.requireNonNull(pool, "pool"));
			return this;
		}

		/**
		 * Runs the system on a new {@link ManualClock}, which tests get as a parameter or from
		 * {@link ActorSystemExtension#clock()}.
		 * @return this builder
		 */
		public Builder manualClock() {
			return clock(new ManualClock());
		}

		/**
		 * Runs the system on the given manual clock.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(ManualClock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Adjusts the rest of the system's configuration; customizers run in the order added, after
		 * the pools and the clock are set.
		 * @param customizer changes the builder (call timeout, thresholds, listeners, ...)
		 * @return this builder
		 */
		public Builder configure(Consumer<ActorSystemConfig.Builder> customizer) {
			this.customizers.add(Objects.requireNonNull(customizer, "customizer"));
			return this;
		}

		/**
		 * @param timeout the bound of the system's shutdown after the tests (10 seconds unless set)
		 * @return this builder
		 */
		public Builder shutdownTimeout(Duration timeout) {
			this.shutdownTimeout = Objects.requireNonNull(timeout, "timeout");
			return this;
		}

		/**
		 * @return the extension, to register with {@code @RegisterExtension}
		 */
		public ActorSystemExtension build() {
			return new ActorSystemExtension(new Settings(this.mainPoolThreads, List.copyOf(this.pools),
					List.copyOf(this.customizers), this.clock, this.shutdownTimeout));
		}

	}

}
