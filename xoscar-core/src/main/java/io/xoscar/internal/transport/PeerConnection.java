package io.xoscar.internal.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.slf4j.Logger;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

import io.xoscar.exception.PoolDownException;
import io.xoscar.exception.WireValueException;
import io.xoscar.internal.call.AbortableFuture;

/**
 * An outgoing connection to one peer node: it opens once both sides' {@link Frame.Hello} say they
 * speak the same wire protocol version; then requests are multiplexed by id, answers complete the
 * matching pending call. When the connection is lost, every pending call fails at once with
 * {@link PoolDownException}.
 */
final class PeerConnection extends SimpleChannelInboundHandler<ReceivedFrame> implements ClientHandshake.Outcome {

	private static final Logger logger = LoggerFactory.getLogger(PeerConnection.class);

	private final String peer;

	private final Wire wire;

	private final Wire.Receiver receiver;

	private final RemoteErrors errors;

	private final Duration helloTimeout;

	/** Says why calls in flight are lost when the connection is. */
	private final Losses losses;

	private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

	private final Map<Long, RemoteStream> streams = new ConcurrentHashMap<>();

	/** Completes with this connection once the peer's Hello arrived, or fails with why it did not. */
	private final CompletableFuture<PeerConnection> opened = new CompletableFuture<>();

	private volatile Channel channel;

	/** Whether the peer's Hello arrived; read and written on the connection's event loop only, as is the next. */
	private boolean greeted;

	/** Whether the peer was refused: what else it sent, in the same read, is dropped. */
	private boolean refused;

	/** Refuses the peer if its Hello has not arrived in time. */
	private volatile ScheduledFuture<?> helloCheck;

	private volatile boolean closed;

	/** Why this side closed the connection, if it did. */
	private volatile String closeReason;

	private final String kind;

	/**
	 * @param peer the peer node's address
	 * @param kind "unix" or "tcp"
	 * @param wire encodes requests
	 * @param errors rebuilds the exceptions answered
	 * @param helloTimeout how long the peer may take to send its Hello
	 */
	PeerConnection(String peer, String kind, Wire wire, RemoteErrors errors, Duration helloTimeout, Losses losses) {
		this.peer = peer;
		this.losses = losses;
		this.kind = kind;
		this.wire = wire;
		this.receiver = wire.receiver(this::expected);
		this.errors = errors;
		this.helloTimeout = helloTimeout;
	}

	/** @return "unix" or "tcp" */
	String kind() {
		return this.kind;
	}

	/** @return completes with this connection once it is open, or fails with why it could not be */
	CompletableFuture<PeerConnection> opened() {
		return this.opened;
	}

	@Override
	public void authenticated(Channel channel) {
		attach(channel);
	}

	@Override
	public void failed(String reason) {
		refuse(reason);
	}

