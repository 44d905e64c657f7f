package io.xoscar.process;

import java.util.concurrent.CountDownLatch;

import io.xoscar.ActorFactory;
import io.xoscar.ActorSystem;
import io.xoscar.ProcessPoolChild;

/**
 * A process pool main of an integration: its node makes {@link ActorFactoryTest.Greeter}s with the
 * greeting given as an extra argument (as a container injects a dependency).
 */
public final class CustomChildMain {

	private CustomChildMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		ProcessPoolChild.Arguments arguments = ProcessPoolChild.parse(args);
		String greeting = arguments.others().get(0).substring("--greeting=".length());
		ActorSystem system = ActorSystem.create(arguments.config().actorFactory(ActorFactoryTest.greeters(greeting)).build());
		ProcessPoolChild.ready(system);
		new CountDownLatch(1).await();
	}

}
