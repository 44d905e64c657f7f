package io.xoscar.internal.reflect;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.stream.BaseStream;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What actor methods may return as a stream: a Reactive Streams {@link Publisher} other than a
 * {@link Mono} (which is one asynchronous result), or a {@link BaseStream} such as
 * {@link Stream}; and how callers see one: as a {@link Flux}.
 */
public final class Streams {

	private Streams() {
	}

	/**
	 * @param type a declared return type
	 * @return whether a method declaring it returns a stream
	 */
	public static boolean isStream(Class<?> type) {
		return (Publisher.class.isAssignableFrom(type) && !Mono.class.isAssignableFrom(type))
				|| BaseStream.class.isAssignableFrom(type);
	}

	/**
	 * @param method an actor method
	 * @return whether it may return a stream: it declares one, or {@code Object}
	 */
	public static boolean mayStream(Method method) {
		return isStream(method.getReturnType()) || method.getReturnType() == Object.class;
	}

	/**
	 * @param declared the declared return type of a method returning a stream
	 * @return the type of its items ({@code Object} when it does not say)
	 */
	public static Type itemType(Type declared) {
		Type raw = (declared instanceof ParameterizedType parameterized) ? parameterized.getRawType() : declared;
		if (raw == IntStream.class) {
			return Integer.class;
		}
		if (raw == LongStream.class) {
			return Long.class;
		}
		if (raw == DoubleStream.class) {
			return Double.class;
		}
		if (declared instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length > 0) {
			Type item = parameterized.getActualTypeArguments()[0];
			return (item instanceof Class<?> || item instanceof ParameterizedType) ? item : Object.class;
		}
		return Object.class;
	}

	/**
	 * @param returned what an actor method returned
	 * @return it as a {@link Flux}, or {@code null} when it is no stream
	 */
	@SuppressWarnings("unchecked")
	public static Flux<Object> toFlux(Object returned) {
		if (returned instanceof Mono<?>) {
			return null;
		}
		if (returned instanceof Publisher<?> publisher) {
			return Flux.from((Publisher<Object>) publisher);
		}
		if (returned instanceof Stream<?> stream) {
			return Flux.fromStream((Stream<Object>) stream);
		}
		if (returned instanceof BaseStream<?, ?> stream) {
			Iterator<Object> items = (Iterator<Object>) stream.iterator();
			return Flux.fromIterable(() -> items).doFinally((signal) -> stream.close());
		}
		return null;
	}

	/**
	 * @param returned what a method called as a stream returned instead of one
	 * @return why it cannot be streamed
	 */
	public static String notAStream(Object returned) {
		return "it returned " + ((returned != null) ? returned.getClass().getName() : "null")
				+ ", not a stream (a Flux, a java.util.stream.Stream or a Publisher)";
	}

}
