package io.xoscar.sample;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import io.xoscar.spring.ActorRef;

/**
 * {@code GET /sentiment?text=...}: tokenizes on the {@code cpu} pools, then hands the tokens to
 * the batcher, which groups concurrent requests into batch calls to the model on the {@code gpu}
 * pool. {@code GET /warm-up} makes a slow model call.
 */
@RestController
class SentimentController {

	/** The typed views of the actors this controller uses. */
	interface TokenizerApi {

		CompletableFuture<List<String>> tokenize(String text);

	}

	interface BatcherApi {

		CompletableFuture<Score> submit(List<String> tokens);

	}

	interface ModelApi {

		CompletableFuture<String> warmUp(long millis);

	}

	record Answer(String text, List<String> tokens, Score score) {
	}

	private final TokenizerApi tokenizer;

	private final BatcherApi batcher;

	private final ModelApi model;

	SentimentController(@ActorRef("tokenizer") TokenizerApi tokenizer, @ActorRef("batcher") BatcherApi batcher,
			@ActorRef("model") ModelApi model) {
		this.tokenizer = tokenizer;
		this.batcher = batcher;
		this.model = model;
	}

	@GetMapping("/sentiment")
	Mono<Answer> sentiment(@RequestParam String text) {
		return Mono.fromFuture(this.tokenizer.tokenize(text)
			.thenCompose((tokens) -> this.batcher.submit(tokens).thenApply((score) -> new Answer(text, tokens, score))));
	}

	/** {@code GET /warm-up?millis=800}: a slow model call, to see a slow-call alert end to end. */
	@GetMapping("/warm-up")
	Mono<String> warmUp(@RequestParam(defaultValue = "800") long millis) {
		return Mono.fromFuture(this.model.warmUp(millis));
	}

}
