package io.xoscar.internal.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.xoscar.AbstractActor;
import io.xoscar.internal.reflect.BatchMethod;
import io.xoscar.internal.reflect.BatchResults;
import io.xoscar.internal.reflect.Invocable;

/**
 * What a batch call runs: the actor's batch implementation once with all the calls, or the single
 * method once per call.
 *
 * @param method the batch implementation, or {@code null} to run {@code singles} one by one
 * @param singles the overload each call binds to (when run one by one)
 * @param args the arguments of each call
 */
record CallBatch(BatchMethod method, List<Invocable> singles, List<Object[]> args) {

	/** @return the batch implementation, or the first call's method */
	Invocable invocable() {
		return (this.method != null) ? this.method.implementation() : this.singles.get(0);
	}

	/**
	 * @return the results, or a future of them
	 * @throws Throwable what the actor code threw
	 */
	Object invoke(AbstractActor actor) throws Throwable {
		if (this.method != null) {
			Object returned = this.method.implementation().invoke(actor, this.method.bind(this.args));
			return BatchResults.checked(returned, this.args.size(), this.method.implementation());
		}
		return invokeEach(actor, 0, new ArrayList<>(this.args.size()));
	}

	/** Runs the single method once per call; an asynchronous one finishes before the next starts. */
	private Object invokeEach(AbstractActor actor, int from, List<Object> results) throws Throwable {
		for (int i = from; i < this.args.size(); i++) {
			Object returned = this.singles.get(i).invoke(actor, this.args.get(i));
			CompletableFuture<Object> pending = Async.toFuture(returned);
			if (pending != null) {
				int next = i + 1;
				return pending.thenCompose((value) -> {
					results.add(value);
					return Async.invokeLater(() -> invokeEach(actor, next, results));
				});
			}
			results.add(returned);
		}
		return results;
	}

}
