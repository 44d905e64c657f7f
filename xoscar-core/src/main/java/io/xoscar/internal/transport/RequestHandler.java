package io.xoscar.internal.transport;

import java.util.ArrayList;
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
import io.xoscar.internal.debug.DebugEvent;

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
		wire.requestTypes(this::choose);
	}

	/** While a request is read: the overload its caller chose, if the actor is known here. */
	private RequestTypes.Chosen choose(String target, String uid, String name, List<String> signature) {
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
	void handle(Inbound request, Channel channel, Map<Long, CompletableFuture<?>> inflight) {
		String context = request.target();
		try {
			switch (request.op()) {
				case Op.CALL, Op.TELL -> {
					CallTarget target = this.node.lookup(request.target(), request.uid());
					ActorClassInfo info = ActorClassInfo.of(target.actorClass());
					context = describe(target, request);
					Decoding.DecodedCall call = (request.decoded() != null)
							? new Decoding.DecodedCall(request.chosen(), (Object[]) request.decoded())
							: this.decoding.call(info, request.name(), request.signature(), request.payload(),
									request.attachments());
					boolean reply = request.op() == Op.CALL;
					CallerObservation observed = CallerObservation.received(request.headers());
					CompletableFuture<Object> result;
					if (target instanceof LocalActor actor) {
						result = actor.invoke(call.target(), call.args(), reply, request.chain(), caller(request, channel),
								observed);
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
				case Op.BATCH, Op.TELL_BATCH -> {
					CallTarget target = this.node.lookup(request.target(), request.uid());
					ActorClassInfo info = ActorClassInfo.of(target.actorClass());
					context = describe(target, request);
					Decoding.DecodedBatch batch = (request.decoded() != null) ? decodedBatch(request)
							: this.decoding.batch(info, request.name(), request.signature(), request.payload(),
									request.attachments());
					boolean reply = request.op() == Op.BATCH;
					CallerObservation observed = CallerObservation.received(request.headers());
					CompletableFuture<List<Object>> results = (target instanceof LocalActor actor)
							? actor.batch(request.name(), batch.targets(), batch.args(), reply, observed)
							: RemoteTarget.relaying(request.origin(),
									() -> target.batch(request.name(), batch.args(), reply, Timeout.RELAYED, observed));
					if (reply) {
						answerWhenDone(request.id(), results, channel, inflight, context);
					}
				}
				case Op.CANCEL -> {
					CompletableFuture<?> running = inflight.remove(request.id());
					if (running != null) {
						running.cancel(true);
					}
				}
				case Op.CREATE -> {
					Class<?> type = actorClass(request.name());
					Object[] args = this.decoding.constructorArguments(type, request.payload(), request.attachments());
					CreateOptions options = new CreateOptions(request.uid(), Placement.address(request.target()));
					@SuppressWarnings("unchecked")
					CompletableFuture<Object> created = this.node
						.create((Class<Object>) type, options, args)
						.thenApply((handle) -> handle.address());
					answerWhenDone(request.id(), created, channel, inflight, "create " + type.getSimpleName());
				}
				case Op.DESTROY -> answerWhenDone(request.id(),
						this.node.destroy(request.target(), request.uid()).thenApply((ignored) -> null), channel, inflight,
						context);
				case Op.KILL -> answerWhenDone(request.id(),
						this.node.kill(request.target(), request.uid()).thenApply((ignored) -> null), channel, inflight,
						context);
				case Op.ACTORS -> answer(channel, Outbound.result(request.id(), this.node.localActors()));
				case Op.REPORT -> this.node.received((DebugEvent) this.wire.convert(request.payload(),
						this.wire.type(DebugEvent.class)));
				case Op.HAS -> answer(channel, Outbound.result(request.id(), this.node.has(request.target(), request.uid())));
				case Op.STATUS -> answer(channel, Outbound.result(request.id(), this.node.status()));
				case Op.RESOLVE -> {
					CallTarget target = this.node.lookup(request.target(), request.uid());
					String poolAddress = (target instanceof LocalActor actor) ? actor.poolAddress() : target.address();
					answer(channel, Outbound.result(request.id(), List.of(poolAddress, target.actorClass().getName())));
				}
				default -> throw new IllegalArgumentException("unknown operation " + request.op());
			}
		}
		catch (RuntimeException | LinkageError ex) {
			if (Op.expectsReply(request.op())) {
				answer(channel, Outbound.error(request.id(), RemoteErrors.describe(ex, context)));
			}
		}
	}

	/**
	 * Who made a call that came over the wire: the origin it carries; from an older sender, the
	 * calling actor if it waits, else the connection.
	 */
	private static Object caller(Inbound request, Channel channel) {
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

	@SuppressWarnings("unchecked")
	private static Decoding.DecodedBatch decodedBatch(Inbound request) {
		List<Object[]> args = (List<Object[]>) request.decoded();
		return new Decoding.DecodedBatch(java.util.Collections.nCopies(args.size(), request.chosen()), args);
	}

	private static String describe(CallTarget target, Inbound request) {
		return (target instanceof LocalActor actor) ? actor.describe(request.name())
				: "actor '" + request.uid() + "' method " + request.name() + " at " + target.address();
	}

	/** Answers a request whose arguments did not decode with that error. */
	void refuse(UndecodableArgumentsException ex, Channel channel) {
		if (Op.expectsReply(ex.op())) {
			WireValueException error = new WireValueException("the arguments of call " + ex.name() + " of actor '"
					+ ex.uid() + "' at " + ex.target() + " cannot be decoded: " + ex.getMessage());
			answer(channel, Outbound.error(ex.id(), RemoteErrors.describe(error, null)));
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
				answer(channel, Outbound.result(id, value), context);
			}
			else if (!result.isCancelled()) {
				Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
				answer(channel, Outbound.error(id, RemoteErrors.describe(cause, context)), context);
			}
			return null;
		});
	}

	private void answer(Channel channel, Outbound answer) {
		answer(channel, answer, null);
	}

	/**
	 * Writes an answer. A result that cannot be encoded is answered with a {@link WireValueException}
	 * instead: the caller always hears back, and only its call fails.
	 */
	private void answer(Channel channel, Outbound answer, String context) {
		ByteBuf frame;
		try {
			frame = this.wire.encode(channel, answer);
		}
		catch (RuntimeException | StackOverflowError ex) {
			boolean result = answer.op() == Op.RESULT;
			WireValueException unencodable = new WireValueException(((result) ? "the result of " : "the error of ")
					+ ((context != null) ? context : "the call") + " cannot be encoded: "
					+ ((result) ? WireReasons.typeOf(answer.payload()) : answer.error().className()) + ": "
					+ WireReasons.of(ex));
			frame = encodeError(channel, answer.id(), unencodable, context);
		}
		channel.writeAndFlush(frame);
	}

	private ByteBuf encodeError(Channel channel, long id, Throwable error, String context) {
		try {
			return this.wire.encode(channel, Outbound.error(id, RemoteErrors.describe(error, context)));
		}
		catch (RuntimeException | StackOverflowError ex) {
			// only strings are left, and one of them does not encode (a broken surrogate pair)
			return this.wire.encode(channel, Outbound.error(id, new ErrorInfo(WireValueException.class.getName(),
					"the answer of " + ((context != null) ? context : "the call") + " cannot be encoded: "
							+ ex.getClass().getName(),
					null, null, null)));
		}
	}

}
