package io.xoscar;

import org.jspecify.annotations.Nullable;

import io.xoscar.internal.reflect.ActorClassInfo;

/**
 * Makes the instances of actors created in this JVM, on a thread of the actor's pool and inside the
 * actor's context ({@code uid()}, {@code address()}, {@code self()} work in the constructor). The
 * default, {@link #REFLECTIVE}, picks the constructor by the runtime types of the creation
 * arguments. A framework integration supplies its own: the Spring Boot starter builds actors from
 * their bean definitions so that their dependencies are injected.
 */
@FunctionalInterface
public interface ActorFactory {

	/** Calls the constructor whose parameters accept the arguments (most specific one). */
	ActorFactory REFLECTIVE = (type, args) -> {
		try {
			return (AbstractActor) ActorClassInfo.of(type).instantiate(args);
		}
		catch (Exception | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	};

	/**
	 * @param type the actor class
	 * @param args the creation arguments
	 * @return a new instance of {@code type}
	 * @throws Exception what the construction threw; the creation fails with it
	 */
	AbstractActor create(Class<? extends AbstractActor> type, @Nullable Object[] args) throws Exception;

}
