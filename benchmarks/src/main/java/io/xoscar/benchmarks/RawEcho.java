package io.xoscar.benchmarks;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.netty.Connection;
import reactor.netty.tcp.TcpClient;

import io.xoscar.internal.process.ChildJvm;
import io.xoscar.internal.process.ChildJvmSpec;

/**
 * Cross-process floor: one request/response of a {@value #FRAME}-byte length-prefixed frame (the size
 * of xoscar's request frame for {@code call(long)}: 4-byte prefix and 44 bytes of CBOR) to a raw
 * reactor-netty echo server in a child JVM ({@link RawEchoServer}), one at a time, over a Unix domain
 * socket or loopback TCP ({@code channel}). Mode {@link Mode#SampleTime}, µs per round trip.
 * <ul>
 * <li>{@code blockingLatency}: the JMH thread does blocking {@link SocketChannel} I/O itself
 * ({@link UnixDomainSocketAddress} for {@code unix}, {@code TCP_NODELAY} for {@code tcp}): a write
 * and a read, no other thread on the client side. The lowest floor.</li>
 * <li>{@code nettyLatency}: a reactor-netty {@link TcpClient} connection (native epoll, as xoscar's);
 * the JMH thread writes a frame and waits on a future the event loop completes when the reply frame
 * has arrived: the thread hand-offs a caller of xoscar has too.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class RawEcho {

	/** Bytes per frame, length prefix included. */
	static final int FRAME = 48;

	/** The echo server in a child JVM, started once per trial. */
	@State(Scope.Benchmark)
	public static class Server {

		@Param({ "unix", "tcp" })
		public String channel;

		ChildJvm child;

		int port;

		Path socket;

		@Setup(Level.Trial)
		public void start() {
			if (!this.channel.equals("unix") && !this.channel.equals("tcp")) {
				throw new IllegalArgumentException("channel must be unix or tcp, was " + this.channel);
			}
			this.child = ChildJvm.start(ChildJvmSpec.of("raw-echo", RawEchoServer.class.getName())
				.withJvmArgs(Systems.CHILD_JVM_ARGS));
			String[] ready = this.child.readyPayload().split(" ", 2);
			this.port = Integer.parseInt(ready[0]);
			this.socket = Path.of(ready[1]);
		}

		boolean unix() {
			return this.channel.equals("unix");
		}

		@TearDown(Level.Trial)
		public void stop() throws IOException {
			this.child.close();
			Files.deleteIfExists(this.socket);
		}

	}

	/** Blocking {@link SocketChannel} client on the JMH thread. */
	@State(Scope.Thread)
	public static class BlockingClient {

		SocketChannel channel;

		final ByteBuffer request = ByteBuffer.allocateDirect(FRAME);

		final ByteBuffer reply = ByteBuffer.allocateDirect(FRAME);

		@Setup(Level.Trial)
		public void connect(Server server) throws IOException {
			if (server.unix()) {
				this.channel = SocketChannel.open(UnixDomainSocketAddress.of(server.socket));
			}
			else {
				this.channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", server.port));
				this.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			}
			this.request.putInt(FRAME - 4);
			while (this.request.hasRemaining()) {
				this.request.put((byte) this.request.position());
			}
		}

		int roundTrip() throws IOException {
			ByteBuffer out = this.request;
			out.clear();
			while (out.hasRemaining()) {
				this.channel.write(out);
			}
			ByteBuffer in = this.reply;
			in.clear();
			while (in.hasRemaining()) {
				if (this.channel.read(in) < 0) {
					throw new EOFException("echo server closed the connection");
				}
			}
			return in.getInt(FRAME - 4);
		}

		@TearDown(Level.Trial)
		public void close() throws IOException {
			this.channel.close();
		}

	}

	/** reactor-netty client: the JMH thread writes, the event loop completes a future per reply. */
	@State(Scope.Thread)
	public static class NettyClient {

		final Replies replies = new Replies();

		final byte[] request = new byte[FRAME];

		Connection connection;

		@Setup(Level.Trial)
		public void connect(Server server) {
			java.net.SocketAddress address = server.unix() ? new DomainSocketAddress(server.socket.toFile())
					: new InetSocketAddress("127.0.0.1", server.port);
			ByteBuffer.wrap(this.request).putInt(FRAME - 4);
			for (int i = 4; i < FRAME; i++) {
				this.request[i] = (byte) i;
			}
			this.connection = TcpClient.newConnection()
				.remoteAddress(() -> address)
				.doOnConnected((c) -> c
					.addHandlerLast("frames", new LengthFieldBasedFrameDecoder(RawEchoServer.MAX_FRAME, 0, 4, 0, 0))
					.addHandlerLast("replies", this.replies))
				.handle((in, out) -> in.receive().then())
				.connectNow(Duration.ofSeconds(10));
		}

		int roundTrip() throws InterruptedException, ExecutionException, TimeoutException {
			CompletableFuture<Integer> reply = new CompletableFuture<>();
			this.replies.pending = reply;
			Channel channel = this.connection.channel();
			ByteBuf frame = channel.alloc().buffer(FRAME).writeBytes(this.request);
			channel.writeAndFlush(frame);
			return reply.get(Systems.TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
		}

		@TearDown(Level.Trial)
		public void close() {
			this.connection.disposeNow();
		}

	}

	/** Completes the pending future with the last byte of each reply frame. */
	static final class Replies extends SimpleChannelInboundHandler<ByteBuf> {

		volatile CompletableFuture<Integer> pending;

		@Override
		protected void channelRead0(ChannelHandlerContext context, ByteBuf frame) {
			this.pending.complete(frame.getInt(FRAME - 4));
		}

	}

	@Benchmark
	public int blockingLatency(BlockingClient client) throws IOException {
		return client.roundTrip();
	}

	@Benchmark
	public int nettyLatency(NettyClient client) throws Exception {
		return client.roundTrip();
	}

}
