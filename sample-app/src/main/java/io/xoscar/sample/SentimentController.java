package io.xoscar.sample;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.xoscar.spring.ActorRef;

/**
 * {@code GET /sentiment?text=...}: tokenizes on the {@code cpu} pools, then hands the tokens to
 * the batcher, which groups concurrent requests into batch calls to the model on the {@code gpu}
 * pool. {@code GET /warm-up} makes a slow model call; {@code GET /generate} streams tokens.
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

	interface GeneratorApi {

		Flux<String> generate(String prompt, int count, long paceMillis);

	}

	record Answer(String text, List<String> tokens, Score score) {
	}

	private final TokenizerApi tokenizer;

	private final BatcherApi batcher;

	private final ModelApi model;

	private final GeneratorApi generator;

	SentimentController(@ActorRef("tokenizer") TokenizerApi tokenizer, @ActorRef("batcher") BatcherApi batcher,
			@ActorRef("model") ModelApi model, @ActorRef("generator") GeneratorApi generator) {
		this.tokenizer = tokenizer;
		this.batcher = batcher;
		this.model = model;
		this.generator = generator;
	}

	@GetMapping("/sentiment")
	Mono<Answer> sentiment(@RequestParam String text) {
		return Mono.fromFuture(this.tokenizer.tokenize(text)
			.thenCompose((tokens) -> this.batcher.submit(tokens).thenApply((score) -> new Answer(text, tokens, score))));
	}

	/**
	 * {@code GET /generate?prompt=hi&tokens=20}: tokens streamed as server-sent events, one every
	 * {@code pace-ms} (default 50), from the generator in the {@code gpu} pool's child JVM. A client
	 * that disconnects cancels the generation there.
	 */
	@GetMapping(path = "/generate", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<String> generate(@RequestParam String prompt, @RequestParam(defaultValue = "20") int tokens,
			@RequestParam(name = "pace-ms", defaultValue = "50") long paceMillis) {
		return this.generator.generate(prompt, tokens, paceMillis);
	}

	/** {@code GET /warm-up?millis=800}: a slow model call, to see a slow-call alert end to end. */
	@GetMapping("/warm-up")
	Mono<String> warmUp(@RequestParam(defaultValue = "800") long millis) {
		return Mono.fromFuture(this.model.warmUp(millis));
	}

}
