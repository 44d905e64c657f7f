package io.xoscar.benchmarks;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The Pekko typed peer of {@link Counter}: same state, same operations, as messages.
 */
public final class PekkoCounter {

	/** Messages the counter understands. */
	public interface Command {
	}

	/** {@code add(n)} with a reply (ask). */
	public record Add(long n, ActorRef<Long> replyTo) implements Command {
	}

	/** {@code add(n)} without a reply (tell). */
	public record Inc(long n) implements Command {
	}

	/** Replies with the current value; sent after a run of tells to wait for them. */
	public record Get(ActorRef<Long> replyTo) implements Command {
	}

	private long value;

	private PekkoCounter() {
	}

	public static Behavior<Command> create() {
		return Behaviors.setup((context) -> {
			PekkoCounter counter = new PekkoCounter();
			return Behaviors.receiveMessage(counter::onMessage);
		});
	}

	private Behavior<Command> onMessage(Command message) {
		if (message instanceof Inc inc) {
			this.value += inc.n();
		}
		else if (message instanceof Add add) {
			this.value += add.n();
			add.replyTo().tell(this.value);
		}
		else if (message instanceof Get get) {
			get.replyTo().tell(this.value);
		}
		return Behaviors.same();
	}

}
