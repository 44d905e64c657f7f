package io.xoscar.internal.pool;

import java.util.concurrent.CountDownLatch;

import io.xoscar.ActorSystem;
import io.xoscar.ProcessPoolChild;

/**
 * The main class of a bare process pool's child JVM: a node with one pool, listening on a free port
 * of the parent's host. It reports its address to the parent, and halts when the parent goes away.
 */
public final class SubPoolMain {

	private SubPoolMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		ProcessPoolChild.Arguments arguments = ProcessPoolChild.parse(args);
		if (!arguments.others().isEmpty()) {
			throw new IllegalArgumentException("unknown arguments " + arguments.others());
		}
		ProcessPoolChild.ready(ActorSystem.create(arguments.config().build()));
		new CountDownLatch(1).await();
	}

}
