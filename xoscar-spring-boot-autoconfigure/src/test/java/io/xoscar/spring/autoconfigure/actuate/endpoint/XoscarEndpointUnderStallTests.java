package io.xoscar.spring.autoconfigure.actuate.endpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.spring.autoconfigure.XoscarAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint answers fast even when a process pool does not answer at all (its child JVM is
 * stopped with SIGSTOP, as a pool stuck in a long GC or swapped out would be): that pool is marked
 * as not answering instead of being waited for.
 */
class XoscarEndpointUnderStallTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XoscarAutoConfiguration.class, XoscarEndpointAutoConfiguration.class))
		.withPropertyValues("xoscar.main-pool-threads=1", "xoscar.pools.gpu.mode=process",
				"xoscar.pools.gpu.jvm-args=-Xmx64m", "management.endpoints.web.exposure.include=xoscar");

	public static class Worker extends Actor {

		public long pid() {
			return ProcessHandle.current().pid();
		}

	}

	@Test
	void aListingDoesNotWaitForAStalledProcessPool() {
		this.runner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			XoscarEndpoint endpoint = context.getBean(XoscarEndpoint.class);
			ActorHandle<Worker> worker = system
				.createActor(Worker.class, CreateOptions.uid("stalled").placement(Placement.pool(1)))
				.join();
			long pid = worker.method("pid").<Long>call();
			endpoint.xoscar();
			signal("STOP", pid);
			try {
				List<Long> millis = new ArrayList<>();
				NodeDescriptor node = null;
				for (int i = 0; i < 20; i++) {
					long started = System.nanoTime();
					node = endpoint.xoscar();
					millis.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
				}
				Collections.sort(millis);
				// 150 ms per pool, asked in parallel; generous for a loaded 2-core machine
				assertThat(millis.get(millis.size() - 1)).isLessThan(500);
				PoolDescriptor gpu = node.pools().get(1);
				assertThat(gpu.actorsListed()).isFalse();
				assertThat(gpu.unlistedReason()).isEqualTo("process pool did not answer");
			}
			finally {
				signal("CONT", pid);
			}
		});
	}

	private static void signal(String signal, long pid) throws Exception {
		assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor()).isZero();
	}

}
