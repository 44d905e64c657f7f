package io.xoscar.internal.transport;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.xoscar.internal.call.CallOrigin;
import io.xoscar.internal.debug.ChainLink;
import io.xoscar.internal.debug.DebugEvent;
import io.xoscar.internal.reflect.MethodInfo;

/**
 * A frame as it is sent and as it is received: one record per kind, each with the fields its kind
 * uses. {@link FrameCodec} writes and reads them. A received payload stays a tree ({@link JsonNode})
 * until it is decoded into the parameter types of the chosen method, or into the type the caller
 * expects, unless the reader could do that while reading.
 */
sealed interface Frame permits Frame.Hello, Frame.Request, Frame.Cancel, Frame.Report, Frame.Result, Frame.Error,
		Frame.Items, Frame.Demand, Frame.End {

	FrameType type();

	/**
	 * The first frame each side of a connection sends.
	 * @param version the wire protocol version the sender speaks
	 */
	record Hello(int version) implements Frame {

		/**
		 * The version of the wire protocol this node speaks; a peer speaking another is refused. 2: stream
		 * frames ({@link FrameType#STREAM} and after).
		 */
		static final int VERSION = 2;

		static final Hello CURRENT = new Hello(VERSION);

		@Override
		public FrameType type() {
			return FrameType.HELLO;
		}

	}

	/** A frame that asks a node for something; those whose {@link #type()} expects a reply are answered. */
	sealed interface Request extends Frame permits Call, Batch, Create, Destroy, Has, Kill, Resolve, Actors, Status {

		/** @return the id its answer refers to */
		long id();

		/** @return the pool address it is for (for node-wide requests, the node's address) */
		String target();

		/** @return the actor uid, or {@code null} */
		default String uid() {
			return null;
		}

		/** @return the method or class name, or {@code null} */
		default String name() {
			return null;
		}

	}

	/**
	 * A call ({@link FrameType#CALL}), a tell ({@link FrameType#TELL}) or a stream
	 * ({@link FrameType#STREAM}) of an actor method.
	 * @param type which of them
	 * @param id the request id
	 * @param target the pool address
	 * @param uid the actor uid
	 * @param name the method name
	 * @param signature the parameter type names the caller resolved, or {@code null}
	 * @param args the arguments: an {@code Object[]} as sent or as decoded while read (then
	 * {@code chosen} names the overload), else the {@link JsonNode} tree of the argument array
	 * @param chosen the overload the arguments were decoded for while reading, or {@code null}
	 * @param attachments the byte arrays that travelled after the body ({@link Attachments})
	 * @param chain the stateful actors waiting on the call ({@link io.xoscar.internal.call.ChainLinks}), or
	 * {@code null}
	 * @param headers what the call carries of its caller's observation (trace context), or {@code null}
	 * @param origin who made the call, for the callee's alerts, or {@code null}
	 */
	record Call(FrameType type, long id, String target, String uid, String name, List<String> signature, Object args,
			MethodInfo chosen, List<byte[]> attachments, List<ChainLink> chain, Map<String, String> headers,
			CallOrigin origin) implements Request {

		static Call of(long id, boolean reply, String target, String uid, String name, List<String> signature,
				Object[] args, List<ChainLink> chain, Map<String, String> headers, CallOrigin origin) {
			return new Call(reply ? FrameType.CALL : FrameType.TELL, id, target, uid, name, signature, args, null,
					List.of(), chain, headers, origin);
		}

		static Call stream(long id, String target, String uid, String name, List<String> signature, Object[] args,
				List<ChainLink> chain, Map<String, String> headers, CallOrigin origin) {
			return new Call(FrameType.STREAM, id, target, uid, name, signature, args, null, List.of(), chain, headers,
					origin);
		}

		/** @return whether the caller waits for the answer (a call or a stream) */
		boolean reply() {
			return this.type != FrameType.TELL;
		}

		/** @return the arguments decoded while the frame was read, or {@code null} */
		Object[] decoded() {
			return (this.chosen != null) ? (Object[]) this.args : null;
		}

		/** @return the argument array as a tree, or {@code null} when it is not one */
		JsonNode tree() {
			return (this.args instanceof JsonNode tree) ? tree : null;
		}

		Call withArgs(Object[] written) {
			return new Call(this.type, this.id, this.target, this.uid, this.name, this.signature, written, this.chosen,
					this.attachments, this.chain, this.headers, this.origin);
		}

	}

	/**
	 * Calls of one actor method in one frame: a {@link FrameType#BATCH}, or without answer a
	 * {@link FrameType#TELL_BATCH}.
	 * @param calls the argument arrays: a {@code List<Object[]>} as sent or as decoded while read
	 * (then {@code chosen} names the overload of all), else the {@link JsonNode} tree of the list
	 * @see Call
	 */
	record Batch(long id, boolean reply, String target, String uid, String name, List<String> signature, Object calls,
			MethodInfo chosen, List<byte[]> attachments, Map<String, String> headers, CallOrigin origin)
			implements Request {

		static Batch of(long id, boolean reply, String target, String uid, String name, List<String> signature,
				List<Object[]> calls, Map<String, String> headers, CallOrigin origin) {
			return new Batch(id, reply, target, uid, name, signature, calls, null, List.of(), headers, origin);
		}

		@Override
		public FrameType type() {
			return this.reply ? FrameType.BATCH : FrameType.TELL_BATCH;
		}

		/** @return the argument arrays decoded while the frame was read, or {@code null} */
		@SuppressWarnings("unchecked")
		List<Object[]> decoded() {
			return (this.chosen != null) ? (List<Object[]>) this.calls : null;
		}

		/** @return the calls as a tree, or {@code null} when they are not one */
		JsonNode tree() {
			return (this.calls instanceof JsonNode tree) ? tree : null;
		}

	}

	/**
	 * Creates an actor; answered with its address.
	 * @param name the actor class name
	 * @param args the constructor arguments: an {@code Object[]} as sent, the {@link JsonNode} tree as
	 * received
	 */
	record Create(long id, String target, String uid, String name, Object args, List<byte[]> attachments)
			implements Request {

		static Create of(long id, String target, String uid, String name, Object[] args) {
			return new Create(id, target, uid, name, args, List.of());
		}

		@Override
		public FrameType type() {
			return FrameType.CREATE;
		}

		Create withArgs(Object[] written) {
			return new Create(this.id, this.target, this.uid, this.name, written, this.attachments);
		}

	}

	record Destroy(long id, String target, String uid) implements Request {

		@Override
		public FrameType type() {
			return FrameType.DESTROY;
		}

	}

	/** Asks whether the actor exists; answered with a boolean. */
	record Has(long id, String target, String uid) implements Request {

		@Override
		public FrameType type() {
			return FrameType.HAS;
		}

	}

	record Kill(long id, String target, String uid) implements Request {

		@Override
		public FrameType type() {
			return FrameType.KILL;
		}

	}

	/** Asks for the actor's pool address and class name. */
	record Resolve(long id, String target, String uid) implements Request {

		@Override
		public FrameType type() {
			return FrameType.RESOLVE;
		}

	}

	/** Asks a node for the actors of its pools in its JVM. */
	record Actors(long id, String target) implements Request {

		@Override
		public FrameType type() {
			return FrameType.ACTORS;
		}

	}

	/** Asks a process pool's node for its {@link io.xoscar.internal.pool.PoolStatus}. */
	record Status(long id, String target) implements Request {

		@Override
		public FrameType type() {
			return FrameType.STATUS;
		}

	}

	/**
	 * Tells the receiver that nobody waits for the answer of a request any more.
	 * @param id the request
	 */
	record Cancel(long id) implements Frame {

		@Override
		public FrameType type() {
			return FrameType.CANCEL;
		}

	}

	/**
	 * What a process pool's node detected, for its parent; not answered.
	 * @param event the event, or {@code null} when it was received and did not decode
	 */
	record Report(DebugEvent event) implements Frame {

		@Override
		public FrameType type() {
			return FrameType.REPORT;
		}

	}

	/**
	 * The answer of a request.
	 * @param id the request
	 * @param value the result as sent or as decoded while read (into what the call expects), an
	 * {@link UndecodableResult} if that failed, or {@code null} when {@code tree} holds it
	 * @param tree the result as a tree, when nobody expected it while it was read, else {@code null}
	 * @param attachments the byte arrays that travelled after the body
	 */
	record Result(long id, Object value, JsonNode tree, List<byte[]> attachments) implements Frame {

		static Result of(long id, Object value) {
			return new Result(id, value, null, List.of());
		}

		@Override
		public FrameType type() {
			return FrameType.RESULT;
		}

	}

	/**
	 * The answer of a request that failed.
	 * @param id the request
	 * @param error the exception
	 */
	record Error(long id, ErrorInfo error) implements Frame {

		@Override
		public FrameType type() {
			return FrameType.ERROR;
		}

	}

	/**
	 * Items of a stream.
	 * @param id the stream's request
	 * @param items the items: an {@code Object[]} as sent, a {@code List} as decoded while read (into
	 * what the stream's caller expects), an {@link UndecodableResult} if that failed, or {@code null}
	 * when {@code tree} holds them
	 * @param tree the items as a tree, when nobody expected them while they were read, else {@code null}
	 * @param attachments the byte arrays that travelled after the body
	 */
	record Items(long id, Object items, JsonNode tree, List<byte[]> attachments) implements Frame {

		static Items of(long id, Object[] items) {
			return new Items(id, items, null, List.of());
		}

		@Override
		public FrameType type() {
			return FrameType.ITEMS;
		}

	}

	/**
	 * The caller of a stream wants more items.
	 * @param id the stream's request
	 * @param items how many more, positive
	 */
	record Demand(long id, long items) implements Frame {

		@Override
		public FrameType type() {
			return FrameType.DEMAND;
		}

	}

	/**
	 * A stream completed.
	 * @param id the stream's request
	 */
	record End(long id) implements Frame {

		@Override
		public FrameType type() {
			return FrameType.END;
		}

	}

}
