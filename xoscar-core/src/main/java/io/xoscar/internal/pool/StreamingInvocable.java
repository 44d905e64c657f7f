package io.xoscar.internal.pool;

import reactor.core.publisher.Flux;

import io.xoscar.internal.reflect.Streams;
import io.xoscar.internal.reflect.CallLimits;
import io.xoscar.internal.reflect.Invocable;

/**
 * Runs a method called as a stream: what it returns is subscribed to by the stream's
 * {@link StreamRelay}, on the actor's thread, and the call awaits the stream's end.
 */
record StreamingInvocable(Invocable method, StreamRelay relay) implements Invocable {

	@Override
	public Object invoke(Object actor, Object[] args) throws Throwable {
		Object returned = this.method.invoke(actor, args);
		Flux<Object> items = Streams.toFlux(returned);
		if (items == null) {
			throw new IllegalStateException("it was called as a stream, but " + Streams.notAStream(returned));
		}
		return this.relay.start(items);
	}

	@Override
	public boolean noLock() {
		return this.method.noLock();
	}

	@Override
	public String name() {
		return this.method.name();
	}

	@Override
	public int meterIndex() {
		return this.method.meterIndex();
	}

	@Override
	public CallLimits limits() {
		return this.method.limits();
	}

}
