package io.xoscar.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.unix.DomainSocketAddress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
 * Floor of {@link StreamingCrossProcess}: the same streams as bare bytes. The JMH thread sends a
 * request to {@link RawStreamServer} in a child JVM (over a Unix domain socket or loopback TCP,
 * {@code channel}) and waits on a future that the reactor-netty {@link TcpClient}'s event loop
 * completes when the last frame has been read; one stream per invocation.
 * <ul>
 * <li>{@code smallItems}: {@value StreamingCrossProcess#N} frames of a 4-byte length and an 8-byte
 * long, which the reader parses one by one (length, value, summed and counted; no objects per
 * item). Score: items/s.</li>
 * <li>{@code chunks}: {@value StreamingCrossProcess#CHUNKS} frames of a 1 MiB body, whose bytes the
 * reader counts and skips (no copy beyond the socket read). Score: MiB/s (ops = chunks); the
 * secondary score {@code :streamedMB} is MB/s (10^6 bytes), as in {@link StreamingCrossProcess}.</li>
 * </ul>
 * Nothing is serialized: no object, no CBOR, no credit frames; backpressure is TCP's flow control
 * and reactor-netty's writability.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class RawStreamFloor {

	/** The stream server in a child JVM, started once per trial, stopped (killed if need be) after it. */
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
			this.child = ChildJvm.start(ChildJvmSpec.of("raw-stream", RawStreamServer.class.getName())
				.withJvmArgs(Systems.CHILD_JVM_ARGS));
			String[] ready = this.child.readyPayload().split(" ", 2);
			this.port = Integer.parseInt(ready[0]);
			this.socket = Path.of(ready[1]);
		}

		@TearDown(Level.Trial)
		public void stop() throws IOException {
			this.child.close();
			Files.deleteIfExists(this.socket);
		}

	}

	/** A reactor-netty connection to the server whose reader parses and counts the frames. */
	@State(Scope.Thread)
	public static class Client {

		final FrameCounter counter = new FrameCounter();

		Connection connection;

		@Setup(Level.Trial)
		public void connect(Server server) {
			SocketAddress address = server.channel.equals("unix") ? new DomainSocketAddress(server.socket.toFile())
					: new InetSocketAddress("127.0.0.1", server.port);
			this.connection = TcpClient.newConnection()
				.remoteAddress(() -> address)
				.doOnConnected((c) -> c.addHandlerLast("count", this.counter))
				.handle((in, out) -> in.receive().then())
				.connectNow(Duration.ofSeconds(10));
			// check the frames once: the values in order, the chunk bodies whole
			long sum = stream(RawStreamServer.SMALL, 10_000).sum;
			if (sum != 10_000L * 9_999 / 2) {
				throw new IllegalStateException("10000 small frames summed to " + sum);
			}
			Stream chunks = stream(RawStreamServer.CHUNKS, 3);
			if (chunks.bodyBytes != 3L * Streamer.CHUNK) {
				throw new IllegalStateException("3 chunks brought " + chunks.bodyBytes + " bytes");
			}
		}

		Stream stream(byte kind, int count) {
			Stream stream = new Stream(count);
			this.counter.current = stream;
			Channel channel = this.connection.channel();
			channel.writeAndFlush(channel.alloc()
				.buffer(RawStreamServer.REQUEST)
				.writeInt(RawStreamServer.REQUEST - 4)
				.writeByte(kind)
				.writeInt(count));
			try {
				return stream.done.get(Systems.TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("stream of " + count + " '" + (char) kind + "' frames: " + ex, ex);
			}
		}

		@TearDown(Level.Trial)
		public void close() {
			this.connection.disposeNow();
		}

	}

	/** One stream's tally, written on the event loop, read after {@link #done}. */
	static final class Stream {

		final long expected;

		final CompletableFuture<Stream> done = new CompletableFuture<>();

		long frames;

		long sum;

		long bodyBytes;

		Stream(long expected) {
			this.expected = expected;
		}

	}

	/**
	 * Parses length-prefixed frames as bytes arrive, across buffer boundaries, without cumulating:
	 * an 8-byte body is read as a long and summed, a longer one skipped.
	 */
	static final class FrameCounter extends ChannelInboundHandlerAdapter {

		private static final int HEADER = 0;

		private static final int VALUE = 1;

		private static final int SKIP = 2;

		volatile Stream current;

		private int phase = HEADER;

		/** Bytes of the header or value still missing. */
		private int need = 4;

		private long partial;

		private int skip;

		@Override
		public void channelRead(ChannelHandlerContext context, Object msg) {
			ByteBuf buffer = (ByteBuf) msg;
			Stream stream = this.current;
			try {
				while (buffer.isReadable()) {
					if (this.phase == SKIP) {
						int n = Math.min(this.skip, buffer.readableBytes());
						buffer.skipBytes(n);
						this.skip -= n;
						stream.bodyBytes += n;
						if (this.skip == 0) {
							frameDone(stream);
						}
						continue;
					}
					int size = (this.phase == HEADER) ? 4 : 8;
					long value;
					if (this.need == size && buffer.readableBytes() >= size) {
						value = (size == 4) ? buffer.readInt() : buffer.readLong();
					}
					else {
						while (this.need > 0 && buffer.isReadable()) {
							this.partial = (this.partial << 8) | buffer.readUnsignedByte();
							this.need--;
						}
						if (this.need > 0) {
							break;
						}
						value = this.partial;
					}
					this.partial = 0;
					if (this.phase == HEADER) {
						int length = (int) value;
						if (length == 8) {
							this.phase = VALUE;
							this.need = 8;
						}
						else {
							this.phase = SKIP;
							this.skip = length;
							if (length == 0) {
								frameDone(stream);
							}
						}
					}
					else {
						stream.sum += value;
						stream.bodyBytes += 8;
						frameDone(stream);
					}
				}
			}
			finally {
				buffer.release();
			}
		}

		private void frameDone(Stream stream) {
			this.phase = HEADER;
			this.need = 4;
			if (++stream.frames == stream.expected) {
				stream.done.complete(stream);
			}
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
			Stream stream = this.current;
			if (stream != null) {
				stream.done.completeExceptionally(cause);
			}
			context.close();
		}

	}

	@Benchmark
	@OperationsPerInvocation(StreamingCrossProcess.N)
	public long smallItems(Client client) {
		Stream stream = client.stream(RawStreamServer.SMALL, StreamingCrossProcess.N);
		if (stream.sum != (long) StreamingCrossProcess.N * (StreamingCrossProcess.N - 1) / 2) {
			throw new IllegalStateException(StreamingCrossProcess.N + " small frames summed to " + stream.sum);
		}
		return stream.sum;
	}

	@Benchmark
	@OperationsPerInvocation(StreamingCrossProcess.CHUNKS)
	public long chunks(Client client, StreamingCrossProcess.Streamed streamed) {
		Stream stream = client.stream(RawStreamServer.CHUNKS, StreamingCrossProcess.CHUNKS);
		if (stream.bodyBytes != (long) StreamingCrossProcess.CHUNKS * Streamer.CHUNK) {
			throw new IllegalStateException(StreamingCrossProcess.CHUNKS + " chunks brought " + stream.bodyBytes + " bytes");
		}
		streamed.streamedMB += stream.bodyBytes / 1e6;
		return stream.bodyBytes;
	}

}
