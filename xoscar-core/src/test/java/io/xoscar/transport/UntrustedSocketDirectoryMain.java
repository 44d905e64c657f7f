package io.xoscar.transport;

import java.util.concurrent.CountDownLatch;

import io.xoscar.Actor;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.debug.LogCapture;
import io.xoscar.internal.process.ChildMainSupport;

/**
 * Two nodes in a child JVM whose {@code java.io.tmpdir} the test prepared: one calls an actor of
 * the other and reports, as its ready payload, the channel it used, the answer, and the warnings of
 * the transport ({@code channel|answer|warning...}).
 */
public final class UntrustedSocketDirectoryMain {

	private UntrustedSocketDirectoryMain() {
	}

	public static class Echo extends Actor {

		public String echo(String text) {
			return text;
		}

	}

	public static void main(String[] args) throws InterruptedException {
		try (LogCapture log = new LogCapture("io.xoscar.internal.transport.Transport");
				ActorSystem callee = ActorSystem.create(ActorSystemConfig.builder().mainPoolThreads(1).build());
				ActorSystem caller = ActorSystem.create(ActorSystemConfig.builder().mainPoolThreads(1).build())) {
			String answer = caller
				.createActor(Echo.class, CreateOptions.uid("echo").placement(Placement.address(callee.address())))
				.join()
				.method("echo")
				.call("still works");
			ChildMainSupport.ready(caller.channelTo(callee.address()) + "|" + answer + "|"
					+ String.join("|", log.warnings()));
		}
		new CountDownLatch(1).await();
	}

}
