package io.xoscar.test;

import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.extension.ParameterResolutionException;

import io.xoscar.AbstractActor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;

/**
 * The actors {@link ActorSystemExtension} created for {@link TestActor} parameters: creates them as
 * asked and destroys them after the test.
 */
final class TestActors {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final List<ActorHandle<?>> created = new ArrayList<>();

	/**
	 * @param system where to create it
	 * @param parameter the parameter asking for it
	 * @param request what it asks for
	 * @return the new actor's handle
	 */
	ActorHandle<?> create(ActorSystem system, Parameter parameter, TestActor request) {
		Class<? extends AbstractActor> type = actorClass(parameter, request);
		CreateOptions options = request.uid().isEmpty() ? CreateOptions.defaults() : CreateOptions.uid(request.uid());
		if (request.pool() >= 0) {
			options = options.placement(Placement.pool(request.pool()));
		}
		else if (!request.label().isEmpty()) {
			options = options.placement(Placement.label(request.label()));
		}
		try {
			ActorHandle<?> handle = system.createActor(type, options).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			synchronized (this.created) {
				this.created.add(handle);
			}
			return handle;
		}
		catch (ExecutionException ex) {
			throw new ParameterResolutionException("could not create the test actor " + type.getName(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ParameterResolutionException("interrupted while creating the test actor " + type.getName(), ex);
		}
		catch (TimeoutException ex) {
			throw new ParameterResolutionException("the test actor " + type.getName() + " was not created within "
					+ TIMEOUT, ex);
		}
	}

	/**
	 * Destroys the actors created so far (those the test destroyed itself are skipped).
	 * @param system where they live
	 */
	void destroyAll(ActorSystem system) {
		List<ActorHandle<?>> actors;
		synchronized (this.created) {
			actors = List.copyOf(this.created);
			this.created.clear();
		}
		for (ActorHandle<?> actor : actors) {
			try {
				system.destroyActor(actor).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException ex) {
				// the test destroyed it already, or the system is shutting down
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (TimeoutException ex) {
				throw new IllegalStateException("test actor '" + actor.uid() + "' was not destroyed within " + TIMEOUT,
						ex);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Class<? extends AbstractActor> actorClass(Parameter parameter, TestActor request) {
		if (request.type() != AbstractActor.class) {
			return request.type();
		}
		Type generic = parameter.getParameterizedType();
		if (generic instanceof ParameterizedType parameterized
				&& parameterized.getActualTypeArguments()[0] instanceof Class<?> argument
				&& AbstractActor.class.isAssignableFrom(argument)) {
			return (Class<? extends AbstractActor>) argument;
		}
		throw new ParameterResolutionException("@TestActor parameter '" + parameter.getName()
				+ "' needs an actor class: declare it as ActorHandle<YourActor> or give @TestActor(type = ...)");
	}

}
