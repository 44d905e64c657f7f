package io.xoscar.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small model-serving service: a REST endpoint ({@link SentimentController}) hands requests to a
 * stateless pre-processing actor ({@link Tokenizer}) on thread pools, then to a batcher
 * ({@link RequestBatcher}) that groups concurrent requests into batch calls to the model
 * ({@link SentimentModel}) in a process pool standing in for a GPU card. The pools come from
 * {@code application.yml}; the actors are {@code @XActor} beans; Actuator shows the pools at
 * {@code /actuator/health} and {@code /actuator/xoscar}.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
