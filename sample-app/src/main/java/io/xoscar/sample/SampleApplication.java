package io.xoscar.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;

/**
 * A minimal application: the starter brings up the node's actor system, this class adds one actor
 * and {@link CounterController} exposes it over HTTP.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	@Bean
	ActorHandle<CounterActor> counterActor(ActorSystem system) {
		return system.createActor(CounterActor.class, CreateOptions.uid("counter")).join();
	}

}
