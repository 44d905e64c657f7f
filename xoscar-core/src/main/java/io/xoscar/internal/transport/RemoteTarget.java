package io.xoscar.internal.transport;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;

import io.xoscar.internal.call.CallOrigin;
import io.xoscar.internal.call.CallTarget;
import io.xoscar.internal.call.CallerObservation;
import io.xoscar.internal.debug.ChainLink;
import io.xoscar.internal.call.StreamEnd;
import io.xoscar.internal.call.StreamIdleTimeout;
import io.xoscar.internal.reflect.Streams;
import io.xoscar.internal.call.Timeout;
import io.xoscar.internal.reflect.ActorClassInfo;
import io.xoscar.internal.reflect.BatchMethod;
import io.xoscar.internal.reflect.Invocable;
import io.xoscar.internal.reflect.MethodInfo;

/**
 * An actor in another process or host. When the actor class is known here (the usual case: the
 * same application on both ends), the overload is resolved here and sent as a signature, and the
 * result is decoded into the method's declared return type; otherwise the receiver picks the
 * overload and results arrive as plain values (maps, lists, numbers, strings).
 */
final class RemoteTarget implements CallTarget {

	/** The origin of the call the current thread relays, if it relays one. */
	private static final ThreadLocal<CallOrigin> RELAYED = new ThreadLocal<>();

	private final Transport transport;

	private final String address;

	private final String uid;

	private final Class<?> actorClass;

	RemoteTarget(Transport transport, String address, String uid, Class<?> actorClass) {
		this.transport = transport;
		this.address = address;
		this.uid = uid;
		this.actorClass = actorClass;
	}

	@Override
	public boolean isValid() {
		return true;
	}

	@Override
	public Class<?> actorClass() {
		return this.actorClass;
	}

	@Override
	public String address() {
		return this.address;
	}

	/**
	 * What the caller sends and expects for one actor method.
	 * @param signature the parameter type names, or {@code null} to let the callee pick
	 * @param resultType how to decode the result
	 */
	record Resolved(List<String> signature, JavaType resultType) {
	}

	/** @return the overload the arguments pick, or {@code null} when the actor class is not known here */
	private Invocable target(String method, Object[] args) {
		return (this.actorClass != null) ? ActorClassInfo.of(this.actorClass).resolve(method, args) : null;
	}

	private Resolved resolve(Invocable target) {
		return (target instanceof MethodInfo info) ? this.transport.resolved(info) : this.transport.untyped();
	}

	/** @return what the caller decodes: the result, the value of a future, or the items of a stream */
	static Type resultType(Type declared) {
		Type raw = (declared instanceof ParameterizedType parameterized) ? parameterized.getRawType() : declared;
		if (raw instanceof Class<?> type && Streams.isStream(type)) {
			return Streams.itemType(declared);
		}
		if (raw instanceof Class<?> type && (CompletionStage.class.isAssignableFrom(type) || Future.class.isAssignableFrom(type)
				|| Mono.class.isAssignableFrom(type))) {
			return (declared instanceof ParameterizedType parameterized) ? parameterized.getActualTypeArguments()[0]
					: Object.class;
		}
		return (declared == void.class) ? Object.class : declared;
	}

