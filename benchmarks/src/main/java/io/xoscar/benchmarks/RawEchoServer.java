package io.xoscar.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;

import io.xoscar.internal.process.ChildMainSupport;

/**
 * The server side of {@link RawEcho}, run in a child JVM: a reactor-netty {@link TcpServer} (native
 * epoll transport, like xoscar's) on a free loopback TCP port and on a Unix domain socket, both
 * echoing every length-prefixed frame (4-byte length, then the bytes) back unchanged, with nothing
 * else in the pipeline. Reports {@code <port> <socket path>} as its ready payload.
 */
public final class RawEchoServer {

	/** Largest frame accepted. */
	static final int MAX_FRAME = 1 << 20;

	private RawEchoServer() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		Path socket = Path.of(System.getProperty("java.io.tmpdir"), "xoscar-raw-echo-" + ProcessHandle.current().pid() + ".sock");
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
				.addHandlerLast("frames", new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 0))
				.addHandlerLast("echo", new Echoer()))
			// frames are consumed by our handler; subscribing keeps reactor-netty reading (as in xoscar)
			.handle((in, out) -> in.receive().then());
	}

	/** Writes each frame (prefix included) back as it is. */
	static final class Echoer extends ChannelInboundHandlerAdapter {

		@Override
		public void channelRead(ChannelHandlerContext context, Object frame) {
			context.writeAndFlush(frame);
		}

	}

}
