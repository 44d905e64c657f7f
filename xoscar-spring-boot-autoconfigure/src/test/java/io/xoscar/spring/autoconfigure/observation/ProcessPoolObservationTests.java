package io.xoscar.spring.autoconfigure.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.observation.ActorCallClientContext;
import io.xoscar.observation.ActorCallServerContext;
import io.xoscar.spring.XActor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process pool's child JVM runs the application's context, whose observation registry its node
 * gets too: a call from the parent continues there, with the headers the parent's observation wrote.
 */
class ProcessPoolObservationTests {

	/** The header the test handler writes: the pid of the JVM making the call. */
	static final String CALLER_HEADER = "x-test-caller-pid";

	/** Where the test handler keeps the header, in the callee's observation. */
	static final String RECEIVED = "caller-pid";

	/** Writes the caller's pid into every call's headers; keeps what a callee received. */
	static class CallerPidPropagation implements ObservationHandler<Observation.Context> {

		@Override
		public void onStart(Observation.Context context) {
			if (context instanceof ActorCallClientContext client) {
				client.getSetter().set(client.getCarrier(), CALLER_HEADER, Long.toString(ProcessHandle.current().pid()));
			}
			else if (context instanceof ActorCallServerContext server) {
				String pid = server.getGetter().get(server.getCarrier(), CALLER_HEADER);
				context.put(RECEIVED, (pid != null) ? pid : "no header");
			}
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ActorCallClientContext || context instanceof ActorCallServerContext;
		}

	}

	@XActor(uid = "traced", pool = "gpu")
	public static class Traced extends Actor {

		private final ObservationRegistry registry;

		public Traced(ObservationRegistry registry) {
			this.registry = registry;
		}

		/** @return the caller's pid the current observation received, and this JVM's */
		public String received() {
			Observation current = this.registry.getCurrentObservation();
			String caller = (current != null) ? current.getContextView().getOrDefault(RECEIVED, "none") : "no observation";
			return caller + " -> " + ProcessHandle.current().pid();
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Traced.class)
	static class TracedApplication {

		@Bean
		CallerPidPropagation callerPidPropagation() {
			return new CallerPidPropagation();
		}

	}

	@Test
	void aCallContinuesInTheChildJvmsObservation() {
		SpringApplication application = new SpringApplication(TracedApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--xoscar.main-pool-threads=1",
				"--xoscar.pools.gpu.mode=process", "--xoscar.pools.gpu.jvm-args=-Xmx128m")) {
			ActorSystem system = context.getBean(ActorSystem.class);
			long child = system.pools().get(1).pid();
			ActorHandle<Traced> traced = system.actorRef(system.address(), "traced", Traced.class).join();
			assertThat(traced.method("received").<String>call())
				.isEqualTo(ProcessHandle.current().pid() + " -> " + child);
		}
	}

}
