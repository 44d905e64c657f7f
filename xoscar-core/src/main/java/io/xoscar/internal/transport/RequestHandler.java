package io.xoscar.internal.transport;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import tools.jackson.databind.JsonNode;

import io.xoscar.AbstractActor;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.exception.WireValueException;
import io.xoscar.internal.call.CallTarget;
import io.xoscar.internal.call.CallerObservation;
import io.xoscar.internal.call.LocalActor;
import io.xoscar.internal.call.Timeout;
import io.xoscar.internal.reflect.ActorClassInfo;
import io.xoscar.internal.reflect.MethodInfo;
import io.xoscar.internal.call.LocalNode;

/**
 * Serves requests that arrive over the wire on behalf of this JVM's node, and writes their answers
 * back on the connection they came from.
 */
final class RequestHandler {

	private final LocalNode node;

	private final Wire wire;

	private final Decoding decoding;

	RequestHandler(LocalNode node, Wire wire) {
		this.node = node;
		this.wire = wire;
		this.decoding = new Decoding(wire);
	}

	/**
	 * While a request is read: the overload its caller chose, if the actor is known here.
	 * @see RequestTypes
	 */
	RequestTypes.Chosen choose(String target, String uid, String name, List<String> signature) {
		try {
			ActorClassInfo info = ActorClassInfo.of(this.node.lookup(target, uid).actorClass());
			MethodInfo method = Decoding.bySignature(info, name, signature);
			return (method != null) ? new RequestTypes.Chosen(method, this.decoding.parameterTypes(method.method())) : null;
		}
		catch (RuntimeException ex) {
			// the request is answered with the error when it is handled
			return null;
		}
	}

	/**
	 * @param request the request
	 * @param channel where to answer
	 * @param inflight the connection's running calls, by request id (for cancellation)
	 */
	void handle(Frame.Request request, Channel channel, Map<Long, CompletableFuture<?>> inflight) {
		String context = request.target();
		try {
			if (request instanceof Frame.Call call) {
				CallTarget target = this.node.lookup(call.target(), call.uid());
				context = describe(target, call);
				call(call, target, channel, inflight, context);
			}
			else if (request instanceof Frame.Batch batch) {
				CallTarget target = this.node.lookup(batch.target(), batch.uid());
				context = describe(target, batch);
				batch(batch, target, channel, inflight, context);
			}
			else if (request instanceof Frame.Create create) {
				Class<?> type = actorClass(create.name());
				Object[] args = this.decoding.constructorArguments(type, (JsonNode) create.args(), create.attachments());
				CreateOptions options = new CreateOptions(create.uid(), Placement.address(create.target()));
				@SuppressWarnings("unchecked")
				CompletableFuture<Object> created = this.node
					.create((Class<Object>) type, options, args)
					.thenApply((handle) -> handle.address());
				answerWhenDone(create.id(), created, channel, inflight, "create " + type.getSimpleName());
			}
			else if (request instanceof Frame.Destroy destroy) {
				answerWhenDone(destroy.id(), this.node.destroy(destroy.target(), destroy.uid()).thenApply((ignored) -> null),
						channel, inflight, context);
			}
			else if (request instanceof Frame.Kill kill) {
				answerWhenDone(kill.id(), this.node.kill(kill.target(), kill.uid()).thenApply((ignored) -> null), channel,
						inflight, context);
			}
			else if (request instanceof Frame.Actors) {
				answer(channel, Frame.Result.of(request.id(), this.node.localActors()));
			}
			else if (request instanceof Frame.Has has) {
				answer(channel, Frame.Result.of(has.id(), this.node.has(has.target(), has.uid())));
			}
			else if (request instanceof Frame.Status) {
				answer(channel, Frame.Result.of(request.id(), this.node.status()));
			}
			else if (request instanceof Frame.Resolve resolve) {
				CallTarget target = this.node.lookup(resolve.target(), resolve.uid());
				String poolAddress = (target instanceof LocalActor actor) ? actor.poolAddress() : target.address();
				answer(channel, Frame.Result.of(resolve.id(), List.of(poolAddress, target.actorClass().getName())));
			}
		}
		catch (RuntimeException | LinkageError ex) {
			if (request.type().expectsReply()) {
				answer(channel, new Frame.Error(request.id(), RemoteErrors.describe(ex, context)));
			}
		}
	}

