package io.xoscar.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorMethod;
import io.xoscar.DelayedCall;
import io.xoscar.NoLock;
import io.xoscar.spring.ActorRef;
import io.xoscar.spring.XActor;

/**
 * Dynamic batching: groups the requests that arrive close together into one batch call to the
 * model, as model servers do. {@link #submit} takes requests concurrently ({@code @NoLock}); the
 * first of a batch schedules a {@link #flush} after {@code sample.batch.max-wait}, a full batch
 * flushes at once. {@code flush} holds the actor until the model answered, so one batch is in
 * flight at a time while the next one fills up.
 */
@XActor("batcher")
public class RequestBatcher extends Actor {

	private final ActorHandle<SentimentModel> model;

	private final int maxSize;

	private final Duration maxWait;

	private final Queue<Request> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	public RequestBatcher(@ActorRef("model") ActorHandle<SentimentModel> model,
			@Value("${sample.batch.max-size:32}") int maxSize, @Value("${sample.batch.max-wait:5ms}") Duration maxWait) {
		this.model = model;
		this.maxSize = maxSize;
		this.maxWait = maxWait;
	}

	private record Request(List<String> tokens, CompletableFuture<Score> score) {
	}

	@NoLock
	public CompletableFuture<Score> submit(List<String> tokens) {
		Request request = new Request(tokens, new CompletableFuture<>());
		this.queue.add(request);
		int waiting = this.queued.incrementAndGet();
		if (waiting == 1) {
			self().method("flush").tellDelay(this.maxWait);
		}
		else if (waiting == this.maxSize) {
			self().method("flush").tell();
		}
		return request.score();
	}

	public CompletableFuture<Void> flush() {
		List<Request> batch = new ArrayList<>();
		Request request;
		while (batch.size() < this.maxSize && (request = this.queue.poll()) != null) {
			batch.add(request);
			this.queued.decrementAndGet();
		}
		if (batch.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		ActorMethod score = this.model.method("score");
		List<DelayedCall> calls = batch.stream().map((each) -> score.delay(each.tokens())).toList();
		return score.<Score>batch(calls).handle((scores, error) -> {
			for (int i = 0; i < batch.size(); i++) {
				if (error != null) {
					batch.get(i).score().completeExceptionally(error);
				}
				else {
					batch.get(i).score().complete(scores.get(i));
				}
			}
			if (this.queued.get() > 0) {
				self().method("flush").tell();
			}
			return null;
		});
	}

}
