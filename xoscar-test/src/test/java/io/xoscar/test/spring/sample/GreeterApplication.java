package io.xoscar.test.spring.sample;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A small application with one {@code @XActor}, for the tests of {@code @AutoConfigureXoscarTest}.
 */
@SpringBootApplication
public class GreeterApplication {

	/** How many contexts of this application were started in this JVM. */
	static final AtomicInteger contexts = new AtomicInteger();

	@Bean
	Object contextCounter() {
		contexts.incrementAndGet();
		return new Object();
	}

}