	private void call(Frame.Call request, CallTarget target, Channel channel, Map<Long, CompletableFuture<?>> inflight,
			String context) {
		Decoding.DecodedCall call = (request.chosen() != null)
				? new Decoding.DecodedCall(request.chosen(), request.decoded())
				: this.decoding.call(ActorClassInfo.of(target.actorClass()), request.name(), request.signature(),
						request.tree(), request.attachments());
		if (request.type() == FrameType.STREAM) {
			stream(request, call, target, channel, inflight, context);
			return;
		}
		boolean reply = request.reply();
		CallerObservation observed = CallerObservation.received(request.headers());
		CompletableFuture<Object> result;
		if (target instanceof LocalActor actor) {
			result = actor.invoke(call.target(), call.args(), reply, request.chain(), caller(request, channel), observed);
		}
		else {
			// an actor of one of this node's process pools, called through the main address
			result = RemoteTarget.relaying(request.origin(),
					() -> reply ? target.send(request.name(), call.args(), Timeout.RELAYED, observed)
							: target.tell(request.name(), call.args(), observed).thenApply((ignored) -> null));
		}
		if (reply) {
			answerWhenDone(request.id(), result, channel, inflight, context);
		}
	}

	/** Streams the items to the caller as its credit allows, until the stream ends or the caller cancels. */
	private void stream(Frame.Call request, Decoding.DecodedCall call, CallTarget target, Channel channel,
			Map<Long, CompletableFuture<?>> inflight, String context) {
		CallerObservation observed = CallerObservation.received(request.headers());
		WireStream stream = new WireStream(request.id(), channel, this.wire, this, context);
		inflight.put(request.id(), stream);
		stream.whenComplete((ignored, error) -> inflight.remove(request.id(), stream));
		if (target instanceof LocalActor actor) {
			actor.stream(call.target(), call.args(), request.chain(), caller(request, channel), observed).subscribe(stream);
			return;
		}
		// an actor of one of this node's process pools, streamed through the main address
		RemoteTarget.relaying(request.origin(), () -> {
			target.stream(request.name(), call.args(), Timeout.RELAYED, observed).subscribe(stream);
			return null;
		});
	}

	/**
	 * @param demand the caller of a stream wants more items
	 * @param inflight the connection's running calls and streams, by request id
	 */
	void demand(Frame.Demand demand, Map<Long, CompletableFuture<?>> inflight) {
		if (inflight.get(demand.id()) instanceof WireStream stream) {
			if (demand.items() > 0) {
				stream.credit(demand.items());
			}
			else {
				stream.cancel(true);
			}
		}
	}

	private void batch(Frame.Batch request, CallTarget target, Channel channel, Map<Long, CompletableFuture<?>> inflight,
			String context) {
		List<Object[]> decoded = request.decoded();
		Decoding.DecodedBatch batch = (decoded != null)
				? new Decoding.DecodedBatch(Collections.nCopies(decoded.size(), request.chosen()), decoded)
				: this.decoding.batch(ActorClassInfo.of(target.actorClass()), request.name(), request.signature(),
						request.tree(), request.attachments());
		boolean reply = request.reply();
		CallerObservation observed = CallerObservation.received(request.headers());
		CompletableFuture<List<Object>> results = (target instanceof LocalActor actor)
				? actor.batch(request.name(), batch.targets(), batch.args(), reply, caller(request), observed)
				: RemoteTarget.relaying(request.origin(),
						() -> target.batch(request.name(), batch.args(), reply, Timeout.RELAYED, observed));
		if (reply) {
			answerWhenDone(request.id(), results, channel, inflight, context);
		}
	}

	/**
	 * @param cancel nobody waits for the answer of this request any more
	 * @param inflight the connection's running calls, by request id
	 */
	void cancel(Frame.Cancel cancel, Map<Long, CompletableFuture<?>> inflight) {
		CompletableFuture<?> running = inflight.remove(cancel.id());
		if (running != null) {
			running.cancel(true);
		}
	}

	/** Hands what a process pool's node detected to this node; a report that did not decode is dropped. */
	void report(Frame.Report report) {
		if (report.event() == null) {
			return;
		}
		try {
			this.node.received(report.event());
		}
		catch (RuntimeException | LinkageError ex) {
			// nobody waits for an answer
		}
	}