	@Override
	public CompletableFuture<Object> send(String method, Object[] args, Timeout timeout, CallerObservation observed) {
		Invocable target;
		try {
			target = target(method, args);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		CompletableFuture<Object> sent = bound(request(true, method, args, target,
				this.transport.outgoing().chainOf(this.address, this.uid, method), observed), method, timeout.of(target));
		this.transport.outgoing().sent(sent);
		return sent;
	}

	private CompletableFuture<Object> bound(CompletableFuture<Object> sent, String method, Duration bound) {
		return this.transport.deadlines().bound(sent, bound, () -> describe(method), this::noAnswer);
	}

	private CompletableFuture<Object> request(boolean reply, String method, Object[] args, Invocable target,
			List<ChainLink> chain, CallerObservation observed) {
		Resolved resolved = resolve(target);
		return this.transport.request(this.address, Frame.Call.of(this.transport.nextId(), reply, this.address, this.uid,
				method, resolved.signature(), args, chain, headers(observed), origin()), resolved.resultType(), false);
	}

	/** @return who makes a call now: the call relayed from another process, the actor call or the thread */
	private CallOrigin origin() {
		CallOrigin relayed = RELAYED.get();
		return (relayed != null) ? relayed : this.transport.outgoing().origin(this.transport.address());
	}

	/**
	 * Runs a call relayed for another process (a request to a process pool's actor through its
	 * parent's address) with that call's origin.
	 */
	static <T> T relaying(CallOrigin origin, java.util.function.Supplier<T> call) {
		if (origin == null) {
			return call.get();
		}
		RELAYED.set(origin);
		try {
			return call.get();
		}
		finally {
			RELAYED.remove();
		}
	}

	/** @return the trace headers the call takes over the wire, or {@code null} */
	private static Map<String, String> headers(CallerObservation observed) {
		return (observed != null) ? observed.headersToSend() : null;
	}

	private String describe(String method) {
		return "call " + method + " of actor '" + this.uid + "' at " + this.address;
	}

	private String noAnswer() {
		return "no answer from the pool at " + this.address;
	}

	@Override
	public Object call(String method, Object[] args, Timeout timeout, CallerObservation observed) {
		Invocable target = target(method, args);
		Duration bound = timeout.of(target);
		return this.transport.outgoing().waiting(() -> {
			CompletableFuture<Object> sent = request(true, method, args, target,
					this.transport.outgoing().chainOf(this.address, this.uid, method), observed);
			this.transport.outgoing().sent(sent);
			return this.transport.deadlines().await(sent, bound, () -> describe(method), this::noAnswer);
		});
	}

	@Override
	public Flux<Object> stream(String method, Object[] args, Timeout timeout, CallerObservation observed) {
		Invocable target;
		try {
			target = target(method, args);
			if (target instanceof MethodInfo info && !Streams.mayStream(info.method())) {
				throw new IllegalArgumentException("actor '" + this.uid + "' method " + info + " at " + this.address
						+ " returns " + info.method().getReturnType().getSimpleName()
						+ ", not a stream (a Flux, a java.util.stream.Stream or a Publisher): call it with send or call");
			}
		}
		catch (RuntimeException ex) {
			return Flux.error(ex);
		}
		Resolved resolved = resolve(target);
		Flux<Object> items = Flux.defer(() -> {
			Frame.Call frame = Frame.Call.stream(this.transport.nextId(), this.address, this.uid, method,
					resolved.signature(), args, this.transport.outgoing().chainOf(this.address, this.uid, method),
					headers(observed), origin());
			// what the actor call subscribing waits on, when it waits for the stream's items
			StreamEnd end = new StreamEnd();
			this.transport.outgoing().sent(end);
			return end.follow(this.transport.stream(this.address, frame, resolved.resultType()));
		});
		return StreamIdleTimeout.bound(items, timeout.of(target), this.transport.deadlines(), () -> describe(method));
	}

	@Override
	public CompletableFuture<Void> tell(String method, Object[] args, CallerObservation observed) {
		try {
			return request(false, method, args, target(method, args), null, observed).thenApply((ignored) -> null);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public CompletableFuture<List<Object>> batch(String method, List<Object[]> calls, boolean reply, Timeout timeout,
			CallerObservation observed) {
		if (calls.isEmpty()) {
			return CompletableFuture.completedFuture(List.of());
		}
		Resolved resolved;
		try {
			resolved = resolveBatch(method, calls);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		CompletableFuture<Object> sent = this.transport.request(this.address, Frame.Batch.of(this.transport.nextId(), reply,
				this.address, this.uid, method, resolved.signature(), calls, headers(observed), origin()),
				resolved.resultType(), true);
		CompletableFuture<Object> results = reply ? bound(sent, method, timeout.of(batchTarget(method, calls))) : sent;
		return results.thenApply((list) -> (List<Object>) list);
	}

	/** @return what runs the batch (its declared timeout bounds it), or {@code null} when not known here */
	private Invocable batchTarget(String method, List<Object[]> calls) {
		if (this.actorClass == null) {
			return null;
		}
		BatchMethod batchMethod = ActorClassInfo.of(this.actorClass).batchOf(method);
		return (batchMethod != null) ? batchMethod.implementation() : target(method, calls.get(0));
	}

	/** One signature for the batch when every call picks the same overload, else none. */
	private Resolved resolveBatch(String method, List<Object[]> calls) {
		Resolved first = resolve(target(method, calls.get(0)));
		if (first.signature() == null) {
			return first;
		}
		ActorClassInfo info = ActorClassInfo.of(this.actorClass);
		Invocable chosen = info.resolve(method, calls.get(0));
		for (int i = 1; i < calls.size(); i++) {
			if (info.resolve(method, calls.get(i)) != chosen) {
				return new Resolved(null, first.resultType());
			}
		}
		return first;
	}

}
