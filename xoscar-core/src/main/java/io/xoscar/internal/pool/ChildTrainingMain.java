package io.xoscar.internal.pool;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.ProcessPoolChild;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.internal.process.ChildMainSupport;
import io.xoscar.internal.process.ParentWatch;

/**
 * The main class of the training run of a class-data sharing archive for child JVMs
 * (see {@code io.xoscar.internal.process.ChildClassDataSharing}): does what a process pool's child does
 * when it starts and serves its first requests, so that the JVM writes the classes it loaded to the
 * archive ({@code -XX:ArchiveClassesAtExit}). It starts a node as {@link SubPoolMain} does (from the
 * pool arguments it is given, but on a free port and reporting to nobody), then a second node in this
 * JVM that creates an actor in the first one over the transport and calls it, which loads both sides
 * of the wire. Then it closes both, reports ready and waits for the parent to stop it: the JVM dumps
 * the archive as it halts. No application code runs.
 */
public final class ChildTrainingMain {

	private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

	private ChildTrainingMain() {
	}

	public static void main(String[] args) throws Exception {
		ParentWatch.install();
		// a token of its own (it gets no private input): the handshake's classes go to the archive too,
		// and the training's node is reachable with neither no token nor the pools' one
		String token = trainingToken();
		ActorSystemConfig.Builder config = ProcessPoolChild.parse(trainingArguments(args)).config().token(token);
		String address;
		try (ActorSystem node = ActorSystem.create(config.build());
				ActorSystem caller = ActorSystem
					.create(ActorSystemConfig.builder().mainPoolThreads(1).token(token).build())) {
			ActorHandle<Trainee> trainee = caller
				.createActor(Trainee.class,
						CreateOptions.uid("xoscar-cds-trainee").placement(Placement.address(node.address())))
				.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			trainee.method("add").call(1L);
			address = node.address();
		}
		// closed, so that no Unix socket file is left behind; the parent stops this JVM now, and the JVM
		// writes the archive as it halts
		ChildMainSupport.ready(address);
		new CountDownLatch(1).await();
	}

	/**
	 * @return the pool's arguments but its port (which its child holds) and its parent (which must not
	 * hear of the training's node)
	 */
	static String[] trainingArguments(String[] args) {
		return Arrays.stream(args)
			.filter((arg) -> !arg.startsWith("--xoscar-pool.port=") && !arg.startsWith("--xoscar-pool.parent="))
			.toArray(String[]::new);
	}

	private static String trainingToken() {
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		return Base64.getEncoder().encodeToString(random);
	}

	/** The actor the training run creates and calls. */
	public static final class Trainee extends Actor {

		private long value;

		public long add(long n) {
			return this.value += n;
		}

	}

}