	/** Who made a batch that came over the wire: the origin it carries, or {@code null} if it carries none. */
	private static Object caller(Frame.Batch request) {
		return request.origin();
	}

	/**
	 * Who made a call that came over the wire: the origin it carries; from an older sender, the
	 * calling actor if it waits, else the connection.
	 */
	private static Object caller(Frame.Call request, Channel channel) {
		if (request.origin() != null) {
			return request.origin();
		}
		if (request.chain() != null && !request.chain().isEmpty()) {
			return request.chain().get(0);
		}
		return new RemoteCaller(channel.remoteAddress());
	}

	/** A caller known only by its connection; described only if an alert names it. */
	private record RemoteCaller(Object from) {

		@Override
		public String toString() {
			String address = (this.from != null) ? this.from.toString() : "";
			return "a caller in another process" + (address.isEmpty() ? "" : " (connection from " + address + ")");
		}

	}

	private static String describe(CallTarget target, Frame.Request request) {
		return (target instanceof LocalActor actor) ? actor.describe(request.name())
				: "actor '" + request.uid() + "' method " + request.name() + " at " + target.address();
	}

	/** Answers a request whose arguments did not decode with that error. */
	void refuse(UndecodableArgumentsException ex, Channel channel) {
		if (ex.type().expectsReply()) {
			WireValueException error = new WireValueException("the arguments of call " + ex.name() + " of actor '"
					+ ex.uid() + "' at " + ex.target() + " cannot be decoded: " + ex.getMessage());
			answer(channel, new Frame.Error(ex.id(), RemoteErrors.describe(error, null)));
		}
	}

	private static Class<?> actorClass(String name) {
		try {
			Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
			if (!AbstractActor.class.isAssignableFrom(type)) {
				throw new IllegalArgumentException(name + " is not an actor class");
			}
			return type;
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalArgumentException("actor class " + name + " is not on the class path of this node", ex);
		}
	}

	private void answerWhenDone(long id, CompletableFuture<?> result, Channel channel,
			Map<Long, CompletableFuture<?>> inflight, String context) {
		inflight.put(id, result);
		// handle, not whenComplete: a stage completing with the error would wrap it in a
		// CompletionException, whose constructor calls toString, which may throw (a getMessage that does)
		result.handle((value, error) -> {
			inflight.remove(id);
			if (error == null) {
				answer(channel, Frame.Result.of(id, value), context);
			}
			else if (!result.isCancelled()) {
				Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
				answer(channel, new Frame.Error(id, RemoteErrors.describe(cause, context)), context);
			}
			return null;
		});
	}

	private void answer(Channel channel, Frame answer) {
		answer(channel, answer, null);
	}

	/**
	 * Writes an answer. A result that cannot be encoded is answered with a {@link WireValueException}
	 * instead: the caller always hears back, and only its call fails.
	 */
	void answer(Channel channel, Frame answer, String context) {
		ByteBuf frame;
		try {
			frame = this.wire.encode(channel, answer);
		}
		catch (RuntimeException | StackOverflowError ex) {
			Frame.Result result = (answer instanceof Frame.Result value) ? value : null;
			Frame.Error error = (answer instanceof Frame.Error failure) ? failure : null;
			WireValueException unencodable = new WireValueException(((result != null) ? "the result of " : "the error of ")
					+ ((context != null) ? context : "the call") + " cannot be encoded: "
					+ ((result != null) ? WireReasons.typeOf(result.value()) : error.error().className()) + ": "
					+ WireReasons.of(ex));
			frame = encodeError(channel, (result != null) ? result.id() : error.id(), unencodable, context);
		}
		channel.writeAndFlush(frame);
	}

	private ByteBuf encodeError(Channel channel, long id, Throwable error, String context) {
		try {
			return this.wire.encode(channel, new Frame.Error(id, RemoteErrors.describe(error, context)));
		}
		catch (RuntimeException | StackOverflowError ex) {
			// only strings are left, and one of them does not encode (a broken surrogate pair)
			return this.wire.encode(channel, new Frame.Error(id, new ErrorInfo(WireValueException.class.getName(),
					"the answer of " + ((context != null) ? context : "the call") + " cannot be encoded: "
							+ ex.getClass().getName(),
					null, null, null)));
		}
	}

}
