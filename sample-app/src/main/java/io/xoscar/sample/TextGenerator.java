package io.xoscar.sample;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;

import io.xoscar.Actor;
import io.xoscar.NoLock;
import io.xoscar.spring.XActor;

/**
 * A stand-in for a language model on the {@code gpu} pool: {@link #generate} streams tokens one by
 * one, the way an LLM server streams what it decodes. Stateful, as a device runs one generation at
 * a time: other generations wait for the current one to end. A client that goes away cancels its
 * stream, and the generation stops here, in the child JVM ({@link #status} tells).
 */
@XActor(uid = "generator", pool = "gpu")
public class TextGenerator extends Actor {

	private static final List<String> WORDS = List.of("actors", "stream", "tokens", "to", "their", "callers",
			"across", "processes", "with", "backpressure", "and", "cancel");

	private final AtomicLong tokens = new AtomicLong();

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger cancelled = new AtomicInteger();

	/**
	 * @param prompt what to answer
	 * @param count how many tokens to generate
	 * @param paceMillis the time each token takes, in milliseconds
	 * @return the tokens, as they are made
	 */
	public Flux<String> generate(String prompt, int count, long paceMillis) {
		return Flux.range(0, count)
			.delayElements(Duration.ofMillis(paceMillis))
			.map((i) -> (i == 0) ? prompt + ":" : WORDS.get(i % WORDS.size()))
			.doOnNext((token) -> this.tokens.incrementAndGet())
			.doOnSubscribe((subscription) -> this.running.incrementAndGet())
			.doOnCancel(this.cancelled::incrementAndGet)
			.doFinally((signal) -> this.running.decrementAndGet());
	}

	/** @return the tokens made so far, the generations running, and those cancelled by their callers */
	@NoLock
	public Status status() {
		return new Status(this.tokens.get(), this.running.get(), this.cancelled.get());
	}

	/**
	 * @param tokens tokens made since the pool's process started
	 * @param running generations running now
	 * @param cancelled generations their callers cancelled
	 */
	public record Status(long tokens, int running, int cancelled) {
	}

}
