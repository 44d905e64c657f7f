package io.xoscar.transport;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.internal.process.ChildJvm;
import io.xoscar.internal.process.ChildJvmSpec;
import io.xoscar.transport.RemoteActors.Counter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls from one thread to one stateful actor in another process start in the order they were
 * made, also those made while the connection to that process is still being opened.
 */
class CallOrderAcrossProcessesTest {

	private static ChildJvm child;

	private static String remote;

	@BeforeAll
	static void start() {
		child = ChildJvm.start(ChildJvmSpec.of("order-node", RemoteNodeMain.class.getName()).withJvmArgs("-Xmx128m"));
		remote = child.readyPayload();
	}

	@AfterAll
	static void stop() {
		child.close();
	}

	@Test
	void callsMadeWhileTheConnectionOpensKeepTheirOrder() {
		for (int round = 0; round < 5; round++) {
			try (ActorSystem creator = ActorSystem.create(ActorSystemConfig.builder().build());
					ActorSystem caller = ActorSystem.create(ActorSystemConfig.builder().build())) {
				String uid = "ordered-" + round;
				creator.createActor(Counter.class, CreateOptions.uid(uid).placement(Placement.address(remote)), 0L).join();
				// a node that has no connection to the remote one yet: the first call opens it
				ActorHandle<Counter> counter = caller.handle(remote, uid, Counter.class);
				List<String> sent = new ArrayList<>();
				for (int i = 0; i < 200; i++) {
					sent.add(Integer.toString(i));
					if (i % 3 == 0) {
						counter.method("append").send(Integer.toString(i));
					}
					else {
						counter.method("append").tell(Integer.toString(i));
					}
				}
				assertThat(counter.method("log").<List<String>>call()).as("round %d", round).isEqualTo(sent);
			}
		}
	}

}
