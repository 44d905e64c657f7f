package io.xoscar.internal.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

import io.xoscar.exception.PoolDownException;
import io.xoscar.exception.WireValueException;
import io.xoscar.internal.call.AbortableFuture;
import io.xoscar.internal.call.CallOrigin;
import io.xoscar.internal.call.ChainLink;

/**
 * An outgoing connection to one peer node: requests are multiplexed by id, answers complete the
 * matching pending call. When the connection is lost, every pending call fails at once with
 * {@link PoolDownException}.
 */
final class PeerConnection extends SimpleChannelInboundHandler<ReceivedFrame> {

	private static final Logger logger = LoggerFactory.getLogger(PeerConnection.class);

	private static final AtomicLong IDS = new AtomicLong();

	private final String peer;

	private final Wire wire;

	private final RemoteErrors errors;

	private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

	private volatile Channel channel;

	private volatile boolean closed;

	/** Why this side closed the connection, if it did. */
	private volatile String closeReason;

	private final String kind;

	PeerConnection(String peer, String kind, Wire wire, RemoteErrors errors) {
		this.peer = peer;
		this.kind = kind;
		this.wire = wire;
		this.errors = errors;
	}

	/** @return "unix" or "tcp" */
	String kind() {
		return this.kind;
	}

	void attach(Channel channel) {
		this.channel = channel;
	}

	void close() {
		Channel current = this.channel;
		if (current != null) {
			current.close();
		}
	}

	boolean isOpen() {
		return !this.closed && this.channel != null && this.channel.isActive();
	}

	/**
	 * @param op the operation
	 * @param target the pool address
	 * @param uid the actor uid
	 * @param name the method or class name
	 * @param signature the resolved parameter types, or {@code null}
	 * @param payload the arguments
	 * @param resultType how to decode the answer (for a batch: of each element)
	 * @param batch whether the answer is a list of results
	 * @param chain the stateful actors waiting on a call, or {@code null}
	 * @param headers what a call carries of its caller's observation, or {@code null}
	 * @param origin who makes a call, or {@code null}
	 * @return the answer; for operations without one, completes when the frame is written
	 */
	CompletableFuture<Object> request(int op, String target, String uid, String name, List<String> signature,
			Object payload, JavaType resultType, boolean batch, List<ChainLink> chain, Map<String, String> headers,
			CallOrigin origin) {
		long id = IDS.incrementAndGet();
		ByteBuf frame;
		try {
			frame = this.wire.encode(this.channel,
					Outbound.request(op, id, target, uid, name, signature, payload, chain, headers, origin));
		}
		catch (RuntimeException | StackOverflowError ex) {
			return CompletableFuture.failedFuture(new WireValueException("the arguments of " + describe(op, target, uid, name)
					+ " cannot be encoded: " + WireReasons.typeOf(unencodable(payload)) + ": " + WireReasons.of(ex), ex));
		}
		if (!Op.expectsReply(op)) {
			CompletableFuture<Object> written = new CompletableFuture<>();
			this.channel.writeAndFlush(frame).addListener((future) -> {
				if (future.isSuccess()) {
					written.complete(null);
				}
				else {
					written.completeExceptionally(lost(future.cause()));
				}
			});
			return written;
		}
		Pending call = new Pending(id, resultType, batch, op, target, uid, name);
		this.pending.put(id, call);
		if (this.closed) {
			this.pending.remove(id);
			frame.release();
			call.completeExceptionally(lost(null));
			return call;
		}
		this.channel.writeAndFlush(frame).addListener((future) -> {
			if (!future.isSuccess() && this.pending.remove(id) != null) {
				call.completeExceptionally(lost(future.cause()));
			}
		});
		return call;
	}

	private PoolDownException lost(Throwable cause) {
		String reason = this.closeReason;
		return new PoolDownException("connection to actor pool " + this.peer + " lost" + ((reason != null) ? ": " + reason : ""),
				cause);
	}

	/** @return what a request does, for messages: "call m of actor 'uid' at address" */
	private static String describe(int op, String target, String uid, String name) {
		if (op == Op.CALL || op == Op.TELL || op == Op.BATCH || op == Op.TELL_BATCH) {
			return "call " + name + " of actor '" + uid + "' at " + target;
		}
		return "request " + op + ((name != null) ? " " + name : "") + " to " + target;
	}

