package io.xoscar.sample;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import io.xoscar.ActorHandle;

@RestController
class CounterController {

	private final ActorHandle<CounterActor> counter;

	CounterController(ActorHandle<CounterActor> counter) {
		this.counter = counter;
	}

	@PostMapping("/counter/add/{delta}")
	Mono<Long> add(@PathVariable long delta) {
		return this.counter.method("add").mono(delta);
	}

	@GetMapping("/counter")
	Mono<Long> get() {
		return this.counter.method("get").mono();
	}

}
