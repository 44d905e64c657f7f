package io.xoscar.internal.reflect;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import reactor.core.publisher.Mono;

/**
 * Checks what a batch implementation returned: one result per call, synchronously or not.
 */
public final class BatchResults {

	private BatchResults() {
	}

	/**
	 * @param returned what the implementation returned (a list, or a stage or Mono of one)
	 * @param calls how many calls the batch held
	 * @param implementation the implementation, for error messages
	 * @return the checked list, or a stage of it
	 */
	public static Object checked(Object returned, int calls, MethodInfo implementation) {
		return map(returned, (value) -> checkList(value, calls, implementation));
	}

	static Object first(Object returned, int calls, MethodInfo implementation) {
		return map(returned, (value) -> checkList(value, calls, implementation).get(0));
	}

	private static List<?> checkList(Object value, int calls, MethodInfo implementation) {
		if (!(value instanceof List<?> results)) {
			throw new IllegalStateException("batch implementation " + implementation + " must return a List, returned "
					+ ((value != null) ? value.getClass().getName() : "null"));
		}
		if (results.size() != calls) {
			throw new IllegalStateException("batch implementation " + implementation + " returned " + results.size()
					+ " results for " + calls + " calls");
		}
		return results;
	}

	private static Object map(Object returned, Function<Object, Object> check) {
		if (returned instanceof CompletionStage<?> stage) {
			return stage.thenApply(check);
		}
		if (returned instanceof Mono<?> mono) {
			return mono.map(check);
		}
		return check.apply(returned);
	}

}