	/** @return the argument that did not encode if there is just one, else the arguments */
	private static Object unencodable(Object payload) {
		return (payload instanceof Object[] args && args.length == 1) ? args[0] : payload;
	}

	/**
	 * Completes the call an answer is for. Whatever fails here fails that call alone: the frame was
	 * delimited by its length, so the connection and the other calls on it carry on.
	 */
	@Override
	protected void channelRead0(ChannelHandlerContext context, ReceivedFrame frame) {
		Inbound answer;
		try {
			answer = this.wire.decode(frame, this::expected);
		}
		catch (RuntimeException ex) {
			logger.warn("Closing connection to {}: malformed frame ({})", this.peer, ex.getMessage());
			this.closeReason = "it sent a malformed frame (" + ex.getMessage() + ")";
			context.close();
			return;
		}
		Pending call = this.pending.remove(answer.id());
		if (call == null) {
			return;
		}
		try {
			complete(call, answer);
		}
		catch (RuntimeException | LinkageError ex) {
			call.completeExceptionally(new WireValueException("the answer to " + call.describe() + " cannot be read: "
					+ WireReasons.of(ex), ex));
		}
	}

	private void complete(Pending call, Inbound answer) {
		if (answer.op() == Op.ERROR) {
			call.completeExceptionally(this.errors.rebuild(Objects.requireNonNull(answer.error(), "an error without details"),
					this.peer));
			return;
		}
		if (answer.decoded() instanceof UndecodableResult failed) {
			call.completeExceptionally(undecodable(call, failed.error()));
			return;
		}
		if (answer.payload() == null) {
			call.complete(answer.decoded());
			return;
		}
		Object value;
		try {
			value = decode(answer, call);
		}
		catch (RuntimeException ex) {
			call.completeExceptionally(undecodable(call, ex));
			return;
		}
		call.complete(value);
	}

	private static WireValueException undecodable(Pending call, RuntimeException error) {
		return new WireValueException("the result of " + call.describe() + " cannot be decoded into "
				+ call.resultType.toCanonical() + ": " + WireReasons.of(error), error);
	}

	/** While an answer is read: what its call expects. */
	private AnswerTypes.Expected expected(long id) {
		Pending call = this.pending.get(id);
		return (call != null) ? new AnswerTypes.Expected(call.resultType, call.batch) : null;
	}

	private Object decode(Inbound answer, Pending call) {
		JsonNode payload = answer.payload();
		if (!call.batch) {
			return this.wire.convert(payload, call.resultType, answer.attachments());
		}
		List<Object> results = new ArrayList<>(payload.size());
		for (JsonNode element : payload) {
			results.add(this.wire.convert(element, call.resultType));
		}
		return results;
	}

	@Override
	public void channelInactive(ChannelHandlerContext context) throws Exception {
		this.closed = true;
		PoolDownException down = lost(null);
		for (Long id : List.copyOf(this.pending.keySet())) {
			Pending call = this.pending.remove(id);
			if (call != null) {
				call.completeExceptionally(down);
			}
		}
		super.channelInactive(context);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
		if (cause instanceof java.io.IOException) {
			logger.info("Connection to {} lost: {}", this.peer, cause.getMessage());
		}
		else {
			logger.warn("Closing connection to {}: {}", this.peer, cause.toString());
			this.closeReason = cause.getMessage();
		}
		context.close();
	}

	/** A call waiting for its answer; cancelling it tells the peer to cancel the call. */
	private final class Pending extends AbortableFuture {

		private final long id;

		private final JavaType resultType;

		private final boolean batch;

		private final int op;

		private final String target;

		private final String uid;

		private final String name;

		Pending(long id, JavaType resultType, boolean batch, int op, String target, String uid, String name) {
			this.id = id;
			this.resultType = resultType;
			this.batch = batch;
			this.op = op;
			this.target = target;
			this.uid = uid;
			this.name = name;
		}

		String describe() {
			return PeerConnection.describe(this.op, this.target, this.uid, this.name);
		}

		@Override
		protected void cancelWork() {
			if (PeerConnection.this.pending.remove(this.id) != null && isOpen()) {
				PeerConnection.this.channel.writeAndFlush(PeerConnection.this.wire.encode(
						PeerConnection.this.channel.alloc(), Outbound.request(Op.CANCEL, this.id, null, null, null, null, null)))
					.addListener((ignored) -> {
					});
			}
		}

	}

}
