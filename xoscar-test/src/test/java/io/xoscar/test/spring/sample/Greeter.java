package io.xoscar.test.spring.sample;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.xoscar.Actor;
import io.xoscar.spring.XActor;

/**
 * The application's actor.
 */
@XActor("greeter")
public class Greeter extends Actor {

	static volatile CountDownLatch release = new CountDownLatch(0);

	public String greet(String name) {
		return "Hello, " + name;
	}

	public String hold() throws InterruptedException {
		release.await(30, TimeUnit.SECONDS);
		return "released";
	}

	public String greetThroughMyself(String name) {
		return self().method("greet").call(name);
	}

}