	/** Starts using the connected channel: greets the peer, whose Hello must follow in time. */
	void attach(Channel channel) {
		this.channel = channel;
		channel.writeAndFlush(this.wire.encode(channel, Frame.Hello.CURRENT));
		this.helloCheck = channel.eventLoop().schedule(() -> {
			if (refuse("no Hello from node at " + this.peer + " within " + this.helloTimeout.toMillis() + " ms")) {
				channel.close();
			}
		}, this.helloTimeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Fails the opening, if it did not complete yet. */
	private boolean refuse(String reason) {
		boolean refused = this.opened.completeExceptionally(new IllegalStateException(reason));
		if (refused) {
			this.closeReason = reason;
		}
		return refused;
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
	 * @param frame a request, or a frame that expects no answer (a tell, a report)
	 * @param resultType how to decode the answer (for a batch: of each element)
	 * @param batch whether the answer is a list of results
	 * @return the answer; for frames without one, completes when the frame is written
	 */
	CompletableFuture<Object> request(Frame frame, JavaType resultType, boolean batch) {
		ByteBuf encoded;
		try {
			encoded = this.wire.encode(this.channel, frame);
		}
		catch (RuntimeException | StackOverflowError ex) {
			return CompletableFuture.failedFuture(new WireValueException("the arguments of " + describe(frame)
					+ " cannot be encoded: " + WireReasons.typeOf(unencodable(frame)) + ": " + WireReasons.of(ex), ex));
		}
		if (!frame.type().expectsReply()) {
			CompletableFuture<Object> written = new CompletableFuture<>();
			this.channel.writeAndFlush(encoded).addListener((future) -> {
				if (future.isSuccess()) {
					written.complete(null);
				}
				else {
					written.completeExceptionally(lost(future.cause()));
				}
			});
			return written;
		}
		Frame.Request request = (Frame.Request) frame;
		long id = request.id();
		Pending call = new Pending(id, resultType, batch, request.type(), request.target(), request.uid(), request.name());
		this.pending.put(id, call);
		if (this.closed) {
			this.pending.remove(id);
			encoded.release();
			call.completeExceptionally(lost(null));
			return call;
		}
		this.channel.writeAndFlush(encoded).addListener((future) -> {
			if (!future.isSuccess() && this.pending.remove(id) != null) {
				call.completeExceptionally(lost(future.cause()));
			}
		});
		return call;
	}

	/**
	 * Calls a method returning a stream, for one subscriber.
	 * @param frame the {@link FrameType#STREAM} request
	 * @param itemType how to decode the items
	 * @param subscriber receives the items
	 */
	void stream(Frame.Call frame, JavaType itemType, CoreSubscriber<? super Object> subscriber) {
		ByteBuf encoded;
		try {
			encoded = this.wire.encode(this.channel, frame);
		}
		catch (RuntimeException | StackOverflowError ex) {
			Operators.error(subscriber, new WireValueException("the arguments of " + describe(frame)
					+ " cannot be encoded: " + WireReasons.typeOf(unencodable(frame)) + ": " + WireReasons.of(ex), ex));
			return;
		}
		long id = frame.id();
		Channel current = this.channel;
		RemoteStream stream = new RemoteStream(id, itemType, subscriber, describe(frame), current, this.wire, () -> {
			if (this.streams.remove(id) != null && isOpen()) {
				current.writeAndFlush(this.wire.encode(current.alloc(), new Frame.Cancel(id)), current.voidPromise());
			}
		});
		subscriber.onSubscribe(stream);
		this.streams.put(id, stream);
		if (this.closed) {
			this.streams.remove(id);
			encoded.release();
			stream.fail(lost(null));
			return;
		}
		current.eventLoop().execute(() -> {
			current.writeAndFlush(encoded).addListener((future) -> {
				if (!future.isSuccess() && this.streams.remove(id) != null) {
					stream.fail(lost(future.cause()));
				}
			});
			stream.started();
		});
	}

	private PoolDownException lost(Throwable cause) {
		String reason = this.closeReason;
		return new PoolDownException("connection to actor pool " + this.peer + " lost" + ((reason != null) ? ": " + reason : ""),
				cause);
	}

	private String describe(Frame frame) {
		if (frame instanceof Frame.Request request) {
			return describe(request.type(), request.target(), request.uid(), request.name());
		}
		// a report, sent to the node itself
		return describe(frame.type(), this.peer, null, null);
	}

	/** @return what a request does, for messages: "call m of actor 'uid' at address" */
	private static String describe(FrameType type, String target, String uid, String name) {
		if (type == FrameType.CALL || type == FrameType.TELL || type == FrameType.BATCH || type == FrameType.TELL_BATCH
				|| type == FrameType.STREAM) {
			return "call " + name + " of actor '" + uid + "' at " + target;
		}
		return "request " + type.code() + ((name != null) ? " " + name : "") + " to " + target;
	}

	/** @return the argument that did not encode if there is just one, else the arguments */
	private static Object unencodable(Frame frame) {
		Object payload = (frame instanceof Frame.Call call) ? call.args() : (frame instanceof Frame.Batch batch)
				? batch.calls() : (frame instanceof Frame.Create create) ? create.args()
				: (frame instanceof Frame.Report report) ? report.event() : null;
		return (payload instanceof Object[] args && args.length == 1) ? args[0] : payload;
	}

	/**
	 * Completes the call an answer is for. Whatever fails here fails that call alone: the frame was
	 * delimited by its length, so the connection and the other calls on it carry on.
	 */
	/**
	 * Completes the call an answer is for. Whatever fails here fails that call alone: the frame was
	 * delimited by its length, so the connection and the other calls on it carry on.
	 */
	@Override
	protected void channelRead0(ChannelHandlerContext context, ReceivedFrame frame) {
		if (!this.greeted) {
			if (!this.refused) {
				checkHello(context, frame);
			}
			return;
		}
		Frame answer;
		try {
			answer = this.receiver.decode(frame);
		}
		catch (RuntimeException ex) {
			logger.warn("Closing connection to {}: malformed frame ({})", this.peer, ex.getMessage());
			this.closeReason = "it sent a malformed frame (" + ex.getMessage() + ")";
			context.close();
			return;
		}
		long id;
		if (answer instanceof Frame.Result result) {
			id = result.id();
		}
		else if (answer instanceof Frame.Error error) {
			id = error.id();
			if (!this.pending.containsKey(id)) {
				RemoteStream stream = this.streams.remove(id);
				if (stream != null) {
					stream.fail(rebuild(error));
				}
				return;
			}
		}
		else if (answer instanceof Frame.Items items) {
			RemoteStream stream = this.streams.get(items.id());
			if (stream != null) {
				deliver(stream, items);
			}
			return;
		}
		else if (answer instanceof Frame.End end) {
			RemoteStream stream = this.streams.remove(end.id());
			if (stream != null) {
				stream.complete();
			}
			return;
		}
		else {
			logger.warn("Closing connection to {}: it sent a {} frame where answers are expected", this.peer, answer.type());
			this.closeReason = "it sent a " + answer.type() + " frame where answers are expected";
			context.close();
			return;
		}
		Pending call = this.pending.remove(id);
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

	/** The peer's first frame must be a Hello of this node's version; else the connection does not open. */
	private void checkHello(ChannelHandlerContext context, ReceivedFrame frame) {
		Frame.Hello hello = this.wire.hello(frame);
		if (hello != null && hello.version() == Frame.Hello.VERSION) {
			this.greeted = true;
			ScheduledFuture<?> check = this.helloCheck;
			if (check != null) {
				check.cancel(false);
			}
			this.opened.complete(this);
			return;
		}
		this.refused = true;
		refuse((hello == null)
				? "node at " + this.peer + " does not speak wire protocol version " + Frame.Hello.VERSION
						+ ": its first frame is not a Hello"
				: "node at " + this.peer + " speaks wire protocol version " + hello.version() + ", this node speaks "
						+ Frame.Hello.VERSION);
		context.close();
	}

	/** Hands items to their stream; items that do not decode fail it, and the producer is told to stop. */
	private void deliver(RemoteStream stream, Frame.Items items) {
		List<?> decoded;
		try {
			if (items.items() instanceof UndecodableResult failed) {
				throw failed.error();
			}
			decoded = (items.tree() != null) ? decodeItems(items, stream.itemType()) : (List<?>) items.items();
		}
		catch (RuntimeException ex) {
			failStream(stream, new WireValueException("items of " + stream.describe() + " cannot be decoded into "
					+ stream.itemType().toCanonical() + ": " + WireReasons.of(ex), ex));
			return;
		}
		String violation;
		try {
			violation = stream.items(decoded);
		}
		catch (RuntimeException | LinkageError ex) {
			// the subscriber threw: as Reactive Streams has it, the stream is cancelled and it gets the error
			failStream(stream, ex);
			return;
		}
		if (violation != null) {
			failStream(stream, new WireValueException(violation));
		}
	}

	private void failStream(RemoteStream stream, Throwable error) {
		stream.cancel();
		stream.fail(error);
	}

	private List<Object> decodeItems(Frame.Items items, JavaType itemType) {
		List<Object> decoded = new ArrayList<>(items.tree().size());
		for (JsonNode element : items.tree()) {
			decoded.add(this.wire.convert(element, itemType, items.attachments()));
		}
		return decoded;
	}

	private Throwable rebuild(Frame.Error error) {
		return this.errors.rebuild(Objects.requireNonNull(error.error(), "an error without details"), this.peer);
	}

	private void complete(Pending call, Frame answer) {
		if (answer instanceof Frame.Error error) {
			call.completeExceptionally(rebuild(error));
			return;
		}
		Frame.Result result = (Frame.Result) answer;
		if (result.value() instanceof UndecodableResult failed) {
			call.completeExceptionally(undecodable(call, failed.error()));
			return;
		}
		if (result.tree() == null) {
			call.complete(result.value());
			return;
		}
		Object value;
		try {
			value = decode(result, call);
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
		if (call != null) {
			return new AnswerTypes.Expected(call.resultType, call.batch);
		}
		RemoteStream stream = this.streams.get(id);
		return (stream != null) ? new AnswerTypes.Expected(stream.itemType(), true) : null;
	}

	private Object decode(Frame.Result answer, Pending call) {
		JsonNode payload = answer.tree();
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
		String reason = this.closeReason;
		refuse("node at " + this.peer + " closed the connection before its Hello" + ((reason != null) ? ": " + reason : ""));
		List<Pending> lost = new ArrayList<>();
		for (Long id : List.copyOf(this.pending.keySet())) {
			Pending call = this.pending.remove(id);
			if (call != null) {
				lost.add(call);
			}
		}
		List<RemoteStream> cut = new ArrayList<>();
		for (Long id : List.copyOf(this.streams.keySet())) {
			RemoteStream stream = this.streams.remove(id);
			if (stream != null) {
				cut.add(stream);
			}
		}
		if (!lost.isEmpty() || !cut.isEmpty()) {
			PoolDownException down = lost(null);
			this.losses.explain(this.peer, down).whenComplete((explained, error) -> {
				PoolDownException why = (explained != null) ? explained : down;
				lost.forEach((call) -> call.completeExceptionally(why));
				cut.forEach((stream) -> stream.fail(why));
			});
		}
		super.channelInactive(context);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
		String tlsFailure = TlsFailures.dialed(this.peer, cause);
		if (tlsFailure != null) {
			// with TLS 1.3 a refused client certificate shows after the handshake, on the first read
			logger.warn("Closing connection to {}: {}", this.peer, tlsFailure);
			this.closeReason = tlsFailure;
			refuse(tlsFailure);
		}
		else if (cause instanceof java.io.IOException) {
			logger.info("Connection to {} lost: {}", this.peer, cause.getMessage());
		}
		else {
			logger.warn("Closing connection to {}: {}", this.peer, cause.toString());
			this.closeReason = cause.getMessage();
		}
		context.close();
	}

	/** A call waiting for its answer; cancelling it tells the peer to cancel the call. */
	/** Says why calls in flight are lost when a connection is (the node may know: the peer's process died). */
	@FunctionalInterface
	interface Losses {

		/**
		 * @param peer the peer node's address
		 * @param lost what the calls fail with when nothing more is known
		 * @return completes with what they fail with
		 */
		CompletableFuture<PoolDownException> explain(String peer, PoolDownException lost);

	}

	private final class Pending extends AbortableFuture {

		private final long id;

		private final JavaType resultType;

		private final boolean batch;

		private final FrameType type;

		private final String target;

		private final String uid;

		private final String name;

		Pending(long id, JavaType resultType, boolean batch, FrameType type, String target, String uid, String name) {
			this.id = id;
			this.resultType = resultType;
			this.batch = batch;
			this.type = type;
			this.target = target;
			this.uid = uid;
			this.name = name;
		}

		String describe() {
			return PeerConnection.describe(this.type, this.target, this.uid, this.name);
		}

		@Override
		protected void cancelWork() {
			if (PeerConnection.this.pending.remove(this.id) != null && isOpen()) {
				PeerConnection.this.channel.writeAndFlush(PeerConnection.this.wire.encode(
						PeerConnection.this.channel.alloc(), new Frame.Cancel(this.id)))
					.addListener((ignored) -> {
					});
			}
		}

	}

}
