package io.xoscar.process;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.Actor;
import io.xoscar.ActorFactory;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.config.ProcessPoolMain;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Actor instances come from the node's {@link ActorFactory}, in this JVM and in process pools whose
 * child runs an integration's own main class ({@link ProcessPoolMain}).
 */
class ActorFactoryTest {

	public static class Greeter extends Actor {

		private final String greeting;

		private final String uidInConstructor;

		public Greeter(String greeting) {
			this.greeting = greeting;
			this.uidInConstructor = uid();
		}

		public String greet(String name) {
			return this.greeting + " " + name + " from " + this.uidInConstructor + " in " + ProcessHandle.current().pid();
		}

	}

	/** Greeters get their greeting from the factory; other actors are made as usual. */
	static ActorFactory greeters(String greeting) {
		return (type, args) -> (type == Greeter.class && args.length == 0) ? new Greeter(greeting)
				: ActorFactory.REFLECTIVE.create(type, args);
	}

	private static final ActorFactory FAILING = (type, args) -> {
		throw new IllegalStateException("no bean for " + type.getSimpleName());
	};

	/** Makes greeters saying hello; started only by the test that uses it. */
	@RegisterExtension
	final ActorSystemExtension greeting = ActorSystemExtension.builder()
		.mainPoolThreads(1)
		.configure((config) -> config.actorFactory(greeters("hello")))
		.build();

	/** Its factory fails; started only by the test that uses it. */
	@RegisterExtension
	final ActorSystemExtension failing = ActorSystemExtension.builder()
		.mainPoolThreads(1)
		.configure((config) -> config.actorFactory(FAILING))
		.build();

	/** Its process pool runs an integration's main; started only by the test that uses it. */
	@RegisterExtension
	final ActorSystemExtension integration = ActorSystemExtension.builder()
		.mainPoolThreads(1)
		.pool(PoolConfig.process("custom").jvmArgs("-Xmx96m"))
		.configure((config) -> config
			.processPoolMain(new ProcessPoolMain(CustomChildMain.class.getName(), List.of("--greeting=salut"))))
		.build();

	@Test
	void theFactoryMakesActorsInThisJvmInsideTheirContext() {
		ActorSystem system = this.greeting.system();
		ActorHandle<Greeter> greeter = system.createActor(Greeter.class, CreateOptions.uid("g")).join();
		assertThat(greeter.method("greet").<String>call("ada"))
			.isEqualTo("hello ada from g in " + ProcessHandle.current().pid());
		ActorHandle<Greeter> explicit = system.createActor(Greeter.class, "hi").join();
		assertThat(explicit.method("greet").<String>call("bob")).startsWith("hi bob");
	}

	@Test
	void aFailingFactoryFailsTheCreationAndLeavesNoActor() {
		ActorSystem system = this.failing.system();
		assertThatThrownBy(() -> system.createActor(Greeter.class, CreateOptions.uid("g")).join())
			.hasCauseInstanceOf(IllegalStateException.class)
			.hasMessageContaining("no bean for Greeter");
		assertThat(system.pools().get(0).actors()).isZero();
	}

	@Test
	void aProcessPoolRunsTheIntegrationsMainAndItsFactory() {
		ActorSystem system = this.integration.system();
		ActorHandle<Greeter> greeter = system.createActor(Greeter.class, CreateOptions.uid("remote-g")
			.placement(Placement.pool(1))).join();
		long childPid = system.pools().get(1).pid();
		assertThat(greeter.method("greet").<String>call("eve")).isEqualTo("salut eve from remote-g in " + childPid);
	}

}
