package io.xoscar.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;

import io.xoscar.internal.process.ChildMainSupport;

/**
 * The server side of {@link RawStreamFloor}, run in a child JVM: a reactor-netty {@link TcpServer}
 * (native epoll, like xoscar's) on a free loopback TCP port and on a Unix domain socket. Each request
 * (a length-prefixed frame: kind byte, int count) is answered with {@code count} length-prefixed
 * frames, written with {@code NettyOutbound.send(Flux<ByteBuf>)}, so as fast as the socket and the
 * reader take them:
 * <ul>
 * <li>{@link #SMALL}: frames of one 8-byte long (0, 1, …), {@value #BATCH} frames per buffer (the
 * largest batch xoscar's credit window lets through); the buffer is allocated and written per batch,
 * no objects made per item.</li>
 * <li>{@link #CHUNKS}: frames of a 1 MiB body, always the same direct buffer filled once at start
 * (sent as a 4-byte header plus a retained duplicate of it, no copy).</li>
 * </ul>
 * Reports {@code <port> <socket path>} as its ready payload.
 */
public final class RawStreamServer {

	/** Request kind: small frames of 8-byte longs. */
	static final byte SMALL = 'S';

	/** Request kind: 1 MiB frames. */
	static final byte CHUNKS = 'C';

	/** Bytes of a request frame, prefix included. */
	static final int REQUEST = 4 + 1 + 4;

	/** Small frames per buffer written. */
	static final int BATCH = 512;

	/** Bytes of a small frame: 4-byte length, 8-byte long. */
	static final int SMALL_FRAME = 4 + 8;

	private static final ByteBuf CHUNK = Unpooled.unreleasableBuffer(filledChunk());

	private RawStreamServer() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		Path socket = Path.of(System.getProperty("java.io.tmpdir"),
				"xoscar-raw-stream-" + ProcessHandle.current().pid() + ".sock");
		Files.deleteIfExists(socket);
		DisposableServer tcp = server().host("127.0.0.1").port(0).bindNow(Duration.ofSeconds(10));
		DisposableServer unix = server().bindAddress(() -> new DomainSocketAddress(socket.toFile()))
			.bindNow(Duration.ofSeconds(10));
		ChildMainSupport.ready(((InetSocketAddress) tcp.address()).getPort() + " " + socket);
		new CountDownLatch(1).await();
		unix.disposeNow();
		tcp.disposeNow();
	}

	private static TcpServer server() {
		return TcpServer.create()
			.doOnConnection((connection) -> connection
				.addHandlerLast("requests", new LengthFieldBasedFrameDecoder(64, 0, 4, 0, 4)))
			.handle((in, out) -> in.receive()
				.map((request) -> new Request(request.readByte(), request.readInt()))
				.concatMap((request) -> out.send(frames(out.alloc(), request)).then(), 1));
	}

	record Request(byte kind, int count) {
	}

	private static Flux<ByteBuf> frames(ByteBufAllocator alloc, Request request) {
		int count = request.count();
		return switch (request.kind()) {
			case SMALL -> Flux.range(0, (count + BATCH - 1) / BATCH).map((batch) -> {
				long first = (long) batch * BATCH;
				int n = (int) Math.min(BATCH, count - first);
				ByteBuf buffer = alloc.directBuffer(n * SMALL_FRAME);
				for (int i = 0; i < n; i++) {
					buffer.writeInt(8).writeLong(first + i);
				}
				return buffer;
			});
			case CHUNKS -> Flux.range(0, count)
				.map((i) -> Unpooled.wrappedBuffer(alloc.directBuffer(4).writeInt(Streamer.CHUNK), CHUNK.duplicate()));
			default -> Flux.error(new IllegalArgumentException("unknown request kind " + request.kind()));
		};
	}

	private static ByteBuf filledChunk() {
		byte[] bytes = new byte[Streamer.CHUNK];
		ThreadLocalRandom.current().nextBytes(bytes);
		return Unpooled.directBuffer(Streamer.CHUNK).writeBytes(bytes);
	}

}
