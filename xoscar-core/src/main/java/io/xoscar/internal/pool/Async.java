package io.xoscar.internal.pool;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import reactor.core.publisher.Mono;

/**
 * The asynchronous results actor methods may return, seen as {@link CompletableFuture}s.
 */
final class Async {

	private Async() {
	}

	/**
	 * @param returned what an actor method returned
	 * @return it as a future when it is asynchronous, otherwise {@code null}
	 */
	@SuppressWarnings("unchecked")
	static CompletableFuture<Object> toFuture(Object returned) {
		if (returned instanceof CompletionStage<?> stage) {
			return (CompletableFuture<Object>) stage.toCompletableFuture();
		}
		if (returned instanceof Mono<?> mono) {
			return (CompletableFuture<Object>) mono.toFuture();
		}
		return null;
	}

	static CompletableFuture<Object> invokeLater(Invocation invocation) {
		try {
			Object returned = invocation.invoke();
			CompletableFuture<Object> pending = toFuture(returned);
			return (pending != null) ? pending : CompletableFuture.completedFuture(returned);
		}
		catch (Throwable ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/** Strips the wrappers futures put around an exception. */
	static Throwable unwrap(Throwable error) {
		Throwable current = error;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	@FunctionalInterface
	interface Invocation {

		Object invoke() throws Throwable;

	}

}
