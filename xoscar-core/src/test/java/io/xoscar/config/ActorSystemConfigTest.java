package io.xoscar.config;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.xoscar.ActorFactory;
import io.xoscar.debug.DebugListener;
import io.xoscar.time.ActorClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ActorSystemConfigTest {

	@Test
	void theBuilderHasTheDocumentedDefaults() {
		ActorSystemConfig config = ActorSystemConfig.builder().build();
		assertThat(config.node()).isEqualTo(new NodeConfig("127.0.0.1:0", null,
				Runtime.getRuntime().availableProcessors(), List.of(), ProcessPoolMain.BARE));
		assertThat(config.calls()).isEqualTo(new CallConfig(Duration.ofSeconds(60), true));
		assertThat(config.transport()).isEqualTo(new TransportConfig(256 * 1024 * 1024, 0, Duration.ofSeconds(30),
				Duration.ofSeconds(5), true, 64 * 1024 * 1024, List.of(), List.of()));
		assertThat(config.debug()).isEqualTo(new DebugConfig(Duration.ofSeconds(2), Duration.ofSeconds(10), 100,
				List.of(), null));
		assertThat(config.observability()).isEqualTo(new ObservabilityConfig(null, null));
		assertThat(config.integration()).isEqualTo(new IntegrationConfig(ActorFactory.REFLECTIVE, null));
	}

	@Test
	void flatSettingsLandInTheirGroups() {
		DebugListener listener = new DebugListener() {
		};
		ActorClock clock = new ActorClock() {

			@Override
			public long nanoTime() {
				return 0;
			}

			@Override
			public Instant instant() {
				return Instant.EPOCH;
			}

			@Override
			public Scheduled schedule(Duration delay, Runnable task) {
				return () -> {
				};
			}

		};
		ActorSystemConfig config = ActorSystemConfig.builder()
			.address("127.0.0.1:7700")
			.advertisedAddress("10.0.0.5")
			.mainPoolThreads(3)
			.pool(PoolConfig.thread("cpu"))
			.callTimeout(Duration.ofSeconds(7))
			.deadlockDetection(false)
			.maxFrameSize(4096)
			.incompleteFrameMemory(8192)
			.frameReadTimeout(Duration.ofSeconds(3))
			.connectTimeout(Duration.ofSeconds(2))
			.unixSockets(false)
			.sharedMemory(0)
			.exceptionPackage("com.example")
			.slowCallThreshold(Duration.ofMillis(500))
			.backlogThreshold(Duration.ofSeconds(4))
			.debugHistory(5)
			.debugListener(listener)
			.reportTo("127.0.0.1:7000")
			.clock(clock)
			.build();
		assertThat(config.node()).isEqualTo(new NodeConfig("127.0.0.1:7700", "10.0.0.5", 3,
				List.of(PoolConfig.thread("cpu")), ProcessPoolMain.BARE));
		assertThat(config.calls()).isEqualTo(new CallConfig(Duration.ofSeconds(7), false));
		assertThat(config.transport()).isEqualTo(new TransportConfig(4096, 8192, Duration.ofSeconds(3),
				Duration.ofSeconds(2), false, 0, List.of("com.example"), List.of()));
		assertThat(config.debug()).isEqualTo(new DebugConfig(Duration.ofMillis(500), Duration.ofSeconds(4), 5,
				List.of(listener), "127.0.0.1:7000"));
		assertThat(config.integration().clock()).isSameAs(clock);
	}

	@Test
	void aGroupReplacesEverySettingOfItsGroupAndNoOther() {
		ActorSystemConfig base = ActorSystemConfig.builder().pool(PoolConfig.thread("a")).exceptionPackage("x.y")
			.callTimeout(Duration.ofSeconds(9)).build();
		NodeConfig node = new NodeConfig("127.0.0.1:7711", null, 2, List.of(PoolConfig.thread("b")),
				ProcessPoolMain.BARE);
		TransportConfig transport = new TransportConfig(2048, 0, Duration.ofSeconds(1), Duration.ofSeconds(1), false, 0,
				List.of("a.b"), List.of());
		ActorSystemConfig config = ActorSystemConfig.builder().pool(PoolConfig.thread("a")).exceptionPackage("x.y")
			.callTimeout(Duration.ofSeconds(9)).node(node).transport(transport).build();
		assertThat(config.node()).isEqualTo(node);
		assertThat(config.transport()).isEqualTo(transport);
		assertThat(config.calls()).isEqualTo(base.calls());
		ActorSystemConfig copy = ActorSystemConfig.builder().node(config.node()).calls(config.calls())
			.transport(config.transport()).debug(config.debug()).observability(config.observability())
			.integration(config.integration()).build();
		assertThat(copy).isEqualTo(config);
	}

	@Test
	void listsAreCopied() {
		List<String> packages = new ArrayList<>(List.of("a.b"));
		TransportConfig transport = new TransportConfig(2048, 0, Duration.ofSeconds(1), Duration.ofSeconds(1), false, 0,
				packages, List.of());
		packages.add("c.d");
		assertThat(transport.exceptionPackages()).containsExactly("a.b");
	}

	@Test
	void outOfRangeSettingsAreRefusedWithTheirName() {
		assertRefused(ActorSystemConfig.builder().mainPoolThreads(0), "mainPoolThreads must be at least 1, was 0");
		assertRefused(ActorSystemConfig.builder().advertisedAddress("host:99999"),
				"advertisedAddress must be host or host:port, was 'host:99999'");
		assertRefused(ActorSystemConfig.builder().advertisedAddress("a/b"),
				"advertisedAddress must be host or host:port, was 'a/b'");
		assertRefused(ActorSystemConfig.builder().callTimeout(Duration.ZERO), "callTimeout must be positive, was PT0S");
		assertRefused(ActorSystemConfig.builder().connectTimeout(Duration.ofSeconds(-1)),
				"connectTimeout must be positive, was PT-1S");
		assertRefused(ActorSystemConfig.builder().maxFrameSize(1023),
				"maxFrameSize must be at least 1024 bytes, was 1023");
		assertRefused(ActorSystemConfig.builder().incompleteFrameMemory(-1),
				"incompleteFrameMemory must not be negative (0 for the default), was -1");
		assertRefused(ActorSystemConfig.builder().frameReadTimeout(Duration.ZERO),
				"frameReadTimeout must be positive, was PT0S");
		assertRefused(ActorSystemConfig.builder().sharedMemory(-1), "sharedMemory must not be negative, was -1");
		assertRefused(ActorSystemConfig.builder().slowCallThreshold(Duration.ZERO),
				"slowCallThreshold must be positive, was PT0S");
		assertRefused(ActorSystemConfig.builder().backlogThreshold(Duration.ZERO),
				"backlogThreshold must be positive, was PT0S");
		assertRefused(ActorSystemConfig.builder().debugHistory(0), "debugHistory must be at least 1, was 0");
	}

	@Test
	void missingRequiredSettingsAreRefusedWithTheirName() {
		assertMissing(ActorSystemConfig.builder().address(null), "address");
		assertMissing(ActorSystemConfig.builder().callTimeout(null), "callTimeout");
		assertMissing(ActorSystemConfig.builder().connectTimeout(null), "connectTimeout");
		assertMissing(ActorSystemConfig.builder().frameReadTimeout(null), "frameReadTimeout");
		assertMissing(ActorSystemConfig.builder().slowCallThreshold(null), "slowCallThreshold");
		assertMissing(ActorSystemConfig.builder().actorFactory(null), "actorFactory");
		assertMissing(ActorSystemConfig.builder().processPoolMain(null), "processPoolMain");
	}

	@Test
	void optionalSettingsAreMarkedNullable() {
		assertThat(nullableComponents(NodeConfig.class)).containsExactly("advertisedAddress");
		assertThat(nullableComponents(CallConfig.class)).isEmpty();
		assertThat(nullableComponents(TransportConfig.class)).isEmpty();
		assertThat(nullableComponents(DebugConfig.class)).containsExactly("reportTo");
		assertThat(nullableComponents(ObservabilityConfig.class)).containsExactly("meterRegistry",
				"observationRegistry");
		assertThat(nullableComponents(IntegrationConfig.class)).containsExactly("clock");
	}

	private static List<String> nullableComponents(Class<? extends Record> type) {
		return Arrays.stream(type.getRecordComponents())
			.filter((component) -> component.getAnnotatedType().isAnnotationPresent(Nullable.class))
			.map(RecordComponent::getName)
			.toList();
	}

	private static void assertRefused(ActorSystemConfig.Builder builder, String message) {
		assertThatIllegalArgumentException().isThrownBy(builder::build).withMessage(message);
	}

	private static void assertMissing(ActorSystemConfig.Builder builder, String name) {
		assertThatNullPointerException().isThrownBy(builder::build).withMessage(name);
	}

}
