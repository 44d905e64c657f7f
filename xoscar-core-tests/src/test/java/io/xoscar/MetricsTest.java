package io.xoscar;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.config.PoolConfig;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Meters of a node with a meter registry: calls by actor class, method and outcome; actors,
 * backlog and state per pool.
 */
class MetricsTest {

	public static class Meter extends Actor {

		public int ok(int value) {
			return value;
		}

		public int ok(String value) {
			return value.length();
		}

		public int fail() {
			throw new IllegalStateException("no");
		}

	}

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@RegisterExtension
	final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.mainPoolThreads(1)
		.pool(PoolConfig.thread("cpu").count(2))
		.configure((config) -> config.meterRegistry(this.registry))
		.build();

	@Test
	void callsAreCountedByClassMethodOutcomeAndPoolAndPoolsAreGauged() {
		SimpleMeterRegistry registry = this.registry;
		try (ActorSystem system = this.xoscar.system()) {
			ActorHandle<Meter> meter = system.createActor(Meter.class, CreateOptions.at(Placement.pool(1))).join();
			for (int i = 0; i < 400; i++) {
				meter.method("ok").call(i);
			}
			meter.method("ok").call("abc");
			assertThatThrownBy(() -> meter.method("fail").call()).isInstanceOf(IllegalStateException.class);
			FunctionTimer ok = timer(registry, "ok", "success");
			FunctionTimer failed = timer(registry, "fail", "error");
			assertThat(ok.count()).as("overloads share a timer").isEqualTo(401.0);
			assertThat(failed.count()).isEqualTo(1.0);
			assertThat(ok.totalTime(TimeUnit.NANOSECONDS)).isPositive();
			assertThat(timer(registry, "fail", "success").count()).isZero();
			assertThat(registry.get("xoscar.pool.actors").tag("pool", "cpu").tag("index", "1").gauge().value()).isEqualTo(1.0);
			assertThat(registry.get("xoscar.pool.actors").tag("pool", "cpu").tag("index", "2").gauge().value()).isZero();
			assertThat(registry.get("xoscar.pool.up").tag("pool", "main").gauge().value()).isEqualTo(1.0);
			assertThat(registry.get("xoscar.pool.backlog").tag("index", "1").gauge().value()).isZero();
		}
		assertThat(registry.find("xoscar.pool.actors").gauges()).as("removed with the node").isEmpty();
	}

	private static FunctionTimer timer(SimpleMeterRegistry registry, String method, String outcome) {
		return registry.get("xoscar.calls")
			.tag("actor", Meter.class.getName())
			.tag("method", method)
			.tag("outcome", outcome)
			.tag("pool", "cpu")
			.functionTimer();
	}

}
